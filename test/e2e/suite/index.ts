// Entry point the VS Code extension host calls (extensionTestsPath): runs the editor suites with mocha.
// Output goes through console.log, which the test driver receives from the workbench.
import Mocha from 'mocha';
import { join } from 'node:path';

/** The driver prints the workbench's log from this line on (before it, only when something failed). */
const MARKER = 'e2e: editor tests start';

export function run(): Promise<void> {
  console.log(MARKER);
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec' });
  mocha.addFile(join(__dirname, 'diagnostics.e2e.js'));
  return new Promise((resolve, reject) => {
    mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} editor test(s) failed`)) : resolve()));
  });
}
