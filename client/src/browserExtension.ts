// The VS Code extension in the web (github.dev, vscode.dev): the same language server, built for a web worker
// (dist/web/server.js), which has no disk, so every folder's content is read through the editor's file system API
// and handed to it (see activate.ts and contentSync.ts).
import * as vscode from 'vscode';
import { LanguageClient } from 'vscode-languageclient/browser';
import { activateWith, type ExtensionApi } from './activate';

/** The web worker constructor of the extension host (the project's TypeScript settings have no DOM library). */
declare const Worker: new (url: string) => ConstructorParameters<typeof LanguageClient>[2];

export function activate(context: vscode.ExtensionContext): Promise<ExtensionApi> {
  const worker = () => new Worker(vscode.Uri.joinPath(context.extensionUri, 'dist', 'web', 'server.js').toString(true));
  return activateWith(context, (options) => new LanguageClient('algoritmekader', 'Algoritmekader Authoring', worker(), options), () => true);
}

export function deactivate(): void {}
