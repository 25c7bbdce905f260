// The only code that touches the disk: a `Workspace` over a folder, with open editor documents
// taking precedence over the files on disk.
import { readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Workspace } from './service';

/** Folders never searched for pages: dependencies and caches (hidden folders, VCS data among them, are skipped too). */
const SKIPPED = new Set(['node_modules', '__pycache__']);
/** MkDocs' build output, a folder at the content root. */
const SITE_DIR = 'site';

export class NodeWorkspace implements Workspace {
  private files: Set<string> | undefined;
  /** The files on disk plus open documents under the root that are not on disk yet, until either changes. */
  private listed: string[] | undefined;
  private readonly open = new Map<string, { text: string; version: number }>();
  /** Bumped when a file changes on disk (watcher events), so that cached models are dropped. */
  private readonly diskGeneration = new Map<string, number>();
  private readonly listeners = new Set<(paths: readonly string[]) => void>();

  constructor(readonly root: string) {}

  listMarkdownFiles(): readonly string[] {
    if (this.listed) return this.listed;
    this.files ??= new Set(this.walk(this.root, ''));
    const files = new Set(this.files);
    for (const path of this.open.keys()) if (path.endsWith('.md') && !path.startsWith('../')) files.add(path);
    this.listed = [...files];
    return this.listed;
  }

  readFile(path: string): string | undefined {
    const open = this.open.get(path);
    if (open) return open.text;
    try {
      // Concatenated, not path.join: this runs for every page, and the paths are already clean.
      return readFileSync(this.root + sep + (sep === '/' ? path : path.split('/').join(sep)), 'utf8');
    } catch {
      return undefined;
    }
  }

  version(path: string): string {
    const open = this.open.get(path);
    return open ? `o${open.version}` : `d${this.diskGeneration.get(path) ?? 0}`;
  }

  uri(path: string): string {
    return pathToFileURL(join(this.root, path)).href;
  }

  /** Root-relative POSIX path of an absolute file path (may start with `../` when outside the root). */
  relativePath(absolute: string): string {
    return relative(this.root, absolute).split(sep).join('/');
  }

  onDidChange(listener: (paths: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** An editor opened or changed a document. */
  setOpenDocument(path: string, text: string, version: number): void {
    if (!this.open.has(path) && !this.files?.has(path)) this.listed = undefined;
    this.open.set(path, { text, version });
    this.fire([path]);
  }

  /** An editor closed a document: the disk is the truth again. */
  closeDocument(path: string): void {
    if (!this.open.delete(path)) return;
    if (!this.files?.has(path)) this.listed = undefined;
    this.changedOnDisk([path]);
  }

  /** Files were created, changed or deleted on disk. */
  changedOnDisk(paths: readonly string[], created = false): void {
    for (const path of paths) this.diskGeneration.set(path, (this.diskGeneration.get(path) ?? 0) + 1);
    const files = this.files;
    // A file created or deleted (or a folder, which the watcher names alone): walk the tree again, once per batch.
    if (created || !files || paths.some((p) => !files.has(p) || this.readFile(p) === undefined)) {
      this.files = undefined;
      this.listed = undefined;
    }
    this.fire(paths);
  }

  private fire(paths: readonly string[]): void {
    for (const listener of this.listeners) listener(paths);
  }

  /**
   * The Markdown files under `dir`, following symbolic links as MkDocs does. A link back to a folder that
   * holds it (a loop) is not followed: `ancestors` are the real paths of the folders on the way down.
   */
  private walk(dir: string, relativeDir: string, ancestors: ReadonlySet<string> = new Set()): string[] {
    const found: string[] = [];
    let entries;
    let inner: Set<string>;
    try {
      const real = realpathSync(dir);
      if (ancestors.has(real)) return found;
      inner = new Set(ancestors).add(real);
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return found;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || SKIPPED.has(entry.name) || (dir === this.root && entry.name === SITE_DIR)) continue;
      const path = dir + sep + entry.name;
      const relativePath = relativeDir + entry.name;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const target = statSync(path);
          isDirectory = target.isDirectory();
          isFile = target.isFile();
        } catch {
          continue; // a dangling link
        }
      }
      if (isDirectory) found.push(...this.walk(path, relativePath + '/', inner));
      else if (isFile && entry.name.endsWith('.md')) found.push(relativePath);
    }
    return found;
  }
}
