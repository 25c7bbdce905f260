// What an editor test run knows about its driver (test/e2e/run.mjs), in either extension host (Node or web
// worker): the suite's name and the address where the driver takes a screenshot of the workbench.
import * as vscode from 'vscode';

export interface RunInfo {
  /** The suite this workspace is for (`examples` when the run does not say). */
  suite: string;
  /** The driver's loopback address; no screenshots without one. */
  driver?: string;
}

/** Reads `.e2e-suite` at the root of the first workspace folder (JSON `{ suite, driver }`, or a bare suite name). */
export async function runInfo(): Promise<RunInfo> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return { suite: 'examples' };
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder.uri, '.e2e-suite'))).trim();
    if (text.startsWith('{')) return JSON.parse(text) as RunInfo;
    return { suite: text || 'examples' };
  } catch {
    return { suite: 'examples' };
  }
}

/** The file name of a test's screenshot: its number in the run and its title. */
export function shotName(index: number, title: string): string {
  const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 80);
  return `${String(index).padStart(2, '0')}-${slug}`;
}

/** Asks the driver for a screenshot of the workbench as it is now; resolves once it is written. */
export async function screenshot(info: RunInfo, name: string): Promise<void> {
  if (!info.driver) return;
  const response = await fetch(`${info.driver}/screenshot?suite=${encodeURIComponent(info.suite)}&name=${encodeURIComponent(name)}`);
  if (!response.ok) throw new Error(`screenshot ${name}: ${response.status} ${await response.text()}`);
}
