// Builds everything the extension, the CLI and the tests run:
//   dist/client.js   the VS Code extension (node, `vscode` external)
//   dist/server.js   the language server (node)
//   dist/cli.js      the `ak` command (node)
//   out/test/**      each test file and the benchmark, bundled with our sources; npm packages stay external
// Usage: node esbuild.mjs [--watch] [--minify] [--only=dist|tests]
import * as esbuild from 'esbuild';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const args = new Set(process.argv.slice(2));
const only = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length);
const watch = args.has('--watch');
const minify = args.has('--minify');

/** Every file under `dir` whose name ends with one of `suffixes`, as paths relative to the cwd. */
function filesUnder(dir, suffixes) {
  const found = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesUnder(path, suffixes));
    else if (suffixes.some((s) => name.endsWith(s))) found.push(relative('.', path));
  }
  return found;
}

const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: 'linked', logLevel: 'warning', minify };

const builds = [];
if (only !== 'tests') {
  builds.push(
    { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
    { ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist' },
    { ...common, entryPoints: { cli: 'server/src/cli.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node' } },
  );
}
if (only !== 'dist') {
  builds.push({
    ...common,
    entryPoints: [...filesUnder('test', ['.test.ts']), 'test/bench/bench.ts'],
    outdir: 'out/test',
    outbase: 'test',
    packages: 'external',
  });
}

if (watch) {
  for (const options of builds) await (await esbuild.context(options)).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
