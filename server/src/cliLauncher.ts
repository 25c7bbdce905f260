// The `ak` command's entry point (dist/cli.js): loads the real program, dist/ak.js, with V8's code cache.
//
// Why: `ak check` runs in pre-commit hooks and CI, once per invocation, so compiling the ~1 MB bundle
// is a large share of its time (about 17 ms of 135 ms on the 2026 snapshot). The build runs the bundle
// once on the examples and stores V8's compiled code next to it (dist/ak.js.cache, see
// scripts/warm-code-cache.mjs); here it is handed back to V8. Node 22 has `module.enableCompileCache`
// for this; Node 20, which VS Code's own Node and our CI run, does not.
//
// The cache starts with the SHA-1 of the source it was made from: V8 itself checks only the source's
// length, so a cache left over from another build must never reach it. Without a usable cache (none,
// another build, another Node version) the bundle is loaded as usual; the launcher never writes.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

export const HASH_BYTES = 20;

/** The SHA-1 of `source`, as a cache file starts with. */
export function sourceHash(source: string): Buffer {
  return createHash('sha1').update(source).digest();
}

/** Compiles `file` (CommonJS) with the code cache when it fits, runs it, and returns its module. */
export function load(file: string, cacheFile = file + '.cache'): { exports: Record<string, unknown>; script: Script } {
  const source = readFileSync(file, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    const cache = readFileSync(cacheFile);
    if (cache.length > HASH_BYTES && cache.subarray(0, HASH_BYTES).equals(sourceHash(source))) cachedData = cache.subarray(HASH_BYTES);
  } catch {
    // No cache: compile as usual.
  }
  const script = new Script(Module.wrap(source.replace(/^#!.*/, '')), { filename: file, cachedData });
  const module = { exports: {} as Record<string, unknown>, filename: file, id: file, loaded: false };
  const require = createRequire(file);
  script.runInThisContext()(module.exports, require, module, file, dirname(file));
  module.loaded = true;
  return { exports: module.exports, script };
}

if (require.main === module) {
  const { exports } = load(join(__dirname, 'ak.js'));
  (exports.main as () => void)();
}
