// Document links: every page name on a page (`vereiste:`/`maatregel:` entries, directive filters such as
// `vereiste/aia-14-…`) opens the page it names; the tooltip is that page's title.
import type { LinkGraph } from '../links';
import type { Range } from '../types';
import { pageTitle } from '../vocabulary';
import type { PageModel, Snapshot, WorkspaceIndex } from '../workspaceIndex';
import { pageNamesOn } from './names';

export interface AkDocumentLink {
  range: Range;
  /** Root-relative path of the page it opens. */
  target: string;
  /** Plain text: the page's title and its path. */
  tooltip: string;
}

export function documentLinks(index: WorkspaceIndex, snapshot: Snapshot, links: LinkGraph, page: PageModel): AkDocumentLink[] {
  const out: AkDocumentLink[] = [];
  for (const name of pageNamesOn(snapshot, links, page)) {
    if (!name.target) continue;
    const target = index.page(name.target);
    const title = target && pageTitle(target);
    out.push({ range: name.range, target: name.target, tooltip: title ? `${title} (${name.target})` : name.target });
  }
  return out;
}
