// The extension in a real VS Code: diagnostics appear where the author types, follow the edits, speak the
// chosen language, and reach pages across the workspace. Runs in the extension host (see test/e2e/run.mjs)
// on a throw-away copy of examples/current, with the extension installed from its .vsix.
// Every wait is for the server's answer to the change (a publish for the edited version, or one made after it);
// then the findings are compared exactly.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answered, brief, codeOf, edit, extensionApi, findingsNow, hoverText, ours, rangeOf, replaceInDocument, workspaceUri } from '../helpers';

const MEASURE = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md';
const REQUIREMENT = 'docs/voldoen-aan-wetten-en-regels/vereisten/avg-01-voorbeeldvereiste.md';

describe('Algoritmekader Authoring in VS Code', () => {
  let document: vscode.TextDocument;

  before(async () => {
    document = await vscode.workspace.openTextDocument(workspaceUri(MEASURE));
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('algoritmekader').update('language', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('runs the installed extension, not a development folder', () => {
    const extension = vscode.extensions.getExtension('algoritmekader-authoring.algoritmekader-authoring');
    assert.ok(extension);
    assert.match(extension.extensionUri.path, /\/ext\/algoritmekader-authoring\.algoritmekader-authoring-0\.1\.0$/);
  });

  it('a clean page has no diagnostics', async () => {
    await answered(document);
    assert.deepEqual(brief(ours(document.uri)), []);
  });

  it('a typo in a label is marked while typing (unsaved), with the nearest value', async () => {
    const { diagnostics } = await edit(document, '- governance', '- governanse');
    assert.ok(document.isDirty, 'the edit is not saved');
    assert.deepEqual(
      diagnostics.map((d) => [codeOf(d), rangeOf(d), d.severity, d.message]),
      [['frontmatter.unknown-value', '9:2-9:12', vscode.DiagnosticSeverity.Error, '"governanse" is not a known onderwerp value. Did you mean "governance"?']],
    );
  });

  it('the message follows the algoritmekader.language setting', async () => {
    const english = await answered(document);
    await vscode.workspace.getConfiguration('algoritmekader').update('language', 'nl', vscode.ConfigurationTarget.Workspace);
    await answered(document, english);
    assert.deepEqual(
      ours(document.uri).map((d) => [codeOf(d), rangeOf(d), d.message]),
      [['frontmatter.unknown-value', '9:2-9:12', '"governanse" is geen bekende waarde voor onderwerp. Bedoel je "governance"?']],
    );
  });

  it('undoing the typo clears the diagnostic', async () => {
    const { diagnostics } = await edit(document, '- governanse', '- governance');
    assert.deepEqual(brief(diagnostics), []);
  });

  it('the quick fix for a typo, in the chosen language, puts the text back', async () => {
    const before = document.getText();
    const { diagnostics } = await edit(document, '- transparantie', '- Transparantie');
    assert.deepEqual(brief(diagnostics), [['frontmatter.unknown-value', '10:2-10:15']]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostics[0].range, vscode.CodeActionKind.QuickFix.value);
    // The command gives the actions without their diagnostics; Markdown's own providers may add others.
    // The setting is still Dutch from the test above.
    const mine = actions.filter((a) => a.title.startsWith('Wijzig in'));
    assert.deepEqual(mine.map((a) => [a.title, a.isPreferred ?? false]), [['Wijzig in "transparantie"', true]], JSON.stringify(actions));
    assert.ok(mine[0].edit && (await vscode.workspace.applyEdit(mine[0].edit)));
    assert.equal(document.getText(), before);
    await answered(document);
    assert.deepEqual(brief(ours(document.uri)), []);
  });

  it('hovering a requirement entry shows the requirement page', async () => {
    const text = await hoverText(document.uri, new vscode.Position(5, 6));
    assert.match(text, /\*\*Persoonsgegevens worden rechtmatig verwerkt\*\*/);
    assert.match(text, /avg-01-voorbeeldvereiste\.md/);
  });

  it('go to definition and find references on a requirement entry', async () => {
    const definitions = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', document.uri, new vscode.Position(5, 6));
    assert.deepEqual(
      definitions.map((d) => vscode.workspace.asRelativePath('targetUri' in d ? d.targetUri : d.uri)),
      ['docs/voldoen-aan-wetten-en-regels/vereisten/avg-01-voorbeeldvereiste.md'],
    );
    const references = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, new vscode.Position(5, 6));
    const places = references.map((l) => `${l.uri.path.slice(l.uri.path.lastIndexOf('/') + 1)}:${rangeOf(l)}`).sort();
    const requirement = await vscode.workspace.openTextDocument(workspaceUri(REQUIREMENT));
    const directive = requirement.getText().split('\n').findIndex((l) => l.startsWith('<!-- list_maatregelen vereiste/avg-01-voorbeeldvereiste'));
    // The measure's entry, the tool's, the requirement page's own directive, which names it, and (the editor asks
    // with the declaration) the requirement page itself.
    assert.deepEqual(places, [
      '2-owp-01-grondslag-vastleggen.md:5:2-5:26',
      'avg-01-voorbeeldvereiste.md:0:0-0:0',
      `avg-01-voorbeeldvereiste.md:${directive}:31-${directive}:55`,
      'grondslagenwijzer.md:6:2-6:26',
    ]);
  });

  it('completion under a label offers the vocabulary values not yet listed, with their page titles', async () => {
    await edit(document, '- ontwerp\n', '- ontwerp\n- \n');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', document.uri, new vscode.Position(8, 2));
    const values = list.items.filter((i) => i.kind === vscode.CompletionItemKind.EnumMember);
    assert.deepEqual(values.map((i) => [typeof i.label === 'string' ? i.label : i.label.label, i.detail]), [['monitoring-en-beheer', 'Monitoring en beheer']]);
    const { diagnostics } = await edit(document, '- ontwerp\n- \n', '- ontwerp\n');
    assert.deepEqual(brief(diagnostics), []);
  });

  it('a reference to a requirement that does not exist is marked, and the requirement page sees its table empty', async () => {
    const requirement = await vscode.workspace.openTextDocument(workspaceUri(REQUIREMENT));
    await answered(requirement);
    assert.deepEqual(brief(ours(requirement.uri)), []);
    const broken = await edit(document, '- avg-01-voorbeeldvereiste', '- avg-01-voorbeeldvereist');
    assert.deepEqual(brief(broken.diagnostics), [['reference.unknown-target', '5:2-5:25']]);
    // The open requirement page's measures table now lists nothing: its directive says so, before any save.
    await answered(requirement, broken.published);
    const [empty, ...rest] = ours(requirement.uri);
    assert.deepEqual([codeOf(empty), rest.length], ['directive.empty', 0]);
    assert.equal(requirement.getText(empty.range), '<!-- list_maatregelen vereiste/avg-01-voorbeeldvereiste no-search -->');
    const fixed = await edit(document, '- avg-01-voorbeeldvereist\n', '- avg-01-voorbeeldvereiste\n');
    assert.deepEqual(brief(fixed.diagnostics), []);
    await answered(requirement, fixed.published);
    assert.deepEqual(brief(ours(requirement.uri)), []);
  });

  it('the preview shows what the requirement page lists, and redraws when a measure stops naming it', async () => {
    type Shown = { title: string; card: { tables: { state: string; rows: { page: { stem: string } }[] }[] } } | null | undefined;
    const api = await extensionApi();
    /** The next cards the preview draws, until `accept` holds for one. */
    const drawnUntil = async (accept: (shown: Shown) => boolean, what: string) => {
      const deadline = Date.now() + 45_000;
      for (;;) {
        const shown = (await api.preview(true)) as Shown;
        if (accept(shown)) return shown;
        assert.ok(Date.now() < deadline, `timed out waiting for ${what}; last drawn: ${JSON.stringify(shown)}`);
      }
    };
    const tables = (shown: Shown) => shown?.card.tables.map((t) => [t.state, t.rows.map((r) => r.page.stem)]);
    const requirement = await vscode.workspace.openTextDocument(workspaceUri(REQUIREMENT));
    await vscode.window.showTextDocument(requirement);
    const first = api.preview(true) as Promise<Shown>;
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
    await answered(document);
    assert.deepEqual(brief(ours(document.uri)), []);
  });

  it('renaming a requirement renames its file and every page that names it, with nothing left broken', async () => {
    const rename = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', document.uri, new vscode.Position(5, 6), 'avg-01-grondslag-vastleggen');
    assert.ok(await vscode.workspace.applyEdit(rename));
    assert.match(document.getText(), /\nvereiste:\n- avg-01-grondslag-vastleggen\n/);
    const renamed = workspaceUri('docs/voldoen-aan-wetten-en-regels/vereisten/avg-01-grondslag-vastleggen.md');
    const requirement = await vscode.workspace.openTextDocument(renamed);
    assert.match(requirement.getText(), /<!-- list_maatregelen vereiste\/avg-01-grondslag-vastleggen no-search -->/);
    await answered(document);
    assert.deepEqual(brief(ours(document.uri)), []);
    // The server sends a page's findings again only when they change; an edit of the page itself gets an answer
    // that is sure to come after the measure's.
    assert.deepEqual(brief(await findingsNow(requirement)), []);
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
    await answered(page);
    const empty = (key: string, path: (string | number)[]) => ({ actual: 'null', expected: 'string', key, path });
    assert.deepEqual(
      ours(uri).map((d) => [codeOf(d), rangeOf(d), (d as vscode.Diagnostic & { data?: unknown }).data]),
      [
        ['frontmatter.wrong-type', '3:0-3:11', empty('toelichting', ['toelichting'])],
        ['frontmatter.wrong-type', '5:0-5:1', empty('levenscyclus.0', ['levenscyclus', 0])],
        ['frontmatter.wrong-type', '7:0-7:1', empty('onderwerp.0', ['onderwerp', 0])],
        ['frontmatter.wrong-type', '9:0-9:1', empty('rollen.0', ['rollen', 0])],
      ],
    );
  });
});
