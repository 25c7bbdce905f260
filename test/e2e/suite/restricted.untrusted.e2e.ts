// Restricted Mode: the folder is not trusted (suite `untrusted`, see test/e2e/run.mjs). Its .algoritmekader.json
// names a schema of its own that requires a key `eigenaar` the pages lack. Compiling that schema would run code
// generated from the workspace, so it is not read: the built-in schema checks the page, and the config file says why.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answered, codeOf, EXTENSION_ID, ours, rangeOf, workspaceUri } from '../helpers';

const MEASURE = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md';

describe('Algoritmekader Authoring in Restricted Mode (an untrusted folder)', () => {
  it('the extension runs, in an untrusted folder', () => {
    assert.equal(vscode.workspace.isTrusted, false);
    assert.ok(vscode.extensions.getExtension(EXTENSION_ID)?.isActive ?? false);
  });

  it('a page is checked with the built-in schema, not the workspace one, and the config file says so', async () => {
    const page = await vscode.workspace.openTextDocument(workspaceUri(MEASURE));
    await vscode.window.showTextDocument(page);
    await answered(page);
    // With the workspace's schema this would be `frontmatter.missing-key` for eigenaar.
    assert.deepEqual(ours(page.uri).map((d) => [codeOf(d), rangeOf(d)]), []);
    const config = workspaceUri('.algoritmekader.json');
    const notices = vscode.languages.getDiagnostics(config).filter((d) => d.source === 'algoritmekader');
    assert.deepEqual(
      notices.map((d) => [codeOf(d), rangeOf(d), d.severity, d.message]),
      [['workspace.untrusted', '1:0-1:0', vscode.DiagnosticSeverity.Information, 'Restricted Mode: the schema files named here are not used until you trust this folder; the built-in schemas check the pages meanwhile.']],
    );
  });
});
