// The VS Code extension on the desktop: the language server runs in Node (dist/server.js) and reads the disk;
// folders of a virtual workspace are handed to it (see activate.ts).
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type ServerOptions } from 'vscode-languageclient/node';
import { activateWith, type ExtensionApi } from './activate';

/** What activate returns (see activate.ts), by the name the editor tests know it. */
export type { ExtensionApi as AlgoritmekaderApi } from './activate';

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const module = vscode.Uri.joinPath(context.extensionUri, 'dist', 'server.js').fsPath;
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  return activateWith(context, (options) => new LanguageClient('algoritmekader', 'Algoritmekader Authoring', serverOptions, options), (folder) => folder.uri.scheme !== 'file');
}

// The client stops with the extension's subscriptions.
export function deactivate(): void {}
