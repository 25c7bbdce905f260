// Workspace trust: in an untrusted folder (VS Code's Restricted Mode) the workspace's own schema and profile
// files are neither read nor compiled, and the built-in schemas check the pages.
import assert from 'node:assert/strict';
import { createLanguageService, type AkDiagnostic } from '../../server/src/service';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { at } from './harness';

const M = 'docs/voldoen-aan-wetten-en-regels/maatregelen/owp-01-grondslag.md';
const PAGE = ['---', 'id: urn:nl:ak:mtr:owp-01', 'title: T', 'toelichting: K', 'levenscyclus: [ontwerp]', 'onderwerp: [governance]', 'rollen: [jurist]', '---', '# T', ''].join('\n');
/** A property name that appears in the validator code ajv generates from the schema, and nowhere else. */
const MARKER = 'akMarkerCompiledFromTheWorkspace';
/** A workspace schema that requires a key the page lacks, and whose compiled code would carry the marker. */
const OWN_SCHEMA = { properties: { eigenaar: { type: 'string' }, [MARKER]: { type: 'string' } }, required: ['id', 'title', 'toelichting', 'levenscyclus', 'onderwerp', 'rollen', 'eigenaar'] };
const CONFIG = JSON.stringify({ schemas: { maatregel: './own.schema.json' } }, null, 2);

/** The workspace, recording every file the service reads. */
function workspace(files: Record<string, string>) {
  const ws = new MemoryWorkspace({ ...CURRENT_BASE, [M]: PAGE, ...files });
  const reads: string[] = [];
  const readFile = ws.readFile.bind(ws);
  ws.readFile = (path: string) => {
    reads.push(path);
    return readFile(path);
  };
  return { ws, reads };
}

/** The frontmatter findings of a page (the schema's concern here), without those on its body text. */
const frontmatterOnly = (ds: AkDiagnostic[]) => ds.filter((d) => d.code.startsWith('frontmatter.'));

/** Runs `body` and returns the bodies of the functions made with `new Function` meanwhile (how ajv turns a schema into code). */
function functionsMadeBy(body: () => void): string[] {
  const made: string[] = [];
  const original = globalThis.Function;
  globalThis.Function = new Proxy(original, {
    construct(target, args: string[]) {
      made.push(String(args[args.length - 1] ?? ''));
      return Reflect.construct(target, args) as object;
    },
    apply(target, self, args: string[]) {
      made.push(String(args[args.length - 1] ?? ''));
      return Reflect.apply(target, self, args) as unknown;
    },
  });
  try {
    body();
  } finally {
    globalThis.Function = original;
  }
  return made;
}

describe('workspace trust', () => {
  it('trusted: the workspace schema is compiled into code and checks the page', () => {
    const { ws } = workspace({ '.algoritmekader.json': CONFIG, 'own.schema.json': JSON.stringify(OWN_SCHEMA) });
    const service = createLanguageService(ws, { language: 'en' });
    let diagnostics: ReturnType<typeof service.doValidation> = [];
    const made = functionsMadeBy(() => (diagnostics = service.doValidation(M)));
    assert.ok(made.some((code) => code.includes(MARKER)), 'the validator of the workspace schema was generated');
    assert.deepEqual(frontmatterOnly(diagnostics).map((d) => [d.code, at(d.range), d.data]), [['frontmatter.missing-key', '0:0-0:3', { key: 'eigenaar', pageType: 'maatregel' }]]);
  });

  it('untrusted: the workspace schema is neither read nor compiled; the built-in schema checks the page', () => {
    const { ws, reads } = workspace({ '.algoritmekader.json': CONFIG, 'own.schema.json': JSON.stringify(OWN_SCHEMA) });
    const service = createLanguageService(ws, { language: 'en', trusted: false });
    let diagnostics: ReturnType<typeof service.doValidation> = [];
    const made = functionsMadeBy(() => (diagnostics = service.doValidation(M)));
    assert.deepEqual(made.filter((code) => code.includes(MARKER)), []);
    assert.ok(!reads.includes('own.schema.json'), `read: ${reads.filter((p) => !p.endsWith('.md')).join(', ')}`);
    assert.deepEqual(frontmatterOnly(diagnostics), []);
    // A built-in rule still holds: a misspelt label is an error.
    ws.set(M, PAGE.replace('[ontwerp]', '[ontwerpp]'));
    assert.deepEqual(frontmatterOnly(service.doValidation(M)).map((d) => [d.code, at(d.range), d.data]), [
      ['frontmatter.unknown-value', '4:15-4:23', { key: 'levenscyclus', path: ['levenscyclus', 0], value: 'ontwerpp', vocabulary: 'levenscyclus', suggestions: ['ontwerp'], caseOnly: false }],
    ]);
  });

  it('untrusted: the config file says what it leaves out, as information on the line that names it', () => {
    const config = JSON.stringify({ profile: './my-profile.json', schemas: { maatregel: './own.schema.json' } }, null, 2);
    const { ws, reads } = workspace({ '.algoritmekader.json': config, 'own.schema.json': JSON.stringify(OWN_SCHEMA), 'my-profile.json': '{}' });
    const service = createLanguageService(ws, { language: 'en', trusted: false });
    assert.deepEqual(service.profile(), { name: 'current', source: 'detected' });
    assert.deepEqual(
      service.workspaceDiagnostics().map(({ path, diagnostics }) => [path, diagnostics.map((d) => [d.code, d.severity, at(d.range), d.data, d.message])]),
      [
        [
          '.algoritmekader.json',
          [
            ['workspace.untrusted', 3, '1:0-1:0', { file: '.algoritmekader.json', key: 'profile' }, 'Restricted Mode: the profile file named here is not used until you trust this folder; the built-in content models check the pages meanwhile.'],
            ['workspace.untrusted', 3, '2:0-2:0', { file: '.algoritmekader.json', key: 'schemas' }, 'Restricted Mode: the schema files named here are not used until you trust this folder; the built-in schemas check the pages meanwhile.'],
          ],
        ],
      ],
    );
    // The config file and the site's list hook (text that tells the content model, never run); no schema or profile file.
    assert.deepEqual(reads.filter((p) => !p.endsWith('.md')), ['.algoritmekader.json', 'src/overrides/hooks/lists.py']);
  });

  it('untrusted: a built-in profile named in the config is still used', () => {
    const { ws } = workspace({ '.algoritmekader.json': JSON.stringify({ profile: 'current' }) });
    const service = createLanguageService(ws, { language: 'nl', trusted: false });
    assert.deepEqual(service.profile(), { name: 'current', source: 'config' });
    assert.deepEqual(service.workspaceDiagnostics(), []);
  });

  it('trust granted later: the next request uses the workspace schema', () => {
    const { ws } = workspace({ '.algoritmekader.json': CONFIG, 'own.schema.json': JSON.stringify(OWN_SCHEMA) });
    const service = createLanguageService(ws, { language: 'en', trusted: false });
    assert.deepEqual(frontmatterOnly(service.doValidation(M)), []);
    service.configure({ trusted: true });
    assert.deepEqual(frontmatterOnly(service.doValidation(M)).map((d) => [d.code, d.data]), [['frontmatter.missing-key', { key: 'eigenaar', pageType: 'maatregel' }]]);
    assert.deepEqual(service.workspaceDiagnostics(), []);
  });
});
