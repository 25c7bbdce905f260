// One summary per content page (path, type, stem, id, title): what workspace symbols, the coverage report and
// `ak graph` need of every page. The one place that walks the whole tree for them, so that it can be backed by
// the incremental index.
import { stemOf } from '../profile';
import type { Snapshot, WorkspaceIndex } from '../workspaceIndex';

export interface PageSummary {
  path: string;
  /** The page type (`vereiste`, `maatregel`, ...). */
  type: string;
  stem: string;
  /** The `id` as written (a URN), or null. */
  id: string | null;
  /** The id's last part (`aia-14`), or null without a well-formed id. */
  code: string | null;
  title: string | null;
}

/** The content pages of the snapshot, in path order, from the pages' facts (nothing is parsed again). */
export function pageSummaries(index: WorkspaceIndex, snapshot: Snapshot): PageSummary[] {
  const out: PageSummary[] = [];
  for (const [type, paths] of snapshot.pagesByType) {
    for (const path of paths) {
      const facts = index.factsOf(path);
      const id = facts?.id ?? null;
      out.push({ path, type, stem: stemOf(path), id, code: id ? (/:([a-z]+-[0-9]+)$/i.exec(id)?.[1] ?? null) : null, title: facts?.title ?? null });
    }
  }
  return out.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The plural of a page type for counts: Dutch from its folder (`maatregelen`), English from its label. */
export function typePlural(snapshot: Snapshot, type: string, count: number, language: 'nl' | 'en'): string {
  const data = snapshot.profile?.pageTypes.find((t) => t.type === type);
  if (!data) return type;
  if (count === 1) return data.label[language];
  return language === 'nl' ? data.folder.slice(data.folder.lastIndexOf('/') + 1) : `${data.label.en}s`;
}
