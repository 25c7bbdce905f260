// Screenshots of the workbench that the editor tests ask for: kept in test-results/<suite>/<name>.png by the
// driver (test/e2e/run.mjs), also when the suite passes, so that a person can look at what the tests saw.
import * as vscode from 'vscode';

/** Asks the driver for a screenshot of the workbench as it is now and waits until it is taken. */
export async function screenshot(name: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const done = new Promise<void>((resolve) => {
    // The driver acknowledges by creating .e2e-shots/NAME in the workspace.
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `.e2e-shots/${name}`));
    watcher.onDidCreate(() => {
      watcher.dispose();
      resolve();
    });
  });
  console.log(`e2e: screenshot ${name}`);
  await done;
}
