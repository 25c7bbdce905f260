// Which entries of a content tree are never searched for pages, shared by the disk walk (nodeWorkspace.ts) and
// the web extension's walk through the editor's file system (client/src/contentSync.ts). No Node imports: the
// web build bundles it.

/** Folders never searched for pages: dependencies and caches (hidden folders, VCS data among them, are skipped too). */
const SKIPPED = new Set(['node_modules', '__pycache__']);
/** MkDocs' build output, a folder at the content root. */
const SITE_DIR = 'site';

/** Whether the walk for pages passes over the entry `name` (directly in the content root when `atRoot`). */
export function skippedEntry(name: string, atRoot: boolean): boolean {
  return name.startsWith('.') || SKIPPED.has(name) || (atRoot && name === SITE_DIR);
}
