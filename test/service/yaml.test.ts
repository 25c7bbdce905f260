// How YAML syntax problems in the frontmatter are reported: where (exact ranges, never on the closing
// `---`), how often (one fault, one diagnostic), in which words (Dutch and English), and where the `yaml`
// package and the site's reader (PyYAML safe_load) disagree. Also the ranges of block scalars.
import assert from 'node:assert/strict';
import { parsePage, parsePageFast, parsePageWithYaml, type FmValue } from '../../server/src/service/frontmatter';
import { CURRENT_BASE } from '../memoryWorkspace';
import { diagnose, seen, type Seen } from './harness';

const M = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag.md';

/** The diagnostics of a measure page with `text`, without the missing-key ones (they only say which keys are absent). */
const scalarValue = (v: FmValue) => (v.kind === 'scalar' ? v.value : undefined);

const check = (text: string, lang: 'en' | 'nl' = 'en'): Seen[] =>
  diagnose({ ...CURRENT_BASE, [M]: text }, M, lang)
    .map(seen)
    .filter((d) => d.code !== 'frontmatter.missing-key');

describe('block scalars', () => {
  it('a folded or literal value ends at its last character, not on the next line', () => {
    const text = '---\ntitle: >-\n  Foo\n  bar.\nid: urn:nl:ak:mtr:owp-01\n---\n';
    assert.deepEqual(check(text), [
      { code: 'frontmatter.title-period', range: '1:7-3:6', message: 'The title ends in a period; the templates say: no period after the title.' },
    ]);
    const title = parsePage(text).frontmatter!.entries[0].value;
    assert.equal(title.kind === 'scalar' && title.source, '>-\n  Foo\n  bar.');
    // Kept blank lines (`|+`) and trailing spaces are not part of the range either.
    const kept = parsePage('---\ntitle: |+\n  Foo.  \n\n\nid: x\n---\n').frontmatter!.entries[0].value;
    assert.deepEqual([kept.range, scalarValue(kept)], [{ start: { line: 1, character: 7 }, end: { line: 2, character: 6 } }, 'Foo.  \n\n\n']);
  });

  it('an empty block scalar is its header (a comment after it is not part of it)', () => {
    const empty = parsePage('---\ntitle: > # c\nid: x\n---\n').frontmatter!.entries[0].value;
    assert.deepEqual([empty.start, empty.end, scalarValue(empty)], [11, 12, '']);
  });

  it('a map or list ends where its last block scalar does', () => {
    const page = parsePage('---\nsources:\n  a: |\n    x\n\nid: x\n---\n');
    assert.deepEqual(page.frontmatter!.entries[0].value.range, { start: { line: 2, character: 2 }, end: { line: 3, character: 5 } });
  });

  it('the fast reader leaves block scalars to yaml, so both paths give the same model', () => {
    const text = '---\ntitle: >-\n  Foo\n  bar.\nid: x\n---\n';
    assert.equal(parsePageFast(text), undefined);
    assert.deepEqual(parsePage(text), parsePageWithYaml(text));
  });
});
