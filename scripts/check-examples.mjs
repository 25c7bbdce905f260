// npm run check: `ak check` on the sample trees, as a newcomer's first look. examples/current and examples/2024
// are clean and must stay so (exit 0); examples/mistakes holds typical mistakes on purpose, so that a finding
// is seen, and must give findings (exit 1). Exits 0 when each tree did what it should, 1 otherwise.
// Expects dist/cli.js to be built (npm run check builds first).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const TREES = [
  { path: 'examples/current', expect: 0 },
  { path: 'examples/2024', expect: 0 },
  { path: 'examples/mistakes', expect: 1, intro: 'examples/mistakes has typical mistakes on purpose (see the text of each page), so the findings below are intended:' },
];

let ok = true;
for (const { path, expect, intro } of TREES) {
  console.log(`\n$ ak check ${path}`);
  if (intro) console.log(intro);
  const { status } = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'check', path], { cwd: ROOT, stdio: 'inherit' });
  if (status !== expect) {
    ok = false;
    console.error(`npm run check: ak check ${path} exited ${status}, expected ${expect}${expect === 0 ? ' (this sample must stay clean)' : ' (these mistakes must be found)'}`);
  }
}
console.log(ok ? '\nnpm run check: the clean samples are clean, and the intended mistakes were found (that is why ak check exited 1 there).' : '');
process.exit(ok ? 0 : 1);
