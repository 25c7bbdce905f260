// Inlay hints: after each page name on a page, the title of the page it names, so that
// `- aia-14-conformiteitsbeoordeling` reads as what it means. Plain text; long titles are cut.
import type { LinkGraph } from '../links';
import type { Position, Range } from '../types';
import { pageTitle } from '../vocabulary';
import type { PageModel, Snapshot, WorkspaceIndex } from '../workspaceIndex';
import { pageNamesOn } from './names';

export interface AkInlayHint {
  position: Position;
  label: string;
  /** Plain text: the page's path. */
  tooltip: string;
}

/** How long a title may be in a hint before it is cut. */
const MAX = 60;

export function inlayHints(index: WorkspaceIndex, snapshot: Snapshot, links: LinkGraph, page: PageModel, range: Range | undefined): AkInlayHint[] {
  const out: AkInlayHint[] = [];
  for (const name of pageNamesOn(snapshot, links, page)) {
    if (range && (name.range.end.line < range.start.line || name.range.start.line > range.end.line)) continue;
    const target = name.target ? index.page(name.target) : undefined;
    const title = target && pageTitle(target);
    if (!title || !name.target) continue;
    out.push({ position: name.range.end, label: title.length > MAX ? `${title.slice(0, MAX - 1).trimEnd()}…` : title, tooltip: name.target });
  }
  return out;
}
