// `npm run equivalence`: the equivalence test of the incremental model (test/service/equivalence.test.ts) with a
// new random seed and a longer sequence; prints the seed first, so that a failure can be replayed with
// AK_EQUIVALENCE_SEED. AK_EQUIVALENCE_OPS sets the length (default 2,000).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const seed = process.env.AK_EQUIVALENCE_SEED ?? String(Math.floor(Math.random() * 2 ** 31));
const ops = process.env.AK_EQUIVALENCE_OPS ?? '2000';
console.log(`equivalence: seed ${seed}, ${ops} operations per snapshot`);
const mocha = join(root, 'node_modules', 'mocha', 'bin', 'mocha.js');
const result = spawnSync(process.execPath, [mocha, '--no-config', '--timeout', '0', '--reporter', 'spec', join(root, 'out', 'test', 'service', 'equivalence.test.js')], {
  stdio: 'inherit',
  env: { ...process.env, AK_EQUIVALENCE_SEED: seed, AK_EQUIVALENCE_OPS: ops },
});
process.exit(result.status ?? 1);
