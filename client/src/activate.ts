// The extension's activation, the same on the desktop (extension.ts, a Node language server) and in the web
// (browserExtension.ts, the server in a web worker): start the language client, hand the server the folders it
// cannot read itself, pass it the settings and the workspace trust, and register the preview and the commands.
import * as vscode from 'vscode';
import type { ExtensionContext } from 'vscode';
import type { BaseLanguageClient, LanguageClientOptions } from 'vscode-languageclient';
import { PAGE_TYPES_REQUEST, TRUST_NOTIFICATION, type InitializationOptions, type PageTypesResponse, type TrustParams } from '../../server/src/protocol';
import { folderContent, syncContent } from './contentSync';
import { inlayHintsEnabled, registerDepth } from './depth';
import { MarkdownPreviewData } from './markdownPreview';
import { newPageCommand } from './newPage';
import { Preview } from './preview';
import { PublishTracker, type Published } from './published';

/** What activate() returns: VS Code's Markdown preview calls `extendMarkdownIt`; the editor tests use the rest. */
export interface ExtensionApi {
  extendMarkdownIt<T>(md: T): T;
  /** What the preview shows now, or after its next redraw when `next` is set. */
  preview(next?: boolean): Promise<unknown>;
  /** The preview panel itself (what it drew, what its webview said). */
  previewPanel: Preview;
  /** The data VS Code's Markdown preview renders a page with. */
  markdownPreview: MarkdownPreviewData;
  /** What the coverage view shows, after its next redraw when `next` is set. */
  coverage(next?: boolean): Promise<unknown>;
  revealCoverage(): Promise<void>;
  /** Resolves once the editor shows the server's findings for `uri` of that version or later, or published after publish `after`. */
  published(uri: vscode.Uri, condition: { version?: number; after?: number }): Promise<Published>;
}

/**
 * `makeClient` builds the environment's language client with these options; `handOver` says which workspace
 * folders the server cannot read itself, so that their content is read here and handed over.
 */
export async function activateWith(
  context: ExtensionContext,
  makeClient: (options: LanguageClientOptions) => BaseLanguageClient,
  handOver: (folder: vscode.WorkspaceFolder) => boolean,
): Promise<ExtensionApi> {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const handed = folders.filter(handOver);
  const content: NonNullable<InitializationOptions['content']> = {};
  await Promise.all(handed.map(async (f) => (content[f.uri.toString()] = await folderContent(f.uri))));
  const tracker = new PublishTracker();
  const schemes = [...new Set(['file', ...folders.map((f) => f.uri.scheme)])];
  const client = makeClient({
    // Pages in the workspace's folders, on disk or not (github.dev's vscode-vfs, say); not untitled or diff views.
    documentSelector: schemes.map((scheme) => ({ scheme, language: 'markdown' })),
    synchronize: { configurationSection: 'algoritmekader' },
    initializationOptions: { trusted: vscode.workspace.isTrusted, content } satisfies InitializationOptions,
    middleware: {
      handleDiagnostics: tracker.handleDiagnostics,
      // `algoritmekader.inlayHints.enabled: false` turns the titles after page names off (see depth.ts).
      provideInlayHints: (document, range, token, next) => (inlayHintsEnabled(document) ? next(document, range, token) : []),
    },
    connectionOptions: { messageStrategy: tracker.messageStrategy },
  });
  await client.start();
  context.subscriptions.push(
    { dispose: () => void client.stop() },
    syncContent(
      client,
      handed.map((f) => f.uri),
    ),
    // Restricted Mode ends without a restart: from then on the workspace's own schemas are used.
    vscode.workspace.onDidGrantWorkspaceTrust(() => void client.sendNotification(TRUST_NOTIFICATION, { trusted: true } satisfies TrustParams)),
  );
  // The preview button and commands show only where a folder holds Algoritmekader content, not in every
  // Markdown workspace this extension starts in.
  const updateContext = () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    void Promise.all(folders.map((f) => client.sendRequest<PageTypesResponse | null>(PAGE_TYPES_REQUEST, { uri: f.uri.toString() }).catch(() => null))).then((known) =>
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
  // Code lens peeks, the inlay hint setting, the status bar item and the coverage view.
  const coverage = registerDepth(context, client);
  const preview = new Preview(context.extensionUri, client);
  context.subscriptions.push(
    preview,
    vscode.commands.registerCommand('algoritmekader.showPreview', (uri?: vscode.Uri) => {
      const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
      if (target) preview.show(target);
    }),
    vscode.commands.registerCommand('algoritmekader.newPage', (request?: Parameters<typeof newPageCommand>[1]) => newPageCommand(client, request)),
  );
  const markdownPreview = new MarkdownPreviewData(client);
  context.subscriptions.push(markdownPreview);
  return {
    extendMarkdownIt: (md) => markdownPreview.extendMarkdownIt(md),
    preview: async (next?: boolean) => (next ? preview.whenDrawn().then(() => preview.last) : preview.last),
    previewPanel: preview,
    markdownPreview,
    coverage: async (next?: boolean) => (next ? coverage.whenDrawn().then(() => coverage.last) : coverage.last),
    revealCoverage: () => coverage.reveal(),
    published: (uri, condition) => tracker.until(uri, condition),
  };
}
