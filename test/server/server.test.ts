// The language server over LSP (stdio), as an editor drives it: open a document, get its diagnostics;
// change the language setting, get them in Dutch.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { serverReader } from '../serverReader';

const ROOT = join(__dirname, '..', '..', '..');
const EXAMPLE = join(ROOT, 'examples', 'current');
const PAGE = join(EXAMPLE, 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md');

/** The example measure's body: the template's sections, so that only what a test changes is reported. */
const BODY = readFileSync(PAGE, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');

type Seen = { code: string; message: string };

/** A language server on `folder` over stdio, with the diagnostics it publishes and the settings it reads. */
function serverOn(folder: string, settings: Record<string, string> = {}) {
  const state = {
    server: undefined as ChildProcess | undefined,
    connection: undefined as MessageConnection | undefined,
    language: 'en',
    scopes: [] as (string | undefined)[],
    /** How many times diagnostics were published, per URI. */
    publishes: new Map<string, number>(),
    /** The `$/progress` kinds (begin, report, end) in the order they came. */
    progress: [] as string[],
  };
  const diagnostics = new Map<string, Seen[]>();
  const waiters: (() => void)[] = [];
  const start = async () => {
    const server = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const connection = createMessageConnection(serverReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    Object.assign(state, { server, connection });
    connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Seen[] }) => {
      diagnostics.set(p.uri, p.diagnostics);
      state.publishes.set(p.uri, (state.publishes.get(p.uri) ?? 0) + 1);
      waiters.splice(0).forEach((w) => w());
    });
    connection.onRequest('workspace/configuration', (params: { items: { scopeUri?: string; section?: string }[] }) => {
      state.scopes.push(...params.items.map((i) => i.scopeUri));
      return params.items.map(() => ({ language: state.language, profile: 'auto', ...settings }));
    });
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
      state.progress.push(p.value.kind);
      waiters.splice(0).forEach((w) => w());
    });
    connection.listen();
    await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(folder).href,
      workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'content' }],
      capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
    });
    await connection.sendNotification('initialized', {});
  };
  const stop = () => {
    state.connection?.dispose();
    state.server?.kill();
  };
  /** Resolves once diagnostics for `uri` satisfy `ok`. */
  const until = (uri: string, ok: (ds: Seen[]) => boolean) =>
    new Promise<Seen[]>((resolve) => {
      const check = () => {
        const ds = diagnostics.get(uri);
        if (ds && ok(ds)) resolve(ds);
        else waiters.push(check);
      };
      check();
    });
  /** Resolves once `ok` holds for the state (checked on every publish and progress notification). */
  const when = (ok: () => boolean) =>
    new Promise<void>((resolve) => {
      const check = () => (ok() ? resolve() : waiters.push(check));
      check();
    });
  return { state, start, stop, until, when };
}

/** A language server on a throw-away folder that `fill` writes, removed again after the suite. */
function serverOnTemp(prefix: string, fill: (dir: string) => void, settings: Record<string, string> = {}) {
  const temp = { dir: '', lsp: undefined as ReturnType<typeof serverOn> | undefined };
  before(async () => {
    temp.dir = mkdtempSync(join(tmpdir(), prefix));
    fill(temp.dir);
    temp.lsp = serverOn(temp.dir, settings);
    await temp.lsp.start();
  });
  after(() => {
    temp.lsp?.stop();
    rmSync(temp.dir, { recursive: true, force: true });
  });
  return temp;
}

describe('language server', function () {
  const lsp = serverOn(EXAMPLE);
  const { until } = lsp;
  let connection: MessageConnection;
  before(async () => {
    await lsp.start();
    connection = lsp.state.connection!;
  });
  after(() => lsp.stop());

  it('publishes the diagnostics of an open document, in the configured language', async () => {
    const uri = pathToFileURL(PAGE).href;
    const text = '---\ntitle: T\nid: urn:nl:ak:mtr:owp-01\ntoelichting: Kort\nlevenscyclus:\n- ontwerpp\nonderwerp:\n- governance\nrollen:\n- jurist\n---\n' + BODY;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const ds = await until(uri, (d) => d.some((x) => x.code === 'frontmatter.unknown-value'));
    assert.deepEqual(ds.map((d) => d.message), ['"ontwerpp" is not a known life cycle phase value. Did you mean "ontwerp"?'.replace('life cycle phase', 'levenscyclus')]);
    lsp.state.language = 'nl';
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    const nl = await until(uri, (d) => d.some((x) => x.message.startsWith('"ontwerpp" is geen')));
    assert.equal(nl[0].message, '"ontwerpp" is geen bekende waarde voor levenscyclus. Bedoel je "ontwerp"?');
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: text.replace('ontwerpp', 'ontwerp') }] });
    await until(uri, (d) => d.length === 0);
    // Settings are asked for the content root's folder, so a multi-root workspace may differ per folder.
    assert.ok(lsp.state.scopes.length > 0 && lsp.state.scopes.every((scope) => scope === pathToFileURL(EXAMPLE).href), JSON.stringify(lsp.state.scopes));
  });

  it('answers textDocument/codeAction with quick fixes as workspace edits, and nothing for other kinds', async () => {
    const uri = pathToFileURL(PAGE).href;
    const text = '---\ntitle: T\nid: urn:nl:ak:mtr:owp-01\ntoelichting: Kort\nlevenscyclus:\n- ontwerpp\nonderwerp:\n- governance\nrollen:\n- jurist\n---\n' + BODY;
    // Dutch, set here (not left over from the test before): the titles below are Dutch.
    lsp.state.language = 'nl';
    await connection.sendNotification('workspace/didChangeConfiguration', { settings: {} });
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text }] });
    // The Dutch finding says the setting is in use.
    const [diagnostic] = await until(uri, (d) => d.some((x) => x.code === 'frontmatter.unknown-value' && x.message.startsWith('"ontwerpp" is geen')));
    const range = { start: { line: 5, character: 3 }, end: { line: 5, character: 3 } };
    const actions = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [diagnostic] } });
    assert.deepEqual(actions, [
      {
        title: 'Wijzig in "ontwerp"',
        kind: 'quickfix',
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: { changes: { [uri]: [{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 10 } }, newText: 'ontwerp' }] } },
      },
    ]);
    const refactors = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['refactor'] } });
    assert.deepEqual(refactors, []);
    // Source Action… / codeActionsOnSave: one action with every fix that leaves no doubt.
    const fixAll = await connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: [], only: ['source.fixAll'] } });
    assert.deepEqual(fixAll, [
      {
        title: '1 eenduidig probleem oplossen (Algoritmekader)',
        kind: 'source.fixAll.algoritmekader',
        edit: { changes: { [uri]: [{ range: { start: { line: 5, character: 2 }, end: { line: 5, character: 10 } }, newText: 'ontwerp' }] } },
      },
    ]);
  });

  it('answers textDocument/hover with Markdown for a key, and null where there is nothing to say', async () => {
    const uri = pathToFileURL(PAGE).href;
    const text = '---\ntitle: T\nid: urn:nl:ak:mtr:owp-01\ntoelichting: Kort\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\nrollen:\n- jurist\n---\n' + BODY;
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: 4 }, contentChanges: [{ text }] });
    const hover = (await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 8, character: 2 } })) as { contents: { kind: string; value: string }; range: unknown };
    assert.equal(hover.contents.kind, 'markdown');
    assert.match(hover.contents.value, /^\*\*rollen\*\*\n\n/);
    assert.deepEqual(hover.range, { start: { line: 8, character: 0 }, end: { line: 8, character: 6 } });
    assert.equal(await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 11, character: 1 } }), null);
  });
});

describe('language server on a tree it does not recognise', function () {
  const temp = serverOnTemp('ak-lsp-', (dir) => {
    mkdirSync(join(dir, 'docs', 'foo'), { recursive: true });
    writeFileSync(join(dir, 'docs', 'foo', 'a.md'), '# A\n');
    writeFileSync(join(dir, '.algoritmekader.json'), '{ "profile": "2025" }');
  });

  it('shows the unknown layout on every open page, and config mistakes on the config file', async () => {
    const { dir, lsp } = { dir: temp.dir, lsp: temp.lsp! };
    const page = pathToFileURL(join(dir, 'docs', 'foo', 'a.md')).href;
    await lsp.state.connection!.sendNotification('textDocument/didOpen', { textDocument: { uri: page, languageId: 'markdown', version: 1, text: '# A\n' } });
    const onPage = await lsp.until(page, (d) => d.length > 0);
    assert.deepEqual(onPage.map((d) => d.code), ['workspace.unknown-layout']);
    const config = await lsp.until(pathToFileURL(join(dir, '.algoritmekader.json')).href, (d) => d.length > 0);
    assert.deepEqual(config.map((d) => d.code), ['workspace.config']);
  });
});

describe('language server with algoritmekader.validate: workspace', function () {
  const broken = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md';
  const temp = serverOnTemp(
    'ak-lsp-all-',
    (dir) => {
      cpSync(EXAMPLE, dir, { recursive: true });
      writeFileSync(join(dir, broken), readFileSync(join(dir, broken), 'utf8').replace('- ontwerp\n', '- ontwerpp\n'));
    },
    { validate: 'workspace' },
  );

  it('publishes the findings of pages that are not open, so the Problems view lists the whole tree', async () => {
    const { dir, lsp } = { dir: temp.dir, lsp: temp.lsp! };
    const ds = await lsp.until(pathToFileURL(join(dir, broken)).href, (d) => d.length > 0);
    assert.deepEqual(ds.map((d) => d.code), ['frontmatter.unknown-value']);
  });
});

describe('language server in a Markdown workspace that is not Algoritmekader content', function () {
  const temp = serverOnTemp('ak-lsp-plain-', (dir) => writeFileSync(join(dir, 'README.md'), '# Mijn project\n'));

  it('says nothing about an unknown layout on a README: the folder does not claim to be content', async () => {
    const { dir, lsp } = { dir: temp.dir, lsp: temp.lsp! };
    const uri = pathToFileURL(join(dir, 'README.md')).href;
    await lsp.state.connection!.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: '# Mijn project\n' } });
    assert.deepEqual(await lsp.until(uri, () => true), []);
  });
});

describe('language server: an edit re-checks the pages it affects, and a batch of file changes is one update', function () {
  const C = 'docs/voldoen-aan-wetten-en-regels';
  const A = `${C}/maatregelen/2-owp-01-grondslag-vastleggen.md`;
  const B = `${C}/maatregelen/2-owp-02-tweede.md`;
  const R = `${C}/vereisten/avg-01-voorbeeldvereiste.md`;
  const temp = serverOnTemp('ak-lsp-inc-', (dir) => {
    cpSync(EXAMPLE, dir, { recursive: true });
    writeFileSync(join(dir, B), readFileSync(join(dir, A), 'utf8').replace('id: urn:nl:ak:mtr:owp-01', 'id: urn:nl:ak:mtr:owp-02').replace('# Leg', '# Tweede: leg'));
  });
  const uri = (path: string) => pathToFileURL(join(temp.dir, path)).href;
  const text = (path: string) => readFileSync(join(temp.dir, path), 'utf8');
  const open = async (path: string) => {
    await temp.lsp!.state.connection!.sendNotification('textDocument/didOpen', { textDocument: { uri: uri(path), languageId: 'markdown', version: 1, text: text(path) } });
    return temp.lsp!.until(uri(path), () => true);
  };

  it('indexes the tree in the background with progress, then publishes the open pages', async () => {
    const lsp = temp.lsp!;
    await lsp.when(() => lsp.state.progress.includes('end'));
    assert.equal(lsp.state.progress[0], 'begin');
    assert.equal(lsp.state.progress[lsp.state.progress.length - 1], 'end');
  });

  it('an id made equal to another open page\'s: both pages are published at once, a page it does not touch is not sent again', async () => {
    const lsp = temp.lsp!;
    for (const path of [A, B, R]) assert.deepEqual(await open(path), [], path);
    const before = new Map([A, B, R].map((p) => [p, lsp.state.publishes.get(uri(p)) ?? 0]));
    const edited = text(A).replace('id: urn:nl:ak:mtr:owp-01', 'id: urn:nl:ak:mtr:owp-02');
    await lsp.state.connection!.sendNotification('textDocument/didChange', { textDocument: { uri: uri(A), version: 2 }, contentChanges: [{ text: edited }] });
    const other = await lsp.until(uri(B), (d) => d.length > 0);
    assert.deepEqual(other.map((d) => d.code), ['frontmatter.duplicate-id']);
    const mine = await lsp.until(uri(A), (d) => d.length > 0);
    assert.deepEqual(mine.map((d) => d.code).sort(), ['frontmatter.duplicate-id', 'frontmatter.id-filename-mismatch']);
    // Back: B is clean again; R was never affected, so it was never sent again.
    await lsp.state.connection!.sendNotification('textDocument/didChange', { textDocument: { uri: uri(A), version: 3 }, contentChanges: [{ text: text(A) }] });
    await lsp.until(uri(B), (d) => d.length === 0);
    await lsp.until(uri(A), (d) => d.length === 0);
    assert.equal(lsp.state.publishes.get(uri(B)), before.get(B)! + 2);
    assert.equal(lsp.state.publishes.get(uri(R)), before.get(R));
  });

  it('300 files created on disk in one notification: the open page that named a missing one is sent once, clean', async () => {
    const lsp = temp.lsp!;
    const edited = text(A).replace('- avg-01-voorbeeldvereiste', '- avg-01-voorbeeldvereiste\n- avg-09-nieuw');
    await lsp.state.connection!.sendNotification('textDocument/didChange', { textDocument: { uri: uri(A), version: 4 }, contentChanges: [{ text: edited }] });
    assert.deepEqual((await lsp.until(uri(A), (d) => d.length > 0)).map((d) => d.code), ['reference.unknown-target']);
    const sentBefore = lsp.state.publishes.get(uri(A))!;
    const changes = [];
    for (let i = 0; i < 300; i++) {
      const path = i === 299 ? `${C}/vereisten/avg-09-nieuw.md` : `${C}/maatregelen/9-nieuw-${i}.md`;
      writeFileSync(join(temp.dir, path), `---\ntitle: Nieuw ${i}\n---\n# Nieuw ${i}\n`);
      changes.push({ uri: uri(path), type: 1 });
    }
    await lsp.state.connection!.sendNotification('workspace/didChangeWatchedFiles', { changes });
    await lsp.until(uri(A), (d) => d.length === 0);
    // One batch, one update: the page was sent once more, not once per file.
    assert.equal(lsp.state.publishes.get(uri(A)), sentBefore + 1);
  });
});
