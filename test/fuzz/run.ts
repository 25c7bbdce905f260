// `npm run fuzz [MUTATIONS] [SEED] [FIRST]`: the long fuzz run (default 50,000 mutations, seed 1, from mutation
// 0; `npm run fuzz 1 1 281` replays mutation 281 alone). Prints progress, then every finding with the mutated
// page (truncated), and exits 1 when there is one.
import { fuzz } from './fuzz';

const count = Number(process.argv[2] ?? 50_000);
const seed = Number(process.argv[3] ?? 1);
const first = Number(process.argv[4] ?? 0);
const started = Date.now();
const { ran, findings } = fuzz({
  seed,
  count,
  first,
  onProgress: (n) => {
    if (n % 1000 === 0) console.log(`${n} mutations, ${Math.round((Date.now() - started) / 1000)} s, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB`);
  },
});
const kinds = new Map<string, number>();
for (const f of findings) kinds.set(`${f.entry}: ${f.problem.split('\n')[0].slice(0, 120)}`, (kinds.get(`${f.entry}: ${f.problem.split('\n')[0].slice(0, 120)}`) ?? 0) + 1);
console.log(`\n${ran} mutations (seed ${seed}) in ${Math.round((Date.now() - started) / 1000)} s: ${findings.length} findings`);
for (const [kind, n] of kinds) console.log(`  ${n} × ${kind}`);
for (const f of findings.slice(0, 10)) console.log(`\nmutation ${f.mutation}, ${f.entry}: ${f.problem}\n${JSON.stringify(f.text.slice(0, 3000))}`);
process.exitCode = findings.length > 0 ? 1 : 0;
