// Hands the server the content of workspace folders it cannot read itself: in the web (github.dev, vscode.dev)
// the server runs in a web worker without a disk, and a virtual workspace has no files on a disk. The files are
// read through the editor's file system API (vscode.workspace.fs), which every file system provider serves, and
// kept current with a file system watcher. Which files: every Markdown file, with the same folders left out as
// the Node server leaves out (NodeWorkspace), the config file and the site's list hook; the server asks for any
// other (READ_FILES_REQUEST).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { CONTENT_NOTIFICATION, READ_FILES_REQUEST, type ContentParams, type ReadFilesParams, type ReadFilesResponse } from '../../server/src/protocol';
import { CONFIG_FILE } from '../../server/src/service/config';
import { skippedEntry } from '../../server/src/pageWalk';
import { relativePathOfUri } from '../../server/src/uris';
import { HOOK_FILE } from '../../server/src/service/profile';

/** Files besides the pages that every check reads: the config file, and the site's list hook (it tells the content model). */
const ALWAYS = [CONFIG_FILE, HOOK_FILE];

/** How many files are read at once. */
const PARALLEL = 16;

/** Whether the root-relative `path` is one the server is handed: a Markdown file outside skipped folders, or the config file. */
function handedOver(path: string): boolean {
  if (ALWAYS.includes(path)) return true;
  const parts = path.split('/');
  if (parts.some((p, i) => skippedEntry(p, i === 0 && parts.length > 1))) return false;
  return path.endsWith('.md');
}

const decoder = new TextDecoder('utf-8', { ignoreBOM: true }); // keep a BOM, as Node's readFile does: the service handles it

/** The text of a file, or `null` when it cannot be read (gone, a folder). */
async function read(uri: vscode.Uri): Promise<string | null> {
  try {
    return decoder.decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return null;
  }
}

/**
 * How deep the walk goes. NodeWorkspace follows symbolic links and stops at a loop by the folders' real paths;
 * the file system API tells no real path, so a loop of links ends here instead.
 */
const MAX_DEPTH = 24;

/** Root-relative paths of every Markdown file under `folder`, walking it with readDirectory (as NodeWorkspace walks the disk). */
async function markdownFiles(folder: vscode.Uri, relative = ''): Promise<string[]> {
  if (relative.split('/').length > MAX_DEPTH) return [];
  let entries: [string, vscode.FileType][];
  try {
    entries = await vscode.workspace.fs.readDirectory(relative ? vscode.Uri.joinPath(folder, relative) : folder);
  } catch {
    return [];
  }
  const found: string[] = [];
  const below: Promise<string[]>[] = [];
  for (const [name, type] of entries) {
    if (skippedEntry(name, relative === '')) continue;
    const path = relative + name;
    if (type & vscode.FileType.Directory) below.push(markdownFiles(folder, `${path}/`));
    else if (type & vscode.FileType.File && name.endsWith('.md')) found.push(path);
  }
  for (const paths of await Promise.all(below)) found.push(...paths);
  return found;
}

/** Reads `paths` of `folder`, a few at a time. */
async function readAll(folder: vscode.Uri, paths: readonly string[]): Promise<Record<string, string | null>> {
  const texts: Record<string, string | null> = {};
  let next = 0;
  const worker = async () => {
    while (next < paths.length) {
      const path = paths[next++];
      texts[path] = await read(vscode.Uri.joinPath(folder, path));
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, paths.length) }, worker));
  return texts;
}

/** The content of `folder` as InitializationOptions.content holds it: every Markdown file, and the config file and list hook (`null` when absent). */
export async function folderContent(folder: vscode.Uri): Promise<Record<string, string | null>> {
  const pages = await markdownFiles(folder);
  const texts = await readAll(folder, [...pages, ...ALWAYS]);
  // A page that could not be read is left out (it is not there); the other files say that they are absent.
  return Object.fromEntries(Object.entries(texts).filter(([path, text]) => text !== null || ALWAYS.includes(path)));
}

/**
 * Keeps the server's copy of the handed-over `folders` current, and answers its requests for other files of them.
 * The folder URIs are keyed as `Uri.toString()` writes them, as in InitializationOptions.content.
 */
export function syncContent(client: BaseLanguageClient, folders: readonly vscode.Uri[]): vscode.Disposable {
  const disposables: vscode.Disposable[] = [];
  /** Paths the server asked for beyond the handed-over ones, per folder: their changes are handed over too. */
  const asked = new Map<string, Set<string>>(folders.map((f) => [f.toString(), new Set<string>()]));

  disposables.push(
    client.onRequest(READ_FILES_REQUEST, async ({ folder, paths }: ReadFilesParams): Promise<ReadFilesResponse> => {
      const known = folders.find((f) => f.toString() === folder);
      if (!known) return {};
      for (const path of paths) asked.get(folder)?.add(path);
      return readAll(known, paths);
    }),
  );

  for (const folder of folders) {
    const key = folder.toString();
    const pathOf = (uri: vscode.Uri) => relativePathOfUri(key, uri.toString()) || undefined; // the folder itself is no file
    const wanted = (path: string) => handedOver(path) || asked.get(key)?.has(path) === true;
    const send = (files: ContentParams['files']) => void client.sendNotification(CONTENT_NOTIFICATION, { folder: key, files } satisfies ContentParams);
    const changed = async (uri: vscode.Uri) => {
      const path = pathOf(uri);
      if (path === undefined) return;
      if (wanted(path)) {
        send({ [path]: await read(uri) });
        return;
      }
      // A folder that appeared (moved or copied in): its pages arrive without events of their own.
      const stat = await Promise.resolve(vscode.workspace.fs.stat(uri)).catch(() => undefined);
      if (stat && stat.type & vscode.FileType.Directory && handedOver(`${path}/x.md`)) {
        const inside = await markdownFiles(folder, `${path}/`);
        if (inside.length > 0) send(await readAll(folder, inside));
      }
    };
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
    disposables.push(
      watcher,
      watcher.onDidCreate(changed),
      watcher.onDidChange(changed),
      // A deleted folder comes as one event: `null` deletes everything under it.
      watcher.onDidDelete((uri) => {
        const path = pathOf(uri);
        if (path !== undefined) send({ [path]: null });
      }),
    );
  }
  return vscode.Disposable.from(...disposables);
}
