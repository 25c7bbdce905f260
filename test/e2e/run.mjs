// npm run test:e2e — the extension in a real VS Code, headless. Installs what it needs once
// (test/e2e/install.sh), packages the extension (`npm run package`, the .vsix a user installs), then per suite
// (suites.mjs): starts the VS Code server on loopback with a throw-away profile, installs that .vsix into it,
// opens the web workbench on the suite's workspace in Debian's chromium through playwright-core, and runs the
// suite's mocha tests in the extension host. A small HTTP endpoint of this driver takes a screenshot after every
// test, into test-results/<suite>/ (kept, passed or not: look at them).
//
// Where the browser cannot be installed (not root, no apt-get) it says so, skips, and exits 0, so that `npm test`
// still passes on such a machine; with CI=true a skip is a failure. Exits 0 only when every editor test passed.
// Expects `node esbuild.mjs` to have run (npm test does). Environment: E2E_DIR (default .e2e), E2E_CHROMIUM (a
// Chromium binary instead of Debian's), E2E_CAN_INSTALL=0 (act as if apt-get could not be used), E2E_SUITES
// (a comma-separated subset of the suites).
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { createServer as createNetServer } from 'node:net';
import { format } from 'node:util';
import { join, relative } from 'node:path';
import { EXTENSION_ID, ROOT, SUITES, suiteOf, userSettings } from './suites.mjs';

const E2E = process.env.E2E_DIR ?? join(ROOT, '.e2e');
const OUT = join(ROOT, 'out', 'e2e');
const RESULTS = join(ROOT, 'test-results');
const VS = join(E2E, 'node_modules', 'code-server', 'lib', 'vscode');
const LIMIT_MS = 240_000;

/** Exits the way a skip must: 0 with a clear word, or 1 under CI=true, where every test must run. */
function skip(reason) {
  const ci = process.env.CI === 'true';
  const lines = [
    `e2e: SKIPPED — the editor tests did not run: ${reason}`,
    '     They need Chromium (Debian: `apt-get install chromium ripgrep libkrb5-dev`, as root) or E2E_CHROMIUM set to a',
    '     Chromium binary; then run `npm run test:e2e`. Every other test above ran.',
    ci ? 'e2e: CI=true, where a skipped editor suite is a failure.' : '',
  ].filter(Boolean);
  console.error(`\n${lines.join('\n')}\n`);
  process.exit(ci ? 1 : 0);
}

const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;

// What the run needs, and whether it can be installed here.
const chromium = process.env.E2E_CHROMIUM ?? ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const installed = existsSync(join(VS, '.installed'));
const missing = [
  !(chromium && existsSync(chromium)) && (process.env.E2E_CHROMIUM ? `E2E_CHROMIUM=${process.env.E2E_CHROMIUM} (not found)` : 'chromium'),
  !installed && !hasCommand('rg') && 'ripgrep',
  !installed && !existsSync('/usr/include/gssapi/gssapi.h') && 'libkrb5-dev',
].filter(Boolean);
const canInstall = process.env.E2E_CAN_INSTALL !== '0' && process.getuid?.() === 0 && hasCommand('apt-get');
if (missing.length > 0 && !canInstall) {
  skip(`${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing, and this machine cannot install ${missing.length > 1 ? 'them' : 'it'} (that takes apt-get, as root).`);
}
if (!existsSync(join(OUT, 'index.js'))) {
  console.error(`e2e: ${join(OUT, 'index.js')} is missing; run \`node esbuild.mjs\` first`);
  process.exit(2);
}
execFileSync('bash', [join(ROOT, 'test', 'e2e', 'install.sh')], { stdio: 'inherit', env: { ...process.env, E2E_DIR: E2E } });

mkdirSync(E2E, { recursive: true });
const require = createRequire(join(E2E, 'package.json'));
const { chromium: browserType } = require('playwright-core');

// The .vsix a user installs, made as a user makes it.
const VSIX = join(E2E, 'algoritmekader-authoring.vsix');
console.log('e2e: packaging the extension (npm run package)');
const packaged = spawnSync('npm', ['run', 'package', '--silent', '--', '--out', VSIX], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
if (packaged.status !== 0) {
  console.error(`e2e: npm run package failed:\n${packaged.stdout}${packaged.stderr}`);
  process.exit(1);
}

/** A loopback port nobody listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

const wanted = process.env.E2E_SUITES?.split(',');
const built = [...readdirSync(OUT).filter((f) => f.endsWith('.e2e.js')).map(suiteOf), ...(existsSync(join(ROOT, 'out', 'e2e-web', 'tests.js')) ? ['web'] : [])];
const suites = [...new Set(built)].filter((s) => !wanted || wanted.includes(s)).sort();

let failed = false;
for (const suite of suites) {
  if (!SUITES[suite]) {
    console.error(`e2e: no workspace for suite "${suite}"`);
    failed = true;
    continue;
  }
  if ((await runSuite(suite, SUITES[suite])) !== 0) failed = true;
}
console.log(`e2e: screenshots of every test are in ${relative(process.cwd(), RESULTS) || RESULTS}/`);
process.exit(failed ? 1 : 0);

/** Every file under `dir`, by its path relative to `dir`, as text. */
function filesOf(dir, base = dir, into = {}) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) filesOf(path, base, into);
    else into[relative(base, path).split('\\').join('/')] = readFileSync(path, 'utf8');
  }
  return into;
}

/**
 * The extension that serves the web suite's folder (`memfs:/ws`) from memory, with the files of `source` and the
 * run's marker file built in; the tests (out/e2e-web/tests.js) are copied into it, since they run in the host of
 * the extension whose folder holds them.
 */
function webHelper(run, source, marker) {
  const dir = join(run, 'memfs-extension');
  mkdirSync(dir, { recursive: true });
  const files = { ...filesOf(source), '.e2e-suite': marker };
  // The tests run in the host of the extension whose folder holds them: the web worker, here.
  cpSync(join(ROOT, 'out', 'e2e-web', 'tests.js'), join(dir, 'tests.js'));
  writeFileSync(join(dir, 'extension.js'), `globalThis.__AK_E2E_FILES = ${JSON.stringify(files)};\n${readFileSync(join(ROOT, 'out', 'e2e-web', 'memfs.js'), 'utf8')}`);
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'ak-e2e-memfs', publisher: 'ak-e2e', version: '0.0.0', engines: { vscode: '^1.100.0' }, browser: './extension.js', activationEvents: ['onFileSystem:memfs'] }),
  );
  return dir;
}

/**
 * The driver's endpoint: GET /screenshot?suite=&name= writes test-results/<suite>/<name>.png, then answers;
 * POST /log prints a line of the web suite's output.
 */
/**
 * Waits until the workbench has drawn what it has: every frame loaded (webviews, such as the previews, are nested
 * frames that draw after the workbench), two animation frames in each, and a short pause for scripts that draw on
 * a message. A screenshot then shows what a person would see, not a blank preview. Bounded: never fails a test.
 */
async function settled(page) {
  // A visible webview (its host frame is `…/webview/browser/pre/…`) whose content frame has not been given its page
  // yet shows as a blank pane (VS Code's Markdown preview takes a while on its first render): wait for it, up to
  // 10 s. Hidden ones (background tabs) draw nothing until shown.
  const blank = async () => {
    for (const frame of page.frames()) {
      if (!frame.url().includes('/webview/browser/pre/index.html')) continue; // (pre/fake.html is a placeholder)
      if (frame.childFrames().some((child) => child.url() !== '' && child.url() !== 'about:blank')) continue;
      const element = await frame.frameElement().catch(() => undefined);
      if (element && (await element.isVisible().catch(() => false))) return true;
    }
    return false;
  };
  for (let i = 0; i < 20 && (await blank()); i++) await new Promise((resolve) => setTimeout(resolve, 500));
  const frames = page.frames();
  await Promise.all(frames.map((frame) => frame.waitForLoadState('load', { timeout: 5000 }).catch(() => {})));
  const painted = (frame) =>
    frame.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))).catch(() => {});
  await Promise.race([Promise.all(frames.map(painted)), new Promise((resolve) => setTimeout(resolve, 2000))]);
  await new Promise((resolve) => setTimeout(resolve, 300));
}

async function screenshotServer(page, onLog) {
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://127.0.0.1');
    // The web suite asks from the browser's web worker: another origin.
    response.setHeader('Access-Control-Allow-Origin', '*');
    const suite = url.searchParams.get('suite')?.replace(/[^a-z0-9-]/gi, '') || 'unknown';
    const name = url.searchParams.get('name')?.replace(/[^a-z0-9-]/gi, '') || 'shot';
    if (url.pathname === '/log' && request.method === 'POST') {
      // What the web suite prints (its worker's console does not reach the driver otherwise).
      let body = '';
      request.on('data', (chunk) => (body += chunk));
      request.on('end', () => {
        onLog(body);
        response.writeHead(200).end();
      });
      return;
    }
    if (url.pathname !== '/screenshot') {
      response.writeHead(404).end();
      return;
    }
    try {
      mkdirSync(join(RESULTS, suite), { recursive: true });
      await settled(page);
      await page.screenshot({ path: join(RESULTS, suite, `${name}.png`) });
      response.writeHead(200).end('ok');
    } catch (error) {
      response.writeHead(500).end(String(error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

/** Runs one suite in a fresh VS Code server and browser; resolves with 0 when every test passed. */
async function runSuite(suite, { source, overlay, untrusted = false, web = false }) {
  const PORT = Number(process.env.E2E_PORT ?? (await freePort()));
  rmSync(join(RESULTS, suite), { recursive: true, force: true }); // this suite's screenshots of an earlier run
  const run = mkdtempSync(join(E2E, `run.${suite}.`));
  const ws = join(run, 'ws');
  cpSync(source, ws, { recursive: true });
  if (overlay) cpSync(overlay, ws, { recursive: true });
  const data = join(run, 'data');
  const extensions = join(run, 'ext');
  mkdirSync(join(data, 'User'), { recursive: true });
  const settings = userSettings({ untrusted, web });
  writeFileSync(join(data, 'User', 'settings.json'), JSON.stringify(settings));
  console.log(`e2e: suite "${suite}" on a copy of ${source}${web ? ' (web worker extension host, memfs: folder)' : ''}${untrusted ? ' (untrusted)' : ''}`);

  const serverArgs = ['--accept-server-license-terms', '--server-data-dir', data, '--user-data-dir', data, '--extensions-dir', extensions];
  const install = spawnSync(process.execPath, [join(VS, 'out', 'server-main.js'), '--install-extension', VSIX, ...serverArgs], { encoding: 'utf8' });
  if (install.status !== 0 || !readdirSync(extensions).some((d) => d.startsWith(`${EXTENSION_ID}-`))) {
    console.error(`e2e: installing ${VSIX} failed:\n${install.stdout}${install.stderr}`);
    return 1;
  }

  // The server and everything it starts (file watcher, extension hosts) form one process group.
  const server = spawn(
    process.execPath,
    [
      join(VS, 'out', 'server-main.js'),
      ...['--host', '127.0.0.1', '--port', String(PORT), '--without-connection-token', '--telemetry-level', 'off', '--enable-smoke-test-driver'],
      ...(untrusted ? [] : ['--disable-workspace-trust']),
      ...serverArgs,
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
  let shots;
  let started = false;
  const before = [];
  try {
    await serverUp();
    browser = await browserType.launch({
      executablePath: chromium,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });

    let exit;
    const exited = new Promise((resolve) => (exit = resolve));
    // The workbench's own chatter (no network here, so the gallery fails) is kept back unless a test fails.
    // A test may also ask for a screenshot of its own by logging `e2e: screenshot NAME`: it is kept as
    // test-results/<suite>/NAME.png and acknowledged by creating .e2e-shots/NAME in the workspace, which the test awaits.
    const log = (line) => {
      const shot = /^e2e: screenshot ([\w.-]+)$/.exec(line.trim());
      if (shot) {
        mkdirSync(join(RESULTS, suite), { recursive: true });
        mkdirSync(join(ws, '.e2e-shots'), { recursive: true });
        void settled(page)
          .then(() => page.screenshot({ path: join(RESULTS, suite, `${shot[1]}.png`) }))
          .catch((error) => console.error(`e2e: screenshot ${shot[1]} failed: ${error}`))
          .finally(() => writeFileSync(join(ws, '.e2e-shots', shot[1]), ''));
      }
      if (started) console.log(line);
      else if (line.includes('e2e: editor tests start')) started = true;
      else before.push(line);
    };
    await page.exposeFunction('codeAutomationLog', (_type, args) => log(format(...args)));
    shots = await screenshotServer(page, log);
    const marker = JSON.stringify({ suite, driver: `http://127.0.0.1:${shots.address().port}` });
    writeFileSync(join(ws, '.e2e-suite'), marker);
    await page.exposeFunction('codeAutomationExit', (status) => exit(status));
    // The tests run in the extension host of a development extension: for the Node hosts a stub that does
    // nothing (the extension under test is the installed .vsix); for the web, the memfs provider in the web worker.
    const helper = web ? webHelper(run, source, marker) : '';
    const payload = web
      ? [
          ['extensionDevelopmentPath', remote(helper)],
          ['extensionDevelopmentKind', 'web'],
          ['extensionTestsPath', remote(join(helper, 'tests.js'))],
          ['skipWelcome', 'true'],
        ]
      : [
          ['extensionDevelopmentPath', remote(join(ROOT, 'test', 'e2e', 'host'))],
          ['extensionTestsPath', remote(join(OUT, 'index.js'))],
          ['skipWelcome', 'true'],
        ];
    const folder = web ? 'memfs:/ws' : ws;
    await page.goto(`http://127.0.0.1:${PORT}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
    const status = await Promise.race([exited, new Promise((resolve) => setTimeout(() => resolve('timeout'), LIMIT_MS))]);
    if (status === 'timeout') console.error(`e2e: no result after ${LIMIT_MS / 1000} s`);
    else code = status === 0 ? 0 : 1;
    mkdirSync(join(RESULTS, suite), { recursive: true });
    await page.screenshot({ path: join(RESULTS, suite, 'zz-end-of-suite.png') }).catch(() => {});
  } catch (error) {
    console.error('e2e:', error instanceof Error ? error.message : error);
  } finally {
    shots?.close();
    await browser?.close().catch(() => {});
    stopServer();
  }
  if (code === 0) rmSync(run, { recursive: true, force: true });
  else {
    console.error(before.join('\n'));
    writeFileSync(join(run, 'server.log'), serverLog);
    console.error(`e2e: suite "${suite}" failed; the workbench log is above; server log and workspace are in ${run}, screenshots in ${join(RESULTS, suite)}`);
  }
  return code;
}
