// Document links, inlay hints, code lenses, workspace symbols and file moves: exact ranges and results on an
// in-memory tree.
import assert from 'node:assert/strict';
import { createLanguageService, type AkTextEdit } from '../../server/src/service';
import { applyTextEdits } from '../../server/src/service/text';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { at } from './harness';

const C = 'docs/voldoen-aan-wetten-en-regels';
const R = `${C}/vereisten/avg-01-grondslag.md`;
const R2 = `${C}/vereisten/aia-14-conformiteitsbeoordeling.md`;
const M = `${C}/maatregelen/2-owp-01-grondslag.md`;
const M2 = `${C}/maatregelen/3-dat-01-data.md`;
const H = `${C}/hulpmiddelen/wijzer.md`;
const FILES: Record<string, string> = {
  ...CURRENT_BASE,
  [R]: '---\ntitle: Grondslag\nid: urn:nl:ak:ver:avg-01\n---\n# Grondslag\n\n<!-- list_maatregelen vereiste/avg-01-grondslag no-search -->\n<!-- list_maatregelen onderwerp/transparantie -->\n<!-- list_maatregelen_x -->\n',
  [R2]: '---\ntitle: Conformiteitsbeoordeling voor AI-systemen met een hoog risico, lang genoeg om af te breken hier\nid: urn:nl:ak:ver:aia-14\n---\n',
  [M]: '---\ntitle: Leg de grondslag vast\nid: urn:nl:ak:mtr:owp-01\nvereiste:\n- avg-01-grondslag\n- "aia-14-conformiteitsbeoordeling"\n- avg-02-weg\nonderwerp:\n- governance\n---\n',
  [M2]: '---\ntitle: Data op orde\nid: urn:nl:ak:mtr:dat-01\nvereiste:\n- avg-01-grondslag\nonderwerp:\n- governance\n---\n',
  [H]: '---\ntitle: Wijzer\nmaatregel:\n- 2-owp-01-grondslag\n---\n<!-- list_maatregelen_on_hulpmiddelen_page -->\n',
};
const service = (files = FILES, language: 'en' | 'nl' = 'en') => createLanguageService(new MemoryWorkspace(files), { language });

describe('document links', () => {
  it('each page name in a list and in a directive opens its page; the tooltip is its title', () => {
    assert.deepEqual(
      service().documentLinks(M).map((l) => [at(l.range), l.target, l.tooltip]),
      [
        ['4:2-4:18', R, `Grondslag (${R})`],
        ['5:3-5:34', R2, `Conformiteitsbeoordeling voor AI-systemen met een hoog risico, lang genoeg om af te breken hier (${R2})`],
      ],
      'a quoted name links without its quotes; a missing page has no link',
    );
    assert.deepEqual(service().documentLinks(R).map((l) => [at(l.range), l.target]), [['6:31-6:47', R]]);
  });
});

describe('inlay hints', () => {
  it("after each page name, the named page's title (long ones cut), only within the range asked", () => {
    assert.deepEqual(
      service().inlayHints(M).map((h) => [`${h.position.line}:${h.position.character}`, h.label, h.tooltip]),
      [
        ['4:18', 'Grondslag', R],
        ['5:34', 'Conformiteitsbeoordeling voor AI-systemen met een hoog risi…', R2],
      ],
    );
    assert.deepEqual(service().inlayHints(M, { start: { line: 5, character: 0 }, end: { line: 9, character: 0 } }).map((h) => h.label.slice(0, 10)), ['Conformite']);
  });
});

describe('code lens', () => {
  it('above a requirement: who names it and where it is listed, with the places; above each list: its count or why it is empty', () => {
    const lenses = service().codeLenses(R);
    assert.deepEqual(
      lenses.map((l) => [at(l.range), l.title, l.locations.map((p) => `${p.path.split('/').pop()}:${at(p.range)}`)]),
      [
        // Its own list names it in a filter but lists measures, not it: "listed on" counts the lists it is in.
        ['1:0-1:0', 'named by 2 measures · listed on no page', ['2-owp-01-grondslag.md:4:2-4:18', '3-dat-01-data.md:4:2-4:18']],
        ['6:0-6:0', '2 measures', ['2-owp-01-grondslag.md:1:7-1:28', '3-dat-01-data.md:1:7-1:19']],
        ['7:0-7:0', 'empty: no measures have onderwerp transparantie', []],
        // Glued to the name, `_x` is an ignored token (the findings say so): every measure is listed.
        ['8:0-8:0', '2 measures', ['2-owp-01-grondslag.md:1:7-1:28', '3-dat-01-data.md:1:7-1:19']],
      ],
    );
    assert.deepEqual(
      service(FILES, 'nl').codeLenses(R).map((l) => l.title),
      ['genoemd door 2 maatregelen · op geen pagina getoond', '2 maatregelen', 'leeg: geen maatregelen hebben onderwerp transparantie', '2 maatregelen'],
    );
  });

  it('a measure named by a tool; an own list; a page named by nobody', () => {
    assert.deepEqual(service().codeLenses(M).map((l) => l.title), ['named by 1 tool · listed on 2 pages']);
    assert.deepEqual(service().codeLenses(H).map((l) => l.title), ['named by no page · listed on no page', '1 measure']);
    const none = { ...FILES, [H]: FILES[H].replace('maatregel:\n- 2-owp-01-grondslag\n', '') };
    assert.deepEqual(service(none).codeLenses(H).map((l) => l.title), ['named by no page · listed on no page', 'empty: the page names no measures']);
  });
});

describe('workspace symbols', () => {
  it('by id code, stem or title words; the name leads with the id code', () => {
    const s = service();
    assert.deepEqual(
      s.workspaceSymbols('aia-14').map((x) => [x.name.slice(0, 31), x.container, x.path, at(x.range)]),
      [['aia-14 Conformiteitsbeoordeling', 'requirement · aia-14-conformiteitsbeoordeling', R2, '1:7-1:102']],
    );
    assert.deepEqual(s.workspaceSymbols('grondslag').map((x) => x.name), ['owp-01 Leg de grondslag vast', 'avg-01 Grondslag']);
    assert.deepEqual(s.workspaceSymbols('data orde').map((x) => x.name), ['dat-01 Data op orde']);
    assert.deepEqual(s.workspaceSymbols('wijzer').map((x) => [x.name, x.container]), [['Wijzer', 'tool · wijzer']]);
    assert.equal(s.workspaceSymbols('').length, 5, 'an empty query: every content page');
  });
});

describe('file moves (willRenameFiles)', () => {
  const apply = (files: Record<string, string>, result: { path: string; edits: AkTextEdit[] }[]) =>
    Object.fromEntries(result.map(({ path, edits }) => [path, applyTextEdits(files[path], edits)]));

  it('a requirement renamed: every entry and directive filter naming it follows, its own included, quotes kept', () => {
    const edits = service().willRenameFiles([{ from: R, to: `${C}/vereisten/avg-01-rechtmatige-grondslag.md` }]);
    const after = apply(FILES, edits);
    assert.deepEqual(Object.keys(after).sort(), [M, M2, R].sort());
    assert.match(after[M], /\nvereiste:\n- avg-01-rechtmatige-grondslag\n- "aia-14-conformiteitsbeoordeling"\n/);
    assert.match(after[R], /<!-- list_maatregelen vereiste\/avg-01-rechtmatige-grondslag no-search -->/);
    const quoted = service().willRenameFiles([{ from: R2, to: `${C}/vereisten/aia-14-conformiteit.md` }]);
    assert.match(apply(FILES, quoted)[M], /- "aia-14-conformiteit"\n/);
  });

  it('a move to another folder of the same type, or out of the type, changes nothing; a shared stem neither', () => {
    assert.deepEqual(service().willRenameFiles([{ from: R, to: `${C}/vereisten/oud/avg-01-grondslag.md` }]), []);
    assert.deepEqual(service().willRenameFiles([{ from: R, to: `docs/archief/avg-01-x.md` }]), []);
    const shared = { ...FILES, [`${C}/vereisten/oud/avg-01-grondslag.md`]: '---\ntitle: Oud\n---\n' };
    assert.deepEqual(service(shared).willRenameFiles([{ from: R, to: `${C}/vereisten/avg-01-nieuw.md` }]), []);
  });

  it('a vocabulary page renamed renames the label value where pages use it', () => {
    const edits = service().willRenameFiles([{ from: 'docs/onderwerpen/governance.md', to: 'docs/onderwerpen/bestuur.md' }]);
    const after = apply(FILES, edits);
    assert.deepEqual(Object.keys(after).sort(), [M, M2].sort());
    assert.match(after[M2], /onderwerp:\n- bestuur\n/);
  });
});
