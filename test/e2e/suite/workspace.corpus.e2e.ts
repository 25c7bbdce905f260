// The extension on a copy of the real 2026 snapshot (suite `corpus`, see index.ts): the editor's view of a
// real requirement page.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answered } from '../helpers';

const AIA_14 = 'docs/voldoen-aan-wetten-en-regels/vereisten/aia-14-conformiteitsbeoordeling.md';

describe('Algoritmekader Authoring on the 2026 snapshot', () => {
  it('hovering the onderwerp of aia-14 names its page in docs/onderwerpen', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'a workspace folder is open');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, AIA_14));
    await vscode.window.showTextDocument(document);
    // The server's first answer about the page: the extension is up and the page is read.
    await answered(document);
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('onderwerp:'));
    assert.ok(line > 0, 'aia-14 has an onderwerp');
    const next = document.lineAt(line + 1).text;
    const at = new vscode.Position(line + 1, next.indexOf('-') + 3);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at)) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /docs\/onderwerpen\//);
  });
});
