// `npm run bench:render`: how long the preview takes to redraw after an edit, on the 2026 snapshot, with a warm
// language service as the server holds one. A redraw is what the preview asks the server for after a pause
// in typing: the page as the site shows it (`renderPage`, with source lines) and the inspector's card.
// Goal (issue #9): under 50 ms at the 95th percentile. Also times the data VS Code's own Markdown preview
// fetches (`renderData`) and a cold first render.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
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
/** The two halves of a redraw, timed apart as well. */
const halves = { render: [] as number[], card: [] as number[] };
const redraw = (path: string) => {
  let at = process.hrtime.bigint();
  service.renderPage(path, { links: 'md', lineAttributes: true });
  halves.render.push(ms(at));
  at = process.hrtime.bigint();
  service.card(path);
  halves.card.push(ms(at));
};

let start = process.hrtime.bigint();
redraw(AIA_14);
const cold = ms(start);
halves.render.length = 0;
halves.card.length = 0;

/**
 * Times a redraw of aia-14 after each of RUNS edits made by `edit(i)`. With `validated`, the edited page's
 * diagnostics come first, untimed, as in the server, which publishes them on every change while the
 * preview waits for a pause in typing: the redraw then finds the workspace model up to date.
 */
function timed(edit: (i: number) => string, validated = false): number[] {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const edited = edit(i);
    if (validated) service.doValidation(edited);
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
const editOwn = (i: number) => {
  workspace.setOpenDocument(AIA_14, page.replace('## Risico', `Tekst ${'x'.repeat(i)}\n\n## Risico`), version++);
  return AIA_14;
};
// Typing in a measure that aia-14's table lists: its title changes, so the table does.
const editOther = (i: number) => {
  workspace.setOpenDocument(OWP_15, measure.replace(/^title: (.*)$/m, `title: $1 ${i}`), version++);
  return OWP_15;
};
const own = timed(editOwn);
const other = timed(editOther);
const ownServed = timed(editOwn, true);
const otherServed = timed(editOther, true);
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
console.log(row('the page itself (render + card, model update included)', own));
console.log(row('a measure it lists (render + card, model update included)', other));
console.log(row('the page itself, as the server serves it (render + card)', ownServed));
console.log(row('a measure it lists, as the server serves it (render + card)', otherServed));
console.log(row('a measure, VS Code preview data only', data));
console.log(row('either: the page (renderPage) alone', halves.render));
console.log(row('either: the inspector (card) alone', halves.card));
const p95 = Math.max(percentile(ownServed, 95), percentile(otherServed, 95));
console.log(`\nGoal: a redraw as the server serves it, p95 < 50 ms — ${p95 < 50 ? 'met' : 'NOT met'} (${p95.toFixed(1)} ms; load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores).`);
