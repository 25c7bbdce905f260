// An independent cross-check of where the frontmatter block ends, on every page of both corpora: gray-matter
// (the splitter much of the JavaScript world uses) against our parser. Only the split is compared, not the
// YAML: gray-matter's js-yaml rejects what PyYAML accepts (repeated keys, which the corpora have).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import matter from 'gray-matter';
import { NodeWorkspace } from '../../server/src/nodeWorkspace';
import { parsePage } from '../../server/src/service/frontmatter';
import { CORPORA } from './check.test';

/** gray-matter's split of `text`, without parsing the YAML. */
const split = (text: string) => matter(text, { engines: { yaml: () => ({}) } });

/**
 * Where the block is, by both. gray-matter's YAML is the text from the end of the opening `---` to the line break
 * before the closing `---`, and its body starts after those three dashes, less one `\r` and one `\n`. Ours are
 * the YAML lines (`contentStart`..`contentEnd`, the closing line starting at `contentEnd`) and the text after the
 * whole closing line. So both found the same delimiters when gray-matter's YAML and body are exactly what our
 * offsets say they must be.
 */
function compare(raw: string): { block: boolean; theirs: [string, string]; ours: [string, string] } {
  const page = parsePage(raw);
  const theirs = split(raw);
  const fm = page.frontmatter;
  if (fm?.status !== 'closed') return { block: false, theirs: [theirs.matter, theirs.content], ours: ['', page.text] };
  const { text } = page;
  assert.match(text.slice(3, fm.contentStart), /^[ \t]*\r?\n$/, 'the YAML starts on the line after the opening ---');
  assert.match(text.slice(fm.contentEnd, page.bodyStart), /^---[ \t]*(\r?\n|$)/, 'a closing --- line');
  return { block: true, theirs: [theirs.matter, theirs.content], ours: [text.slice(3, Math.max(3, fm.contentEnd - 1)), text.slice(fm.contentEnd + 3).replace(/^\r/, '').replace(/^\n/, '')] };
}

describe('corpus: the frontmatter split, cross-checked with gray-matter', () => {
  it('agrees on small cases: LF, CRLF, blanks after the delimiters, an empty block, no block', () => {
    const cases: [string, boolean][] = [
      ['---\ntitle: A\n---\n# A\n', true],
      ['---\r\ntitle: A\r\n---\r\n# A\r\n', true],
      ['--- \ntitle: A\n---  \n\n# A\n', true],
      ['---\ntitle: A\n---\n \n# A\n', true],
      ['---\n---\n# A\n', true],
      ['# A\n---\n', false],
    ];
    for (const [text, block] of cases) {
      const found = compare(text);
      assert.equal(found.block, block, JSON.stringify(text));
      assert.deepEqual(found.theirs, found.ours, JSON.stringify(text));
    }
  });

  for (const corpus of ['algoritmekader-2024-08', 'algoritmekader-2026-06']) {
    it(`agrees on every page of ${corpus}`, () => {
      const root = join(CORPORA, corpus);
      const pages = new NodeWorkspace(root).listMarkdownFiles();
      const without: string[] = [];
      for (const path of pages) {
        const found = compare(readFileSync(join(root, path), 'utf8'));
        if (!found.block) without.push(path);
        assert.deepEqual(found.theirs, found.ours, path);
      }
      // The pages whose first line is not ---: no block for either.
      assert.deepEqual(without.sort(), {
        'algoritmekader-2024-08': ['includes/begrippenlijst.md'],
        'algoritmekader-2026-06': [
          'docs/over-het-algoritmekader/cookies.md',
          'docs/over-het-algoritmekader/copyright.md',
          'docs/over-het-algoritmekader/kwetsbaarheid-melden.md',
          'docs/over-het-algoritmekader/privacy.md',
          'docs/over-het-algoritmekader/sitemap.md',
          'docs/over-het-algoritmekader/toegankelijkheid.md',
          'docs/over-het-algoritmekader/veelgestelde-vragen.md',
          'includes/begrippenlijst.md',
        ],
      }[corpus]);
    });
  }
});
