// Authoring depth on a copy of the real 2026 snapshot (suite `corpus`): Ctrl+T finds aia-14, a glossary term's
// hover shows its definition, and the coverage view lists what is uncovered (a screenshot of it is kept in
// test-results/corpus/coverage-2026.png).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { screenshot } from './shots';

const AIA_14 = 'docs/voldoen-aan-wetten-en-regels/vereisten/aia-14-conformiteitsbeoordeling.md';

function workspaceUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, path);
}

type CoverageNode = { label: string; description?: string; children?: CoverageNode[] };
interface Api {
  coverage(next?: boolean): Promise<CoverageNode[]>;
  revealCoverage(): Promise<void>;
}


describe('Authoring depth on the 2026 snapshot', () => {
  it('Ctrl+T (workspace symbols) finds aia-14 by its id code', async () => {
    const symbols = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'aia-14')) ?? [];
    const found = symbols.find((s) => s.location.uri.path.endsWith(AIA_14));
    assert.ok(found, symbols.map((s) => s.name).join('\n'));
    assert.match(found.name, /^aia-14 /);
    assert.equal(found.location.range.start.line, 1, 'at its title');
  });

  it('hovering a glossary term in the text shows its definition from includes/begrippenlijst.md', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(AIA_14));
    await vscode.window.showTextDocument(document);
    const line = document.getText().split('\n').findIndex((l) => l.startsWith('In sommige gevallen dient de conformiteitsbeoordeling'));
    assert.ok(line > 0);
    const at = new vscode.Position(line, document.lineAt(line).text.indexOf('conformiteitsbeoordeling') + 5);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at)) ?? [];
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /^\*\*conformiteitsbeoordeling\*\*: Het proces waarbij de naleving wordt aangetoond/m);
    assert.match(text, /Glossary: \[includes\/begrippenlijst\.md:\d+\]/);
  });

  it('the coverage view in the Explorer lists what is uncovered, each page a click away', async () => {
    const api = vscode.extensions.all.find((e) => e.id.endsWith('algoritmekader-authoring'))!.exports as Api;
    const drawn = api.coverage(true);
    await vscode.commands.executeCommand('algoritmekader.coverage.focus');
    const top = await drawn;
    assert.deepEqual(
      top.map((n) => [n.label, n.description ?? '']),
      [
        ['Requirements without measures', '2'],
        ['Measures naming no requirement', '15'],
        ['Tools linked to nothing', '0'],
        ['Pages on no list', '0'],
        ['Per levenscyclus phase', ''],
        ['Per onderwerp', ''],
      ],
    );
    assert.deepEqual(top[0].children!.map((n) => n.label.slice(0, 6)), ['aia-38', 'aia-39']);
    // The file tree folded, so that the view has the room (the code lens above aia-14's title stays in sight).
    await vscode.commands.executeCommand('workbench.files.action.collapseExplorerFolders');
    await api.revealCoverage();
    await screenshot('coverage-2026');
  });
});
