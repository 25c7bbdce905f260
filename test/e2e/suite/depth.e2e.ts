// Authoring depth in a real VS Code, on a copy of examples/current: a code lens and its peek, an inlay hint and
// the setting that turns them off, and a page moved in the Explorer with every name that names it kept right.
// Runs before diagnostics.e2e.ts and leaves the tree as it found it (the move is undone and everything saved).
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const C = 'docs/voldoen-aan-wetten-en-regels';
const MEASURE = `${C}/maatregelen/2-owp-01-grondslag-vastleggen.md`;
const REQUIREMENT = `${C}/vereisten/avg-01-voorbeeldvereiste.md`;
const MOVED = `${C}/vereisten/avg-01-rechtmatig.md`;
const TOOL = `${C}/hulpmiddelen/grondslagenwijzer.md`;

function workspaceUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, path);
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Resolves with the diagnostics of `uri` once `accept` holds for them (checked on every change). */
function diagnosticsWhen(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const ds = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'algoritmekader');
      if (accept(ds)) {
        listener.dispose();
        clearTimeout(timer);
        resolve(ds);
      }
    };
    const listener = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    const timer = setTimeout(() => {
      listener.dispose();
      reject(new Error(`timed out waiting for ${what}; diagnostics now: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((d) => [codeOf(d), d.message]))}`));
    }, 45_000);
    check();
  });
}

describe('Authoring depth in VS Code', () => {
  after(async () => {
    await vscode.workspace.getConfiguration('algoritmekader').update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Workspace);
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  it('a code lens above the list counts what the site lists there, and its peek shows those pages', async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(REQUIREMENT));
    await vscode.window.showTextDocument(document);
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    assert.deepEqual(
      lenses.map((l) => [l.range.start.line, l.command?.title]),
      [
        [1, 'named by 1 measure, 1 tool · listed on 3 pages'],
        [37, '1 measure'],
      ],
    );
    const list = lenses[1];
    assert.equal(document.lineAt(37).text, '<!-- list_maatregelen vereiste/avg-01-voorbeeldvereiste no-search -->');
    const shown = await vscode.commands.executeCommand<vscode.Location[]>(list.command!.command, ...(list.command!.arguments ?? []));
    assert.deepEqual(
      shown.map((l) => [vscode.workspace.asRelativePath(l.uri), l.range.start.line]),
      [[MEASURE, 1]],
    );
    await vscode.commands.executeCommand('closeReferenceSearch');
  });

  it("an inlay hint after a vereiste entry reads as the requirement's title; the setting turns them off", async () => {
    const document = await vscode.workspace.openTextDocument(workspaceUri(MEASURE));
    await vscode.window.showTextDocument(document);
    const range = new vscode.Range(0, 0, document.lineCount, 0);
    const hints = (await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range)) ?? [];
    const label = (h: vscode.InlayHint) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''));
    assert.deepEqual(
      hints.map((h) => [h.position.line, h.position.character, label(h)]),
      [[5, 26, 'Persoonsgegevens worden rechtmatig verwerkt']],
    );
    assert.equal(document.lineAt(5).text, '- avg-01-voorbeeldvereiste');
    await vscode.workspace.getConfiguration('algoritmekader').update('inlayHints.enabled', false, vscode.ConfigurationTarget.Workspace);
    assert.deepEqual((await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range)) ?? [], []);
    await vscode.workspace.getConfiguration('algoritmekader').update('inlayHints.enabled', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('a requirement moved in the Explorer: every entry and directive that names it follows, and no diagnostic is left', async () => {
    const measure = await vscode.workspace.openTextDocument(workspaceUri(MEASURE));
    await vscode.window.showTextDocument(measure);
    await diagnosticsWhen(measure.uri, (ds) => ds.length === 0, 'a clean measure');
    const move = async (from: string, to: string) => {
      const edit = new vscode.WorkspaceEdit();
      edit.renameFile(workspaceUri(from), workspaceUri(to));
      // As the Explorer does it: workspace/willRenameFiles runs first, its edits go with the move.
      assert.ok(await vscode.workspace.applyEdit(edit), `moved ${from}`);
    };
    await move(REQUIREMENT, MOVED);
    assert.match(measure.getText(), /\nvereiste:\n- avg-01-rechtmatig\n/);
    const tool = await vscode.workspace.openTextDocument(workspaceUri(TOOL));
    assert.match(tool.getText(), /\nvereiste:\n- avg-01-rechtmatig\n/);
    const moved = await vscode.workspace.openTextDocument(workspaceUri(MOVED));
    assert.match(moved.getText(), /<!-- list_maatregelen vereiste\/avg-01-rechtmatig no-search -->/);
    await vscode.window.showTextDocument(moved);
    await diagnosticsWhen(moved.uri, (ds) => ds.length === 0, 'no diagnostics on the moved page');
    await diagnosticsWhen(measure.uri, (ds) => ds.length === 0, 'no diagnostics on the measure that names it');
    // And back, leaving the tree as the next suite expects it.
    await move(MOVED, REQUIREMENT);
    assert.match(measure.getText(), /\nvereiste:\n- avg-01-voorbeeldvereiste\n/);
    assert.ok(await vscode.workspace.saveAll(false));
    await diagnosticsWhen(measure.uri, (ds) => ds.length === 0, 'a clean measure again');
  });
});
