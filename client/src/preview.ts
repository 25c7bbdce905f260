// The preview: a webview beside the editor that shows the card of the active Markdown page (what the site
// makes of it) and redraws when any page changes, since another page's labels change this page's tables.
// The server computes the card; the webview script (dist/preview/preview.js) draws it; links open pages.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CARD_REQUEST, type CardParams, type CardResponse } from '../../server/src/protocol';
import { CARD } from '../../server/src/service/messages';
import { displayLanguage } from './language';

const VIEW_TYPE = 'algoritmekader.preview';
/** After an edit, wait this long for the next one before asking for a new card. */
const REDRAW_DELAY_MS = 200;

export class Preview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The last response drawn (null: none for this document), for the editor tests. */
  last: CardResponse | null | undefined;
  /** Resolves the next time the webview has a card on screen, for the editor tests. */
  private drawn: (() => void)[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: BaseLanguageClient,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor?.document.languageId === 'markdown') this.follow(editor.document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (this.panel && event.document.languageId === 'markdown') this.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument(() => this.schedule()),
    );
  }

  /** Opens the preview beside the editor (or reveals it) on `uri`. */
  show(uri: vscode.Uri): void {
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Algoritmekader', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview')],
      });
      this.panel.webview.html = this.html(this.panel.webview);
      this.panel.webview.onDidReceiveMessage((message: { type: string; uri?: string; line?: number; character?: number }) => {
        if (message.type === 'open' && message.uri) void vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: vscode.ViewColumn.One });
        if (message.type === 'reveal' && message.uri) {
          const at = new vscode.Position(message.line ?? 0, message.character ?? 0);
          void vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(at, at) });
        }
        if (message.type === 'ready') void this.redraw();
        if (message.type === 'drawn') for (const resolve of this.drawn.splice(0)) resolve();
      });
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.last = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.follow(uri);
  }

  /** Resolves once the webview shows a card (or that there is none) sent after this call. */
  whenDrawn(): Promise<void> {
    return new Promise((resolve) => this.drawn.push(resolve));
  }

  private follow(uri: vscode.Uri): void {
    this.document = uri;
    void this.redraw();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.redraw(), REDRAW_DELAY_MS);
  }

  private async redraw(): Promise<void> {
    const panel = this.panel;
    const uri = this.document;
    if (!panel || !uri) return;
    let response: CardResponse | null;
    try {
      response = await this.client.sendRequest<CardResponse | null>(CARD_REQUEST, { uri: uri.toString() } satisfies CardParams);
    } catch (error) {
      this.client.error(`preview of ${uri.toString()} failed`, error);
      response = null;
    }
    if (panel !== this.panel || uri !== this.document) return; // closed or moved on meanwhile
    this.last = response;
    panel.title = response?.title ?? 'Algoritmekader';
    // The waiters are told when the webview says the card is on screen ('drawn').
    await panel.webview.postMessage({ type: 'card', response, empty: CARD.noPage[displayLanguage()] });
  }

  private html(webview: vscode.Webview): string {
    const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview', 'preview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview', 'preview-style.css'));
    return `<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
</head>
<body>
<main id="card"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.panel?.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
