// npm run test:electron — the same editor suites in a desktop VS Code (Electron) through @vscode/test-electron, for
// machines that can download one (these here cannot: the download host is out of reach; npm test uses run.mjs).
// Per suite: a throw-away copy of its workspace, a fresh profile and extensions folder with the packaged .vsix
// installed through VS Code's own CLI, and the suite's tests (out/e2e/index.js) in the extension host. The web
// suite needs a browser and runs only in run.mjs; the desktop takes no screenshots (run.mjs does).
// Expects `node esbuild.mjs` to have run (the npm script does). VSCODE_VERSION picks the version (default: stable).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, resolveCliArgsFromVSCodeExecutablePath, runTests } from '@vscode/test-electron';
import { ROOT, SUITES, suiteOf, userSettings } from './suites.mjs';

const OUT = join(ROOT, 'out', 'e2e');
const work = mkdtempSync(join(tmpdir(), 'ak-electron-'));
const vsix = join(work, 'algoritmekader-authoring.vsix');
const packaged = spawnSync('npm', ['run', 'package', '--silent', '--', '--out', vsix], { cwd: ROOT, stdio: 'inherit' });
if (packaged.status !== 0) process.exit(1);

let executable;
try {
  executable = await downloadAndUnzipVSCode(process.env.VSCODE_VERSION ?? 'stable');
} catch (error) {
  console.error(`e2e (electron): cannot download VS Code (${error instanceof Error ? error.message : String(error)}); npm run test:e2e runs the same suites without that download`);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}
const [cli, ...cliArgs] = resolveCliArgsFromVSCodeExecutablePath(executable);
const suites = [...new Set(readdirSync(OUT).filter((f) => f.endsWith('.e2e.js')).map(suiteOf))].filter((s) => SUITES[s] && !SUITES[s].web).sort();

let failed = false;
for (const suite of suites) {
  const { source, overlay, untrusted = false } = SUITES[suite];
  const run = join(work, suite);
  const ws = join(run, 'ws');
  cpSync(source, ws, { recursive: true });
  if (overlay) cpSync(overlay, ws, { recursive: true });
  writeFileSync(join(ws, '.e2e-suite'), JSON.stringify({ suite }));
  const profile = ['--user-data-dir', join(run, 'data'), '--extensions-dir', join(run, 'ext')];
  mkdirSync(join(run, 'data', 'User'), { recursive: true });
  writeFileSync(join(run, 'data', 'User', 'settings.json'), JSON.stringify(userSettings({ untrusted })));
  const install = spawnSync(cli, [...cliArgs, ...profile, '--install-extension', vsix], { stdio: 'inherit' });
  if (install.status !== 0) {
    failed = true;
    continue;
  }
  console.log(`e2e (electron): suite "${suite}" on a copy of ${source}`);
  try {
    await runTests({
      vscodeExecutablePath: executable,
      // The tests run in the host of a development extension that does nothing; the extension under test is the .vsix.
      extensionDevelopmentPath: join(ROOT, 'test', 'e2e', 'host'),
      extensionTestsPath: join(OUT, 'index.js'),
      launchArgs: [ws, ...profile, ...(untrusted ? [] : ['--disable-workspace-trust'])],
    });
  } catch (error) {
    console.error(`e2e (electron): suite "${suite}" failed: ${error instanceof Error ? error.message : String(error)}`);
    failed = true;
  }
}
rmSync(work, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
