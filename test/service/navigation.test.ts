// Go to definition and find references, with exact ranges: pages named by `vereiste:` entries and by
// directive filters, and label values defined by their vocabulary pages.
import assert from 'node:assert/strict';
import { createLanguageService, type AkLocation } from '../../server/src/service';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';

const C = 'docs/voldoen-aan-wetten-en-regels';
const M = `${C}/maatregelen/2-owp-01-grondslag.md`;
const M2 = `${C}/maatregelen/3-dat-01-data.md`;
const R = `${C}/vereisten/avg-01-grondslag.md`;
const measure = (title: string, id: string, extra = '') =>
  `---\ntitle: ${title}\nid: urn:nl:ak:mtr:${id}\ntoelichting: Kort.\nvereiste:\n- avg-01-grondslag\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\nrollen:\n- jurist\n${extra}---\n# ${title}\n`;
const FILES: Record<string, string> = {
  ...CURRENT_BASE,
  [R]: '---\ntitle: Grondslag\nid: urn:nl:ak:ver:avg-01\ntoelichting: Kort.\nonderwerp:\n- governance\n---\n# Grondslag\n\n<!-- list_maatregelen vereiste/avg-01-grondslag -->\n<!-- list_hulpmiddelen onderwerp/governance -->\n',
  [M]: measure('Grondslag vastleggen', 'owp-01'),
  [M2]: measure('Data op orde', 'dat-01'),
};
const service = createLanguageService(new MemoryWorkspace(FILES), { language: 'en' });
const at = (line: number, character: number) => ({ line, character });
const show = (ls: AkLocation[]) => ls.map((l) => `${l.path}@${l.range.start.line}:${l.range.start.character}-${l.range.end.line}:${l.range.end.character}`);

describe('navigation', () => {
  it('definition: a vereiste entry goes to the requirement page; the origin is the whole value', () => {
    const found = service.definition(M, at(5, 4));
    assert.deepEqual(found?.origin, { start: at(5, 2), end: at(5, 18) });
    assert.deepEqual(show(found!.locations), [`${R}@0:0-0:0`]);
  });

  it('definition: a label value goes to its vocabulary page, in the frontmatter and in a directive filter', () => {
    assert.deepEqual(show(service.definition(M, at(9, 3))!.locations), ['docs/onderwerpen/governance.md@0:0-0:0']);
    const inDirective = service.definition(R, at(10, 35));
    assert.deepEqual(inDirective?.origin, { start: at(10, 33), end: at(10, 43) });
    assert.deepEqual(show(inDirective!.locations), ['docs/onderwerpen/governance.md@0:0-0:0']);
    assert.deepEqual(show(service.definition(R, at(9, 40))!.locations), [`${R}@0:0-0:0`]);
  });

  it('definition: nothing on a key, plain text, or a value that names nothing', () => {
    assert.equal(service.definition(M, at(4, 2)), undefined);
    assert.equal(service.definition(M, at(1, 9)), undefined);
    const typo = createLanguageService(new MemoryWorkspace({ ...FILES, [M]: FILES[M].replace('- ontwerp', '- ontwerpp') }), { language: 'en' });
    assert.equal(typo.definition(M, at(7, 4)), undefined);
  });

  it('references of a requirement: every vereiste entry and directive filter that names it', () => {
    const expected = [`${M}@5:2-5:18`, `${M2}@5:2-5:18`, `${R}@9:31-9:47`];
    assert.deepEqual(show(service.references(M, at(5, 4), false)), expected);
    // From anywhere on the requirement page itself, with the page as the declaration.
    assert.deepEqual(show(service.references(R, at(1, 3), true)), [`${R}@0:0-0:0`, ...expected]);
  });

  it('references of a label value: the pages that carry it and the directives that filter on it', () => {
    assert.deepEqual(show(service.references(M, at(9, 3), false)), [`${M}@9:2-9:12`, `${M2}@9:2-9:12`, `${R}@5:2-5:12`, `${R}@10:33-10:43`]);
    assert.deepEqual(show(service.references('docs/onderwerpen/governance.md', at(0, 0), false)), [`${M}@9:2-9:12`, `${M2}@9:2-9:12`, `${R}@5:2-5:12`, `${R}@10:33-10:43`]);
  });
});

describe('rename', () => {
  it('a requirement: its file and every entry and directive filter naming it, quotes kept', () => {
    const files = { ...FILES, [M2]: FILES[M2].replace('- avg-01-grondslag', '- "avg-01-grondslag"') };
    const s = createLanguageService(new MemoryWorkspace(files), { language: 'en' });
    assert.deepEqual(s.prepareRename(M, at(5, 4)), { range: { start: at(5, 2), end: at(5, 18) }, placeholder: 'avg-01-grondslag' });
    const result = s.rename(M, at(5, 4), 'avg-01-rechtmatige-grondslag');
    assert.ok(result && !('error' in result));
    assert.deepEqual(result.renames, [{ from: R, to: `${C}/vereisten/avg-01-rechtmatige-grondslag.md` }]);
    assert.deepEqual(
      result.edits.map(({ path, edits }) => [path, edits.map((e) => `${e.range.start.line}:${e.range.start.character}-${e.range.end.line}:${e.range.end.character}=${e.newText}`)]),
      [
        [M, ['5:2-5:18=avg-01-rechtmatige-grondslag']],
        [M2, ['5:3-5:19=avg-01-rechtmatige-grondslag']],
        [R, ['9:31-9:47=avg-01-rechtmatige-grondslag']],
      ],
    );
  });

  it('a label value defined by its own page: that page and every use; a folder value is refused', () => {
    const result = service.rename(M, at(7, 3), 'ontwerpfase');
    assert.ok(result && !('error' in result));
    assert.deepEqual(result.renames, [{ from: 'docs/levenscyclus/ontwerp.md', to: 'docs/levenscyclus/ontwerpfase.md' }]);
    assert.deepEqual(result.edits.map((e) => e.path), [M, M2]);
  });

  it('refused, with a reason: an existing name, a name with a space, a name no page defines', () => {
    assert.deepEqual(service.rename(M, at(7, 3), 'monitoring-en-beheer'), { error: 'docs/levenscyclus/monitoring-en-beheer.md already exists.' });
    assert.deepEqual(service.rename(M, at(7, 3), 'twee woorden'), { error: '"twee woorden" cannot be a file name: no spaces or slashes.' });
    const typo = createLanguageService(new MemoryWorkspace({ ...FILES, [M]: FILES[M].replace('- avg-01-grondslag', '- avg-01-gronslag') }), { language: 'nl' });
    const refused = typo.prepareRename(M, at(5, 4));
    assert.ok(refused && 'error' in refused && refused.error.startsWith('Alleen een naam'));
    assert.equal(service.prepareRename(M, at(1, 3)), undefined, 'nothing to rename on a title');
  });
});
