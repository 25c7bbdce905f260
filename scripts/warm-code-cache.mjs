// Writes dist/ak.js.cache: V8's compiled code for the `ak` bundle after it checked the bundled examples,
// prefixed with the SHA-1 of the bundle's source. dist/cli.js hands it back to V8 (see
// server/src/cliLauncher.ts). Run by esbuild.mjs after every build of the CLI, in a fresh `node`
// process so that the V8 flags match a plain `ak` run.
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const launcher = require(join(root, 'dist', 'cli.js'));
const bundle = join(root, 'dist', 'ak.js');
const { exports, script } = launcher.load(bundle, join(root, 'dist', 'none.cache'));
const silent = { stdout() {}, stderr() {}, env: {}, cwd: root };
for (const tree of ['examples/current', 'examples/2024']) {
  for (const command of ['check', 'graph']) {
    for (const format of ['text', 'json', 'github'].slice(0, command === 'graph' ? 2 : 3)) {
      exports.run([command, join(root, tree), '--format', format, '--lang', 'en'], silent);
    }
  }
}
const hash = launcher.sourceHash(readFileSync(bundle, 'utf8'));
writeFileSync(bundle + '.cache', Buffer.concat([hash, script.createCachedData()]));
