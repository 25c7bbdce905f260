// The depth handlers over LSP (stdio), as an editor drives them, on a copy of examples/current: document links,
// code lenses with their peek command, inlay hints, workspace symbols, file moves, the status and coverage requests.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { serverReader } from '../serverReader';

const ROOT = join(__dirname, '..', '..', '..');
const C = 'docs/voldoen-aan-wetten-en-regels';
const MEASURE = `${C}/maatregelen/2-owp-01-grondslag-vastleggen.md`;
const REQUIREMENT = `${C}/vereisten/avg-01-voorbeeldvereiste.md`;

describe('language server: authoring depth', function () {
  let dir: string;
  let server: ChildProcess;
  let connection: MessageConnection;
  const uri = (path: string) => pathToFileURL(join(dir, path)).href;
  const at = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ak-depth-'));
    cpSync(join(ROOT, 'examples', 'current'), dir, { recursive: true });
    server = spawn(process.execPath, [join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createMessageConnection(serverReader(server.stdout!), new StreamMessageWriter(server.stdin!));
    connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ language: 'en', profile: 'auto' })));
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('workspace/codeLens/refresh', () => null);
    connection.onRequest('workspace/inlayHint/refresh', () => null);
    connection.listen();
    const init = (await connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'content' }],
      capabilities: { workspace: { configuration: true } },
    })) as { capabilities: Record<string, unknown> };
    assert.deepEqual(
      ['documentLinkProvider', 'codeLensProvider', 'inlayHintProvider', 'workspaceSymbolProvider'].map((k) => Boolean(init.capabilities[k])),
      [true, true, true, true],
    );
    assert.ok((init.capabilities.workspace as { fileOperations?: { willRename?: unknown } }).fileOperations?.willRename);
    await connection.sendNotification('initialized', {});
  });
  after(() => {
    connection?.dispose();
    server?.kill();
    rmSync(dir, { recursive: true, force: true });
  });

  it('document links and inlay hints on the vereiste entry of a measure', async () => {
    const links = (await connection.sendRequest('textDocument/documentLink', { textDocument: { uri: uri(MEASURE) } })) as { range: never; target: string; tooltip: string }[];
    assert.deepEqual(links.map((l) => [at(l.range), l.target, l.tooltip]), [['5:2-5:26', uri(REQUIREMENT), `Persoonsgegevens worden rechtmatig verwerkt (${REQUIREMENT})`]]);
    const hints = (await connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: uri(MEASURE) }, range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } } })) as { position: { line: number; character: number }; label: string }[];
    assert.deepEqual(hints.map((h) => [`${h.position.line}:${h.position.character}`, h.label]), [['5:26', 'Persoonsgegevens worden rechtmatig verwerkt']]);
  });

  it('code lenses: counts with the peek command and its places', async () => {
    const lenses = (await connection.sendRequest('textDocument/codeLens', { textDocument: { uri: uri(REQUIREMENT) } })) as { range: never; command: { title: string; command: string; arguments?: unknown[] } }[];
    assert.deepEqual(lenses.map((l) => [at(l.range), l.command.title, l.command.command]), [
      // Listed on the measure's and the tool's own lists and on vereisten/index.md.
      ['1:0-1:0', 'named by 1 measure, 1 tool · listed on 3 pages', 'algoritmekader.peekLocations'],
      ['37:0-37:0', '1 measure', 'algoritmekader.peekLocations'],
    ]);
    const [target, position, locations] = lenses[1].command.arguments as [string, unknown, { uri: string; range: never }[]];
    assert.equal(target, uri(REQUIREMENT));
    assert.deepEqual(position, { line: 37, character: 0 });
    assert.deepEqual(locations.map((l) => [l.uri, at(l.range)]), [[uri(MEASURE), '1:7-1:47']]);
  });

  it('workspace symbols find a page by its id code', async () => {
    const symbols = (await connection.sendRequest('workspace/symbol', { query: 'avg-01' })) as { name: string; containerName: string; location: { uri: string } }[];
    assert.deepEqual(symbols.map((s) => [s.name, s.containerName, s.location.uri]), [['avg-01 Persoonsgegevens worden rechtmatig verwerkt', 'requirement · avg-01-voorbeeldvereiste', uri(REQUIREMENT)]]);
  });

  it('willRenameFiles: the edits that keep every name of a renamed requirement right', async () => {
    const edit = (await connection.sendRequest('workspace/willRenameFiles', { files: [{ oldUri: uri(REQUIREMENT), newUri: uri(`${C}/vereisten/avg-01-rechtmatig.md`) }] })) as { changes: Record<string, { range: never; newText: string }[]> };
    assert.deepEqual(
      Object.entries(edit.changes).map(([u, edits]) => [u.slice(u.indexOf('/docs/')), edits.map((e) => `${at(e.range)} ${e.newText}`)]).sort(),
      [
        ['/docs/voldoen-aan-wetten-en-regels/hulpmiddelen/grondslagenwijzer.md', ['6:2-6:26 avg-01-rechtmatig']],
        ['/docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md', ['5:2-5:26 avg-01-rechtmatig']],
        ['/docs/voldoen-aan-wetten-en-regels/vereisten/avg-01-voorbeeldvereiste.md', ['37:31-37:55 avg-01-rechtmatig']],
      ],
    );
    assert.equal(await connection.sendRequest('workspace/willRenameFiles', { files: [{ oldUri: uri(MEASURE), newUri: uri(`${C}/maatregelen/oud/2-owp-01-grondslag-vastleggen.md`) }] }), null);
  });

  it('the status and coverage requests of the extension', async () => {
    const status = (await connection.sendRequest('algoritmekader/status', { uri: pathToFileURL(dir).href })) as { name: string; text: string };
    assert.equal(status.name, 'current');
    assert.match(status.text, /^Content model: current, from the folders/);
    type Node = { label: string; description?: string; path?: string; children?: Node[] };
    const coverage = (await connection.sendRequest('algoritmekader/coverage', { uri: pathToFileURL(dir).href })) as { status: { name: string }; tree: Node[]; uris: Record<string, string> };
    assert.equal(coverage.status.name, 'current');
    assert.deepEqual(coverage.tree.map((n) => [n.label, n.description ?? '']), [
      ['Requirements without measures', '0'],
      ['Measures naming no requirement', '0'],
      ['Tools linked to nothing', '0'],
      ['Pages on no list', '0'],
      ['Per levenscyclus phase', ''],
      ['Per onderwerp', ''],
    ]);
    assert.deepEqual(coverage.tree[4].children!.map((n) => [n.label, n.description, n.path]), [
      ['monitoring-en-beheer', '0 requirements · 0 measures · 0 tools', 'docs/levenscyclus/monitoring-en-beheer.md'],
      ['ontwerp', '1 requirement · 1 measure · 1 tool', 'docs/levenscyclus/ontwerp.md'],
    ]);
    assert.equal(coverage.uris['docs/levenscyclus/ontwerp.md'], uri('docs/levenscyclus/ontwerp.md'));
  });
});
