// Hover: what the thing under the cursor means on the site. A frontmatter key: its description from the
// schema. A label value: the title and first paragraph of the vocabulary page that defines it. A
// `vereiste:`/`maatregel:` entry: the page it names. A list directive: the pages the site will list.
import { findEntry, type FmEntry, type FmValue } from '../frontmatter';
import type { LinkGraph } from '../links';
import { stemOf } from '../profile';
import type { JsonSchema } from '../builtinSchemas';
import { markdownCode, markdownLink, markdownText } from '../markdownEscape';
import { HOVER as T } from '../messages';
import type { Language, Range } from '../types';
import { firstParagraph, pageTitle } from '../vocabulary';
import type { PageModel, Snapshot, WorkspaceIndex } from '../workspaceIndex';

export interface AkHover {
  /** Markdown. */
  contents: string;
  range: Range;
}

/** Where `offset` is in the frontmatter: on a top-level key, on its value, or on one item of its list. */
export type FrontmatterSpot =
  | { kind: 'key'; entry: FmEntry }
  | { kind: 'value'; entry: FmEntry; node: FmValue; index?: number };

export function frontmatterSpot(page: PageModel, offset: number): FrontmatterSpot | undefined {
  const fm = page.frontmatter;
  if (!fm || offset < fm.contentStart || offset > fm.contentEnd) return undefined;
  for (const entry of fm.entries) {
    if (offset >= entry.keyStart && offset <= entry.keyEnd) return { kind: 'key', entry };
    const value = entry.value;
    if (value.kind === 'seq') {
      const index = value.items.findIndex((item) => !(item.kind === 'scalar' && item.source === '') && offset >= item.start && offset <= item.end);
      if (index >= 0) return { kind: 'value', entry, node: value.items[index], index };
    } else if (value.kind === 'scalar' && value.source !== '' && offset >= value.start && offset <= value.end) {
      return { kind: 'value', entry, node: value };
    }
  }
  return undefined;
}

/** The description of a schema node in `language` (`x-description-nl` for Dutch). */
export function describeNode(node: JsonSchema | undefined, language: Language): string | undefined {
  if (!node) return undefined;
  const nl = node['x-description-nl'];
  if (language === 'nl' && typeof nl === 'string') return nl;
  return typeof node.description === 'string' ? node.description : undefined;
}

/** `x-vocabulary` or `x-reference` of the key's items, or of the key itself. */
export function labelOf(snapshot: Snapshot, schemaName: string, key: string): { vocabulary?: string; reference?: string } {
  const own = snapshot.schemas.nodeAt(schemaName, [key]);
  const item = snapshot.schemas.nodeAt(schemaName, [key, 0]);
  const pick = (keyword: string) => (item?.[keyword] ?? own?.[keyword]) as string | undefined;
  return { vocabulary: pick('x-vocabulary'), reference: pick('x-reference') };
}

/** How many listed pages a directive's hover names. */
const MAX_LISTED = 15;

/** A page as a hover line: its title, its stem in code, and a link to the file. Page text is escaped (markdownEscape.ts). */
function pageLine(index: WorkspaceIndex, uri: (path: string) => string, path: string): string {
  const page = index.page(path);
  const title = page ? pageTitle(page) : undefined;
  return `${markdownLink(title ?? stemOf(path), uri(path))} ${markdownCode(stemOf(path))}`;
}

/** Title, toelichting (or first paragraph) and a link: what a vocabulary value or a referenced page is. */
function pageCard(index: WorkspaceIndex, uri: (path: string) => string, path: string, fallbackTitle: string): string {
  const page = index.page(path);
  const title = (page && pageTitle(page)) ?? fallbackTitle;
  const toelichting = page ? findEntry(page.frontmatter?.entries ?? [], 'toelichting')?.value : undefined;
  const text = toelichting?.kind === 'scalar' && typeof toelichting.value === 'string' ? toelichting.value : page ? firstParagraph(page.text.slice(page.bodyStart)) : undefined;
  return [`**${markdownText(title)}**`, text && markdownText(text), markdownLink(path, uri(path))].filter(Boolean).join('\n\n');
}

export function hoverAt(
  index: WorkspaceIndex,
  snapshot: Snapshot,
  links: LinkGraph,
  page: PageModel,
  offset: number,
  language: Language,
  uri: (path: string) => string,
): AkHover | undefined {
  const spot = frontmatterSpot(page, offset);
  const schemaName = page.pageType?.schema;
  if (spot && schemaName) {
    const key = spot.entry.key;
    if (spot.kind === 'key') {
      const node = snapshot.schemas.nodeAt(schemaName, [key]);
      const description = describeNode(node, language);
      if (!node) return undefined;
      const parts = [`**${markdownText(key)}**`];
      if (description) parts.push(description);
      const { vocabulary } = labelOf(snapshot, schemaName, key);
      const vocab = vocabulary ? snapshot.vocabularies.get(vocabulary) : undefined;
      if (vocab && vocab.source !== 'none') {
        const where = vocab.source === 'workspace' && vocab.folder ? markdownCode(vocab.folder) : T.builtin[language];
        parts.push(T.values[language](vocab.values.size, where));
      }
      if (snapshot.schemas.required(schemaName).includes(key)) parts.push(T.required[language]);
      return { contents: parts.join('\n\n'), range: spot.entry.keyRange };
    }
    if (spot.node.kind !== 'scalar' || spot.node.value === null) return undefined;
    const value = String(spot.node.value);
    const { vocabulary, reference } = labelOf(snapshot, schemaName, key);
    if (vocabulary) {
      const known = snapshot.vocabularies.get(vocabulary)?.values.get(value);
      if (!known) return undefined;
      if (known.path) return { contents: pageCard(index, uri, known.path, known.title ?? value), range: spot.node.range };
      return { contents: `**${markdownText(known.title ?? value)}**`, range: spot.node.range };
    }
    if (reference) {
      const paths = snapshot.stems.get(reference)?.get(value) ?? [];
      if (paths.length === 0) return undefined;
      return { contents: paths.map((path) => pageCard(index, uri, path, value)).join('\n\n---\n\n'), range: spot.node.range };
    }
    return undefined;
  }

  for (const [directive, resolution] of links.resolve(page.path)) {
    if (offset < directive.start || offset > directive.end) continue;
    const range = page.lines.range(directive.start, directive.end);
    const head = `**${markdownText(directive.name)}**${directive.params ? ` ${markdownCode(directive.params)}` : ''}`;
    if (!resolution.expanded) return { contents: `${head}\n\n${T.notExpanded[language]}`, range };
    if (resolution.paths.length === 0) return { contents: `${head}\n\n${T.none[language]}`, range };
    const listed = resolution.paths.slice(0, MAX_LISTED).map((path) => `- ${pageLine(index, uri, path)}`);
    if (resolution.paths.length > MAX_LISTED) listed.push(`- ${T.more[language](resolution.paths.length - MAX_LISTED)}`);
    return { contents: `${head}\n\n${T.lists[language](resolution.paths.length)}\n\n${listed.join('\n')}`, range };
  }
  return undefined;
}
