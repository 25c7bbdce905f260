// Entry point the VS Code extension host calls (extensionTestsPath): runs the editor suites with mocha.
// Output goes through console.log, which the test driver receives from the workbench.
// One run per workspace (test/e2e/run.mjs): the driver writes the run's name into `.e2e-suite` at the
// workspace root; `<name>.e2e.js` files run on `examples/current` (suite `examples`), and
// `<name>.<suite>.e2e.js` files on the workspace of that suite (`corpus`: a copy of the 2026 snapshot).
// After every test the driver takes a screenshot of the workbench (test-results/<suite>/).
import Mocha from 'mocha';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runInfo, screenshot, shotName } from '../driver';

/** The driver prints the workbench's log from this line on (before it, only when something failed). */
const MARKER = 'e2e: editor tests start';

/** The suite a test file belongs to: the part before `.e2e.js` after the file's own name, or `examples`. */
export function suiteOf(file: string): string {
  const parts = file.slice(0, -'.e2e.js'.length).split('.');
  return parts.length > 1 ? parts[parts.length - 1] : 'examples';
}

export async function run(): Promise<void> {
  console.log(MARKER);
  const info = await runInfo();
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  let shots = 0;
  mocha.suite.afterEach(async function () {
    await screenshot(info, shotName(++shots, this.currentTest?.title ?? 'test'));
  });
  for (const file of readdirSync(__dirname).sort()) {
    if (file.endsWith('.e2e.js') && suiteOf(file) === info.suite) mocha.addFile(join(__dirname, file));
  }
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
  });
}
