// The VS Code extension in the web (github.dev, vscode.dev): the same language server, built for a web worker
// (dist/web/server.js), which has no disk, so every folder's content is read through the editor's file system API
// and handed to it (see activate.ts and contentSync.ts).
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, type ExtensionApi } from './activate';

type ServerWorker = ConstructorParameters<typeof LanguageClient>[2];
/** The web worker constructor of the extension host (the project's TypeScript settings have no DOM library). */
declare const Worker: new (url: string) => ServerWorker;

/**
 * The server's worker. Where the extension's files are served over http(s) (github.dev, vscode.dev) it starts from
 * its URL; where they come from a remote (a VS Code server's `vscode-remote:` files, which the web worker host
 * refuses to start a worker from), from its text, read through the editor's file system API.
 */
async function serverWorker(context: vscode.ExtensionContext): Promise<ServerWorker> {
  const script = vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js');
  if (script.scheme === 'http' || script.scheme === 'https' || script.scheme === 'file') return new Worker(script.toString(true));
  const text = await vscode.workspace.fs.readFile(script);
  return new Worker(URL.createObjectURL(new Blob([text], { type: 'text/javascript' })));
}

export async function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const worker = await serverWorker(context);
  return activateWith(context, (options) => new LanguageClient('algoritmekader', 'Algoritmekader Authoring', worker, options), () => true);
}

export function deactivate(): void {}
