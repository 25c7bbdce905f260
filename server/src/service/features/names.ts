// The page names on a page: each `vereiste:`/`maatregel:` entry and each directive filter that names a page by
// its stem (`vereiste/aia-14-…`), with the page it names. Document links and inlay hints show them.
import type { LinkGraph } from '../links';
import type { Range } from '../types';
import type { PageModel, Snapshot } from '../workspaceIndex';
import { labelOf } from './hover';

export interface PageName {
  /** The stem as written (without quotes). */
  stem: string;
  /** Page type it names. */
  type: string;
  range: Range;
  /** The page it names (the first, when a stem is shared), or undefined when there is none. */
  target: string | undefined;
}

export function pageNamesOn(snapshot: Snapshot, links: LinkGraph, page: PageModel): PageName[] {
  const names: PageName[] = [];
  for (const reference of links.referencesOf(page.path)) {
    const node = reference.node;
    const written = page.text.slice(node.start, node.end);
    // A quoted entry: the name is what is between the quotes.
    const quoted = /^(["']).*\1$/.test(written) && written.length >= 2;
    const range = quoted ? page.lines.range(node.start + 1, node.end - 1) : node.range;
    names.push({ stem: reference.value, type: reference.targetType, range, target: reference.target });
  }
  for (const directive of links.scan(page.path).directives) {
    const schema = snapshot.profile?.pageTypes.find((t) => t.type === directive.target)?.schema;
    if (!schema) continue;
    for (const filter of directive.filters) {
      const type = labelOf(snapshot, schema, filter.key).reference;
      if (!type) continue;
      const start = filter.token.start + filter.key.length + 1;
      names.push({ stem: filter.value, type, range: page.lines.range(start, filter.token.end), target: snapshot.stems.get(type)?.get(filter.value)?.[0] });
    }
  }
  return names.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
