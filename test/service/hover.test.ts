// Hover: the exact Markdown shown for a key, a label value, a referenced page and a list directive.
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';

const C = 'docs/voldoen-aan-wetten-en-regels';
const M = `${C}/maatregelen/2-owp-01-grondslag.md`;
const M2 = `${C}/maatregelen/3-dat-01-data.md`;
const R = `${C}/vereisten/avg-01-grondslag.md`;
const FILES: Record<string, string> = {
  ...CURRENT_BASE,
  [R]: '---\ntitle: Grondslag\nid: urn:nl:ak:ver:avg-01\ntoelichting: Verwerk alleen met een grondslag.\nonderwerp:\n- governance\n---\n# Grondslag\n\n<!-- list_maatregelen vereiste/avg-01-grondslag -->\n<!-- list_maatregelen vereiste/avg-01-grondslag no-search onderwerp/x -->\n<!-- list_hulpmiddelen onderwerp/transparantie -->\n',
  [M]: '---\ntitle: Leg de grondslag vast\nid: urn:nl:ak:mtr:owp-01\ntoelichting: Kort.\nvereiste:\n- avg-01-grondslag\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\nrollen:\n- jurist\n---\n# Grondslag\n',
  [M2]: '---\ntitle: Data op orde\nid: urn:nl:ak:mtr:dat-01\ntoelichting: Kort.\nvereiste:\n- avg-01-grondslag\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\nrollen:\n- jurist\n---\n# Data\n',
};
const service = (language: 'en' | 'nl' = 'en') => createLanguageService(new MemoryWorkspace(FILES), { language });
const at = (line: number, character: number) => ({ line, character });
const r = (h: { range: { start: { line: number; character: number }; end: { line: number; character: number } } } | undefined) =>
  h && `${h.range.start.line}:${h.range.start.character}-${h.range.end.line}:${h.range.end.character}`;

describe('hover', () => {
  it('a key: its description, how many values and from where, and whether it is required', () => {
    const h = service().hover(M, at(6, 3));
    assert.equal(r(h), '6:0-6:12');
    assert.equal(h?.contents, '**levenscyclus**\n\nThe life cycle phases this page belongs to: the pages of docs/levenscyclus.\n\n2 values, from `docs/levenscyclus`.\n\nRequired.');
    assert.equal(service('nl').hover(M, at(6, 0))?.contents, "**levenscyclus**\n\nDe fases van de levenscyclus waar deze pagina bij hoort: de pagina's in docs/levenscyclus.\n\n2 waarden, uit `docs/levenscyclus`.\n\nVerplicht.");
  });

  it('a label value: the title and first paragraph of its page, with a link', () => {
    const h = service().hover(M, at(7, 4));
    assert.equal(r(h), '7:2-7:9');
    assert.equal(h?.contents, `**Ontwerp**\n\nDe ontwerpfase.\n\n[docs/levenscyclus/ontwerp.md](memory:///docs/levenscyclus/ontwerp.md)`);
  });

  it('a vereiste entry: the requirement, with its toelichting', () => {
    const h = service().hover(M, at(5, 10));
    assert.equal(r(h), '5:2-5:18');
    assert.equal(h?.contents, `**Grondslag**\n\nVerwerk alleen met een grondslag.\n\n[${R}](memory:///${R})`);
  });

  it('a list directive: the pages the site lists, an empty table, or no expansion', () => {
    const s = service();
    const h = s.hover(R, at(9, 8));
    assert.equal(r(h), '9:0-9:51');
    assert.equal(
      h?.contents,
      '**list_maatregelen** `vereiste/avg-01-grondslag`\n\nThe site lists 2 pages:\n\n' +
        `- [Leg de grondslag vast](memory:///${M}) \`2-owp-01-grondslag\`\n- [Data op orde](memory:///${M2}) \`3-dat-01-data\``,
    );
    assert.equal(s.hover(R, at(11, 5))?.contents, '**list_hulpmiddelen** `onderwerp/transparantie`\n\nThe site lists no page here: an empty table.');
  });

  it('nothing on plain text, an unknown value, or outside the frontmatter and directives', () => {
    const s = service();
    assert.equal(s.hover(M, at(13, 2)), undefined);
    assert.equal(s.hover(M, at(1, 10)), undefined, 'title has no vocabulary');
    const typo = createLanguageService(new MemoryWorkspace({ ...FILES, [M]: FILES[M].replace('- ontwerp', '- ontwerpp') }), { language: 'en' });
    assert.equal(typo.hover(M, at(7, 4)), undefined);
  });
});
