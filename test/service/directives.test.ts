// List directives and references, per content profile: how the site resolves them, and every way they go wrong.
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { BASE_2024, CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { isContract, seen, type Seen } from './harness';

const C = 'docs/voldoen-aan-wetten-en-regels';
const cMeasure = (stem: string, fm: string) => ({ [`${C}/maatregelen/${stem}.md`]: `---\ntitle: ${stem}\n${fm}---\n# ${stem}\n` });
const cReq = (stem: string, body: string, fm = 'onderwerp:\n- governance\n') => ({ [`${C}/vereisten/${stem}.md`]: `---\ntitle: ${stem}\n${fm}---\n# ${stem}\n\n${body}\n` });

/** A current tree: two requirements, three measures. */
const CURRENT: Record<string, string> = {
  ...CURRENT_BASE,
  ...cReq('avg-01-grondslag', ''),
  ...cReq('aia-02-risico', ''),
  ...cMeasure('1-pba-01-doel', 'vereiste:\n- avg-01-grondslag\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\n'),
  ...cMeasure('2-owp-02-data', 'vereiste:\n- avg-01-grondslag\n- aia-02-risico\nlevenscyclus:\n- monitoring-en-beheer\nonderwerp:\n- transparantie\n'),
  ...cMeasure('3-dat-03-tekst', 'vereiste: aia-02-risico\nlevenscyclus:\n- ontwerp\n'),
};

function service(files: Record<string, string>) {
  return createLanguageService(new MemoryWorkspace(files), { language: 'en' });
}
/** The directive/reference/file diagnostics of `path` (frontmatter ones left out). */
function links(files: Record<string, string>, path: string): Seen[] {
  return service(files)
    .doValidation(path)
    .filter((d) => !d.code.startsWith('frontmatter.') && !isContract(d))
    .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
    .map(seen);
}
function resolves(files: Record<string, string>, path: string) {
  return service(files)
    .graph()
    .directives.filter((d) => d.file === path)
    .map((d) => ({ name: d.name, params: d.params, expanded: d.expanded, resolvesTo: d.resolvesTo }));
}

describe('directives: current profile', () => {
  const page = `${C}/vereisten/avg-01-grondslag.md`;
  const withBody = (body: string) => ({ ...CURRENT, ...cReq('avg-01-grondslag', body) });

  it('resolves the first key/value token only, lists no index page, sorted stems', () => {
    assert.deepEqual(resolves(withBody('<!-- list_maatregelen vereiste/avg-01-grondslag no-search -->'), page), [
      { name: 'list_maatregelen', params: 'vereiste/avg-01-grondslag no-search', expanded: true, resolvesTo: ['1-pba-01-doel', '2-owp-02-data'] },
    ]);
    assert.deepEqual(resolves(withBody('<!-- list_maatregelen -->'), page)[0].resolvesTo, ['1-pba-01-doel', '2-owp-02-data', '3-dat-03-tekst']);
  });

  it('a second key/value token is ignored by the site, and said so', () => {
    const files = withBody('<!-- list_maatregelen levenscyclus/ontwerp onderwerp/transparantie -->');
    assert.deepEqual(resolves(files, page)[0].resolvesTo, ['1-pba-01-doel', '3-dat-03-tekst']);
    assert.deepEqual(links(files, page), [
      { code: 'directive.ignored-filter', range: '7:43-7:66', message: 'The site ignores "onderwerp/transparantie": only the first token filters (here "levenscyclus/ontwerp").' },
    ]);
  });

  it('a string label matches by substring, which is reported', () => {
    const files = withBody('<!-- list_maatregelen vereiste/aia-02-risico -->');
    assert.deepEqual(resolves(files, `${C}/vereisten/avg-01-grondslag.md`)[0].resolvesTo, ['2-owp-02-data', '3-dat-03-tekst']);
    const found = links({ ...files, ...cReq('aia-02-risico', '<!-- list_maatregelen vereiste/aia-02-risico -->') }, `${C}/vereisten/aia-02-risico.md`);
    assert.deepEqual(found, [
      {
        code: 'directive.string-match',
        range: '7:22-7:44',
        message: '"vereiste/aia-02-risico" matches 3-dat-03-tekst only because "vereiste" there is text instead of a list: the site then matches any part of the text.',
      },
    ]);
  });

  it('on a requirement page, a measures list for another requirement', () => {
    assert.deepEqual(links(withBody('<!-- list_maatregelen vereiste/aia-02-risico -->'), page), [
      {
        code: 'directive.string-match',
        range: '7:22-7:44',
        message: '"vereiste/aia-02-risico" matches 3-dat-03-tekst only because "vereiste" there is text instead of a list: the site then matches any part of the text.',
      },
      {
        code: 'directive.foreign-stem',
        range: '7:31-7:44',
        message: 'This list shows the pages for vereiste "aia-02-risico", not for this page ("avg-01-grondslag"); a copy from another page or the template?',
      },
    ]);
  });

  it('unknown filter key and unknown filter values, with the nearest', () => {
    const other = `${C}/hulpmiddelen/overzicht.md`;
    const files = { ...CURRENT, [other]: '# Overzicht\n\n<!-- list_maatregelen levenscylus/ontwerp -->\n<!-- list_maatregelen vereiste/avg-01-grondslg -->\n<!-- list_maatregelen levenscyclus/ontwrp -->\n' };
    assert.deepEqual(links(files, other), [
      { code: 'directive.unknown-filter-key', range: '2:22-2:33', message: 'No page listed by list_maatregelen has the key "levenscylus", so this list is empty. Did you mean "levenscyclus"?' },
      { code: 'directive.unknown-filter-value', range: '3:31-3:46', message: '"avg-01-grondslg" is not a known requirement page, so this list is empty. Did you mean "avg-01-grondslag"?' },
      { code: 'directive.unknown-filter-value', range: '4:35-4:41', message: '"ontwrp" is not a known life cycle phase value, so this list is empty. Did you mean "ontwerp"?' },
    ]);
  });

  it('a valid filter that lists nothing', () => {
    const other = `${C}/hulpmiddelen/overzicht.md`;
    const files = { ...CURRENT, 'docs/rollen/ontwikkelaar.md': '# Ontwikkelaar\n', [other]: '# O\n\n<!-- list_maatregelen levenscyclus/ontwerp -->\n<!-- list_vereisten onderwerp/transparantie -->\n' };
    assert.deepEqual(links(files, other), [
      { code: 'directive.empty', range: '3:0-3:47', message: 'list_vereisten onderwerp/transparantie lists no page: the site shows an empty table.' },
    ]);
  });

  it('flags: known, unknown, anywhere; the glued name', () => {
    const other = `${C}/hulpmiddelen/overzicht.md`;
    const files = { ...CURRENT, [other]: '# O\n\n<!-- list_vereisten no-search add-wetcode no-kleur -->\n<!-- list_maatregelen_all -->\n' };
    const g = service(files).graph().directives.filter((d) => d.file === other);
    assert.deepEqual(g.map((d) => [d.name, d.flags, d.resolvesTo.length]), [
      ['list_vereisten', ['no-search', 'add-wetcode'], 2],
      ['list_maatregelen', [], 3],
    ]);
    assert.deepEqual(links(files, other), [
      {
        code: 'directive.ignored-token',
        range: '2:42-2:50',
        message: 'The site ignores "no-kleur": no such column; columns are "no-search", "no-title", "no-wetcode", "no-rol", "no-levenscyclus" or "no-onderwerp".',
      },
      { code: 'directive.glued-name', range: '3:5-3:25', message: '"list_maatregelen_all" is read by the site as list_maatregelen with the parameter "_all"; put a space after list_maatregelen.' },
    ]);
  });

  it('own lists: on measure and tool pages; elsewhere the generic rule takes them, unfiltered', () => {
    const m = `${C}/maatregelen/2-owp-02-data.md`;
    const files = { ...CURRENT, [m]: CURRENT[m] + '\n<!-- list_vereisten_on_maatregelen_page -->\n' };
    assert.deepEqual(resolves(files, m), [{ name: 'list_vereisten_on_maatregelen_page', params: '', expanded: true, resolvesTo: ['aia-02-risico', 'avg-01-grondslag'] }]);
    const r = `${C}/vereisten/aia-02-risico.md`;
    const onReq = { ...CURRENT, ...cReq('aia-02-risico', '<!-- list_vereisten_on_maatregelen_page -->') };
    assert.deepEqual(resolves(onReq, r), [{ name: 'list_vereisten', params: '_on_maatregelen_page', expanded: true, resolvesTo: ['aia-02-risico', 'avg-01-grondslag'] }]);
    assert.equal(links(onReq, r)[0].code, 'directive.glued-name');
    // Own lists are case-sensitive in this profile: the generic, case-insensitive rule takes the other spelling.
    const upper = { ...CURRENT, [m]: CURRENT[m] + '\n<!-- List_vereisten_on_maatregelen_page -->\n' };
    assert.deepEqual(resolves(upper, m).map((d) => d.name), ['list_vereisten']);
  });

  it('comments the site will not expand', () => {
    const other = `${C}/hulpmiddelen/overzicht.md`;
    const body = [
      '# O', // 0
      '<!-- list_maatregelen onderwerp/governance-->', // 1 no space before -->
      '<!--list_maatregelen -->', // 2
      '<!-- list_maatregelen', // 3 multi-line
      'onderwerp/governance -->', // 4
      '<!-- list_instrumenten -->', // 5 unknown in current
      '`<!-- list_maatregelen -->`', // 6 code span
      '',
      '```', // 8
      '<!-- list_vereisten -->',
      '```',
      '<!-- list_hulpmiddelen', // 11 unclosed
    ].join('\n');
    const found = links({ ...CURRENT, [other]: body }, other);
    assert.deepEqual(
      found.map((d) => [d.code, d.range]),
      [
        ['directive.not-expanded', '1:0-1:45'],
        ['directive.not-expanded', '2:0-2:24'],
        ['directive.not-expanded', '3:0-4:24'],
        ['directive.not-expanded', '5:0-5:26'],
        ['directive.not-expanded', '6:1-6:26'],
        ['directive.not-expanded', '9:0-9:23'],
        ['directive.not-expanded', '11:0-11:22'],
      ],
    );
    assert.equal(found[3].message, 'The site does not know list_instrumenten in this content model. Did you mean "list_vereisten", "list_maatregelen" or "list_hulpmiddelen"?');
    assert.equal(found[4].message, 'This list_maatregelen is inside code, so the site shows it as text, not as a table.');
  });

  it('a null label on a candidate: the site drops this and every later list on the page', () => {
    const other = `${C}/hulpmiddelen/overzicht.md`;
    const files = {
      ...CURRENT,
      ...cMeasure('4-ont-01-leeg', 'levenscyclus:\n'),
      [other]: '# O\n\n<!-- list_maatregelen levenscyclus/ontwerp -->\n<!-- list_hulpmiddelen -->\n<!-- list_vereisten -->\n',
    };
    assert.deepEqual(resolves(files, other), [
      { name: 'list_maatregelen', params: 'levenscyclus/ontwerp', expanded: false, resolvesTo: [] },
      { name: 'list_hulpmiddelen', params: '', expanded: false, resolvesTo: [] },
      { name: 'list_vereisten', params: '', expanded: true, resolvesTo: ['aia-02-risico', 'avg-01-grondslag'] },
    ]);
    const found = links(files, other);
    assert.deepEqual(found.map((d) => [d.code, d.range]), [
      ['directive.raises', '2:22-2:42'],
      ['directive.dropped', '3:5-3:22'],
    ]);
    assert.equal(found[0].message, `"levenscyclus" in ${C}/maatregelen/4-ont-01-leeg.md is empty or not a list; the site then shows neither this list nor the 1 later one on this page.`);
  });

  it('references: vereiste and maatregel entries naming no page, exact and case-sensitive', () => {
    const tool = `${C}/hulpmiddelen/wijzer.md`;
    const files = { ...CURRENT, [tool]: '---\ntitle: Wijzer\nvereiste:\n- avg-01-Grondslag\n- aia-02\nmaatregel:\n- 1-pba-01-doel\n---\n' };
    assert.deepEqual(links(files, tool), [
      {
        code: 'reference.unknown-target',
        range: '3:2-3:18',
        message: '"avg-01-Grondslag" differs from the vereiste page "avg-01-grondslag" only in upper/lower case; the site matches names exactly, so the link is missing.',
      },
      { code: 'reference.unknown-target', range: '4:2-4:8', message: 'There is no vereiste page "aia-02". Did you mean "aia-02-risico"?' },
    ]);
    const g = service(files).graph();
    assert.deepEqual(
      g.references.filter((r) => r.file === tool),
      [
        { file: tool, line: 3, key: 'vereiste', value: 'avg-01-Grondslag', target: null },
        { file: tool, line: 4, key: 'vereiste', value: 'aia-02', target: null },
        { file: tool, line: 6, key: 'maatregel', value: '1-pba-01-doel', target: `${C}/maatregelen/1-pba-01-doel.md` },
      ],
    );
    assert.deepEqual(service(files).referencesTo(`${C}/maatregelen/1-pba-01-doel.md`).references.map((r) => r.path), [tool]);
  });

  it('file names the site mangles', () => {
    const a = `${C}/maatregelen/5-ver-01-Test.md`;
    const b = `${C}/maatregelen/5-ver-01-test.md`;
    const c = `${C}/maatregelen/met spatie.md`;
    const d = `${C}/maatregelen/dubbel.md.md`;
    const files = { ...CURRENT, [a]: '# a\n', [b]: '# b\n', [c]: '# c\n', [d]: '# d\n' };
    assert.deepEqual(links(files, a).map((x) => x.code), ['file.case-conflict']);
    assert.deepEqual(links(files, c), [{ code: 'file.whitespace-in-name', range: '0:0-0:3', message: `The file name "met spatie.md" contains whitespace; the site's links and name lookups mangle it. Use hyphens.` }]);
    assert.deepEqual(links(files, d).map((x) => x.code), ['file.double-extension']);
  });
});

describe('directives: 2024 profile', () => {
  const V = 'docs/vereisten';
  const M = 'docs/maatregelen';
  const files24: Record<string, string> = {
    ...BASE_2024,
    [`${V}/rechtmatig.md`]: '---\ntitle: R\nbouwblok:\n- transparantie\nlevenscyclus:\n- ontwerp\n---\n# R\n',
    [`${M}/grondslag.md`]: '---\ntitle: G\nvereiste:\n- rechtmatig\nlevenscyclus:\n- ontwerp\n- implementatie\nbouwblok:\n- transparantie\n---\n# G\n',
    [`${M}/uitleg.md`]: '---\ntitle: U\nvereiste:\n- rechtmatig\nlevenscyclus:\n- implementatie\nbouwblok:\n- governance\n---\n# U\n',
  };
  const page = `${V}/rechtmatig.md`;
  const withBody = (body: string) => ({ ...files24, [page]: files24[page] + '\n' + body + '\n' });

  it('every token filters (AND)', () => {
    assert.deepEqual(resolves(withBody('<!-- list_maatregelen levenscyclus/implementatie bouwblok/transparantie -->'), page), [
      { name: 'list_maatregelen', params: 'levenscyclus/implementatie bouwblok/transparantie', expanded: true, resolvesTo: ['grondslag'] },
    ]);
    assert.deepEqual(resolves(withBody('<!-- list_maatregelen_1 vereiste/rechtmatig -->'), page)[0].resolvesTo, ['grondslag', 'uitleg']);
  });

  it('a malformed token breaks the build; no list without a filter', () => {
    const found = links(withBody('<!-- list_maatregelen vereiste/rechtmatig no-search -->\n<!-- list_maatregelen -->'), page);
    assert.deepEqual(found.map((d) => [d.code, d.range]), [
      ['directive.malformed-token', '9:42-9:51'],
      ['directive.raises', '9:42-9:51'],
      ['directive.not-expanded', '10:0-10:25'],
    ]);
    assert.equal(found[0].message, '"no-search" is not a filter of the form key/value; the site build fails when a page reaches it.');
    assert.equal(found[2].message, 'In this content model the site expands list_maatregelen only with a filter after one space, e.g. <!-- list_maatregelen levenscyclus/ontwerp -->.');
  });

  it('boubwlok/governance: an unknown key, nothing listed', () => {
    const files = withBody('<!-- list_maatregelen boubwlok/governance -->');
    assert.deepEqual(resolves(files, page)[0].resolvesTo, []);
    assert.deepEqual(links(files, page), [
      { code: 'directive.unknown-filter-key', range: '9:22-9:30', message: 'No page listed by list_maatregelen has the key "boubwlok", so this list is empty. Did you mean "bouwblok"?' },
    ]);
  });

  it('the own list applies on every page, case-insensitively; index pages are candidates', () => {
    const m = `${M}/grondslag.md`;
    const files = { ...files24, [m]: files24[m] + '\n<!-- LIST_vereisten_on_maatregelen_page -->\n' };
    assert.deepEqual(resolves(files, m), [{ name: 'list_vereisten_on_maatregelen_page', params: '', expanded: true, resolvesTo: ['rechtmatig'] }]);
  });

  it('an own list on a string value matches by substring in 2024', () => {
    const m = `${M}/grondslag.md`;
    const files = { ...files24, [m]: '---\ntitle: G\nvereiste: rechtmatig\n---\n# G\n<!-- list_vereisten_on_maatregelen_page -->\n' };
    assert.deepEqual(resolves(files, m)[0].resolvesTo, ['rechtmatig']);
  });
});

describe('directives: transitional profile', () => {
  const files: Record<string, string> = {
    'docs/levenscyclus/ontwerp.md': '# Ontwerp\n',
    'docs/rollen/jurist.md': '# Jurist\n',
    'docs/onderwerpen/governance/index.md': '# Governance\n',
    'docs/onderwerpen/transparantie/index.md': '# Transparantie\n',
    'docs/vereisten/index.md': '---\ntitle: Vereisten\nonderwerp:\n- governance\n---\n# Vereisten\n',
    'docs/vereisten/rechtmatig.md': '---\ntitle: R\nonderwerp:\n- governance\n---\n# R\n',
    'docs/maatregelen/grondslag.md': '---\ntitle: G\nvereiste:\n- rechtmatig\nonderwerp:\n- transparantie\n---\n# G\n',
  };
  const page = 'docs/onderwerpen/governance/index.md';

  it('is detected from docs/onderwerpen; onderwerp values are its folders', () => {
    const s = service(files);
    assert.equal(s.profile()?.name, 'transitional');
  });

  it('first token filters; flags only after it; index.md is not a candidate', () => {
    const f = { ...files, [page]: '# Governance\n\n<!-- list_vereisten onderwerp/governance no-search -->\n<!-- list_vereisten no-search -->\n<!-- list_maatregelen onderwerp/transparantie add-rol -->\n' };
    assert.deepEqual(
      service(f).graph().directives.filter((d) => d.file === page).map((d) => [d.params, d.flags, d.resolvesTo]),
      [
        ['onderwerp/governance no-search', ['no-search'], ['rechtmatig']],
        ['no-search', [], ['rechtmatig']],
        ['onderwerp/transparantie add-rol', [], ['grondslag']],
      ],
    );
    assert.deepEqual(links(f, page), [
      { code: 'directive.ignored-token', range: '3:20-3:29', message: 'The site ignores "no-search": in this content model, flags are only read after the filter.' },
      { code: 'directive.ignored-token', range: '4:46-4:53', message: 'The site ignores "add-rol": no such column; columns are "no-search", "no-rol", "no-levenscyclus" or "no-onderwerp".' },
    ]);
  });

  it('the own list applies on maatregelen paths only, case-sensitively', () => {
    const m = 'docs/maatregelen/grondslag.md';
    const f = { ...files, [m]: files[m] + '<!-- list_vereisten_on_maatregelen_page -->\n', [page]: '# G\n<!-- list_vereisten_on_maatregelen_page -->\n' };
    assert.deepEqual(service(f).graph().directives.filter((d) => d.file === m || d.file === page).map((d) => [d.file, d.name, d.resolvesTo]), [
      [m, 'list_vereisten_on_maatregelen_page', ['rechtmatig']],
      [page, 'list_vereisten', ['rechtmatig']],
    ]);
  });
});

describe('profile choice: setting, config file, detection', () => {
  it('the config file forces a profile; a broken config is reported on the file, not a crash', () => {
    const tree = { ...CURRENT_BASE, 'docs/vereisten/a.md': '# a\n' };
    assert.equal(service(tree).profile()?.name, 'current');
    assert.deepEqual(service({ ...tree, '.algoritmekader.json': '{ "profile": "2024" }' }).profile(), { name: '2024', source: 'config' });
    const s = createLanguageService(new MemoryWorkspace({ ...tree, '.algoritmekader.json': '{ "profile": "2024", }' }), { language: 'en', profile: 'current' });
    assert.deepEqual(s.profile(), { name: 'current', source: 'setting' });
    const ws = s.workspaceDiagnostics();
    assert.deepEqual(ws.map((f) => [f.path, f.diagnostics.map((d) => d.code)]), [['.algoritmekader.json', ['workspace.config']]]);
    assert.match(ws[0].diagnostics[0].message, /^\.algoritmekader\.json: not valid JSON: /);
    // A BOM, as some Windows editors write one, is not a mistake.
    const bom = service({ ...tree, '.algoritmekader.json': '\uFEFF{ "profile": "2024" }' });
    assert.deepEqual([bom.profile(), bom.workspaceDiagnostics()], [{ name: '2024', source: 'config' }, []]);
  });
});
