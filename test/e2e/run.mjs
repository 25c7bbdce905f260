// npm run test:e2e — the extension in a real VS Code, headless. Installs what it needs once
// (test/e2e/install.sh); then, per suite (WORKSPACES below), starts the VS Code server on loopback with a
// throw-away profile and a copy of the suite's workspace, opens the web workbench in Debian's chromium
// through playwright-core with this folder as a development extension, and runs the mocha suite
// out/e2e/index.js in the extension host (which picks the suite's test files).
// Exits 0 only when every editor test passed. Expects `node esbuild.mjs` to have run (npm test does).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { format } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const E2E = process.env.E2E_DIR ?? join(ROOT, '.e2e');
const TESTS = join(ROOT, 'out', 'e2e', 'index.js');
const LIMIT_MS = 240_000;

/** A loopback port nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

if (!existsSync(TESTS)) {
  console.error(`e2e: ${TESTS} is missing; run \`node esbuild.mjs\` first`);
  process.exit(2);
}
execFileSync('bash', [join(ROOT, 'test', 'e2e', 'install.sh')], { stdio: 'inherit', env: { ...process.env, E2E_DIR: E2E } });

const VS = join(E2E, 'node_modules', 'code-server', 'lib', 'vscode');
mkdirSync(E2E, { recursive: true });
const require = createRequire(join(E2E, 'package.json'));
const { chromium } = require('playwright-core');

/** The workspace each suite runs on (a throw-away copy); suites are named by their test files (suite/index.ts). */
const WORKSPACES = {
  examples: join(ROOT, 'examples', 'current'),
  corpus: join(ROOT, '..', 'shared', 'corpora', 'algoritmekader-2026-06'),
};
const suites = [...new Set(readdirSync(join(ROOT, 'out', 'e2e')).filter((f) => f.endsWith('.e2e.js')).map(suiteOf))].sort();

/** The suite of a built test file, as suite/index.ts decides it. */
function suiteOf(file) {
  const parts = file.slice(0, -'.e2e.js'.length).split('.');
  return parts.length > 1 ? parts[parts.length - 1] : 'examples';
}

let failed = false;
for (const suite of suites) {
  if (!WORKSPACES[suite]) {
    console.error(`e2e: no workspace for suite "${suite}"`);
    failed = true;
    continue;
  }
  if ((await runSuite(suite, WORKSPACES[suite])) !== 0) failed = true;
}
process.exit(failed ? 1 : 0);

/** Runs one suite in a fresh VS Code server and browser; resolves with 0 when every test passed. */
async function runSuite(suite, source) {
  const PORT = Number(process.env.E2E_PORT ?? (await freePort()));
  const run = mkdtempSync(join(E2E, `run.${suite}.`));
  const ws = join(run, 'ws');
  cpSync(source, ws, { recursive: true });
  writeFileSync(join(ws, '.e2e-suite'), suite);
  mkdirSync(join(run, 'data', 'User'), { recursive: true });
  writeFileSync(
    join(run, 'data', 'User', 'settings.json'),
    JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'files.autoSave': 'off', 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'extensions.ignoreRecommendations': true }),
  );
  console.log(`e2e: suite "${suite}" on a copy of ${source}`);

  // The server and everything it starts (file watcher, extension hosts) form one process group.
  const server = spawn(
    process.execPath,
    [
      join(VS, 'out', 'server-main.js'),
      ...['--host', '127.0.0.1', '--port', String(PORT), '--without-connection-token', '--accept-server-license-terms'],
      ...['--telemetry-level', 'off', '--disable-workspace-trust', '--enable-smoke-test-driver'],
      ...['--server-data-dir', join(run, 'data'), '--user-data-dir', join(run, 'data'), '--extensions-dir', join(run, 'ext')],
    ],
    { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let serverLog = '';
  server.stdout.on('data', (b) => (serverLog += b));
  server.stderr.on('data', (b) => (serverLog += b));
  const stopServer = () => {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  process.on('exit', stopServer);

  const serverUp = async () => {
    for (let i = 0; i < 150; i++) {
      try {
        const response = await fetch(`http://127.0.0.1:${PORT}/`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`the VS Code server did not start on port ${PORT}:\n${serverLog.slice(-2000)}`);
  };
  const remote = (path) => `vscode-remote://127.0.0.1:${PORT}${path}`;

  let code = 1;
  let browser;
  let started = false;
  const before = [];
  try {
    await serverUp();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    // The workbench's own chatter (no network here, so the gallery fails) is kept back unless a test fails.
    // A test asks for a screenshot by logging `e2e: screenshot NAME`; it is kept in test-results/e2e/ (also
    // when the suite passes) and acknowledged by creating .e2e-shots/NAME in the workspace, which the test awaits.
    const shots = join(ROOT, 'test-results', 'e2e');
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
      const line = format(...args);
      const shot = /^e2e: screenshot ([\w.-]+)$/.exec(line.trim());
      if (shot) {
        mkdirSync(shots, { recursive: true });
        mkdirSync(join(ws, '.e2e-shots'), { recursive: true });
        void page
          .screenshot({ path: join(shots, `${suite}-${shot[1]}.png`) })
          .catch((error) => console.error(`e2e: screenshot ${shot[1]} failed: ${error}`))
          .finally(() => writeFileSync(join(ws, '.e2e-shots', shot[1]), ''));
      }
      if (started) console.log(line);
      else if (line.includes('e2e: editor tests start')) started = true;
      else before.push(line);
    });
    await page.exposeFunction('codeAutomationExit', (status) => exit(status));
    const payload = [
      ['extensionDevelopmentPath', remote(ROOT)],
      ['extensionTestsPath', remote(TESTS)],
      ['skipWelcome', 'true'],
    ];
    await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const status = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), LIMIT_MS))]);
    if (status === 'timeout') console.error(`e2e: no result after ${LIMIT_MS / 1000} s`);
    else code = status === 0 ? 0 : 1;
    await page.screenshot({ path: join(run, 'screenshot.png') }).catch(() => {});
  } catch (error) {
    console.error('e2e:', error instanceof Error ? error.message : error);
  } finally {
    await browser?.close().catch(() => {});
    stopServer();
  }
  if (code === 0) rmSync(run, { recursive: true, force: true });
  else {
    console.error(before.join('\n'));
    writeFileSync(join(run, 'server.log'), serverLog);
    console.error(`e2e: suite "${suite}" failed; the workbench log is above; server log, screenshot and workspace are in ${run}`);
  }
  return code;
}
