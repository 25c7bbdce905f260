// The web extension as github.dev runs it: in the browser's web worker extension host, with the language server
// in a web worker of its own, on a folder served by a file system provider that is not the disk (memfs:, see
// memfs.ts), holding a copy of examples/current. The same checks as on the desktop.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answered, brief, codeOf, edit, EXTENSION_ID, extensionApi, hoverText, ours, rangeOf, workspaceUri } from '../helpers';

const MEASURE = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md';
const REQUIREMENT = 'docs/voldoen-aan-wetten-en-regels/vereisten/avg-01-voorbeeldvereiste.md';

describe('Algoritmekader Authoring in the browser (web worker, a folder not on a disk)', () => {
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument(workspaceUri(MEASURE));
    await vscode.window.showTextDocument(document);
  });

  it('runs as a web extension on a memfs: folder', async () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
    assert.equal(vscode.workspace.workspaceFolders?.[0]?.uri.toString(), 'memfs:/ws');
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'installed');
    // UI: the browser's own extension host (the web worker), not the server's; its hooks answer here.
    assert.equal(extension.extensionKind, vscode.ExtensionKind.UI);
    assert.equal(typeof (await extensionApi()).published, 'function');
    assert.ok(extension.isActive);
  });

  it('a clean page has no diagnostics', async () => {
    await answered(document);
    assert.deepEqual(brief(ours(document.uri)), []);
  });

  it('a typo in a label is marked while typing, with the nearest value', async () => {
    const { diagnostics } = await edit(document, '- governance', '- governanse');
    assert.deepEqual(
      diagnostics.map((d) => [codeOf(d), rangeOf(d), d.severity, d.message]),
      [['frontmatter.unknown-value', '9:2-9:12', vscode.DiagnosticSeverity.Error, '"governanse" is not a known onderwerp value. Did you mean "governance"?']],
    );
  });

  it('the quick fix puts the text back', async () => {
    const [diagnostic] = ours(document.uri);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const mine = actions.filter((a) => a.title.startsWith('Change to'));
    assert.deepEqual(mine.map((a) => [a.title, a.isPreferred ?? false]), [['Change to "governance"', true]], JSON.stringify(actions.map((a) => a.title)));
    assert.ok(mine[0].edit && (await vscode.workspace.applyEdit(mine[0].edit)));
    assert.match(document.getText(), /\nonderwerp:\n- governance\n/);
    await answered(document);
    assert.deepEqual(brief(ours(document.uri)), []);
  });

  it('completion under a label offers the vocabulary values not yet listed', async () => {
    await edit(document, '- ontwerp\n', '- ontwerp\n- \n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(8, 2));
    const values = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(values.map((i) => [typeof i.label === 'string' ? i.label : i.label.label, i.detail]), [['monitoring-en-beheer', 'Monitoring en beheer']]);
    const { diagnostics } = await edit(document, '- ontwerp\n- \n', '- ontwerp\n');
    assert.deepEqual(brief(diagnostics), []);
  });

  it('hover and go to definition name the requirement page in the same folder', async () => {
    assert.match(await hoverText(document.uri, new vscode.Position(5, 6)), /\*\*Persoonsgegevens worden rechtmatig verwerkt\*\*/);
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, new vscode.Position(5, 6));
    assert.deepEqual(definitions.map((d) => ('targetUri' in d ? d.targetUri : d.uri).toString()), [`memfs:/ws/${REQUIREMENT}`]);
  });

  it('a page deleted from the folder changes what the open page shows, and coming back clears it', async () => {
    const vocabulary = workspaceUri('docs/onderwerpen/transparantie.md');
    const text = await vscode.workspace.fs.readFile(vocabulary);
    const before = await answered(document);
    await vscode.workspace.fs.delete(vocabulary);
    const gone = await answered(document, before);
    assert.deepEqual(brief(ours(document.uri)), [['frontmatter.unknown-value', '10:2-10:15']]);
    await vscode.workspace.fs.writeFile(vocabulary, text);
    await answered(document, gone);
    assert.deepEqual(brief(ours(document.uri)), []);
  });

  it('a new page from the command is written into the folder and checked at once', async () => {
    const request = { type: 'maatregel', code: 'owp', title: 'Beschrijf het doel', slug: 'beschrijf-het-doel' };
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('algoritmekader.newPage', request);
    assert.equal(uri?.toString(), 'memfs:/ws/docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-02-beschrijf-het-doel.md');
    const page = vscode.window.activeTextEditor!.document;
    assert.equal(page.uri.toString(), uri!.toString());
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri!)), /^---\ntitle: Beschrijf het doel\nid: urn:nl:ak:mtr:owp-02\n/);
    await answered(page);
    assert.deepEqual(brief(ours(uri!)), [
      ['frontmatter.wrong-type', '3:0-3:11'],
      ['frontmatter.wrong-type', '5:0-5:1'],
      ['frontmatter.wrong-type', '7:0-7:1'],
      ['frontmatter.wrong-type', '9:0-9:1'],
    ]);
  });

  it('the preview shows what the requirement page lists', async () => {
    type Shown = { title: string; card: { tables: { state: string; rows: { page: { stem: string } }[] }[] } } | null | undefined;
    const api = await extensionApi();
    const requirement = await vscode.workspace.openTextDocument(workspaceUri(REQUIREMENT));
    await vscode.window.showTextDocument(requirement);
    const first = api.preview(true) as Promise<Shown>;
    await vscode.commands.executeCommand('algoritmekader.showPreview');
    const shown = await first;
    assert.match(shown?.title ?? '', /: Persoonsgegevens worden rechtmatig verwerkt$/);
    assert.deepEqual(shown?.card.tables.map((t) => [t.state, t.rows.map((r) => r.page.stem)]), [['table', ['2-owp-01-grondslag-vastleggen']]]);
  });
});
