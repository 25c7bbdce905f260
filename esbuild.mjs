// Builds everything the extension, the CLI and the tests run:
//   dist/client.js   the VS Code extension (node, `vscode` external)
//   dist/server.js   the language server (node)
//   dist/cli.js      the `ak` command (node): a small launcher that loads dist/ak.js with V8's code cache
//   dist/web/        the web extension: client.js (web worker extension host) and server.js (a web worker)
//   dist/preview/    the preview's webview script and stylesheet (browser); markdown-preview.css for VS Code's own preview
//   dist/ak.js       the `ak` program; dist/ak.js.cache is its code cache (scripts/warm-code-cache.mjs)
//   dist/pageReader.js  the thread that reads the pages ahead of `ak check`, `graph` and `report`
//   out/test/**      each test file and the benchmark, bundled with our sources; npm packages stay external
//   out/e2e/**       the editor tests, run in VS Code's extension host by test/e2e/run.mjs
//   out/e2e-web/**   the web suite of the editor tests (browser web worker extension host)
// First it generates server/src/service/generated/validators.js, the built-in schemas as ajv standalone
// code (scripts/gen-validators.mjs); in watch mode it regenerates that when a schema changes.
// Usage: node esbuild.mjs [--watch] [--minify] [--release] [--only=dist|extension|tests]
//   --only=extension  only what the extension loads (clients, servers, preview): `npm run package` builds that
//   --release         minified, without source maps, as the .vsix ships it
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeValidators } from './scripts/gen-validators.mjs';

const args = new Set(process.argv.slice(2));
const only = [...args].find((a) => a.startsWith('--only='))?.slice('--only='.length);
const watch = args.has('--watch');
const release = args.has('--release');
const minify = release || args.has('--minify');

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

/** Modification times of `files`, to tell whether the generated validators are out of date. */
const stampOf = (files) => files.map((f) => (existsSync(f) ? statSync(f).mtimeMs : -1)).join(',');

let generated = await writeValidators().then((result) => ({ result, stamp: stampOf(result.inputs) }));

/**
 * Watch mode: the generated validators are written again when a schema file (or the compiler module)
 * they come from changed, and every build that loads them watches those files.
 */
const validatorsPlugin = {
  name: 'generated-validators',
  setup(build) {
    build.onLoad({ filter: /[\\/]generated[\\/]validators\.js$/ }, async () => {
      const current = await generated;
      if (stampOf(current.result.inputs) !== current.stamp) {
        generated = writeValidators().then((result) => ({ result, stamp: stampOf(result.inputs) }));
      }
      const { result } = await generated;
      return { contents: result.code, loader: 'js', watchFiles: result.inputs };
    });
  },
};

// The rendered page's stylesheet is inlined by `ak render --format html` as text.
const common = { bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: release ? false : 'linked', logLevel: 'warning', minify, loader: { '.css': 'text' } };

const builds = [];
const cli = only !== 'tests' && only !== 'extension';
if (only !== 'tests') {
  builds.push(
    { ...common, entryPoints: { client: 'client/src/extension.ts' }, outdir: 'dist', external: ['vscode'] },
    { ...common, entryPoints: { server: 'server/src/main.ts' }, outdir: 'dist' },
    // The web extension (github.dev, vscode.dev): the client in the editor's web worker extension host, the
    // server in a web worker of its own. The same sources, bundled for the browser.
    { ...common, platform: 'browser', format: 'cjs', target: 'es2022', entryPoints: { client: 'client/src/browserExtension.ts' }, outdir: 'dist/web', external: ['vscode'] },
    { ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { server: 'server/src/browserMain.ts' }, outdir: 'dist/web' },
    // The preview's webview: a browser script and its stylesheet.
    { ...common, loader: {}, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: { preview: 'client/src/webview/preview.ts', 'preview-style': 'client/src/webview/preview.css', 'markdown-preview': 'server/src/service/render/page.css' }, outdir: 'dist/preview', entryNames: '[name]' },
  );
}
if (cli) {
  builds.push(
    { ...common, entryPoints: { ak: 'server/src/cli.ts' }, outdir: 'dist' },
    // The thread that reads a tree's pages ahead of `ak check` (server/src/pageReader.ts).
    { ...common, entryPoints: { pageReader: 'server/src/pageReaderWorker.ts' }, outdir: 'dist' },
    { ...common, entryPoints: { cli: 'server/src/cliLauncher.ts' }, outdir: 'dist', banner: { js: '#!/usr/bin/env -S -u NODE_EXTRA_CA_CERTS node' } },
  );
}
if (only !== 'dist' && only !== 'extension') {
  // The editor tests run inside VS Code's extension host, which provides `vscode` (test/e2e/run.mjs).
  builds.push({
    ...common,
    // Every `*.e2e.ts` suite file; index.ts picks those of the workspace it runs on (see test/e2e/run.mjs).
    entryPoints: ['test/e2e/suite/index.ts', ...filesUnder('test/e2e/suite', ['.e2e.ts'])],
    outdir: 'out/e2e',
    outbase: 'test/e2e/suite',
    packages: 'external',
  });
  // The web suite runs in the browser's web worker extension host: its runner and tests, and the extension that
  // serves its folder from memory (test/e2e/run.mjs builds that one's manifest). No Node modules there.
  builds.push({
    ...common,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    entryPoints: { tests: 'test/e2e/web/index.ts', memfs: 'test/e2e/web/memfs.ts' },
    outdir: 'out/e2e-web',
    external: ['vscode'],
    alias: { 'node:assert/strict': './test/e2e/web/assert.ts' },
  });
  builds.push({
    ...common,
    entryPoints: [...filesUnder('test', ['.test.ts']), 'test/bench/bench.ts', 'test/bench/lsp.ts', 'test/bench/render.ts', 'test/bench/depth.ts', 'test/fuzz/run.ts'],
    outdir: 'out/test',
    outbase: 'test',
    packages: 'external',
  });
}

if (watch) {
  for (const options of builds) await (await esbuild.context({ ...options, plugins: [validatorsPlugin] })).watch();
  console.log('esbuild: watching');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // Without --watch the CLI is built for use: store its code cache (a watch build changes ak.js under it,
  // and the launcher then ignores the stale cache by its hash).
  if (cli) {
    chmodSync('dist/cli.js', 0o755); // runnable as `./dist/cli.js`, as npm makes a `bin` on install
    execFileSync(process.execPath, ['scripts/warm-code-cache.mjs'], { stdio: 'inherit' });
  }
}
