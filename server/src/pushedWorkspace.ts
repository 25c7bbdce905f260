// A `Workspace` whose files the client hands over (initializationOptions, then CONTENT_NOTIFICATION), for folders
// the server cannot read itself: in the web (github.dev, vscode.dev) there is no disk, and a virtual workspace has
// no files on it. Open editor documents win over the handed-over text, as in NodeWorkspace. The service is
// synchronous, so a file that was not handed over (a schema file the config names) reads as absent at first; it
// is asked for (`request`), and when it arrives the listeners hear of it and the pages are checked again.
import type { ServerWorkspace } from './server';
import { uriOfPath } from './uris';

export class PushedWorkspace implements ServerWorkspace {
  private readonly files = new Map<string, string>();
  /** Files asked for that the client does not have: not asked again until the client reports them. */
  private readonly absent = new Set<string>();
  /** Files asked for and not yet answered; `batch` the ones not yet asked for. */
  private readonly wanted = new Set<string>();
  private batch: string[] = [];
  private readonly open = new Map<string, { text: string; version: number }>();
  private readonly generation = new Map<string, number>();
  private readonly listeners = new Set<(paths: readonly string[]) => void>();

  /**
   * `files`: root-relative path → text (`null`: the client looked, there is none), every Markdown file, the config
   * file and the site's list hook. `request` is called (once per
   * batch, after the current request) with the paths read but not handed over; without it they stay absent.
   */
  constructor(
    readonly folderUri: string,
    files: Readonly<Record<string, string | null>>,
    private readonly request?: (paths: string[]) => void,
  ) {
    for (const [path, text] of Object.entries(files)) {
      if (text === null) this.absent.add(path);
      else this.files.set(path, text);
    }
  }

  listMarkdownFiles(): readonly string[] {
    const files = new Set<string>();
    for (const path of this.files.keys()) if (path.endsWith('.md')) files.add(path);
    for (const path of this.open.keys()) if (path.endsWith('.md')) files.add(path);
    return [...files];
  }

  readFile(path: string): string | undefined {
    const text = this.open.get(path)?.text ?? this.files.get(path);
    if (text === undefined && this.request && !path.endsWith('.md') && !this.absent.has(path) && !this.wanted.has(path)) {
      // Every Markdown file was handed over, so a missing one does not exist; other files are fetched.
      this.wanted.add(path);
      if (this.batch.push(path) === 1) {
        queueMicrotask(() => {
          const paths = this.batch;
          this.batch = [];
          this.request?.(paths);
        });
      }
    }
    return text;
  }

  version(path: string): string {
    const open = this.open.get(path);
    return open ? `o${open.version}` : `d${this.generation.get(path) ?? 0}`;
  }

  uri(path: string): string {
    return uriOfPath(this.folderUri, path);
  }

  onDidChange(listener: (paths: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The client's news: each path's text, or `null` when the file (or the folder, with everything under it) is
   * gone. Returns the paths whose text changed, which the listeners were told.
   */
  update(files: Readonly<Record<string, string | null>>): string[] {
    const changed: string[] = [];
    for (const [path, text] of Object.entries(files)) {
      this.wanted.delete(path);
      if (text === null) {
        this.absent.add(path);
        for (const known of [...this.files.keys()]) {
          if (known === path || known.startsWith(`${path}/`)) {
            this.files.delete(known);
            changed.push(known);
          }
        }
      } else {
        this.absent.delete(path);
        if (this.files.get(path) !== text) {
          this.files.set(path, text);
          changed.push(path);
        }
      }
    }
    for (const path of changed) this.generation.set(path, (this.generation.get(path) ?? 0) + 1);
    if (changed.length > 0) this.fire(changed);
    return changed;
  }

  setOpenDocument(path: string, text: string, version: number): void {
    this.open.set(path, { text, version });
    this.fire([path]);
  }

  closeDocument(path: string): void {
    if (this.open.delete(path)) this.changedOnDisk([path]);
  }

  /** The editor's file watcher saw these change; the client hands over their text separately (update). */
  changedOnDisk(paths: readonly string[]): void {
    for (const path of paths) this.generation.set(path, (this.generation.get(path) ?? 0) + 1);
    this.fire(paths);
  }

  private fire(paths: readonly string[]): void {
    for (const listener of this.listeners) listener(paths);
  }
}
