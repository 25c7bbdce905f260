// The new-page command: asks for the kind of page, the id code, the title and the file name, then
// creates the page the server makes (from the workspace's template) and opens it. Called with a
// request object (as the editor tests do), it asks nothing.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { NEW_PAGE_REQUEST, PAGE_TYPES_REQUEST, type NewPageParams, type NewPageResponse, type PageTypesResponse } from '../../server/src/protocol';
import type { NewPageRequest } from '../../server/src/service';
import { NEW_PAGE as T } from '../../server/src/service/messages';
import { displayLanguage } from './language';

/** Lowercase words joined by `-`, as upstream file names are: `Leg de grondslag vast` → `leg-de-grondslag-vast`. */
export function slugOf(title: string): string {
  return title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .split('-')
    .slice(0, 6)
    .join('-');
}

/** Runs the command; resolves with the new page's URI, or undefined when cancelled or refused (the reason is shown). */
export async function newPageCommand(client: BaseLanguageClient, given?: Partial<NewPageRequest>): Promise<vscode.Uri | undefined> {
  const lang = displayLanguage();
  // The content root of the active page, else the first folder that is one.
  const anchors = [vscode.window.activeTextEditor?.document.uri, ...(vscode.workspace.workspaceFolders ?? []).map((f) => f.uri)].filter((u): u is vscode.Uri => u !== undefined);
  let known: PageTypesResponse | null = null;
  for (const anchor of anchors) {
    known = await client.sendRequest<PageTypesResponse | null>(PAGE_TYPES_REQUEST, { uri: anchor.toString() });
    if (known?.types.length) break;
  }
  if (!known || known.types.length === 0) {
    void vscode.window.showErrorMessage(T.noRoot[lang]);
    return undefined;
  }
  const request: Partial<NewPageRequest> = { ...given };
  if (!request.type) {
    const picked = await vscode.window.showQuickPick(
      known.types.map((t) => ({ label: t.label, description: t.folder, type: t.type })),
      { placeHolder: T.pickType[lang] },
    );
    if (!picked) return undefined;
    request.type = picked.type;
  }
  const type = known.types.find((t) => t.type === request.type);
  if (type?.hasIds && request.code === undefined) {
    const other = { label: T.otherCode[lang], code: undefined as string | undefined };
    const picked = await vscode.window.showQuickPick([...type.codes.map((c) => ({ label: c.code, description: T.codeInUse[lang](c.count, c.next), code: c.code as string | undefined })), other], {
      placeHolder: T.pickCode[lang],
    });
    if (!picked) return undefined;
    request.code = picked.code ?? (await vscode.window.showInputBox({ prompt: T.askCode[lang], validateInput: (v) => (/^[a-z]+$/.test(v) ? undefined : T.badCode[lang](v)) }));
    if (request.code === undefined) return undefined;
  }
  if (request.title === undefined) {
    request.title = await vscode.window.showInputBox({ prompt: T.askTitle[lang], validateInput: (v) => (v.trim() ? undefined : T.noTitle[lang]) });
    if (request.title === undefined) return undefined;
  }
  if (request.slug === undefined) {
    request.slug = await vscode.window.showInputBox({ prompt: T.askSlug[lang], value: slugOf(request.title), validateInput: (v) => (/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v) ? undefined : T.badSlug[lang](v)) });
    if (request.slug === undefined) return undefined;
  }
  const made = await client.sendRequest<NewPageResponse>(NEW_PAGE_REQUEST, { uri: known.root, ...(request as NewPageRequest) } satisfies NewPageParams);
  if ('error' in made) {
    void vscode.window.showErrorMessage(made.error);
    return undefined;
  }
  const uri = vscode.Uri.parse(made.uri);
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(uri, { ignoreIfExists: false, contents: new TextEncoder().encode(made.text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(T.exists[lang](vscode.workspace.asRelativePath(uri)));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document);
  return uri;
}
