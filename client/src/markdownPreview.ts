// VS Code's own Markdown preview (Ctrl+Shift+V) draws Algoritmekader pages as the site does: chips, list
// tables, glossary, admonitions, tabs. VS Code hands its markdown-it to `extendMarkdownIt` (the extension
// contributes `markdown.markdownItPlugins`), and our renderer's plugin (server/src/service/render) works there.
//
// markdown-it is synchronous, and the tables depend on the whole workspace, which only the server knows.
// So the extension keeps, per page, the data a render needs beyond the page's text (`PageRenderData`: the
// chips' Markdown, each directive's table, the glossary), fetched from the server:
// - VS Code parses with an empty env, so a parse finds its page by its text among the open documents;
// - a page without data yet renders as plain Markdown while the data is fetched; when it arrives, the
//   preview is refreshed (`markdown.preview.refresh`, which also drops VS Code's token cache);
// - after any change to a Markdown file (typing in any page, a save, a file changed on disk) the data of
//   every page the preview asked for is fetched again, and the preview refreshed when any of it changed.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { RENDER_DATA_REQUEST, type RenderDataParams, type RenderDataResponse } from '../../server/src/protocol';
import type { PageRenderData } from '../../server/src/service';
import { algoritmekaderMarkdownIt } from '../../server/src/service/render/markdownIt';

/** After a change, wait this long for the next one before fetching the data again. */
const REFETCH_DELAY_MS = 250;

/** markdown-it's own normalisation of its input (line ends, NUL), which a parse's `src` has had. */
const normalise = (text: string) => text.replace(/\r\n?/g, '\n').replace(/\0/g, '\uFFFD');

export class MarkdownPreviewData implements vscode.Disposable {
  /** Data per document URI; null: the server has none (not a page of a content root). */
  private readonly data = new Map<string, PageRenderData | null>();
  private readonly pending = new Map<string, Promise<void>>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<string>();
  /** Fires with a document's URI when its data arrived or changed (and the preview was refreshed). */
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: LanguageClient) {
    const schedule = () => {
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.refetchAll(), REFETCH_DELAY_MS);
    };
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    this.subscriptions.push(
      this.changed,
      watcher,
      watcher.onDidChange(schedule),
      watcher.onDidCreate(schedule),
      watcher.onDidDelete(schedule),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId === 'markdown' && e.contentChanges.length > 0) schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.data.delete(d.uri.toString())),
    );
  }

  /** The markdown-it plugin for VS Code's preview. */
  extendMarkdownIt<T>(md: T): T {
    return algoritmekaderMarkdownIt(md as never, { dataFor: (_env, src) => this.forText(src) }) as T;
  }

  /** The data of the open document whose text is `src`; undefined (and fetched) when not known yet. */
  forText(src: string): PageRenderData | undefined {
    const document = vscode.workspace.textDocuments.find((d) => d.languageId === 'markdown' && normalise(d.getText()) === src);
    if (!document) return undefined;
    const key = document.uri.toString();
    if (!this.data.has(key)) void this.fetch(key);
    return this.data.get(key) ?? undefined;
  }

  /** Resolves when the data of `uri` is known (fetched now if need be); for the editor tests. */
  async dataOf(uri: vscode.Uri): Promise<PageRenderData | null> {
    const key = uri.toString();
    if (!this.data.has(key)) await this.fetch(key);
    return this.data.get(key) ?? null;
  }

  /** Keys that changed while their fetch ran: fetched once more when it ends. */
  private readonly again = new Set<string>();

  private fetch(key: string, fresh = false): Promise<void> {
    let running = this.pending.get(key);
    if (running) {
      if (fresh) this.again.add(key);
      return running;
    }
    running = (async () => {
      let next: PageRenderData | null = null;
      try {
        next = await this.client.sendRequest<RenderDataResponse>(RENDER_DATA_REQUEST, { uri: key } satisfies RenderDataParams);
      } catch (error) {
        this.client.error(`render data of ${key} failed`, error);
      }
      const before = this.data.get(key);
      this.data.set(key, next);
      if (JSON.stringify(before ?? null) !== JSON.stringify(next)) {
        if (next || before) await vscode.commands.executeCommand('markdown.preview.refresh');
        this.changed.fire(key);
      }
    })().finally(() => {
      this.pending.delete(key);
      if (this.again.delete(key)) void this.fetch(key);
    });
    this.pending.set(key, running);
    return running;
  }

  private async refetchAll(): Promise<void> {
    await Promise.all([...this.data.keys()].map((key) => this.fetch(key, true)));
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}
