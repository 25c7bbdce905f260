// A new page: the next free id of its code, a file name that starts with it, and the workspace's template
// with the title and id filled in (or the schema's required keys without one).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/service';
import { NodeWorkspace } from '../../server/src/nodeWorkspace';
import { BASE_2024, CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';

const C = 'docs/voldoen-aan-wetten-en-regels';
const measure = (id: string) => `---\ntitle: M\nid: ${id}\ntoelichting: Kort.\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\nrollen:\n- jurist\n---\n# M\n`;
const FILES = {
  ...CURRENT_BASE,
  [`${C}/maatregelen/2-owp-01-a.md`]: measure('urn:nl:ak:mtr:owp-01'),
  [`${C}/maatregelen/2-owp-07-b.md`]: measure('urn:nl:ak:mtr:owp-07'),
  [`${C}/maatregelen/dat-03-c.md`]: measure('urn:nl:ak:mtr:dat-03'),
};

describe('new page', () => {
  it('lists the page types with the id codes in use and the next free number', () => {
    const types = createLanguageService(new MemoryWorkspace(FILES)).pageTypes();
    assert.deepEqual(
      types.map((t) => [t.type, t.hasIds, t.codes]),
      [
        ['vereiste', true, []],
        ['maatregel', true, [{ code: 'dat', next: 'dat-04', prefix: '', count: 1 }, { code: 'owp', next: 'owp-08', prefix: '2-', count: 2 }]],
        ['hulpmiddel', false, []],
      ],
    );
  });

  it('without a template: the required keys, lists with an empty item to fill in; then exactly those are reported', () => {
    const s = createLanguageService(new MemoryWorkspace(FILES));
    const made = s.newPage({ type: 'maatregel', code: 'owp', title: 'Leg vast: waarom', slug: 'leg-vast' });
    assert.deepEqual(made, {
      path: `${C}/maatregelen/2-owp-08-leg-vast.md`,
      // The body as the measure's contract has it: <!-- tags -->, the required sections, its own list.
      text:
        '---\ntitle: "Leg vast: waarom"\nid: urn:nl:ak:mtr:owp-08\ntoelichting: \nlevenscyclus:\n- \nonderwerp:\n- \nrollen:\n- \n---\n\n# Leg vast: waarom\n\n<!-- tags -->\n\n' +
        '## Maatregel\n\n## Toelichting\n\n## Risico\n\n## Bijbehorende vereiste(n) { data-search-exclude }\n<!-- list_vereisten_on_maatregelen_page -->\n\n## Bronnen\n',
    });
    const fresh = createLanguageService(new MemoryWorkspace({ ...FILES, [(made as { path: string }).path]: (made as { text: string }).text }));
    assert.deepEqual(
      fresh.doValidation((made as { path: string }).path).map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`),
      ['frontmatter.wrong-type 3:0', 'frontmatter.wrong-type 5:0', 'frontmatter.wrong-type 7:0', 'frontmatter.wrong-type 9:0'],
    );
  });

  it('a new code starts at 01; a type without ids gets a plain file name; mistakes are said, in Dutch too', () => {
    const s = createLanguageService(new MemoryWorkspace(FILES), { language: 'nl' });
    assert.equal((s.newPage({ type: 'vereiste', code: 'avg', title: 'Rechtmatig', slug: 'rechtmatig' }) as { path: string }).path, `${C}/vereisten/avg-01-rechtmatig.md`);
    assert.deepEqual(s.newPage({ type: 'hulpmiddel', title: 'Wijzer', slug: 'wijzer' }), {
      path: `${C}/hulpmiddelen/wijzer.md`,
      text:
        '---\ntitle: Wijzer\ntoelichting: \ncategorie: \nlevenscyclus:\n- \nonderwerp:\n- \nrollen:\n- \n---\n\n# Wijzer\n\n<!-- tags -->\n\n## Hulpmiddel\n\n' +
        '## Bijbehorende vereisten { data-search-exclude }\n<!-- list_vereisten_on_maatregelen_page -->\n\n## Bijbehorende maatregelen\n<!-- list_maatregelen_on_hulpmiddelen_page -->\n',
    });
    assert.deepEqual(s.newPage({ type: 'maatregel', code: 'owp', title: 'X', slug: 'Leg Vast' }), { error: '"Leg Vast" kan geen bestandsnaam zijn: gebruik kleine letters en cijfers, woorden verbonden met "-".' });
    assert.deepEqual(s.newPage({ type: 'maatregel', code: 'OWP', title: 'X', slug: 'x' }), { error: '"OWP" kan geen code voor het id zijn: gebruik alleen kleine letters (zoals owp of aia).' });
    assert.deepEqual(s.newPage({ type: 'maatregel', code: 'owp', title: ' ', slug: 'x' }), { error: 'De pagina heeft een titel nodig.' });
    assert.deepEqual(s.newPage({ type: 'instrument', title: 'X', slug: 'x' }), { error: 'Dit contentmodel kent geen paginatype "instrument".' });
    const files2024 = { ...BASE_2024, 'docs/vereisten/bestaat.md': '# B\n' };
    assert.deepEqual(createLanguageService(new MemoryWorkspace(files2024)).newPage({ type: 'vereiste', title: 'B', slug: 'bestaat' }), { error: 'docs/vereisten/bestaat.md already exists.' });
  });

  it('a template with empty title and id, comments first, CRLF, and a list naming its example page', () => {
    const template = '---\r\n# Geen punt achter de titel!\r\ntitle:\r\nid:   \r\ntoelichting: Kort.\r\n---\r\n# Titel\r\n\r\n<!-- list_maatregelen vereiste/aia-02-voorbeeld no-search -->\r\n';
    const s = createLanguageService(new MemoryWorkspace({ ...FILES, 'templates/template-vereiste.md': template }));
    assert.deepEqual(s.newPage({ type: 'vereiste', code: 'aia', title: 'Nieuwe vereiste', slug: 'nieuw' }), {
      path: `${C}/vereisten/aia-01-nieuw.md`,
      text: '---\r\n# Geen punt achter de titel!\r\ntitle: Nieuwe vereiste\r\nid: urn:nl:ak:ver:aia-01\r\ntoelichting: Kort.\r\n---\r\n# Titel\r\n\r\n<!-- list_maatregelen vereiste/aia-01-nieuw no-search -->\r\n',
    });
    // Without an id line, the id goes right after the title, wherever that is.
    const noId = createLanguageService(new MemoryWorkspace({ ...FILES, 'templates/template-vereiste.md': '---\n# uitleg\ntitle: T\ntoelichting: K\n---\n' }));
    assert.equal((noId.newPage({ type: 'vereiste', code: 'aia', title: 'X', slug: 'x' }) as { text: string }).text, '---\n# uitleg\ntitle: X\nid: urn:nl:ak:ver:aia-01\ntoelichting: K\n---\n');
  });

  it('a title PyYAML would read as a number, boolean, null or date is quoted', () => {
    const s = createLanguageService(new MemoryWorkspace(FILES));
    const titleLine = (title: string) => (s.newPage({ type: 'hulpmiddel', title, slug: 'x' }) as { text: string }).text.split('\n')[1];
    assert.deepEqual(['2025', '1.5e3', 'Yes', 'on', 'null', '~', '2020-01-01', '2025 jaarplan', 'Open data'].map(titleLine), [
      'title: "2025"',
      'title: "1.5e3"',
      'title: "Yes"',
      'title: "on"',
      'title: "null"',
      'title: "~"',
      'title: "2020-01-01"',
      'title: 2025 jaarplan',
      'title: Open data',
    ]);
  });

  it('with the upstream template (2026 snapshot): its guidance kept, title and id filled in, no stray id on a tool', () => {
    const s = createLanguageService(new NodeWorkspace(join(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'algoritmekader-2026-06')));
    const made = s.newPage({ type: 'maatregel', code: 'owp', title: 'Leg de grondslag vast', slug: 'grondslag' }) as { path: string; text: string };
    assert.match(made.path, /^docs\/voldoen-aan-wetten-en-regels\/maatregelen\/2-owp-\d\d-grondslag\.md$/);
    const lines = made.text.split('\n');
    assert.equal(lines[6], 'title: Leg de grondslag vast');
    assert.equal(lines[9], `id: urn:nl:ak:mtr:${made.path.match(/owp-\d\d/)![0]}`);
    assert.match(made.text, /^# let op! {2}Geen punt \(\.\) achter de titel!$/m, 'the guidance comments stay');
    const tool = s.newPage({ type: 'hulpmiddel', title: 'Wijzer', slug: 'wijzer' }) as { text: string };
    assert.doesNotMatch(tool.text, /^id:|deze unieke code/m, 'no id, nor the comment on it');
    assert.match(tool.text, /^title: Wijzer$/m);
  });
});
