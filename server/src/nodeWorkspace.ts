// The only code that touches the disk: a `Workspace` over a folder, with open editor documents
// taking precedence over the files on disk.
//
// What it reads, and how, is bounded: only regular files (a FIFO or a device named as a page or in the
// config would block or never end), at most MAX_PAGE_BYTES (MAX_JSON_BYTES for the JSON config, schema and
// profile files), opened without following a FIFO's wait; a path named in the config is read only when it
// lies inside the content root, also after its symbolic links are followed. Pages are decoded as the site
// decodes them (UTF-8, strict): a page that is not valid UTF-8 is read with U+FFFD in place of each bad
// sequence and remembered as such (`notUtf8`), so that it is reported and never written back.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { errorReason, readRegularFile, type Unreadable } from './diskRead';
import { PageReader } from './pageReader';
import { skippedEntry } from './pageWalk';
import type { Workspace } from './service';

/** The largest page read (a real page is a few KB; the checks stay fast far beyond this). */
const MAX_PAGE_BYTES = 16 * 1024 * 1024;
/** Trees with fewer pages are read as the pass goes (see readAhead). */
const READ_AHEAD_MINIMUM = 500;
/** The largest JSON file read: the config, a workspace schema or profile file. */
const MAX_JSON_BYTES = 1024 * 1024;

export type { Unreadable } from './diskRead';

/** A folder the walk reached a second time through a symbolic link: its pages are listed once, under `first`. */
export interface ReachedTwice {
  /** Root-relative path of the folder as reached again (through a link). */
  path: string;
  /** Root-relative path under which its pages are listed. */
  first: string;
}

export class NodeWorkspace implements Workspace {
  private files: Set<string> | undefined;
  /** The files on disk plus open documents under the root that are not on disk yet, until either changes. */
  private listed: string[] | undefined;
  private twice: ReachedTwice[] = [];
  private readonly open = new Map<string, { text: string; version: number }>();
  /** Bumped when a file changes on disk (watcher events), so that cached models are dropped. */
  private readonly diskGeneration = new Map<string, number>();
  private readonly listeners = new Set<(paths: readonly string[]) => void>();
  /** Disk reads that were not valid UTF-8: the offset (in the text read) of the first bad sequence. */
  private readonly badUtf8 = new Map<string, number>();
  private readonly unreadable = new Map<string, Unreadable>();
  private realRoot: string | undefined;
  /** The pages being read ahead for a pass over the whole tree (readAhead), if any. */
  private reader: PageReader | undefined;

  constructor(readonly root: string) {}

  /**
   * Starts reading the tree's pages ahead on another thread (`script`, dist/pageReader.js), in listing order,
   * for a pass over the whole tree: `ak check`, `graph` and `report` read every page once. Below `minimum`
   * pages the thread costs more than it saves. Reads stay exactly what readFile would read (see pageReader.ts).
   */
  readAhead(script: string, minimum = READ_AHEAD_MINIMUM): void {
    this.stopReadingAhead();
    const pages = this.listMarkdownFiles().filter((path) => this.isPage(path) && !this.open.has(path));
    if (pages.length < minimum) return;
    this.reader = PageReader.start(script, pages, pages.map((path) => this.absolute(path)), MAX_PAGE_BYTES);
  }

  /** Stops reading ahead: the pages not taken yet are read from disk when asked for. */
  stopReadingAhead(): void {
    this.reader?.close();
    this.reader = undefined;
  }

  /** The absolute path of root-relative `path`. Concatenated, not path.join: this runs for every page, and the paths are clean. */
  private absolute(path: string): string {
    return this.root + sep + (sep === '/' ? path : path.split('/').join(sep));
  }

  listMarkdownFiles(): readonly string[] {
    if (this.listed) return this.listed;
    if (!this.files) {
      this.twice = [];
      this.files = new Set(this.walk(this.root, '', new Map()));
    }
    const files = new Set(this.files);
    for (const path of this.open.keys()) if (path.endsWith('.md') && !path.startsWith('../')) files.add(path);
    this.listed = [...files];
    return this.listed;
  }

  /** The folders the last walk reached twice (see ReachedTwice). */
  reachedTwice(): readonly ReachedTwice[] {
    this.listMarkdownFiles();
    return this.twice;
  }

  readFile(path: string): string | undefined {
    const open = this.open.get(path);
    if (open) return open.text;
    const read = this.readDisk(path);
    if (typeof read !== 'string') {
      this.unreadable.set(path, read.unreadable);
      this.badUtf8.delete(path);
      return undefined;
    }
    this.unreadable.delete(path);
    return read;
  }

  /**
   * The bytes of root-relative `path` on disk, with the same bounds as readFile, or why not. The content root
   * must hold it (after links) unless the walk listed it as a page: pages are found as MkDocs finds them.
   */
  readBytes(path: string): Buffer | Unreadable {
    const absolute = this.absolute(path);
    const isJson = path.endsWith('.json');
    if (this.isPage(path)) {
      const ahead = this.reader?.take(path);
      if (ahead !== undefined) return ahead;
    } else {
      if (path.split('/').includes('..') || path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'outside-root';
      try {
        if (!this.insideRoot(realpathSync(absolute))) return 'outside-root';
      } catch (error) {
        return errorReason(error);
      }
    }
    return readRegularFile(absolute, isJson ? MAX_JSON_BYTES : MAX_PAGE_BYTES);
  }

  private readDisk(path: string): string | { unreadable: Unreadable } {
    const bytes = this.readBytes(path);
    if (!Buffer.isBuffer(bytes)) return { unreadable: bytes };
    try {
      const text = STRICT_UTF8.decode(bytes);
      this.badUtf8.delete(path);
      return text;
    } catch {
      const bad = firstInvalidUtf8(bytes);
      const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 1 : 0;
      this.badUtf8.set(path, LENIENT_UTF8.decode(bytes.subarray(0, bad)).length - bom);
      return LENIENT_UTF8.decode(bytes);
    }
  }

  /** Where the text of `path` read from disk stops being valid UTF-8 (an offset in readFile's text), or undefined. */
  notUtf8(path: string): number | undefined {
    return this.open.has(path) ? undefined : this.badUtf8.get(path);
  }

  /** Why the last read of `path` failed, if it did. */
  whyUnreadable(path: string): Unreadable | undefined {
    return this.unreadable.get(path);
  }

  /** Whether `real` (a real path) is the content root or inside it. */
  insideRoot(real: string): boolean {
    this.realRoot ??= realpathOr(this.root);
    return real === this.realRoot || real.startsWith(this.realRoot.endsWith(sep) ? this.realRoot : this.realRoot + sep);
  }

  private isPage(path: string): boolean {
    return path.endsWith('.md') && (this.files?.has(path) ?? false);
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
    for (const path of paths) this.reader?.forget(path);
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
   * The Markdown files under `dir`, following symbolic links as MkDocs does, in name order. Each real folder
   * is read once: a folder reached again (links that share a target, or a link back up, a loop) is not read
   * again but noted in `twice`; without this, links that fan out to shared folders list 2^depth copies.
   * `seen` maps the real path of each folder read to its root-relative path.
   */
  private walk(dir: string, relativeDir: string, seen: Map<string, string>): string[] {
    const found: string[] = [];
    let entries;
    try {
      const real = realpathSync(dir);
      const first = seen.get(real);
      if (first !== undefined) {
        this.twice.push({ path: relativeDir.replace(/\/$/, ''), first: first.replace(/\/$/, '') });
        return found;
      }
      seen.set(real, relativeDir);
      entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return found;
    }
    for (const entry of entries) {
      if (skippedEntry(entry.name, dir === this.root)) continue;
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
      if (isDirectory) {
        for (const file of this.walk(path, relativePath + '/', seen)) found.push(file);
      } else if (isFile && entry.name.endsWith('.md')) found.push(relativePath);
    }
    return found;
  }
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const LENIENT_UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

function realpathOr(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** The index of the first byte of `bytes` that does not start or continue a valid UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const n = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (n === 0 || i + n > bytes.length) return i;
    for (let k = 1; k < n; k++) if ((bytes[i + k] & 0xc0) !== 0x80) return i;
    const c1 = bytes[i + 1];
    // Overlong forms, surrogates and code points past U+10FFFF, as TextDecoder refuses them.
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) return i;
    i += n;
  }
  return bytes.length;
}
