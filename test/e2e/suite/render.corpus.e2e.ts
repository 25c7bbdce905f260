// The page as the site shows it, in a real VS Code on a copy of the 2026 snapshot (suite `corpus`): the
// preview of aia-14 shows its sections and its six measures, VS Code's own Markdown preview shows the table,
// and a measure that stops naming the requirement drops out of both. Waits on events, never on time.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { AlgoritmekaderApi } from '../../../client/src/extension';
import type { DrawnSummary } from '../../../client/src/preview';

const AIA_14 = 'docs/voldoen-aan-wetten-en-regels/vereisten/aia-14-conformiteitsbeoordeling.md';
const OWP_15 = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-15-bespreek-vereisten-met-aanbieders.md';
const HOSTILE = 'docs/voldoen-aan-wetten-en-regels/maatregelen/9-hostile-page.md';
const SECTIONS = ['Vereiste', 'Toelichting', 'Bronnen', 'Van toepassing op', 'Risico', 'Maatregelen'];
const LIMIT_MS = 45_000;

function workspaceUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, path);
}

async function api(): Promise<AlgoritmekaderApi> {
  const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'algoritmekader-authoring');
  assert.ok(extension, 'the extension is installed');
  return (await extension.activate()) as AlgoritmekaderApi;
}

/** The preview's next drawings, until `accept` holds for one. */
async function drawnUntil(a: AlgoritmekaderApi, accept: (s: DrawnSummary | undefined) => boolean, what: string): Promise<DrawnSummary> {
  const deadline = Date.now() + LIMIT_MS;
  let last = a.previewPanel.lastDrawn;
  if (accept(last)) return last!;
  for (;;) {
    last = await a.previewPanel.whenDrawn();
    if (accept(last)) return last!;
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}; last drawn: ${JSON.stringify(last)}`);
  }
}

/** Asks the driver (test/e2e/run.mjs) for a screenshot of the workbench and waits until it is taken. */
async function screenshot(name: string): Promise<void> {
  const folder = vscode.workspace.workspaceFolders![0].uri;
  const done = new Promise<void>((resolve) => {
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `.e2e-shots/${name}`));
    watcher.onDidCreate(() => {
      watcher.dispose();
      resolve();
    });
  });
  console.log(`e2e: screenshot ${name}`);
  await done;
}

/** The rows of the list table in VS Code's own Markdown preview rendering of `document`. */
async function markdownPreviewRows(document: vscode.TextDocument): Promise<string[]> {
  const html = await vscode.commands.executeCommand<string>('markdown.api.render', document);
  const table = /<table data-list="list_maatregelen"[^>]*>([\s\S]*?)<\/table>/.exec(html);
  assert.ok(table, `VS Code's preview shows the measures table: ${html.slice(-2000)}`);
  return [...table[1].matchAll(/<tr><td><a href="([^"]+)">/g)].map((m) => m[1].replace(/^.*\//, ''));
}

describe('the page as the site shows it (2026 snapshot)', function () {
  this.timeout(120_000);
  it('the preview of aia-14 shows its title, chips, sections and six measures; VS Code\'s own preview shows the table; a measure that stops naming it drops out of both', async () => {
    const a = await api();
    const requirement = await vscode.workspace.openTextDocument(workspaceUri(AIA_14));
    await vscode.window.showTextDocument(requirement, vscode.ViewColumn.One);
    const first = a.previewPanel.whenDrawn();
    await vscode.commands.executeCommand('algoritmekader.showPreview');
    let shown = await first;
    shown = await drawnUntil(a, (s) => s?.headings.includes('Maatregelen') === true, 'aia-14 drawn');
    assert.equal(shown.title, 'Hoog-risico-AI-systemen worden pas geleverd of gebruikt na een conformiteitsbeoordelingsprocedure');
    assert.deepEqual(shown.headings, SECTIONS);
    assert.deepEqual(shown.chips.slice(0, 6), ['aia-14', 'Verificatie en validatie', 'Implementatie', 'Jurist', 'Projectleider', 'Governance']);
    assert.deepEqual(shown.lists, [{ name: 'list_maatregelen', state: 'table', rows: 6 }]);
    assert.equal(shown.inspectorOpen, true);
    await screenshot('aia-14-preview');

    // VS Code's own Markdown preview, with the same renderer and the server's data, in a third column (in the
    // second it would hide ours: a hidden webview draws nothing).
    await vscode.commands.executeCommand('vscode.openWith', requirement.uri, 'vscode.markdown.preview.editor', vscode.ViewColumn.Three);
    await a.markdownPreview.dataOf(requirement.uri);
    const rows = await markdownPreviewRows(requirement);
    assert.equal(rows.length, 6);
    assert.ok(rows.some((r) => r.startsWith('2-owp-15-bespreek-vereisten-met-aanbieders')), rows.join(', '));
    await screenshot('aia-14-markdown-preview');

    // A measure stops naming the requirement (unsaved, as while typing): its row leaves both previews.
    const measure = await vscode.workspace.openTextDocument(workspaceUri(OWP_15));
    const changed = new Promise<void>((resolve) => {
      const listener = a.markdownPreview.onDidChange((uri) => {
        if (uri === requirement.uri.toString()) {
          listener.dispose();
          resolve();
        }
      });
    });
    const line = measure.getText().split('\n').findIndex((l) => l === '- aia-14-conformiteitsbeoordeling');
    assert.ok(line > 0, 'owp-15 names aia-14');
    const edit = new vscode.WorkspaceEdit();
    edit.delete(measure.uri, new vscode.Range(line, 0, line + 1, 0));
    assert.ok(await vscode.workspace.applyEdit(edit));
    // The preview follows the active editor: keep aia-14 active while the measure changes.
    await vscode.window.showTextDocument(requirement, vscode.ViewColumn.One);
    const after = await drawnUntil(a, (s) => s?.lists[0]?.rows === 5, 'five measures in the preview');
    assert.deepEqual(after.headings, SECTIONS);
    await changed;
    const rowsAfter = await markdownPreviewRows(requirement);
    assert.equal(rowsAfter.length, 5);
    assert.ok(!rowsAfter.some((r) => r.startsWith('2-owp-15')), rowsAfter.join(', '));
    await screenshot('aia-14-after-edit');
    // The measure names the requirement again, as on disk.
    const undo = new vscode.WorkspaceEdit();
    undo.insert(measure.uri, new vscode.Position(line, 0), '- aia-14-conformiteitsbeoordeling\n');
    assert.ok(await vscode.workspace.applyEdit(undo));
    await drawnUntil(a, (s) => s?.lists[0]?.rows === 6, 'six measures again');
  });

  it('the preview scrolls with the editor, keeps its place while you type, and shows the part you edit', async () => {
    const a = await api();
    const requirement = await vscode.workspace.openTextDocument(workspaceUri(AIA_14));
    const editor = await vscode.window.showTextDocument(requirement, vscode.ViewColumn.One);
    await drawnUntil(a, (s) => s?.title.startsWith('Hoog-risico-AI-systemen') === true, 'aia-14 in the preview');
    // The editor scrolls to the Toelichting section (which the preview can bring to its top): so does the preview.
    const section = requirement.getText().split('\n').findIndex((l) => l.startsWith('## Toelichting'));
    assert.ok(section > 0);
    const positioned = a.previewPanel.whenPositioned();
    editor.revealRange(new vscode.Range(section, 0, section, 0), vscode.TextEditorRevealType.AtTop);
    const at = await positioned;
    assert.ok(Math.abs(at.line - section) <= 2, `the preview's top is at line ${at.line}, the editor's at ${section}`);
    assert.ok(at.scrollY > 0);
    // Typing in that section redraws in place: the view stays where it was.
    const redrawn = a.previewPanel.whenDrawn();
    const edit = new vscode.WorkspaceEdit();
    edit.insert(requirement.uri, new vscode.Position(section + 2, 0), 'Een zin erbij. ');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const after = await redrawn;
    assert.ok(after, 'the preview redrew');
    assert.ok(Math.abs(after.scrollY - at.scrollY) < 40, `scrolled from ${at.scrollY} to ${after.scrollY}`);
    await screenshot('aia-14-scrolled');
    const undo = new vscode.WorkspaceEdit();
    undo.delete(requirement.uri, new vscode.Range(section + 2, 0, section + 2, 'Een zin erbij. '.length));
    assert.ok(await vscode.workspace.applyEdit(undo));
  });

  it('a hostile page runs nothing in the preview: no script, handler, frame or javascript: link reaches it', async () => {
    const a = await api();
    const uri = workspaceUri(HOSTILE);
    const text =
      '---\ntitle: Vijandig\nid: urn:nl:ak:mtr:owp-99\nvereiste:\n- "<img src=x onerror=acquireVsCodeApi().postMessage({type:\'pwned\'})>"\n---\n' +
      '## Kop\n\n<script>acquireVsCodeApi().postMessage({type: "pwned"})</script>\n\n<img src="x" onerror="acquireVsCodeApi().postMessage({type: \'pwned\'})">\n\n' +
      '<a href="javascript:acquireVsCodeApi().postMessage({type:\'pwned\'})">klik</a>\n\n<iframe src="https://example.org"></iframe>\n\n<div style="position:fixed;inset:0;background:red">over alles heen</div>\n\n' +
      '<!-- list_vereisten_on_maatregelen_page -->\n<!-- list_maatregelen onderwerp/<script>x</script> -->\n';
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, vscode.ViewColumn.One);
    const shown = await drawnUntil(a, (s) => s?.title === 'Vijandig', 'the hostile page drawn');
    assert.deepEqual(shown.headings, ['Kop']);
    // Checked in the HTML as drawn: no such element or attribute (the hostile text itself may show, escaped).
    const html = a.previewPanel.lastPage?.html ?? '';
    assert.doesNotMatch(html, /<script|<iframe|<[^>]+\son\w+=|<[^>]+href="javascript:|<[^>]+style=/i);
    assert.match(html, /<a>klik<\/a>/);
    await screenshot('hostile-preview');
    assert.deepEqual([...a.previewPanel.received].filter((t) => !['ready', 'drawn', 'scrolled', 'position'].includes(t)), []);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    await vscode.workspace.fs.delete(uri);
  });
});
