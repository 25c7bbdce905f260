// `npm run bench:render`: how long the preview takes to redraw after an edit, on the 2026 snapshot, with a warm
// language service as the server holds one. A redraw is what the preview asks the server for after a pause
// in typing: the page as the site shows it (`renderPage`, with source lines) and the inspector's card.
// Goal (issue #9): under 50 ms at the 95th percentile. Also times the data VS Code's own Markdown preview
// fetches (`renderData`) and a cold first render.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NodeWorkspace } from '../../server/src/nodeWorkspace';
import { createLanguageService } from '../../server/src/service';

const ROOT = join(__dirname, '..', '..', '..');
const CORPUS = join(ROOT, '..', 'shared', 'corpora', 'algoritmekader-2026-06');
const AIA_14 = 'docs/voldoen-aan-wetten-en-regels/vereisten/aia-14-conformiteitsbeoordeling.md';
const OWP_15 = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-15-bespreek-vereisten-met-aanbieders.md';
const RUNS = Number(process.env.RUNS ?? 200);

const ms = (start: bigint) => Number(process.hrtime.bigint() - start) / 1e6;

function percentile(times: number[], p: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const workspace = new NodeWorkspace(CORPUS);
const service = createLanguageService(workspace, { language: 'nl' });
const redraw = (path: string) => {
  service.renderPage(path, { links: 'md', lineAttributes: true });
  service.card(path);
};

let start = process.hrtime.bigint();
redraw(AIA_14);
const cold = ms(start);

/** Times a redraw of aia-14 after each of RUNS edits made by `edit(i)`. */
function timed(edit: (i: number) => void): number[] {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    edit(i);
    start = process.hrtime.bigint();
    redraw(AIA_14);
    times.push(ms(start));
  }
  return times;
}

const page = readFileSync(join(CORPUS, AIA_14), 'utf8');
const measure = readFileSync(join(CORPUS, OWP_15), 'utf8');
let version = 1;
// Typing in the page itself: a word more in its Toelichting at every keystroke.
const own = timed((i) => workspace.setOpenDocument(AIA_14, page.replace('## Risico', `Tekst ${'x'.repeat(i)}\n\n## Risico`), version++));
// Typing in a measure that aia-14's table lists: its title changes, so the table does.
const other = timed((i) => workspace.setOpenDocument(OWP_15, measure.replace(/^title: (.*)$/m, `title: $1 ${i}`), version++));
// What VS Code's own preview fetches after an edit.
const data: number[] = [];
for (let i = 0; i < RUNS; i++) {
  workspace.setOpenDocument(OWP_15, measure.replace(/^title: (.*)$/m, `title: $1 v${i}`), version++);
  start = process.hrtime.bigint();
  service.renderData(AIA_14);
  data.push(ms(start));
}

const row = (what: string, times: number[]) => `| ${what} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${Math.max(...times).toFixed(1)} |`;
console.log(`Preview redraw of aia-14 on the 2026 snapshot (${RUNS} edits each; ms; first render, cold: ${cold.toFixed(0)} ms)\n`);
console.log('| after an edit in | p50 | p95 | max |\n|---|---|---|---|');
console.log(row('the page itself (render + card)', own));
console.log(row('a measure it lists (render + card)', other));
console.log(row('a measure, VS Code preview data only', data));
const p95 = Math.max(percentile(own, 95), percentile(other, 95));
console.log(`\nGoal: p95 < 50 ms — ${p95 < 50 ? 'met' : 'NOT met'} (${p95.toFixed(1)} ms).`);
