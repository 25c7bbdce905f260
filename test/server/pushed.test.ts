// The language server on content the client hands over (InitializationOptions.content), as in the web (the
// server in a web worker has no disk) and for virtual workspaces: the same server code, driven over LSP with a
// folder that is not on the disk. Also the URIs it writes, and workspace trust over LSP.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createMessageConnection, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { serverReader } from '../serverReader';
import { CONTENT_NOTIFICATION, READ_FILES_REQUEST, TRUST_NOTIFICATION, type ContentParams, type InitializationOptions, type ReadFilesParams } from '../../server/src/protocol';
import { relativePathOfUri, uriOfPath } from '../../server/src/uris';

const ROOT = join(__dirname, '..', '..', '..');
const FOLDER = 'memfs:/content';
const MEASURE = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md';

/** Every file of examples/current, by root-relative path. */
function exampleFiles(): Record<string, string | null> {
  const base = join(ROOT, 'examples', 'current');
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else files[relative(base, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(base);
  // As the client hands a folder over: the config file and the list hook are said to be absent when they are.
  return { '.algoritmekader.json': null, 'src/overrides/hooks/lists.py': null, ...files };
}

type Published = { uri: string; version?: number; diagnostics: { code: string; severity: number; range: { start: { line: number; character: number } }; data: unknown }[] };

/** The servers a test started: stopped after it, passed or not. */
const running: (() => void)[] = [];

/** dist/server.js over stdio, initialized with `options`; answers READ_FILES from `disk` and records what was asked. */
async function start(options: InitializationOptions, disk: Record<string, string>) {
  const server: ChildProcess = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection: MessageConnection = createMessageConnection(serverReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  running.push(() => (connection.dispose(), server.kill()));
  const published: Published[] = [];
  const asked: string[][] = [];
  const waiters = new Set<() => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: Published) => {
    published.push(p);
    for (const w of [...waiters]) w();
  });
  connection.onRequest(READ_FILES_REQUEST, ({ folder, paths }: ReadFilesParams) => {
    assert.equal(folder, FOLDER);
    asked.push(paths);
    return Object.fromEntries(paths.map((p) => [p, disk[p] ?? null]));
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ language: 'en', profile: 'auto' })));
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  await connection.sendRequest('initialize', { processId: process.pid, rootUri: FOLDER, workspaceFolders: [{ uri: FOLDER, name: 'content' }], capabilities: { workspace: { configuration: true } }, initializationOptions: options });
  await connection.sendNotification('initialized', {});
  /** The first publish for `uri` after `from` publishes that satisfies `ok`. */
  const next = (uri: string, ok: (p: Published) => boolean, from = 0) =>
    new Promise<Published>((resolve) => {
      const check = () => {
        const found = published.slice(from).find((p) => p.uri === uri && ok(p));
        if (!found) return;
        waiters.delete(check);
        resolve(found);
      };
      waiters.add(check);
      check();
    });
  return { connection, published, asked, next, stop: () => (connection.dispose(), server.kill()) };
}

const summary = (p: Published) => p.diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.character}`);

describe('uris as VS Code writes them', () => {
  it('encodes what Uri.toString() encodes, and reads it back', () => {
    assert.equal(uriOfPath('vscode-vfs://github/minbzk/Algoritmekader', 'docs/a b/(c)!é.md'), 'vscode-vfs://github/minbzk/Algoritmekader/docs/a%20b/%28c%29%21%C3%A9.md');
    assert.equal(relativePathOfUri('vscode-vfs://github/minbzk/Algoritmekader', 'vscode-vfs://github/minbzk/Algoritmekader/docs/a%20b/%28c%29%21%C3%A9.md'), 'docs/a b/(c)!é.md');
    assert.equal(relativePathOfUri('memfs:/content', 'memfs:/content'), '');
    assert.equal(relativePathOfUri('memfs:/content', 'memfs:/content/'), '');
    assert.equal(relativePathOfUri('memfs:/content', 'memfs:/contents/a.md'), undefined);
    assert.equal(relativePathOfUri('memfs:/content', 'memfs:/content/%E0%A4%A.md'), undefined);
  });
});

describe('language server on handed-over content (a folder not on the disk)', function () {
  this.timeout(30_000);
  afterEach(() => running.splice(0).forEach((stop) => stop()));
  const measureUri = uriOfPath(FOLDER, MEASURE);

  it('checks an open page against the handed-over tree, with the version of the text, and follows changes the client reports', async () => {
    const files = exampleFiles();
    const lsp = await start({ content: { [FOLDER]: files } }, {});
    try {
      await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: measureUri, languageId: 'markdown', version: 7, text: files[MEASURE] } });
      const clean = await lsp.next(measureUri, () => true);
      assert.deepEqual([clean.version, summary(clean)], [7, []]);
      // The onderwerp page "governance" is deleted elsewhere (another tab, a pull): the open page's label goes unknown.
      const from = lsp.published.length;
      await lsp.connection.sendNotification(CONTENT_NOTIFICATION, { folder: FOLDER, files: { 'docs/onderwerpen/governance.md': null } } satisfies ContentParams);
      const broken = await lsp.next(measureUri, (p) => p.diagnostics.length > 0, from);
      assert.deepEqual([broken.version, summary(broken)], [7, ['frontmatter.unknown-value 9:2']]);
      // A definition points into the same folder, in its own scheme.
      const definition = await lsp.connection.sendRequest<{ targetUri: string }[]>('textDocument/definition', { textDocument: { uri: measureUri }, position: { line: 5, character: 6 } });
      assert.deepEqual(definition.map((d) => d.targetUri), [`${FOLDER}/docs/voldoen-aan-wetten-en-regels/vereisten/avg-01-voorbeeldvereiste.md`]);
    } finally {
      lsp.stop();
    }
  });

  const CONFIG = JSON.stringify({ schemas: { maatregel: './own.schema.json' } });
  const OWN = JSON.stringify({ properties: { eigenaar: { type: 'string' } }, required: ['id', 'title', 'toelichting', 'levenscyclus', 'onderwerp', 'rollen', 'eigenaar'] });

  it('trusted: asks the client for the schema file the config names, and checks with it once it arrives', async () => {
    const files: Record<string, string | null> = { ...exampleFiles(), '.algoritmekader.json': CONFIG };
    const lsp = await start({ trusted: true, content: { [FOLDER]: files } }, { 'own.schema.json': OWN });
    try {
      await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: measureUri, languageId: 'markdown', version: 1, text: files[MEASURE] } });
      const withOwn = await lsp.next(measureUri, (p) => p.diagnostics.length > 0);
      assert.deepEqual(summary(withOwn), ['frontmatter.missing-key 0:0']);
      assert.deepEqual(lsp.asked, [['own.schema.json']]);
    } finally {
      lsp.stop();
    }
  });

  it('untrusted: never asks for the schema file, says so on the config file, and reads it once trust is granted', async () => {
    const files: Record<string, string | null> = { ...exampleFiles(), '.algoritmekader.json': CONFIG };
    const lsp = await start({ trusted: false, content: { [FOLDER]: files } }, { 'own.schema.json': OWN });
    try {
      await lsp.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: measureUri, languageId: 'markdown', version: 1, text: files[MEASURE] } });
      const configUri = `${FOLDER}/.algoritmekader.json`;
      const notice = await lsp.next(configUri, () => true);
      assert.deepEqual(notice.diagnostics.map((d) => [d.code, d.severity, d.data]), [['workspace.untrusted', 3, { file: '.algoritmekader.json', key: 'schemas' }]]);
      const clean = await lsp.next(measureUri, () => true);
      assert.deepEqual(summary(clean), []);
      assert.deepEqual(lsp.asked, []);
      const from = lsp.published.length;
      await lsp.connection.sendNotification(TRUST_NOTIFICATION, { trusted: true });
      const withOwn = await lsp.next(measureUri, (p) => p.diagnostics.length > 0, from);
      assert.deepEqual(summary(withOwn), ['frontmatter.missing-key 0:0']);
      assert.deepEqual(lsp.asked, [['own.schema.json']]);
      assert.deepEqual((await lsp.next(configUri, (p) => p.diagnostics.length === 0, from)).diagnostics, []);
    } finally {
      lsp.stop();
    }
  });
});
