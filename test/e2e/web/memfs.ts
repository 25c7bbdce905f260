// Editor tests, web suite: a file system provider for the `memfs:` scheme that serves a folder from memory, as
// github.dev serves a repository without a disk. run.mjs builds it into a web extension with the files built in
// (`__AK_E2E_FILES`: root-relative path → text) and opens `memfs:/ws`; the workbench activates it on that scheme.
// Writes, renames and deletes change the memory and fire the provider's events, so file watchers work.
import * as vscode from 'vscode';

declare const globalThis: { __AK_E2E_FILES?: Record<string, string> };

type Entry = { type: vscode.FileType.File; data: Uint8Array; mtime: number } | { type: vscode.FileType.Directory; mtime: number };

class MemFs implements vscode.FileSystemProvider {
  private readonly entries = new Map<string, Entry>([['/ws', { type: vscode.FileType.Directory, mtime: Date.now() }]]);
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  constructor(files: Record<string, string>) {
    const encoder = new TextEncoder();
    for (const [path, text] of Object.entries(files)) this.put(`/ws/${path}`, encoder.encode(text));
  }

  private parentsOf(path: string): string[] {
    const parents: string[] = [];
    for (let at = path.lastIndexOf('/'); at > 0; at = path.lastIndexOf('/', at - 1)) parents.push(path.slice(0, at));
    return parents;
  }

  private put(path: string, data: Uint8Array): void {
    for (const parent of this.parentsOf(path)) if (!this.entries.has(parent)) this.entries.set(parent, { type: vscode.FileType.Directory, mtime: Date.now() });
    this.entries.set(path, { type: vscode.FileType.File, data, mtime: Date.now() });
  }

  private entry(uri: vscode.Uri): Entry {
    const entry = this.entries.get(uri.path.replace(/\/$/, ''));
    if (!entry) throw vscode.FileSystemError.FileNotFound(uri);
    return entry;
  }

  watch(): vscode.Disposable {
    return new vscode.Disposable(() => {});
  }

  stat(uri: vscode.Uri): vscode.FileStat {
    const entry = this.entry(uri);
    return { type: entry.type, ctime: 0, mtime: entry.mtime, size: entry.type === vscode.FileType.File ? entry.data.byteLength : 0 };
  }

  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    const dir = uri.path.replace(/\/$/, '');
    if (this.entry(uri).type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    const children: [string, vscode.FileType][] = [];
    for (const [path, entry] of this.entries) {
      if (path.startsWith(`${dir}/`) && !path.slice(dir.length + 1).includes('/')) children.push([path.slice(dir.length + 1), entry.type]);
    }
    return children;
  }

  readFile(uri: vscode.Uri): Uint8Array {
    const entry = this.entry(uri);
    if (entry.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return entry.data;
  }

  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const exists = this.entries.has(uri.path);
    if (!exists && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (exists && options.create && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    this.put(uri.path, content);
    this.emitter.fire([{ type: exists ? vscode.FileChangeType.Changed : vscode.FileChangeType.Created, uri }]);
  }

  delete(uri: vscode.Uri): void {
    this.entry(uri);
    for (const path of [...this.entries.keys()]) if (path === uri.path || path.startsWith(`${uri.path}/`)) this.entries.delete(path);
    this.emitter.fire([{ type: vscode.FileChangeType.Deleted, uri }]);
  }

  rename(oldUri: vscode.Uri, newUri: vscode.Uri, options: { overwrite: boolean }): void {
    this.entry(oldUri);
    if (this.entries.has(newUri.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(newUri);
    for (const [path, entry] of [...this.entries]) {
      if (path !== oldUri.path && !path.startsWith(`${oldUri.path}/`)) continue;
      this.entries.delete(path);
      const moved = newUri.path + path.slice(oldUri.path.length);
      if (entry.type === vscode.FileType.File) this.put(moved, entry.data);
      else this.entries.set(moved, entry);
    }
    this.emitter.fire([
      { type: vscode.FileChangeType.Deleted, uri: oldUri },
      { type: vscode.FileChangeType.Created, uri: newUri },
    ]);
  }

  createDirectory(uri: vscode.Uri): void {
    this.entries.set(uri.path, { type: vscode.FileType.Directory, mtime: Date.now() });
    this.emitter.fire([{ type: vscode.FileChangeType.Created, uri }]);
  }
}

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.workspace.registerFileSystemProvider('memfs', new MemFs(globalThis.__AK_E2E_FILES ?? {}), { isCaseSensitive: true }));
}
