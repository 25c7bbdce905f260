// `npm run bench`: speed and memory of `ak check` and `ak graph`, as a user runs them (a fresh process
// per run, start to exit), on the two real corpora and on a generated workspace of 10,000 pages.
// Prints pages, wall time (median of runs), pages/s and peak memory (max RSS of the process). The generated
// trees: pages written from the upstream templates (`generate`), and the 2026 snapshot plus renamed copies
// (`generateFromSnapshot`, the tree of `npm run bench:lsp`).
// Goals (issue #2/#3): the 2026 snapshot checked in under 150 ms; 10,000 pages in under 3 s and 300 MB.
// Then the editor's requests on a warm language service (as the server holds it): the median time of the
// diagnostics after one keystroke in a measure page, and of hover, completion, references and quick fixes.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { NodeWorkspace } from '../../server/src/nodeWorkspace';
import { createLanguageService } from '../../server/src/service';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { generate, generateFromSnapshot } from './generate';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const CORPORA = join(ROOT, '..', 'shared', 'corpora');

interface Figures {
  wall: number;
  rssMb: number;
}

/** Preloaded into each measured process: reports its peak RSS on exit (written once per bench run). */
const RSS_PROBE = join(mkdtempSync(join(tmpdir(), 'ak-bench-probe-')), 'rss.js');
writeFileSync(RSS_PROBE, "process.on('exit', () => process.stderr.write('\\nRSS ' + process.resourceUsage().maxRSS + '\\n'));\n");

/** One `ak` run in a fresh node process, as the `ak` launcher starts it (without NODE_EXTRA_CA_CERTS). */
function runOnce(args: string[], env: NodeJS.ProcessEnv): Figures {
  // The installed command itself (dist/cli.js); the child reports its own peak RSS, the parent times start to exit.
  const start = process.hrtime.bigint();
  const child = spawnSync(process.execPath, ['-r', RSS_PROBE, CLI, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  // The page reader thread runs the probe too (a worker inherits the preload) and says its own figure: the
  // process's peak is the largest.
  const peaks = [...child.stderr.matchAll(/RSS (\d+)/g)].map((m) => Number(m[1]));
  const rss = peaks.length > 0 ? Math.max(...peaks) : undefined;
  let output: unknown;
  try {
    output = JSON.parse(child.stdout);
  } catch {
    output = undefined;
  }
  if (!rss || (child.status !== 0 && child.status !== 1) || typeof output !== 'object') {
    throw new Error(`ak ${args.join(' ')} failed (${child.status}): ${child.stderr}`);
  }
  return { wall, rssMb: Number(rss) / 1024 };
}

function measure(args: string[], runs: number, env: NodeJS.ProcessEnv): Figures {
  runOnce(args, env); // warm the file cache
  const results = Array.from({ length: runs }, () => runOnce(args, env));
  const walls = results.map((r) => r.wall).sort((a, b) => a - b);
  return { wall: walls[Math.floor(walls.length / 2)], rssMb: Math.max(...results.map((r) => r.rssMb)) };
}

/** Median of `n` timings of `run`, in ms. */
function median(n: number, run: (i: number) => void): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    run(i);
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
}

/** [first full check, keystroke, whole tree after an edit, hover, completion, references, quick fixes] on a measure page with a `vereiste:` entry. */
function editorLatency(root: string): number[] {
  const workspace = new NodeWorkspace(root);
  const service = createLanguageService(workspace, { language: 'en' });
  const first = median(1, () => service.checkAll());
  const graph = service.graph();
  const reference = graph.references.find((r) => r.target !== null);
  if (!reference) throw new Error(`no vereiste/maatregel reference in ${root}`);
  const path = reference.file;
  const original = readFileSync(join(root, path), 'utf8').replace(/^\uFEFF/, '');
  const line = original.split(/\r\n|\r|\n/)[reference.line];
  const at = { line: reference.line, character: line.indexOf(reference.value) + 1 };
  const toelichting = original.indexOf('toelichting:');
  let version = 1;
  const keystroke = median(30, (i) => {
    const text = toelichting >= 0 ? `${original.slice(0, toelichting + 13)}${'x'.repeat(i % 2)}${original.slice(toelichting + 13)}` : original + ' '.repeat(i % 2);
    workspace.setOpenDocument(path, text, ++version);
    service.doValidation(path);
  });
  // With algoritmekader.validate: workspace, the server checks every page after each pause in typing.
  const tree = median(5, (i) => {
    workspace.setOpenDocument(path, original + ' '.repeat(i % 2), ++version);
    service.checkAll();
  });
  workspace.setOpenDocument(path, original, ++version);
  service.doValidation(path);
  const hover = median(30, () => service.hover(path, at));
  const completion = median(30, () => service.complete(path, { line: reference.line, character: line.length }));
  const references = median(30, () => service.references(path, at, true));
  const fixes = median(30, () => service.codeActions(path, { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } }));
  service.dispose();
  return [first, keystroke, tree, hover, completion, references, fixes];
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(30) : String(c).padStart(12))).join('');
}

function main(): void {
  const runs = Number(process.env.AK_BENCH_RUNS ?? 7);
  const env = { ...process.env };
  delete env.NODE_EXTRA_CA_CERTS;
  const generated = generate(10_000);
  const copies = generateFromSnapshot(10_000);
  const targets: { name: string; root: string; pages: number }[] = [
    { name: 'corpus 2024-08', root: join(CORPORA, 'algoritmekader-2024-08'), pages: 0 },
    { name: 'corpus 2026-06', root: join(CORPORA, 'algoritmekader-2026-06'), pages: 0 },
    { name: 'generated 10,000 pages', root: generated, pages: 0 },
    { name: '2026 + copies, 10,000', root: copies, pages: 0 },
  ];
  try {
    console.log(`ak bench: median of ${runs} fresh processes each (node ${process.version}); NODE_EXTRA_CA_CERTS unset, as the ak launcher runs`);
    console.log(row(['workspace', 'pages', 'check ms', 'pages/s', 'check MB', 'graph ms', 'graph MB']));
    for (const target of targets) {
      const check = spawnSync(process.execPath, [CLI, 'check', target.root, '--format', 'json'], { env, encoding: 'utf8', maxBuffer: 1 << 28 });
      target.pages = (JSON.parse(check.stdout) as { files: number }).files;
      const c = measure(['check', target.root, '--format', 'json'], runs, env);
      const g = measure(['graph', target.root, '--format', 'json'], Math.max(3, Math.floor(runs / 2)), env);
      console.log(row([target.name, target.pages, c.wall.toFixed(0), Math.round((target.pages / c.wall) * 1000), c.rssMb.toFixed(0), g.wall.toFixed(0), g.rssMb.toFixed(0)]));
    }
    console.log('');
    console.log('editor requests on a warm service, median ms of 30 (keystroke = edit one measure page, then its diagnostics;');
    console.log('whole tree = the same, then every page\'s diagnostics, as with algoritmekader.validate: workspace; median of 5)');
    console.log(row(['workspace', 'first check', 'keystroke', 'whole tree', 'hover', 'completion', 'references', 'quick fixes']));
    for (const target of targets) console.log(row([target.name, ...editorLatency(target.root).map((ms) => ms.toFixed(2))]));
    console.log('');
    const withCa = measure(['check', targets[1].root, '--format', 'json'], runs, process.env);
    console.log(`corpus 2026-06 check with NODE_EXTRA_CA_CERTS as set here (${process.env.NODE_EXTRA_CA_CERTS ? 'set' : 'unset'}): ${withCa.wall.toFixed(0)} ms`);
  } finally {
    rmSync(generated, { recursive: true, force: true });
    rmSync(copies, { recursive: true, force: true });
    rmSync(dirname(RSS_PROBE), { recursive: true, force: true });
  }
}

main();
