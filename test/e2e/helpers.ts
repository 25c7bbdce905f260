// Helpers of the editor tests, for both extension hosts (Node and the web worker): no Node API here.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExtensionApi } from '../../client/src/activate';
import type { Published } from '../../client/src/published';

export const EXTENSION_ID = 'algoritmekader-authoring.algoritmekader-authoring';
/** How long a test waits for the editor before it fails, saying what it saw. */
const PATIENCE_MS = 45_000;

export function workspaceUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, path);
}

export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
export const rangeOf = (d: vscode.Diagnostic | { range: vscode.Range }) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

/** Our findings on `uri` as the editor shows them now, in order of place. */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages
    .getDiagnostics(uri)
    .filter((d) => d.source === 'algoritmekader')
    .sort((a, b) => a.range.start.compareTo(b.range.start));
}

/** `[code, range]` of each finding: what most assertions compare. */
export const brief = (ds: readonly vscode.Diagnostic[]) => ds.map((d) => [codeOf(d), rangeOf(d)]);

/** The extension under test (the installed one), activated: its hooks for tests. */
export async function extensionApi(): Promise<ExtensionApi> {
  const extension = vscode.extensions.getExtension<ExtensionApi>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is installed`);
  return extension.activate();
}

/** `promise`, or a failure after a while that says what was awaited and what `uri` shows meanwhile. */
async function patiently<T>(promise: Promise<T>, what: string, uri: vscode.Uri): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; ${uri.path} shows ${JSON.stringify(ours(uri).map((d) => [codeOf(d), rangeOf(d), d.message]))}`)), PATIENCE_MS);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Waits until the editor shows the server's findings for `document` as it is now (a publish for its current
 * version), or, with `after`, from a publish the server made after that one (for a page another page's edit
 * changed). Returns that publish, to wait for later ones.
 */
export async function answered(document: vscode.TextDocument, after?: Published): Promise<Published> {
  const api = await extensionApi();
  const condition = after ? { after: after.seq } : { version: document.version };
  return patiently(api.published(document.uri, condition), after ? `a publish after #${after.seq}` : `the findings of version ${document.version}`, document.uri);
}

/** Replaces the first `from` in `document` with `to` (unsaved). */
export async function replaceInDocument(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const at = document.getText().indexOf(from);
  assert.ok(at >= 0, `"${from}" is in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

/** Edits `document` and waits for the server's findings of the edited text; returns them. */
export async function edit(document: vscode.TextDocument, from: string, to: string): Promise<{ published: Published; diagnostics: vscode.Diagnostic[] }> {
  await replaceInDocument(document, from, to);
  const published = await answered(document);
  return { published, diagnostics: ours(document.uri) };
}

/** The text of hovers at `position`. */
export async function hoverText(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position)) ?? [];
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

/**
 * The findings of `document` as the server sees it after everything sent before: a line break is added at its
 * end, and the answer to that edit is taken (a page's findings are sent again only when they change, so a page
 * that another page's edit left as it was gets no publish of its own).
 */
export async function findingsNow(document: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.lineAt(document.lineCount - 1).range.end, '\n');
  assert.ok(await vscode.workspace.applyEdit(edit));
  await answered(document);
  return ours(document.uri);
}
