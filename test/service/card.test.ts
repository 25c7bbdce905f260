// The preview card: exactly what it says of a requirement, a measure and a 2024 page.
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { BASE_2024, CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';

const C = 'docs/voldoen-aan-wetten-en-regels';
const R = `${C}/vereisten/avg-01-grondslag.md`;
const M = `${C}/maatregelen/2-owp-01-grondslag.md`;
const M2 = `${C}/maatregelen/3-dat-01-data.md`;
const FILES: Record<string, string> = {
  ...CURRENT_BASE,
  [R]:
    '---\ntitle: Grondslag\nid: urn:nl:ak:ver:avg-01\ntoelichting: Verwerk alleen met een grondslag.\nonderwerp:\n- governance\nrisicogroep:\n- hoog-risico-ai-systeem\nuitzondering:\n- "risicogroep-uitzondering-van-toepassing || (x)"\n---\n# Grondslag\n\n' +
    '<!-- list_maatregelen vereiste/avg-01-grondslag no-onderwerp no-search -->\n' +
    '<!-- list_hulpmiddelen onderwerp/transparantie -->\n' +
    '<!--list_maatregelen -->\n' +
    // The rest of the template's body, so that the card's findings are those of the lines above.
    '\n<!-- tags -->\n\n## Vereiste\nX.\n\n## Toelichting\nX.\n\n## Bronnen\n- x\n\n## Van toepassing op\n<!-- tags-ai-act -->\n\n## Risico\nX.\n\n## Maatregelen\n',
  [M]:
    '---\ntitle: Leg de grondslag vast\nid: urn:nl:ak:mtr:owp-01\ntoelichting: Kort.\nvereiste:\n- avg-01-grondslag\n- avg-02-weg\nlevenscyclus:\n- ontwerp\n- ontwerpp\nonderwerp:\n- governance\nrollen:\n- jurist\n---\n# Grondslag\n' +
    '\n<!-- tags -->\n\n## Maatregel\nX.\n\n## Toelichting\nX.\n\n## Risico\nX.\n\n## Bijbehorende vereiste(n)\n\n## Bronnen\n- x\n',
  [M2]: '---\ntitle: Data op orde\nid: urn:nl:ak:mtr:dat-01\ntoelichting: Kort.\nvereiste:\n- avg-01-grondslag\nlevenscyclus:\n- monitoring-en-beheer\nonderwerp:\n- governance\nrollen:\n- jurist\n- projectleider\n---\n# Data\n',
};

const service = (files = FILES, language: 'en' | 'nl' = 'en') => createLanguageService(new MemoryWorkspace(files), { language });

describe('preview card', () => {
  it('a requirement: its labels, its tables with the columns left by the flags, and who names it', () => {
    const card = service().card(R)!;
    assert.deepEqual(
      { ...card, tables: undefined },
      {
        path: R,
        pageType: { type: 'vereiste', label: 'requirement' },
        pageTypes: ['requirement', 'measure', 'tool'],
        profile: 'current',
        title: 'Grondslag',
        id: 'urn:nl:ak:ver:avg-01',
        toelichting: 'Verwerk alleen met een grondslag.',
        labels: [
          { key: 'onderwerp', vocabulary: 'onderwerp', values: [{ value: 'governance', title: 'Governance', path: 'docs/onderwerpen/governance.md', known: true }] },
          { key: 'risicogroep', vocabulary: 'risicogroep', values: [{ value: 'hoog-risico-ai-systeem', title: null, path: null, known: true }] },
          { key: 'uitzondering', vocabulary: 'uitzondering', values: [{ value: 'risicogroep-uitzondering-van-toepassing || (x)', title: null, path: null, known: true }] },
        ],
        references: [],
        tables: undefined,
        namedBy: [
          { page: { path: M, stem: '2-owp-01-grondslag', title: 'Leg de grondslag vast', id: 'urn:nl:ak:mtr:owp-01' }, key: 'vereiste' },
          { page: { path: M2, stem: '3-dat-01-data', title: 'Data op orde', id: 'urn:nl:ak:mtr:dat-01' }, key: 'vereiste' },
        ],
        listedOn: [],
        problems: { errors: 4, warnings: 1, hints: 0 },
        findings: [
          { line: 0, character: 0, severity: 'error', code: 'frontmatter.missing-key', message: 'Required key "levenscyclus" is missing.' },
          { line: 0, character: 0, severity: 'error', code: 'frontmatter.missing-key', message: 'Required key "rollen" is missing.' },
          {
            line: 9,
            character: 47,
            severity: 'error',
            code: 'expression.unknown-label',
            message: '"x" is not a label the site\'s filter sets (a label is <group>-<value>, like risicogroep-hoog-risico-ai-systeem), so this part of the exception never holds.',
          },
          { line: 14, character: 23, severity: 'error', code: 'directive.unknown-filter-key', message: 'No page listed by list_hulpmiddelen has the key "onderwerp", so this list is empty.' },
          {
            line: 15,
            character: 0,
            severity: 'warning',
            code: 'directive.not-expanded',
            message: 'The site expands only <!-- list_maatregelen ... --> with one space after <!-- and a space before -->; this comment stays invisible.',
          },
        ],
      },
    );
    assert.deepEqual(card.tables, [
      {
        line: 13,
        source: '<!-- list_maatregelen vereiste/avg-01-grondslag no-onderwerp no-search -->',
        name: 'list_maatregelen',
        state: 'table',
        note: 'The site lists 2 pages here.',
        // The 2026 hook's columns for measures: title, roles, life cycle, topics; no-onderwerp hides the last.
        headers: ['Maatregelen', 'Rollen', 'Levenscyclus'],
        rows: [
          { page: { path: M, stem: '2-owp-01-grondslag', title: 'Leg de grondslag vast', id: 'urn:nl:ak:mtr:owp-01' }, cells: [['Leg de grondslag vast'], ['jurist'], ['ontwerp', 'ontwerpp']] },
          { page: { path: M2, stem: '3-dat-01-data', title: 'Data op orde', id: 'urn:nl:ak:mtr:dat-01' }, cells: [['Data op orde'], ['jurist', 'projectleider'], ['monitoring-en-beheer']] },
        ],
        columns: [
          { header: 'Maatregelen', value: 'title', column: 'title', show: 'link' },
          { header: 'Rollen', value: 'rollen', column: 'rol', show: 'chips' },
          { header: 'Levenscyclus', value: 'levenscyclus', column: 'levenscyclus', show: 'chips' },
        ],
      },
      {
        line: 14,
        source: '<!-- list_hulpmiddelen onderwerp/transparantie -->',
        name: 'list_hulpmiddelen',
        state: 'empty',
        note: 'The site lists no page here: the table is empty.',
        headers: ['Hulpmiddelen', 'Rollen', 'Levenscyclus', 'Onderwerpen'],
        rows: [],
        columns: [
          { header: 'Hulpmiddelen', value: 'title', column: 'title', show: 'link' },
          { header: 'Rollen', value: 'rollen', column: 'rol', show: 'chips' },
          { header: 'Levenscyclus', value: 'levenscyclus', column: 'levenscyclus', show: 'chips' },
          { header: 'Onderwerpen', value: 'onderwerp', column: 'onderwerp', show: 'chips' },
        ],
      },
    ]);
  });

  it('a measure: unknown label values, a reference to a missing page, and the tables that list it', () => {
    const card = service(FILES, 'nl').card(M)!;
    assert.deepEqual(card.pageType, { type: 'maatregel', label: 'maatregel' });
    assert.deepEqual(card.labels[0], {
      key: 'levenscyclus',
      vocabulary: 'levenscyclus',
      values: [
        { value: 'ontwerp', title: 'Ontwerp', path: 'docs/levenscyclus/ontwerp.md', known: true },
        { value: 'ontwerpp', title: null, path: null, known: false },
      ],
    });
    assert.deepEqual(card.references, [
      {
        key: 'vereiste',
        items: [
          { value: 'avg-01-grondslag', page: { path: R, stem: 'avg-01-grondslag', title: 'Grondslag', id: 'urn:nl:ak:ver:avg-01' } },
          { value: 'avg-02-weg', page: null },
        ],
      },
    ]);
    assert.deepEqual(card.listedOn.map((p) => p.path), [R]);
    // The warning: it names requirements but has no <!-- list_vereisten_on_maatregelen_page --> (body.missing-own-list).
    assert.deepEqual(card.problems, { errors: 2, warnings: 1, hints: 0 });
  });

  it('2024: title and toelichting columns, the build that fails, and the lists it takes down', () => {
    const V = 'docs/vereisten/grondslag.md';
    const files = {
      ...BASE_2024,
      [V]: '---\ntitle: Grondslag\ntoelichting: Met grondslag.\nbouwblok:\n- transparantie\nlevenscyclus:\n- ontwerp\n---\n# G\n\n<!-- list_maatregelen vereiste/grondslag -->\n<!-- list_maatregelen rollen/jurist -->\n',
      'docs/maatregelen/leg-vast.md': '---\ntitle: Leg vast\ntoelichting: Schrijf het op.\nvereiste:\n- grondslag\nrollen:\n- jurist\n---\n# L\n',
      'docs/maatregelen/leeg.md': '---\ntitle: Leeg\ntoelichting: Niets.\nrollen:\n---\n# L\n',
    };
    const tables = service(files).card(V)!.tables;
    assert.deepEqual(
      tables.map(({ state, note, headers, rows }) => ({ state, note, headers, rows: rows.map((r) => r.cells) })),
      [
        { state: 'table', note: 'The site lists 1 page here.', headers: ['Maatregel', 'Uitleg'], rows: [[['Leg vast'], ['Schrijf het op.']]] },
        { state: 'raises', note: "The site's build fails here, on docs/maatregelen/leeg.md.", headers: [], rows: [] },
      ],
    );
  });

  it('a page of no type: its title and tables only; no card for a file that is not there', () => {
    const s = service();
    const index = s.card(`${C}/vereisten/index.md`)!;
    assert.deepEqual([index.pageType, index.title, index.labels, index.references, index.tables], [null, 'Vereisten', [], [], []]);
    assert.equal(s.card('docs/nope.md'), undefined);
  });
});
