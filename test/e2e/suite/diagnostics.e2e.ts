// The extension in a real VS Code: diagnostics appear where the author types, follow the edits, speak the
// chosen language, and reach pages across the workspace. Runs in the extension host (see test/e2e/run.mjs)
// on a throw-away copy of examples/current.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const MEASURE = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md';
const REQUIREMENT = 'docs/voldoen-aan-wetten-en-regels/vereisten/avg-01-voorbeeldvereiste.md';

function workspaceUri(path: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, path);
}

const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));
const rangeOf = (d: vscode.Diagnostic) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`;

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
      const ds = vscode.languages.getDiagnostics(uri);
      reject(new Error(`timed out waiting for ${what}; diagnostics now: ${JSON.stringify(ds.map((d) => [codeOf(d), rangeOf(d), d.message]))}`));
    }, 45_000);
    check();
  });
}

async function replaceInDocument(document: vscode.TextDocument, from: string, to: string): Promise<void> {
  const at = document.getText().indexOf(from);
  assert.ok(at >= 0, `"${from}" is in ${document.uri.path}`);
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, new vscode.Range(document.positionAt(at), document.positionAt(at + from.length)), to);
  assert.ok(await vscode.workspace.applyEdit(edit));
}

describe('Algoritmekader Authoring in VS Code', () => {
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument(workspaceUri(MEASURE));
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('algoritmekader').update('language', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('a clean page has no diagnostics', async () => {
    await diagnosticsWhen(document.uri, (ds) => ds.length === 0, 'no diagnostics');
  });

  it('a typo in a label is marked while typing (unsaved), with the nearest value', async () => {
    await replaceInDocument(document, '- governance', '- governanse');
    assert.ok(document.isDirty, 'the edit is not saved');
    const [d] = await diagnosticsWhen(document.uri, (ds) => ds.some((x) => codeOf(x) === 'frontmatter.unknown-value'), 'frontmatter.unknown-value');
    assert.equal(rangeOf(d), '9:2-9:12');
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /"governanse" is not a known onderwerp value\. Did you mean "governance"\?/);
  });

  it('the message follows the algoritmekader.language setting', async () => {
    await vscode.workspace.getConfiguration('algoritmekader').update('language', 'nl', vscode.ConfigurationTarget.Workspace);
    const [d] = await diagnosticsWhen(document.uri, (ds) => ds.some((x) => /is geen bekende waarde/.test(x.message)), 'a Dutch message');
    assert.match(d.message, /^"governanse" is geen bekende waarde voor onderwerp\..*"governance"/);
  });

  it('undoing the typo clears the diagnostic', async () => {
    await replaceInDocument(document, '- governanse', '- governance');
    await diagnosticsWhen(document.uri, (ds) => ds.length === 0, 'no diagnostics after the fix');
  });

  it('the quick fix for a typo, in the chosen language, puts the text back', async () => {
    const before = document.getText();
    await replaceInDocument(document, '- transparantie', '- Transparantie');
    const [d] = await diagnosticsWhen(document.uri, (ds) => ds.some((x) => codeOf(x) === 'frontmatter.unknown-value'), 'frontmatter.unknown-value');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, d.range, vscode.CodeActionKind.QuickFix.value);
    // The command gives the actions without their diagnostics; Markdown's own providers may add others.
    // The setting is still Dutch from the test above.
    const ours = actions.filter((a) => a.title.startsWith('Wijzig in'));
    assert.deepEqual(ours.map((a) => [a.title, a.isPreferred ?? false]), [['Wijzig in "transparantie"', true]], JSON.stringify(actions));
    assert.ok(ours[0].edit && (await vscode.workspace.applyEdit(ours[0].edit)));
    assert.equal(document.getText(), before);
    await diagnosticsWhen(document.uri, (ds) => ds.length === 0, 'no diagnostics after the quick fix');
  });

  it('hovering a requirement entry shows the requirement page', async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, new vscode.Position(5, 6));
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /\*\*Persoonsgegevens worden rechtmatig verwerkt\*\*/);
    assert.match(text, /avg-01-voorbeeldvereiste\.md/);
  });

  it('go to definition and find references on a requirement entry', async () => {
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, new vscode.Position(5, 6));
    const targets = definitions.map((d) => ('targetUri' in d ? d.targetUri : d.uri).path);
    assert.deepEqual(targets.map((p) => p.slice(p.indexOf('/docs/'))), ['/docs/voldoen-aan-wetten-en-regels/vereisten/avg-01-voorbeeldvereiste.md']);
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, new vscode.Position(5, 6));
    const places = references.map((l) => `${l.uri.path.slice(l.uri.path.lastIndexOf('/') + 1)}:${l.range.start.line}`).sort();
    assert.ok(places.includes('2-owp-01-grondslag-vastleggen.md:5'), places.join(' '));
    assert.ok(places.some((p) => p.startsWith('avg-01-voorbeeldvereiste.md:')), 'the requirement page\'s own directive names it');
  });

  it('completion under a label offers the vocabulary values not yet listed, with their page titles', async () => {
    await replaceInDocument(document, '- ontwerp\n', '- ontwerp\n- \n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(8, 2));
    const ours = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(ours.map((i) => [typeof i.label === 'string' ? i.label : i.label.label, i.detail]), [['monitoring-en-beheer', 'Monitoring en beheer']]);
    await replaceInDocument(document, '- ontwerp\n- \n', '- ontwerp\n');
    await diagnosticsWhen(document.uri, (ds) => ds.length === 0, 'no diagnostics after removing the item again');
  });

  it('a reference to a requirement that does not exist is marked, and the requirement page sees its table empty', async () => {
    const requirement = await vscode.workspace.openTextDocument(workspaceUri(REQUIREMENT));
    await diagnosticsWhen(requirement.uri, (ds) => ds.length === 0, 'a clean requirement page');
    await replaceInDocument(document, '- avg-01-voorbeeldvereiste', '- avg-01-voorbeeldvereist');
    const [d] = await diagnosticsWhen(document.uri, (ds) => ds.some((x) => codeOf(x) === 'reference.unknown-target'), 'reference.unknown-target');
    assert.equal(rangeOf(d), '5:2-5:25');
    // The open requirement page's measures table now lists nothing: its directive says so, before any save.
    const [empty] = await diagnosticsWhen(requirement.uri, (ds) => ds.some((x) => codeOf(x) === 'directive.empty'), 'directive.empty on the requirement page');
    assert.equal(requirement.getText(empty.range), '<!-- list_maatregelen vereiste/avg-01-voorbeeldvereiste no-search -->');
    await replaceInDocument(document, '- avg-01-voorbeeldvereist\n', '- avg-01-voorbeeldvereiste\n');
    await diagnosticsWhen(document.uri, (ds) => ds.length === 0, 'no diagnostics after the fix');
    await diagnosticsWhen(requirement.uri, (ds) => ds.length === 0, 'the requirement page clean again');
  });

  it('the preview shows what the requirement page lists, and redraws when a measure stops naming it', async () => {
    const extension = vscode.extensions.all.find((e) => e.packageJSON?.name === 'algoritmekader-authoring');
    assert.ok(extension, 'the extension is installed');
    type Shown = { title: string; card: { tables: { state: string; rows: { page: { stem: string } }[] }[] } } | null | undefined;
    const api = (await extension.activate()) as { preview: (next?: boolean) => Promise<Shown> };
    /** The next cards the preview draws, until `accept` holds for one. */
    const drawnUntil = async (accept: (shown: Shown) => boolean, what: string) => {
      const deadline = Date.now() + 45_000;
      for (;;) {
        const shown = await api.preview(true);
        if (accept(shown)) return shown;
        assert.ok(Date.now() < deadline, `timed out waiting for ${what}; last drawn: ${JSON.stringify(shown)}`);
      }
    };
    const tables = (shown: Shown) => shown?.card.tables.map((t) => [t.state, t.rows.map((r) => r.page.stem)]);
    const requirement = await vscode.workspace.openTextDocument(workspaceUri(REQUIREMENT));
    await vscode.window.showTextDocument(requirement);
    const first = api.preview(true);
    await vscode.commands.executeCommand('algoritmekader.showPreview');
    const shown = await first;
    assert.match(shown?.title ?? '', /: Persoonsgegevens worden rechtmatig verwerkt$/);
    assert.deepEqual(tables(shown), [['table', ['2-owp-01-grondslag-vastleggen']]]);
    const redrawn = drawnUntil((s) => s?.card.tables[0]?.state === 'empty', 'an empty table');
    await replaceInDocument(document, '- avg-01-voorbeeldvereiste', '- avg-01-voorbeeldvereist');
    assert.deepEqual(tables(await redrawn), [['empty', []]]);
    const back = drawnUntil((s) => s?.card.tables[0]?.state === 'table', 'the table back');
    await replaceInDocument(document, '- avg-01-voorbeeldvereist\n', '- avg-01-voorbeeldvereiste\n');
    assert.deepEqual(tables(await back), [['table', ['2-owp-01-grondslag-vastleggen']]]);
    await diagnosticsWhen(document.uri, (ds) => ds.length === 0, 'the measure page clean again');
  });

  it('renaming a requirement renames its file and every page that names it, with nothing left broken', async () => {
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, new vscode.Position(5, 6), 'avg-01-grondslag-vastleggen');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.match(document.getText(), /\nvereiste:\n- avg-01-grondslag-vastleggen\n/);
    const renamed = workspaceUri('docs/voldoen-aan-wetten-en-regels/vereisten/avg-01-grondslag-vastleggen.md');
    const requirement = await vscode.workspace.openTextDocument(renamed);
    assert.match(requirement.getText(), /<!-- list_maatregelen vereiste\/avg-01-grondslag-vastleggen no-search -->/);
    await diagnosticsWhen(document.uri, (ds) => ds.length === 0, 'the measure page clean after the rename');
    await diagnosticsWhen(requirement.uri, (ds) => ds.length === 0, 'the renamed requirement page clean');
  });

  it('a new page from the command gets the next free id, a file name that starts with it, and checks at once', async () => {
    const request = { type: 'maatregel', code: 'owp', title: 'Beschrijf het doel', slug: 'beschrijf-het-doel' };
    const uri = await vscode.commands.executeCommand<vscode.Uri | undefined>('algoritmekader.newPage', request);
    assert.ok(uri, 'the page was made');
    assert.equal(vscode.workspace.asRelativePath(uri), 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-02-beschrijf-het-doel.md');
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), uri.toString(), 'and opened');
    const page = vscode.window.activeTextEditor!.document;
    assert.match(page.getText(), /^---\ntitle: Beschrijf het doel\nid: urn:nl:ak:mtr:owp-02\ntoelichting: \n/);
    // What is left to fill in is marked, and nothing else: the id and the file name agree.
    const ds = await diagnosticsWhen(uri, (d) => d.length > 0, 'the fields to fill in');
    assert.ok(ds.every((d) => codeOf(d) === 'frontmatter.wrong-type'), JSON.stringify(ds.map(codeOf)));
  });
});
