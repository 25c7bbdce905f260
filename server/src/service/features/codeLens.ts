// Code lens: counts above the things they count. Above each list directive, how many pages the site lists there
// ("6 maatregelen"), or that the table is empty and why, or that it is not shown; above a content page's title,
// who names it and where it is listed ("named by 8 maatregelen · listed on 5 pages"). Each opens the places in a
// peek; the server turns `locations` into the editor's peek command.
import type { Directive } from '../directives';
import { findEntry } from '../frontmatter';
import type { LinkGraph } from '../links';
import { CODE_LENS as T } from '../messages';
import type { Language, Range } from '../types';
import type { PageModel, Snapshot, WorkspaceIndex } from '../workspaceIndex';
import type { AkLocation } from './navigation';
import { labelOf } from './hover';
import { typePlural } from './summaries';

export interface AkCodeLens {
  range: Range;
  title: string;
  /** The places the lens opens in a peek; empty: the lens only informs. */
  locations: AkLocation[];
}

/** Where a page is shown in a peek: its title line, else its start. */
function placeOf(index: WorkspaceIndex, path: string): AkLocation {
  const page = index.page(path);
  const title = page?.frontmatter ? findEntry(page.frontmatter.entries, 'title') : undefined;
  return { path, range: title ? title.value.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

export function codeLenses(index: WorkspaceIndex, snapshot: Snapshot, links: LinkGraph, page: PageModel, language: Language): AkCodeLens[] {
  const lenses: AkCodeLens[] = [];
  // The page itself: who names it, where it is listed.
  if (page.pageType) {
    const { references, directives } = links.referencesTo(page.path);
    const byType = new Map<string, Set<string>>();
    for (const r of references) {
      const type = index.page(r.path)?.pageType?.type ?? '';
      byType.set(type, (byType.get(type) ?? new Set()).add(r.path));
    }
    const listing = directives.filter((d) => d.resolution.paths.includes(page.path));
    const listedOn = new Set(listing.map((d) => d.path));
    const named = [...byType].map(([type, paths]) => `${paths.size} ${typePlural(snapshot, type, paths.size, language)}`);
    const title = `${named.length ? T.namedBy[language](named) : T.namedByNone[language]} · ${listedOn.size ? T.listedOn[language](listedOn.size) : T.listedOnNone[language]}`;
    const locations: AkLocation[] = [
      ...references.map((r) => ({ path: r.path, range: r.node.range })),
      ...listing.map((d) => ({ path: d.path, range: index.page(d.path)!.lines.range(d.directive.start, d.directive.end) })),
    ];
    const titleEntry = page.frontmatter ? findEntry(page.frontmatter.entries, 'title') : undefined;
    const line = titleEntry ? titleEntry.keyRange.start.line : 0;
    lenses.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, title, locations });
  }
  // Each list directive: what the site lists there.
  for (const [directive, resolution] of [...links.resolve(page.path)].sort(([a], [b]) => a.start - b.start)) {
    const range = page.lines.range(directive.start, directive.start);
    const n = resolution.paths.length;
    let title: string;
    if (resolution.droppedBy) title = T.dropped[language];
    else if (resolution.raises) title = T.raises[language](resolution.raises.path);
    else if (!resolution.expanded) title = T.notShown[language];
    else if (n > 0) title = `${n} ${typePlural(snapshot, directive.target, n, language)}`;
    else title = T.empty[language](emptyReason(snapshot, directive, language));
    lenses.push({ range, title, locations: resolution.expanded ? resolution.paths.map((p) => placeOf(index, p)) : [] });
  }
  return lenses;
}

/** Why a directive lists nothing, in a few words. */
function emptyReason(snapshot: Snapshot, directive: Directive, language: Language): string {
  const many = typePlural(snapshot, directive.target, 2, language);
  if (directive.kind === 'own') return T.ownNone[language](many);
  if (directive.filters.length === 0) return T.noPages[language](many);
  if (directive.filters.length > 1) return T.noneMatch[language](many, directive.filters.map((f) => `${f.key}/${f.value}`).join(' '));
  const [filter] = directive.filters;
  const schema = snapshot.profile?.pageTypes.find((t) => t.type === directive.target)?.schema;
  const reference = schema ? labelOf(snapshot, schema, filter.key).reference : undefined;
  return reference ? T.nobodyNames[language](many, filter.value) : T.nobodyHas[language](many, filter.key, filter.value);
}
