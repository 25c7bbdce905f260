// `npm run bench:lsp`: the language server as an editor drives it, over stdio (dist/server.js), on the two
// real snapshots (read in place) and on a generated tree of about 10,000 pages (the 2026 tree plus renamed
// copies, in a temp folder). Per tree and run:
// - initialize → the first diagnostics of an open measure page; then, while the tree is indexed, its code lenses
//   and a hover asked right after them (the hover must not wait for the lenses);
// - 200 edits of that page that alternate a valid and an invalid state (a label value typo, and the `id` of
//   a second open measure page), each checked: the edited page's diagnostics must flip, so the figure is of
//   real work; the second page's republish (its duplicate-id finding comes and goes) is timed from the edit;
// - completion (under `levenscyclus:` and on a `vereiste:` item), hover, definition, references and rename
//   on a `vereiste:` entry, 200 each;
// - the server's memory (VmRSS after load, VmHWM at the end; /proc/<pid>/status) after `AK_BENCH_EDITS`
//   edits in all (default 1,000).
// Prints p50 / p95 / max in ms per operation, per run, then the median of the runs with their spread.
// AK_BENCH_RUNS (default 3), AK_BENCH_PAGES (default 10,000) and AK_BENCH_ONLY (a tree's name) tune it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateFromSnapshot as generate, markdownFiles } from './generate';
import { createMessageConnection, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { serverReader } from '../serverReader';

const ROOT = join(__dirname, '..', '..', '..');
const SERVER = join(ROOT, 'dist', 'server.js');
const CORPORA = join(ROOT, '..', 'shared', 'corpora');

interface Diag {
  code: string;
  range: { start: { line: number; character: number } };
}
type Position = { line: number; character: number };

/** Timings of one operation, ms. */
class Series {
  readonly values: number[] = [];
  add(ms: number): void {
    this.values.push(ms);
  }
  quantile(q: number): number {
    const sorted = [...this.values].sort((a, b) => a - b);
    return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] : NaN;
  }
}

const now = () => Number(process.hrtime.bigint()) / 1e6;

/** A language server on `root`: its connection, the diagnostics it publishes, and its pid. */
async function startServer(root: string) {
  const server: ChildProcess = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection: MessageConnection = createMessageConnection(serverReader(server.stdout!), new StreamMessageWriter(server.stdin!));
  const published = new Map<string, { at: number; diagnostics: Diag[] }>();
  const waiters = new Set<() => void>();
  connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; diagnostics: Diag[] }) => {
    published.set(p.uri, { at: now(), diagnostics: p.diagnostics });
    for (const w of [...waiters]) w();
  });
  connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => ({ language: 'en', profile: 'auto', validate: 'open' })));
  connection.onRequest('client/registerCapability', () => null);
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', () => {});
  connection.listen();
  const uri = pathToFileURL(root).href;
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: uri,
    workspaceFolders: [{ uri, name: 'content' }],
    capabilities: { workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } }, window: { workDoneProgress: true } },
  });
  const initialized = now();
  await connection.sendNotification('initialized', {});
  /** Resolves with the first publish for `uri` after `since` that `ok` accepts. */
  const until = (uri: string, since: number, ok: (ds: Diag[]) => boolean, what: string) =>
    new Promise<{ at: number; diagnostics: Diag[] }>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, 60_000);
      const check = () => {
        const p = published.get(uri);
        if (p && p.at >= since && ok(p.diagnostics)) {
          waiters.delete(check);
          clearTimeout(timer);
          resolve(p);
        }
      };
      waiters.add(check);
      check();
    });
  const memory = () => {
    const status = readFileSync(`/proc/${server.pid}/status`, 'utf8');
    const kb = (key: string) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN) / 1024;
    return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
  };
  const stop = () => {
    connection.dispose();
    server.kill();
  };
  return { connection, until, memory, stop, initialized };
}

interface Scenario {
  /** The measure page that is edited. */
  page: string;
  text: string;
  /** A second measure page whose `id` the invalid state copies (undefined when the tree has no ids). */
  other?: { page: string; id: string; idLine: number };
  /** The label item whose value the invalid state misspells. */
  label: { line: number; value: string };
  /** A `vereiste:` entry (hover, definition, references, rename, completion). */
  reference: Position;
}

/** Picks a measure page with an id, a `levenscyclus:` list and a `vereiste:` entry naming an existing page. */
function scenario(root: string): Scenario {
  const files = markdownFiles(join(root, 'docs')).map((p) => `docs/${p}`).sort();
  const measures = files.filter((p) => /\/maatregelen\/[^/]+\.md$/.test(p) && !p.endsWith('index.md'));
  const stems = new Set(files.map((p) => p.slice(p.lastIndexOf('/') + 1, -3)));
  const idOf = (text: string) => /^id:\s*(\S+)\s*$/m.exec(text)?.[1];
  const parse = (page: string) => {
    const text = readFileSync(join(root, page), 'utf8');
    const lines = text.split('\n');
    const vereiste = lines.indexOf('vereiste:');
    const cycle = lines.indexOf('levenscyclus:');
    if (vereiste < 0 || cycle < 0) return undefined;
    const item = /^- (\S+)$/.exec(lines[vereiste + 1] ?? '');
    const phase = /^- (\S+)$/.exec(lines[cycle + 1] ?? '');
    if (!item || !phase || !stems.has(item[1])) return undefined;
    return { text, lines, vereiste, cycle, phase: phase[1], id: idOf(text) };
  };
  for (const page of measures) {
    const found = parse(page);
    if (!found) continue;
    let other: Scenario['other'];
    if (found.id) {
      for (const candidate of measures) {
        if (candidate === page) continue;
        const text = readFileSync(join(root, candidate), 'utf8');
        const id = idOf(text);
        if (id && id !== found.id) {
          other = { page: candidate, id, idLine: text.split('\n').findIndex((l) => l.startsWith('id:')) };
          break;
        }
      }
    }
    return { page, text: found.text, other, label: { line: found.cycle + 1, value: found.phase }, reference: { line: found.vereiste + 1, character: 4 } };
  }
  throw new Error(`no measure page with levenscyclus and vereiste in ${root}`);
}

/** The page's text in the valid (`false`) or invalid (`true`) state. */
function variant(s: Scenario, invalid: boolean): string {
  if (!invalid) return s.text;
  const lines = s.text.split('\n');
  lines[s.label.line] = `- ${s.label.value}x`;
  if (s.other) {
    const idLine = lines.findIndex((l) => l.startsWith('id:'));
    lines[idLine] = `id: ${s.other.id}`;
  }
  return lines.join('\n');
}

interface RunResult {
  firstDiagnostics: number;
  afterInitialize: number;
  edit: Series;
  republish: Series;
  completionLabel: Series;
  completionReference: Series;
  hover: Series;
  definition: Series;
  references: Series;
  rename: Series;
  rssAfterLoad: number;
  hwm: number;
  /** At start-up: a hover asked right after the page's code lenses, and those lenses, ms from the asking. */
  startupHover: number;
  startupLenses: number;
  edits: number;
}

async function runOnce(root: string, s: Scenario, totalEdits: number): Promise<RunResult> {
  const t0 = now();
  const lsp = await startServer(root);
  const { connection, until } = lsp;
  try {
    const uri = pathToFileURL(join(root, s.page)).href;
    const otherUri = s.other ? pathToFileURL(join(root, s.other.page)).href : undefined;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text: s.text } });
    const first = await until(uri, 0, () => true, 'first diagnostics');
    const firstDiagnostics = first.at - t0;
    // The part after the process started and answered initialize (node's own start-up and the bundle's load
    // depend on the machine more than on this project).
    const afterInitialize = first.at - lsp.initialized;
    // An editor asks for an opened page's code lenses at once. They need the whole tree, which is still being
    // indexed in the background: they wait for it, and a hover asked meanwhile must not wait with them.
    const asked = now();
    const lenses = connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    await connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: s.reference });
    const startupHover = now() - asked;
    await lenses;
    const startupLenses = now() - asked;
    if (s.other && otherUri) {
      await connection.sendNotification('textDocument/didOpen', { textDocument: { uri: otherUri, languageId: 'markdown', version: 1, text: readFileSync(join(root, s.other.page), 'utf8') } });
      await until(otherUri, 0, () => true, 'the other page\'s diagnostics');
    }
    // Loaded: the whole tree indexed (references need every page).
    await connection.sendRequest('textDocument/references', { textDocument: { uri }, position: s.reference, context: { includeDeclaration: true } });
    await until(uri, 0, (ds) => !ds.some((d) => d.code === 'frontmatter.unknown-value'), 'the valid state');
    const rssAfterLoad = lsp.memory().rss;

    const hasTypo = (ds: Diag[]) => ds.some((d) => d.code === 'frontmatter.unknown-value' && d.range.start.line === s.label.line);
    const duplicate = (ds: Diag[]) => ds.some((d) => d.code === 'frontmatter.duplicate-id');
    const edit = new Series();
    const republish = new Series();
    let version = 1;
    for (let i = 0; i < totalEdits; i++) {
      const invalid = i % 2 === 0;
      const sent = now();
      await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: variant(s, invalid) }] });
      const mine = until(uri, sent, (ds) => hasTypo(ds) === invalid, `edit ${i} (${invalid ? 'invalid' : 'valid'})`);
      const theirs = otherUri ? until(otherUri, sent, (ds) => duplicate(ds) === invalid, `republish ${i}`) : undefined;
      const [a, b] = await Promise.all([mine, theirs]);
      if (i < 200) {
        edit.add(a.at - sent);
        if (b) republish.add(b.at - sent);
      }
    }
    // Back to the valid text for the requests.
    await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text: s.text }] });
    await until(uri, 0, (ds) => !hasTypo(ds), 'the valid state again');

    const time = async (series: Series, run: () => Promise<unknown>, check: (r: unknown) => boolean, what: string) => {
      for (let i = 0; i < 200; i++) {
        const start = now();
        const result = await run();
        series.add(now() - start);
        if (i === 0 && !check(result)) throw new Error(`${what}: unexpected answer ${JSON.stringify(result)?.slice(0, 300)}`);
      }
    };
    const doc = { textDocument: { uri } };
    const labelEnd = { line: s.label.line, character: 2 + s.label.value.length };
    const completionLabel = new Series();
    await time(completionLabel, () => connection.sendRequest('textDocument/completion', { ...doc, position: labelEnd }), (r) => itemsOf(r).length > 0, 'completion under levenscyclus');
    const completionReference = new Series();
    await time(completionReference, () => connection.sendRequest('textDocument/completion', { ...doc, position: s.reference }), (r) => itemsOf(r).length > 0, 'completion on a vereiste item');
    const hover = new Series();
    await time(hover, () => connection.sendRequest('textDocument/hover', { ...doc, position: s.reference }), (r) => r !== null, 'hover');
    const definition = new Series();
    await time(definition, () => connection.sendRequest('textDocument/definition', { ...doc, position: s.reference }), (r) => Array.isArray(r) && r.length > 0, 'definition');
    const references = new Series();
    await time(references, () => connection.sendRequest('textDocument/references', { ...doc, position: s.reference, context: { includeDeclaration: true } }), (r) => Array.isArray(r) && r.length > 1, 'references');
    const rename = new Series();
    await time(
      rename,
      async () => {
        await connection.sendRequest('textDocument/prepareRename', { ...doc, position: s.reference });
        return connection.sendRequest('textDocument/rename', { ...doc, position: s.reference, newName: 'nieuwe-naam' });
      },
      (r) => r !== null && typeof r === 'object',
      'rename',
    );
    const { hwm } = lsp.memory();
    return { firstDiagnostics, afterInitialize, edit, republish, completionLabel, completionReference, hover, definition, references, rename, rssAfterLoad, hwm, edits: totalEdits, startupHover, startupLenses };
  } finally {
    lsp.stop();
  }
}

function itemsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  if (result && typeof result === 'object' && Array.isArray((result as { items?: unknown[] }).items)) return (result as { items: unknown[] }).items;
  return [];
}

const fmt = (n: number) => (Number.isNaN(n) ? '-' : n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const spread = (values: number[]) => `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}`;

async function main(): Promise<void> {
  const runs = Number(process.env.AK_BENCH_RUNS ?? 3);
  const totalEdits = Math.max(200, Number(process.env.AK_BENCH_EDITS ?? 1000));
  const only = process.env.AK_BENCH_ONLY;
  const pages = Number(process.env.AK_BENCH_PAGES ?? 10_000);
  const trees: { name: string; root: () => string; cleanup?: boolean }[] = [
    { name: '2024-08', root: () => join(CORPORA, 'algoritmekader-2024-08') },
    { name: '2026-06', root: () => join(CORPORA, 'algoritmekader-2026-06') },
    { name: `generated-${pages}`, root: () => generate(pages), cleanup: true },
  ].filter((t) => !only || t.name.startsWith(only));
  const idle = (() => {
    const start = now();
    spawnSync(process.execPath, ['-e', '0']);
    return now() - start;
  })();
  console.log(`ak bench:lsp: dist/server.js over stdio, ${runs} run(s) per tree, 200 timed edits and requests, ${totalEdits} edits for the memory peak (node ${process.version}); \`node -e 0\` takes ${fmt(idle)} ms here now`);
  for (const tree of trees) {
    const root = tree.root();
    try {
      const s = scenario(root);
      const count = markdownFiles(root).length;
      console.log(`\n${tree.name}: ${count} Markdown files; edited page ${s.page}${s.other ? `; other open page ${s.other.page}` : ' (no ids: no republish figure)'}`);
      const results: RunResult[] = [];
      for (let r = 0; r < runs; r++) results.push(await runOnce(root, s, totalEdits));
      const ops: [string, (r: RunResult) => Series][] = [
        ['edit → diagnostics', (r) => r.edit],
        ['other open page republished', (r) => r.republish],
        ['completion (levenscyclus)', (r) => r.completionLabel],
        ['completion (vereiste item)', (r) => r.completionReference],
        ['hover', (r) => r.hover],
        ['definition', (r) => r.definition],
        ['references', (r) => r.references],
        ['prepareRename + rename', (r) => r.rename],
      ];
      console.log(`  ${'operation'.padEnd(30)}${'p50'.padStart(9)}${'p95'.padStart(9)}${'max'.padStart(9)}   spread of p95 over runs`);
      for (const [name, of] of ops) {
        const p50 = results.map((r) => of(r).quantile(0.5));
        const p95 = results.map((r) => of(r).quantile(0.95));
        const max = results.map((r) => of(r).quantile(1));
        console.log(`  ${name.padEnd(30)}${fmt(median(p50)).padStart(9)}${fmt(median(p95)).padStart(9)}${fmt(median(max)).padStart(9)}   ${spread(p95)}`);
      }
      const first = results.map((r) => r.firstDiagnostics);
      console.log(`  ${'initialize → first diagnostics'.padEnd(30)}${fmt(median(first)).padStart(9)} ms   runs: ${first.map(fmt).join(', ')}`);
      const after = results.map((r) => r.afterInitialize);
      console.log(`  ${'  of which after initialize'.padEnd(30)}${fmt(median(after)).padStart(9)} ms   runs: ${after.map(fmt).join(', ')}`);
      const sh = results.map((r) => r.startupHover);
      const sl = results.map((r) => r.startupLenses);
      console.log(`  ${'hover at start-up'.padEnd(30)}${fmt(median(sh)).padStart(9)} ms   runs: ${sh.map(fmt).join(', ')}   (asked right after the code lenses)`);
      console.log(`  ${'code lenses at start-up'.padEnd(30)}${fmt(median(sl)).padStart(9)} ms   runs: ${sl.map(fmt).join(', ')}   (they wait for the indexing)`);
      const rss = results.map((r) => r.rssAfterLoad);
      const hwm = results.map((r) => r.hwm);
      console.log(`  ${'memory after load (VmRSS)'.padEnd(30)}${fmt(median(rss)).padStart(9)} MB   runs: ${rss.map(fmt).join(', ')}`);
      console.log(`  ${`peak over ${totalEdits} edits (VmHWM)`.padEnd(30)}${fmt(median(hwm)).padStart(9)} MB   runs: ${hwm.map(fmt).join(', ')}`);
    } finally {
      if (tree.cleanup) rmSync(root, { recursive: true, force: true });
    }
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
