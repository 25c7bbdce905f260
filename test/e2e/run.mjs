// npm run test:e2e — the extension in a real VS Code, headless. Installs what it needs once
// (test/e2e/install.sh), starts the VS Code server on loopback with a throw-away profile and a copy of
// examples/current, opens the web workbench in Debian's chromium through playwright-core with this
// folder as a development extension, and runs the mocha suite out/e2e/index.js in the extension host.
// Exits 0 only when every editor test passed. Expects `node esbuild.mjs` to have run (npm test does).
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { format } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const E2E = process.env.E2E_DIR ?? join(ROOT, '.e2e');
const PORT = Number(process.env.E2E_PORT ?? (await freePort()));
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
const run = mkdtempSync(join(E2E, 'run.'));
const ws = join(run, 'ws');
cpSync(join(ROOT, 'examples', 'current'), ws, { recursive: true });
mkdirSync(join(run, 'data', 'User'), { recursive: true });
writeFileSync(
  join(run, 'data', 'User', 'settings.json'),
  JSON.stringify({ 'workbench.startupEditor': 'none', 'chat.disableAIFeatures': true, 'files.autoSave': 'off', 'extensions.autoUpdate': false, 'extensions.autoCheckUpdates': false, 'extensions.ignoreRecommendations': true }),
);

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

async function serverUp() {
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
}

const require = createRequire(join(E2E, 'package.json'));
const { chromium } = require('playwright-core');
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
  await page.exposeFunction('codeAutomationLog', (_type, args) => {
    const line = format(...args);
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
  console.error(`e2e: failed; the workbench log is above; server log, screenshot and workspace are in ${run}`);
}
process.exit(code);
