// File moves (`workspace/willRenameFiles`): when a page is renamed or moved in the Explorer, every
// `vereiste:`/`maatregel:` entry and directive filter that names it follows, as VS Code's Markdown updates its
// links. The site names pages by stem, so only a new stem changes anything: a move to another folder of the
// same type changes nothing, a rename does. A vocabulary page (a label value) renamed renames the value where it
// is used; a vocabulary folder (2024's bouwblokken/<value>/) renamed does the same.
import type { LinkGraph } from '../links';
import { pageTypeOf, stemOf } from '../profile';
import type { PageModel, Snapshot, WorkspaceIndex } from '../workspaceIndex';
import type { AkTextEdit } from './codeActions';
import { pageAsTarget, renameEdits } from './navigation';

/** The edits to make before `renames` (root-relative files or folders) happen, by page (their paths before). */
export function willRenameFiles(index: WorkspaceIndex, snapshot: Snapshot, links: LinkGraph, renames: readonly { from: string; to: string }[]): { path: string; edits: AkTextEdit[] }[] {
  const byPath = new Map<string, AkTextEdit[]>();
  const add = (list: { path: string; edits: AkTextEdit[] }[]) => {
    for (const { path, edits } of list) byPath.set(path, [...(byPath.get(path) ?? []), ...edits]);
  };
  for (const { from, to } of renames) {
    if (from.endsWith('.md')) {
      const page = index.page(from);
      if (!page || stemOf(from) === stemOf(to) || !to.endsWith('.md')) continue;
      // A content page that leaves its type's folder is named by nothing it could be named by there.
      const profile = snapshot.profile;
      if (page.pageType && profile && pageTypeOf(profile, to)?.type !== page.pageType.type) continue;
      const name = stemOf(to);
      if (/\s|\//.test(name)) continue;
      const target = pageAsTarget(snapshot, page);
      // Two pages of a type with one stem: a name cannot tell them apart, so no entry is changed.
      const shared = target?.kind === 'page' && (snapshot.stems.get(target.type)?.get(target.stem)?.length ?? 0) > 1;
      if (target && !shared && (target.kind === 'page' || target.value === stemOf(from))) add(renameEdits(index, snapshot, links, target, name));
    } else {
      // A folder: a vocabulary value defined by the folder's own index page (`from: folders`).
      const indexPage: PageModel | undefined = index.page(`${from}/index.md`);
      const target = indexPage && pageAsTarget(snapshot, indexPage);
      const name = to.slice(to.lastIndexOf('/') + 1);
      if (target?.kind === 'label' && target.value === from.slice(from.lastIndexOf('/') + 1) && !/\s/.test(name)) add(renameEdits(index, snapshot, links, target, name));
    }
  }
  return [...byPath].map(([path, edits]) => ({ path, edits }));
}
