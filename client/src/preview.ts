// The preview: a webview beside the editor with the active Markdown page as the site shows it, and the
// inspector (its findings, labels, tables, who names or lists it) beside or above it, collapsible. It
// follows the active editor, redraws when any page changes (another page's labels change this page's
// tables) while keeping its scroll position, and scrolls with the editor both ways, as VS Code's own
// Markdown preview does. The server renders and sanitizes; the webview script (dist/preview/preview.js)
// draws; links to pages open them in the editor, other links in the browser.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CARD_REQUEST, RENDER_REQUEST, type CardParams, type CardResponse, type RenderParams, type RenderResponse } from '../../server/src/protocol';
import { CARD, PREVIEW } from '../../server/src/service/messages';
import { displayLanguage } from './language';

const VIEW_TYPE = 'algoritmekader.preview';
/** After an edit, wait this long for the next one before asking for a new rendering. */
const REDRAW_DELAY_MS = 120;
/** Scroll events within this time after the other side scrolled us are echoes, not the user's. */
const ECHO_MS = 300;

/** What the webview reports after drawing: what it shows, for the editor tests. */
export interface DrawnSummary {
  title: string;
  headings: string[];
  lists: { name: string; state: string; rows: number }[];
  chips: string[];
  inspectorOpen: boolean;
  scrollY: number;
}

type FromWebview =
  | { type: 'ready' }
  | { type: 'open'; uri: string }
  | { type: 'reveal'; uri: string; line?: number; character?: number }
  | { type: 'link'; href: string }
  | { type: 'scrolled'; line: number }
  | { type: 'drawn'; summary: DrawnSummary }
  | { type: 'position'; line: number; scrollY: number };

export class Preview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  /** The last card drawn (null: none for this document), for the editor tests. */
  last: CardResponse | null | undefined;
  /** The last page drawn, for the editor tests. */
  lastPage: RenderResponse | null | undefined;
  /** What the webview last said it shows, for the editor tests. */
  lastDrawn: DrawnSummary | undefined;
  /** Every message type the webview sent (a page's own script, were it to run, would show up here). */
  readonly received = new Set<string>();
  /** Resolves the next time the webview has drawn, for the editor tests. */
  private drawn: ((summary: DrawnSummary | undefined) => void)[] = [];
  /** Resolves the next time the webview followed the editor's scroll, with the source line at its top. */
  private positioned: ((position: { line: number; scrollY: number }) => void)[] = [];
  /** The line of the last edit in the followed document: the preview shows it after the redraw. */
  private editedLine: number | undefined;
  private editorScrolledAt = 0;
  private previewScrolledAt = 0;
  private generation = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
  ) {
    this.subscriptions.push(
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (this.panel && editor?.document.languageId === 'markdown' && editor.document.uri.toString() !== this.document?.toString()) this.follow(editor.document.uri);
      }),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!this.panel || event.document.languageId !== 'markdown' || event.contentChanges.length === 0) return;
        if (event.document.uri.toString() === this.document?.toString()) this.editedLine = event.contentChanges[0].range.start.line;
        this.schedule();
      }),
      vscode.workspace.onDidSaveTextDocument(() => this.schedule()),
      vscode.window.onDidChangeTextEditorVisibleRanges((event) => {
        if (!this.panel || event.textEditor.document.uri.toString() !== this.document?.toString() || event.visibleRanges.length === 0) return;
        if (Date.now() - this.previewScrolledAt < ECHO_MS) return;
        this.editorScrolledAt = Date.now();
        void this.panel.webview.postMessage({ type: 'scroll', line: event.visibleRanges[0].start.line });
      }),
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
      this.panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(message));
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.last = undefined;
        this.lastPage = undefined;
      });
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.follow(uri);
  }

  /** Resolves once the webview has drawn (or found nothing to draw) after this call, with what it shows. */
  whenDrawn(): Promise<DrawnSummary | undefined> {
    return new Promise((resolve) => this.drawn.push(resolve));
  }

  /** Resolves when the webview next scrolls with the editor: the source line now at its top, and its offset. */
  whenPositioned(): Promise<{ line: number; scrollY: number }> {
    return new Promise((resolve) => this.positioned.push(resolve));
  }

  private receive(message: FromWebview): void {
    this.received.add(String(message?.type));
    const column = vscode.ViewColumn.One;
    switch (message.type) {
      case 'ready':
        void this.redraw();
        break;
      case 'open':
        void vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: column });
        break;
      case 'reveal': {
        const at = new vscode.Position(message.line ?? 0, message.character ?? 0);
        void vscode.window.showTextDocument(vscode.Uri.parse(message.uri), { viewColumn: column, selection: new vscode.Range(at, at) });
        break;
      }
      case 'link':
        void this.openLink(message.href);
        break;
      case 'scrolled': {
        if (Date.now() - this.editorScrolledAt < ECHO_MS) return;
        const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === this.document?.toString());
        if (!editor) return;
        this.previewScrolledAt = Date.now();
        const line = Math.max(0, Math.min(Math.floor(message.line), editor.document.lineCount - 1));
        editor.revealRange(new vscode.Range(line, 0, line, 0), vscode.TextEditorRevealType.AtTop);
        break;
      }
      case 'drawn':
        this.lastDrawn = message.summary;
        for (const resolve of this.drawn.splice(0)) resolve(message.summary);
        break;
      case 'position':
        for (const resolve of this.positioned.splice(0)) resolve({ line: message.line, scrollY: message.scrollY });
        break;
    }
  }

  /** A link in the page: another page (relative to this one) in the editor, a web address in the browser. */
  private async openLink(href: string): Promise<void> {
    if (/^(?:https?|mailto):/i.test(href)) {
      await vscode.env.openExternal(vscode.Uri.parse(href, true));
      return;
    }
    if (/^[a-z][a-z0-9+.-]*:/i.test(href) || !this.document) return;
    const [path] = href.split('#');
    if (!path) return;
    const target = vscode.Uri.joinPath(this.document, '..', decodeURIComponent(path));
    try {
      await vscode.window.showTextDocument(target, { viewColumn: vscode.ViewColumn.One });
    } catch {
      void vscode.window.showWarningMessage(PREVIEW.cannotOpen[displayLanguage(this.document)](decodeURIComponent(path)));
    }
  }

  private follow(uri: vscode.Uri): void {
    this.document = uri;
    this.editedLine = undefined;
    void this.redraw(true);
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.redraw(), REDRAW_DELAY_MS);
  }

  private async redraw(moved = false): Promise<void> {
    const panel = this.panel;
    const uri = this.document;
    if (!panel || !uri) return;
    const generation = ++this.generation;
    const params = { uri: uri.toString() } satisfies CardParams & RenderParams;
    let card: CardResponse | null = null;
    let page: RenderResponse | null = null;
    try {
      [card, page] = await Promise.all([
        this.client.sendRequest<CardResponse | null>(CARD_REQUEST, params),
        this.client.sendRequest<RenderResponse | null>(RENDER_REQUEST, params),
      ]);
    } catch (error) {
      this.client.error(`preview of ${uri.toString()} failed`, error);
    }
    // Closed, moved on, or overtaken by a later redraw meanwhile.
    if (panel !== this.panel || uri !== this.document || generation !== this.generation) return;
    this.last = card;
    this.lastPage = page;
    panel.title = card?.title ?? 'Algoritmekader';
    const language = displayLanguage(uri);
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    // A page newly followed opens where its editor is; after an edit, the edited line is shown.
    const line = moved ? editor?.visibleRanges[0]?.start.line : this.editedLine;
    this.editedLine = undefined;
    await panel.webview.postMessage({
      type: 'draw',
      response: card,
      page,
      empty: CARD.noPage[language],
      strings: { inspector: PREVIEW.inspector[language] },
      moved,
      line,
    });
    if (!card && !page) for (const resolve of this.drawn.splice(0)) resolve(undefined);
  }

  private html(webview: vscode.Webview): string {
    const nonce = Array.from({ length: 32 }, () => Math.floor(Math.random() * 36).toString(36)).join('');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview', 'preview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'preview', 'preview-style.css'));
    // Pages may show images from the web; nothing else loads, and only our own script runs.
    return `<!DOCTYPE html>
<html>
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource} https: data:; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
</head>
<body>
<div id="layout">
<details id="inspector" open><summary id="summary"></summary><div id="card"></div></details>
<main id="page" class="ak-page"></main>
</div>
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
