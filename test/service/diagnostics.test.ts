// Every frontmatter diagnostic kind on in-memory documents: exact code, range (0-based, LSP) and message.
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { BASE_2024, CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { at, diagnose, isContract, seen, type Seen } from './harness';
import { parsePageFast } from '../../server/src/service/frontmatter';

const M = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag.md';
const V24 = 'docs/vereisten/rechtmatig.md';

/** A valid current-profile measure with `lines` spliced in before the closing `---`. */
const measure = (...lines: string[]) =>
  ['---', 'title: Leg de grondslag vast', 'id: urn:nl:ak:mtr:owp-01', 'toelichting: Kort.', 'levenscyclus:', '- ontwerp', 'onderwerp:', '- governance', 'rollen:', '- jurist', ...lines, '---', '# Grondslag', ''].join('\n');

const check = (text: string, path = M, base = CURRENT_BASE, lang: 'en' | 'nl' = 'en'): Seen[] => diagnose({ ...base, [path]: text }, path, lang).map(seen);

describe('frontmatter diagnostics', () => {
  it('a valid page has none', () => {
    assert.deepEqual(check(measure()), []);
  });

  it('no frontmatter: on the first line', () => {
    assert.deepEqual(check('# Grondslag\n\nTekst.\n'), [
      {
        code: 'frontmatter.missing',
        range: '0:0-0:11',
        message: 'This maatregel page has no frontmatter: it needs a block between two --- lines at the top, with at least the required keys.',
      },
    ]);
  });

  it('unclosed frontmatter: on the opening line, and nothing else', () => {
    assert.deepEqual(check('---\ntitle: T\n# Grondslag\n'), [
      {
        code: 'frontmatter.unclosed',
        range: '0:0-0:3',
        message: 'The frontmatter is not closed: add a --- line after the last key. Until then the site sees no metadata on this page.',
      },
    ]);
  });

  it('closing line without a line break', () => {
    const text = measure().replace(/\n# Grondslag\n$/, '');
    assert.deepEqual(check(text), [
      {
        code: 'frontmatter.close-needs-newline',
        range: '10:0-10:3',
        message: 'The closing --- is the last line of the file without a line break; the site then ignores the frontmatter. Add a line break.',
      },
    ]);
  });

  it('not a mapping', () => {
    assert.deepEqual(check('---\n- a\n---\n'), [
      { code: 'frontmatter.not-a-mapping', range: '1:0-2:0', message: 'The frontmatter must consist of keys with values (key: value); the site ignores anything else.' },
    ]);
  });

  it('YAML syntax error at the error; the model is partial and the other keys are still checked', () => {
    const text = measure().replace('toelichting: Kort.', 'toelichting: Een: twee\n  fout').replace('- ontwerp', '- ontwerpp');
    assert.deepEqual(check(text), [
      {
        code: 'frontmatter.yaml-syntax',
        range: '3:13-3:14',
        message: 'Invalid YAML: a colon inside a value; put the value in quotes. The site ignores all metadata of this page while the YAML is invalid.',
      },
      { code: 'frontmatter.unknown-value', range: '6:2-6:10', message: '"ontwerpp" is not a known levenscyclus value. Did you mean "ontwerp"?' },
    ]);
  });

  it('unclosed brackets: each YAML error once, and nesting too deep for the parser said plainly', () => {
    // yaml repeats "Flow sequence … end with a ]" once per unclosed bracket, all where the `]` was due (the
    // closing line); one diagnostic is enough, at the outermost unclosed bracket to the end of its line.
    const unclosed = check(measure().replace('rollen:\n- jurist', 'rollen: [[[[[[jurist'));
    assert.deepEqual(
      unclosed.filter((d) => d.code === 'frontmatter.yaml-syntax').map((d) => d.range),
      ['8:8-8:20'],
    );
    // Thousands deep, yaml runs out of stack; where exactly depends on the stack size, so only the line is fixed.
    const deep = check(measure().replace('rollen:\n- jurist', `rollen: ${'['.repeat(15000)}`)).filter((d) => d.code === 'frontmatter.yaml-syntax');
    assert.equal(deep.length, 1, JSON.stringify(deep.slice(0, 6)));
    assert.ok(deep.every((d) => d.range.startsWith('8:')));
    assert.ok(deep.every((d) => d.message === 'Invalid YAML: brackets nested too deeply to read. The site ignores all metadata of this page while the YAML is invalid.'));
  });

  it('unknown key with the nearest known key (2024: bouwbok → bouwblok), and the missing required key', () => {
    const text = '---\ntitle: Rechtmatig\ntoelichting: Kort\nstatus_vereiste:\n- geldend\nlevenscyclus:\n- ontwerp\nbouwbok:\n- transparantie\n---\n';
    assert.deepEqual(check(text, V24, BASE_2024), [
      { code: 'frontmatter.missing-key', range: '0:0-0:3', message: 'Required key "bouwblok" is missing.' },
      { code: 'frontmatter.unknown-key', range: '7:0-7:7', message: 'Unknown key "bouwbok" for a vereiste page; the site ignores it. Did you mean "bouwblok"?' },
    ]);
    assert.deepEqual(check(text, V24, BASE_2024, 'nl'), [
      { code: 'frontmatter.missing-key', range: '0:0-0:3', message: 'Verplicht veld "bouwblok" ontbreekt.' },
      { code: 'frontmatter.unknown-key', range: '7:0-7:7', message: 'Onbekend veld "bouwbok" voor een pagina van type vereiste; de site negeert het. Bedoel je "bouwblok"?' },
    ]);
  });

  it('an unknown key inside a list item is named by where it is, not as a key of the page', () => {
    const text = '---\ntitle: Rechtmatig\ntoelichting: Kort\nstatus_vereiste:\n- geldend\nlevenscyclus:\n- ontwerp\nbouwblok:\n- transparantie\nrekenregels:\n- hoog-risco: Ja\n---\n';
    assert.deepEqual(check(text, V24, BASE_2024), [
      { code: 'frontmatter.unknown-key', range: '10:2-10:12', message: 'Unknown key "hoog-risco" in item 1 of "rekenregels"; the site ignores it. Did you mean "hoog-risico"?' },
    ]);
    assert.equal(check(text, V24, BASE_2024, 'nl')[0].message, 'Onbekend veld "hoog-risco" in item 1 van "rekenregels"; de site negeert het. Bedoel je "hoog-risico"?');
  });

  it('a case-only difference is named as such (Geldend)', () => {
    const text = '---\ntitle: Rechtmatig\ntoelichting: Kort\nstatus_vereiste:\n- Geldend\nlevenscyclus:\n- ontwerp\nbouwblok:\n- transparantie\n---\n';
    const [d] = diagnose({ ...BASE_2024, [V24]: text }, V24);
    assert.equal(d.code, 'frontmatter.unknown-value');
    assert.equal(at(d.range), '4:2-4:9');
    assert.equal(d.message, '"Geldend" differs from the status_vereiste value "geldend" only in upper/lower case; the site treats them as different, so this page drops out of that filter.');
    assert.deepEqual(d.data, { key: 'status_vereiste', path: ['status_vereiste', 0], value: 'Geldend', vocabulary: 'status_vereiste', suggestions: ['geldend'], caseOnly: true });
  });

  it('wrong types: text where a list is expected, an empty value', () => {
    const text = measure('hide: navigation').replace('toelichting: Kort.', 'toelichting:').replace('levenscyclus:\n- ontwerp', 'levenscyclus: ontwerp');
    assert.deepEqual(check(text), [
      { code: 'frontmatter.wrong-type', range: '3:0-3:11', message: '"toelichting" is empty; give it text or remove the key.' },
      {
        code: 'frontmatter.wrong-type',
        range: '4:14-4:21',
        message: '"levenscyclus" must be a list, not text. The site then compares parts of the text instead of whole values.',
      },
      {
        code: 'frontmatter.list-as-text',
        range: '9:6-9:16',
        message: '"hide" is text, not a list. For the reader nothing changes: the site tests each value with "in", which finds "navigation" inside the text, so it applies all the same. Write it as a list, as the templates do.',
      },
    ]);
    const [empty] = diagnose({ ...CURRENT_BASE, [M]: measure().replace('rollen:\n- jurist', 'rollen:') }, M, 'nl');
    assert.equal(empty.message, '"rollen" is leeg; geef een lijst of haal het veld weg. De site kan niet filteren op een lege waarde.');
    assert.equal(at(empty.range), '8:0-8:6');
  });

  it('an empty list item, on its `-` (read by the fast reader, and by yaml when a flow list sends the page there)', () => {
    const expected = [
      { code: 'frontmatter.wrong-type', range: '6:0-6:1', message: 'Item 2 of "levenscyclus" is empty; give it text or remove it.' },
      { code: 'frontmatter.wrong-type', range: '7:0-7:1', message: 'Item 3 of "levenscyclus" is empty; give it text or remove it.' },
    ];
    const text = measure().replace('levenscyclus:\n- ontwerp', 'levenscyclus:\n- ontwerp\n-\n-   # nothing');
    assert.ok(parsePageFast(text), 'the fast reader reads it');
    assert.deepEqual(check(text), expected);
    const flow = measure('hide: [navigation]').replace('levenscyclus:\n- ontwerp', 'levenscyclus:\n- ontwerp\n-\n-   # nothing');
    assert.equal(parsePageFast(flow), undefined, 'the yaml package reads it');
    assert.deepEqual(check(flow), expected);
  });

  it('hide as text: the theme tests with "in", so the reader sees no difference: a hint that says so', () => {
    const [d] = diagnose({ ...CURRENT_BASE, [M]: measure('hide: navigation') }, M);
    assert.deepEqual(seen(d), {
      code: 'frontmatter.list-as-text',
      range: '10:6-10:16',
      message: '"hide" is text, not a list. For the reader nothing changes: the site tests each value with "in", which finds "navigation" inside the text, so it applies all the same. Write it as a list, as the templates do.',
    });
    assert.equal(d.severity, 4);
    assert.deepEqual(d.data, { key: 'hide', value: 'navigation', applied: ['navigation'], written: ['navigation'], same: true });
    const [two] = diagnose({ ...CURRENT_BASE, [M]: measure('hide: navigation toc') }, M, 'nl');
    assert.equal(two.message, '"hide" is tekst, geen lijst. Voor de lezer verandert er niets: de site test elke waarde met "in", dat "navigation" en "toc" in de tekst vindt, dus die geldt toch. Schrijf het als lijst, zoals de sjablonen doen.');
  });

  it('hide as text with a part the site does not find: a warning that says what is applied', () => {
    const [d] = diagnose({ ...CURRENT_BASE, [M]: measure('hide: navigaton toc') }, M);
    assert.equal(d.severity, 2);
    assert.equal(d.message, '"hide" is text, not a list. The site tests each value with "in", which finds values inside text: here "toc"; so "navigaton" has no effect. Write it as a list of known values.');
  });

  it('value not in the vocabulary, with the nearest values', () => {
    const [d] = diagnose({ ...CURRENT_BASE, [M]: measure().replace('- governance', '- governanse') }, M);
    assert.deepEqual(seen(d), { code: 'frontmatter.unknown-value', range: '7:2-7:12', message: '"governanse" is not a known onderwerp value. Did you mean "governance"?' });
  });

  it('duplicate value in a list, on the repetition (flow list in a BOM document)', () => {
    const text = '\uFEFF' + measure().replace('rollen:\n- jurist', 'rollen: [jurist, projectleider, jurist]');
    const ds = diagnose({ ...CURRENT_BASE, [M]: text }, M);
    assert.deepEqual(ds.map(seen), [{ code: 'frontmatter.duplicate-value', range: '8:32-8:38', message: '"jurist" occurs more than once in "rollen"; remove the repetition.' }]);
    assert.deepEqual(ds[0].data, { key: 'rollen', value: 'jurist', index: 2, first: { start: { line: 8, character: 9 }, end: { line: 8, character: 15 } } });
  });

  it('a CRLF document has the same ranges as its LF twin', () => {
    const lf = measure().replace('- ontwerp', '- Ontwerp');
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(check(crlf), check(lf));
    assert.deepEqual(check(crlf).map((d) => d.range), ['5:2-5:9']);
  });

  it('duplicate key: on the occurrence the site ignores', () => {
    const ds = diagnose({ ...CURRENT_BASE, [M]: measure('hide:', '- toc', 'hide:', '- navigation') }, M);
    assert.deepEqual(ds.map(seen), [{ code: 'frontmatter.duplicate-key', range: '10:0-10:4', message: 'The key "hide" occurs more than once; the site keeps only the last one.' }]);
    assert.deepEqual(ds[0].data, { key: 'hide', kept: { start: { line: 12, character: 0 }, end: { line: 12, character: 4 } } });
  });

  it('URN id format per page type', () => {
    assert.deepEqual(check(measure().replace('urn:nl:ak:mtr:owp-01', 'urn:nl:ak:ver:owp-1')), [
      {
        code: 'frontmatter.id-format',
        range: '2:4-2:23',
        message: 'The id "urn:nl:ak:ver:owp-1" does not have the form urn:nl:ak:mtr:<code>-<nn> (for example urn:nl:ak:mtr:owp-01).',
      },
    ]);
  });

  it('duplicate id across the workspace, with relatedInformation; file name not matching the id', () => {
    const other = 'docs/voldoen-aan-wetten-en-regels/maatregelen/owp-02-ander.md';
    const ds = diagnose({ ...CURRENT_BASE, [M]: measure(), [other]: measure() }, other);
    assert.deepEqual(ds.map(seen), [
      { code: 'frontmatter.duplicate-id', range: '2:4-2:24', message: `The id "urn:nl:ak:mtr:owp-01" is also used by ${M}.` },
      { code: 'frontmatter.id-filename-mismatch', range: '2:4-2:24', message: 'The file name "owp-02-ander.md" does not start with "owp-01", the last part of its id.' },
    ]);
    assert.deepEqual(ds[0].relatedInformation, [{ location: { uri: `memory:///${M}`, range: { start: { line: 2, character: 4 }, end: { line: 2, character: 24 } } }, message: 'Same id' }]);
    // `<digit>-` before the code is allowed, as upstream names its measures; no digit-less prefix otherwise.
    assert.deepEqual(check(measure()), []);
    // The code ends at a `-` or `.`: `owp-011-...` does not start with `owp-01`.
    const longer = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-011-ander.md';
    assert.deepEqual(diagnose({ ...CURRENT_BASE, [longer]: measure() }, longer).map((d) => d.code), ['frontmatter.id-filename-mismatch']);
    const exact = 'docs/voldoen-aan-wetten-en-regels/maatregelen/owp-01.md';
    assert.deepEqual(diagnose({ ...CURRENT_BASE, [exact]: measure() }, exact), []);
  });

  it('writing hints from the templates: title period, toelichting over 40 words', () => {
    const long = Array.from({ length: 41 }, (_, i) => `woord${i}`).join(' ');
    const ds = diagnose({ ...CURRENT_BASE, [M]: measure().replace('title: Leg de grondslag vast', 'title: Leg de grondslag vast.').replace('toelichting: Kort.', `toelichting: ${long}`) }, M);
    assert.deepEqual(ds.map(seen), [
      { code: 'frontmatter.title-period', range: '1:7-1:29', message: 'The title ends in a period; the templates say: no period after the title.' },
      { code: 'frontmatter.toelichting-too-long', range: `3:13-3:${13 + long.length}`, message: '"toelichting" has 41 words; the templates ask for at most 40.' },
    ]);
    assert.ok(ds.every((d) => d.severity === 4));
  });

  it('a tree matching no profile gets one workspace diagnostic', () => {
    const service = createLanguageService(new MemoryWorkspace({ 'docs/a.md': '# a\n', 'docs/b/c.md': '# c\n' }));
    const all = service.checkAll().flatMap((f) => f.diagnostics.map((d) => ({ file: f.path, code: d.code })));
    assert.deepEqual(all, [{ file: '.', code: 'workspace.unknown-layout' }]);
    assert.equal(
      service.workspaceDiagnostics()[0].diagnostics[0].message,
      'This folder matches no known content layout (current, transitional, 2024): expected docs/voldoen-aan-wetten-en-regels/, or docs/vereisten/ or docs/maatregelen/. The content root is the folder that holds docs/. To choose a content model, use --profile, the setting algoritmekader.profile or .algoritmekader.json.',
    );
    // Given docs/ itself, it says so.
    const inside = createLanguageService(new MemoryWorkspace({ 'vereisten/a.md': '# a\n' }), { language: 'nl' }).workspaceDiagnostics()[0].diagnostics[0];
    assert.deepEqual(inside.data, { root: '.', profiles: ['current', 'transitional', '2024'], looksLikeDocs: true });
    assert.match(inside.message, / Dit lijkt de map docs\/ zelf: controleer de map waar die in staat\. /);
  });

  it('a vocabulary folder that gives no values is said once, on its index page; its label then passes unchecked', () => {
    const files = { ...CURRENT_BASE, 'docs/rollen/index.md': '# Rollen\n', [M]: measure().replace('- jurist', '- wie-dan-ook') };
    delete (files as Record<string, string>)['docs/rollen/jurist.md'];
    delete (files as Record<string, string>)['docs/rollen/projectleider.md'];
    const service = createLanguageService(new MemoryWorkspace(files));
    assert.deepEqual(
      service.workspaceDiagnostics().map((f) => [f.path, f.diagnostics.map((d) => [d.code, at(d.range), d.message])]),
      [['docs/rollen/index.md', [['workspace.empty-vocabulary', '0:0-0:0', 'docs/rollen gives no rollen values: the site takes them from its pages (not index.md), and it has none. Until it has, every rollen value passes unchecked.']]]],
    );
    assert.deepEqual(service.doValidation(M).filter((d) => !isContract(d)), []);
  });

  it('a change to a vocabulary page takes effect on the next request', () => {
    const ws = new MemoryWorkspace({ ...CURRENT_BASE, [M]: measure().replace('- governance', '- ethiek') });
    const service = createLanguageService(ws);
    assert.deepEqual(service.doValidation(M).filter((d) => !isContract(d)).map((d) => d.code), ['frontmatter.unknown-value']);
    ws.set('docs/onderwerpen/ethiek.md', '# Ethiek\n');
    assert.deepEqual(service.doValidation(M).filter((d) => !isContract(d)), []);
  });
});

describe('frontmatter parsing never throws', () => {
  it('a merge key inside a complex key gives a model, not an exception', () => {
    const text = '---\n? <<: x\n: v\n---\n# x\n';
    assert.doesNotThrow(() => diagnose({ ...CURRENT_BASE, [M]: text }, M));
  });
});
