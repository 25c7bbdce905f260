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
