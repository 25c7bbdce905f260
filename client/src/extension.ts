// The VS Code extension: starts the language server, passes it the settings, and registers the preview.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ExtensionContext } from 'vscode';
import { PAGE_TYPES_REQUEST, type PageTypesResponse } from '../../server/src/protocol';
import { MarkdownPreviewData } from './markdownPreview';
import { newPageCommand } from './newPage';
import { Preview } from './preview';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

/** What activate returns: VS Code's Markdown preview calls `extendMarkdownIt`; the editor tests use the rest. */
export interface AlgoritmekaderApi {
  extendMarkdownIt<T>(md: T): T;
  /** The preview's last card, after its next redraw when `next` is set. */
  preview(next?: boolean): Promise<unknown>;
  /** The preview panel itself (what it drew, what its webview said). */
  previewPanel: Preview;
  /** The data VS Code's Markdown preview renders a page with. */
  markdownPreview: MarkdownPreviewData;
}

export async function activate(context: ExtensionContext): Promise<AlgoritmekaderApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'markdown' }],
    synchronize: { configurationSection: 'algoritmekader' },
  };
  client = new LanguageClient('algoritmekader', 'Algoritmekader Authoring', serverOptions, clientOptions);
  await client.start();
  // The preview button and commands show only where a folder holds Algoritmekader content, not in every
  // Markdown workspace this extension starts in.
  const updateContext = () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    void Promise.all(folders.map((f) => client!.sendRequest<PageTypesResponse | null>(PAGE_TYPES_REQUEST, { uri: f.uri.toString() }).catch(() => null))).then((known) =>
      vscode.commands.executeCommand('setContext', 'algoritmekader.content', known.some((k) => Boolean(k?.types.length))),
    );
  };
  updateContext();
  // Again when what decides it may have changed: the profile setting, the folders, the config file.
  const configWatcher = vscode.workspace.createFileSystemWatcher('**/.algoritmekader.json');
  context.subscriptions.push(
    configWatcher,
    configWatcher.onDidCreate(updateContext),
    configWatcher.onDidChange(updateContext),
    configWatcher.onDidDelete(updateContext),
    vscode.workspace.onDidChangeWorkspaceFolders(updateContext),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('algoritmekader')) setTimeout(updateContext, 300); // after the server read the new settings
    }),
  );
  const preview = new Preview(context.extensionUri, client);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand('algoritmekader.showPreview', (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (target) preview.show(target);
    }),
    vscode.commands.registerCommand('algoritmekader.newPage', (request?: Parameters<typeof newPageCommand>[1]) => newPageCommand(client!, request)),
  );
  const markdownPreview = new MarkdownPreviewData(client);
  context.subscriptions.push(markdownPreview);
  return {
    extendMarkdownIt: (md) => markdownPreview.extendMarkdownIt(md),
    // For the editor tests: what the preview shows now, after its next redraw when `next` is set.
    preview: async (next?: boolean) => (next ? preview.whenDrawn().then(() => preview.last) : preview.last),
    previewPanel: preview,
    markdownPreview,
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
