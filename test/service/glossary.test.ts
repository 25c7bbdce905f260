// The glossary (includes/begrippenlijst.md): hover on a term in a page's text, as the site's abbr tooltip;
// definitions the site ignores, reported on the glossary file.
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { parseGlossary } from '../../server/src/service/glossary';
import { LineIndex } from '../../server/src/service/text';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { at, seen } from './harness';

const G = 'includes/begrippenlijst.md';
const P = 'docs/voldoen-aan-wetten-en-regels/vereisten/aia-01-ai-geletterdheid.md';
const GLOSSARY = [
  '*[AI-systeem]: Een op een machine gebaseerd systeem.',
  '*[AI-systeem voor algemene doeleinden]:\tEen AI-systeem dat verschillende doeleinden kan dienen.',
  '*[AVG]: Algemene Verordening Gegevensbescherming.',
  '*[AVG]: Algemene Verordening *Gegevens*bescherming.',
  '*[leeg]:',
  '',
  '*[DPIA]:',
  '   Data protection impact assessment.',
  '*[vervallen]: Oud.',
  '*[vervallen]: ""',
  '',
].join('\n');

/** A page whose text marks the cursor with `|`. */
function hover(body: string, glossary = GLOSSARY, language: 'en' | 'nl' = 'en') {
  const offset = body.indexOf('|');
  const text = `---\ntitle: AI-geletterdheid\n---\n${body.replace('|', '')}`;
  const service = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [G]: glossary, [P]: text }), { language });
  return service.hover(P, new LineIndex(text).positionAt(offset + '---\ntitle: AI-geletterdheid\n---\n'.length));
}

describe('glossary: hover', () => {
  it('a term in the text: its definition, with the place it is defined', () => {
    const h = hover('Elk AV|G-register.\n');
    assert.equal(h && at(h.range), '3:4-3:7');
    // The later definition of AVG is the one the site uses; Markdown in it is shown as written.
    assert.equal(h?.contents, '**AVG**: Algemene Verordening \\*Gegevens\\*bescherming.\n\nGlossary: [includes/begrippenlijst.md:4](memory:///includes/begrippenlijst.md#L4)');
    assert.match(hover('Elk AV|G-register.\n', GLOSSARY, 'nl')?.contents ?? '', /\n\nBegrippenlijst: \[includes\/begrippenlijst\.md:4\]/);
  });

  it('the longest term wins, as the site matches longest first', () => {
    const h = hover('Een AI-systeem voor algemene doel|einden is breed.\n');
    assert.equal(h && at(h.range), '3:4-3:39');
    assert.match(h?.contents ?? '', /^\*\*AI-systeem voor algemene doeleinden\*\*: Een AI-systeem dat/);
    assert.equal(hover('Een AI-sys|teem.\n')?.range.end.character, 14);
  });

  it('only whole words, case-sensitively, as the site marks them', () => {
    assert.equal(hover('De AVGB| en avg|.\n'), undefined);
    assert.equal(hover('De xAVG|.\n'), undefined);
    assert.equal(hover('De ÄAVG|.\n'), undefined, 'a letter outside ASCII is a word character too');
    assert.ok(hover('(AVG|)\n'));
  });

  it('not in the frontmatter, code, or a comment; a definition on the next line counts; a removed term does not', () => {
    assert.equal(hover('`AV|G` en\n'), undefined);
    assert.equal(hover('```\nAV|G\n```\n'), undefined);
    assert.equal(hover('<!-- AV|G -->\n'), undefined);
    assert.equal(hover('Een le|eg woord.\n'), undefined, 'no definition: no tooltip');
    assert.match(hover('De DP|IA.\n')?.contents ?? '', /^\*\*DPIA\*\*: Data protection impact assessment\./);
    assert.equal(hover('Het vervall|en.\n'), undefined, '*[term]: "" removes the term');
    const fm = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [G]: GLOSSARY, [P]: '---\ntitle: AVG\n---\n' }), { language: 'en' });
    assert.equal(fm.hover(P, { line: 1, character: 8 }), undefined);
  });

  it('outside docs/ (templates, the glossary itself) no term is marked', () => {
    const service = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [G]: GLOSSARY, 'templates/template-vereiste.md': 'De AVG.\n' }), { language: 'en' });
    assert.equal(service.hover('templates/template-vereiste.md', { line: 0, character: 4 }), undefined);
  });
});

describe('glossary: findings on the glossary file', () => {
  it('a term defined twice (on the one the site ignores) and an empty definition', () => {
    const service = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [G]: GLOSSARY }), { language: 'en' });
    const ds = service.doValidation(G);
    assert.deepEqual(ds.map(seen), [
      { code: 'glossary.duplicate-term', range: '2:2-2:5', message: 'The term "AVG" is defined again on line 4, differently; the site\'s tooltip shows that later definition, so this one has no effect.' },
      { code: 'glossary.empty-definition', range: '4:0-4:8', message: 'The term "leeg" has no definition, so the site shows no tooltip for it.' },
    ]);
    assert.deepEqual(ds[0].data, { term: 'AVG', line: 3, same: false });
    assert.deepEqual(ds[0].relatedInformation, [{ location: { uri: `memory:///${G}`, range: { start: { line: 3, character: 2 }, end: { line: 3, character: 5 } } }, message: 'The definition the site uses' }]);
  });

  it('the same definition twice is redundant; Dutch', () => {
    const service = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [G]: '*[AWB]: Wet.\n*[Awb]: Wet.\n*[AWB]: Wet.\n' }), { language: 'nl' });
    assert.deepEqual(service.doValidation(G).map(seen), [
      { code: 'glossary.duplicate-term', range: '0:2-0:5', message: 'Het begrip "AWB" wordt op regel 3 nog eens gedefinieerd, met dezelfde definitie; deze regel is overbodig.' },
    ]);
  });

  it('CRLF and a BOM-less parse give the editor\'s ranges; a broken line is no definition, never a crash', () => {
    const text = '*[A]: x\r\n*[B] : y\r\n*[C\r\n*[]: z\r\n';
    const g = parseGlossary(text, new LineIndex(text));
    assert.deepEqual(g.entries.map((e) => [e.term, e.definition, at(e.termRange)]), [['A', 'x', '0:2-0:3'], ['B', 'y', '1:2-1:3'], ['', 'z', '3:2-3:2']]);
    assert.deepEqual([...g.terms.keys()], ['A', 'B']);
  });
});
