// Go to definition and find references. What can be pointed at: a page named by a `vereiste:`/`maatregel:`
// entry or by a directive filter (`vereiste/<stem>`), and a label value (`levenscyclus: ontwerp`, or
// `levenscyclus/ontwerp` in a directive), whose definition is its vocabulary page. References are the
// places that name the same thing in the same way: what a rename would have to change.
import type { Directive } from '../directives';
import type { LinkGraph } from '../links';
import { stemOf } from '../profile';
import { RENAME } from '../messages';
import type { Language, Range } from '../types';
import type { AkTextEdit } from './codeActions';
import type { PageModel, Snapshot, WorkspaceIndex } from '../workspaceIndex';
import { frontmatterSpot, labelOf } from './hover';

export interface AkLocation {
  path: string;
  range: Range;
}

/** What a place in a page names. */
export type Target =
  | { kind: 'page'; type: string; stem: string; paths: string[]; range: Range }
  | { kind: 'label'; vocabulary: string; value: string; path: string | undefined; range: Range };

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** The schema name of page type `type`. */
function schemaOfType(snapshot: Snapshot, type: string): string | undefined {
  return snapshot.profile?.pageTypes.find((t) => t.type === type)?.schema;
}

/** What the filter `key/value` of a directive listing `target` pages names, if anything. */
function filterTarget(snapshot: Snapshot, target: string, key: string, value: string, range: Range): Target | undefined {
  const schema = schemaOfType(snapshot, target);
  if (!schema) return undefined;
  const { vocabulary, reference } = labelOf(snapshot, schema, key);
  if (reference) return { kind: 'page', type: reference, stem: value, paths: snapshot.stems.get(reference)?.get(value) ?? [], range };
  if (vocabulary) return { kind: 'label', vocabulary, value, path: snapshot.vocabularies.get(vocabulary)?.values.get(value)?.path, range };
  return undefined;
}

/** The value part of a directive's filter token, as offsets. */
function valueSpan(filter: Directive['filters'][number]): [number, number] {
  return [filter.token.start + filter.key.length + 1, filter.token.end];
}

export function targetAt(snapshot: Snapshot, links: LinkGraph, page: PageModel, offset: number): Target | undefined {
  const spot = frontmatterSpot(page, offset);
  const schema = page.pageType?.schema;
  if (spot?.kind === 'value' && schema && spot.node.kind === 'scalar' && spot.node.value !== null) {
    const value = String(spot.node.value);
    const { vocabulary, reference } = labelOf(snapshot, schema, spot.entry.key);
    const range = spot.node.range;
    if (reference) return { kind: 'page', type: reference, stem: value, paths: snapshot.stems.get(reference)?.get(value) ?? [], range };
    if (vocabulary) return { kind: 'label', vocabulary, value, path: snapshot.vocabularies.get(vocabulary)?.values.get(value)?.path, range };
    return undefined;
  }
  for (const [directive] of links.resolve(page.path)) {
    if (offset < directive.start || offset > directive.end) continue;
    for (const filter of directive.filters) {
      const [start, end] = valueSpan(filter);
      if (offset >= start && offset <= end) return filterTarget(snapshot, directive.target, filter.key, filter.value, page.lines.range(start, end));
    }
  }
  return undefined;
}

export function definitionAt(snapshot: Snapshot, links: LinkGraph, page: PageModel, offset: number): { origin: Range; locations: AkLocation[] } | undefined {
  const target = targetAt(snapshot, links, page, offset);
  if (!target) return undefined;
  const paths = target.kind === 'page' ? target.paths : target.path ? [target.path] : [];
  return paths.length ? { origin: target.range, locations: paths.map((path) => ({ path, range: START })) } : undefined;
}

/** Every place that names `target`: frontmatter entries and directive filters, sorted by file and position. */
export function referencesOf(index: WorkspaceIndex, snapshot: Snapshot, links: LinkGraph, target: Target): AkLocation[] {
  const found: AkLocation[] = [];
  const name = target.kind === 'page' ? target.stem : target.value;
  // Directive filters that name it (the pages the index says filter on the name).
  for (const path of links.pagesFilteringOn(name)) {
    for (const directive of links.scan(path).directives) {
      for (const filter of directive.filters) {
        const named = filterTarget(snapshot, directive.target, filter.key, filter.value, START);
        if (!named || !sameTarget(named, target)) continue;
        const [start, end] = valueSpan(filter);
        found.push({ path, range: index.page(path)!.lines.range(start, end) });
      }
    }
  }
  // Frontmatter entries that name it (the pages the index says have the name as a value), from their facts.
  for (const path of links.pagesNaming(name)) {
    const facts = index.factsOf(path);
    const schema = facts?.pageType?.schema;
    if (!facts || !schema) continue;
    for (const { key, value, range } of facts.named) {
      if (value !== name) continue;
      const { vocabulary, reference } = labelOf(snapshot, schema, key);
      if (target.kind === 'page' ? reference === target.type : vocabulary === target.vocabulary) found.push({ path, range });
    }
  }
  return found.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character));
}

function sameTarget(a: Target, b: Target): boolean {
  if (a.kind === 'page' && b.kind === 'page') return a.type === b.type && a.stem === b.stem;
  if (a.kind === 'label' && b.kind === 'label') return a.vocabulary === b.vocabulary && a.value === b.value;
  return false;
}

/** The target a page itself is: a content page (named by stem), or a vocabulary page (a label value). */
export function pageAsTarget(snapshot: Snapshot, page: PageModel): Target | undefined {
  const stem = stemOf(page.path);
  if (page.pageType) return { kind: 'page', type: page.pageType.type, stem, paths: [page.path], range: START };
  for (const [name, vocabulary] of snapshot.vocabularies) {
    for (const value of vocabulary.values.values()) if (value.path === page.path) return { kind: 'label', vocabulary: name, value: value.value, path: page.path, range: START };
  }
  return undefined;
}

/** A rename as edits of pages and file renames (root-relative paths), or why it cannot be done. */
export type AkRename = { edits: { path: string; edits: AkTextEdit[] }[]; renames: { from: string; to: string }[] } | { error: string };

/** The file that defines `target` and can be renamed with it: a content page, or a label value's own page (not a folder's index). */
function renamableFile(target: Target): string | undefined {
  const paths = target.kind === 'page' ? target.paths : target.path ? [target.path] : [];
  if (paths.length !== 1) return undefined;
  return /(^|\/)index\.md$/.test(paths[0]) ? undefined : paths[0];
}

/** Whether the name under the cursor can be renamed, with its range and current text. */
export function prepareRenameAt(snapshot: Snapshot, links: LinkGraph, page: PageModel, offset: number, language: Language): { range: Range; placeholder: string } | { error: string } | undefined {
  const target = targetAt(snapshot, links, page, offset);
  if (!target) return undefined;
  if (!renamableFile(target)) return { error: RENAME.noFile[language] };
  return { range: target.range, placeholder: target.kind === 'page' ? target.stem : target.value };
}

/** Renames the page or label value under the cursor: its file, and every entry and filter that names it. */
export function renameAt(index: WorkspaceIndex, snapshot: Snapshot, links: LinkGraph, page: PageModel, offset: number, newName: string, language: Language): AkRename | undefined {
  const target = targetAt(snapshot, links, page, offset);
  if (!target) return undefined;
  const file = renamableFile(target);
  if (!file) return { error: RENAME.noFile[language] };
  const name = newName.trim().replace(/\.md$/i, '');
  if (!/^[^\s/\\]+$/.test(name)) return { error: RENAME.invalid[language](newName) };
  const to = `${file.slice(0, file.lastIndexOf('/') + 1)}${name}.md`;
  if (to === file) return { edits: [], renames: [] };
  if ((snapshot.byLowerPath.get(to.toLowerCase()) ?? []).some((f) => f !== file)) return { error: RENAME.exists[language](to) };
  return { edits: renameEdits(index, snapshot, links, target, name), renames: [{ from: file, to }] };
}

/** The edits that make every entry and directive filter naming `target` name `name` instead, by page. */
export function renameEdits(index: WorkspaceIndex, snapshot: Snapshot, links: LinkGraph, target: Target, name: string): { path: string; edits: AkTextEdit[] }[] {
  const byPath = new Map<string, AkTextEdit[]>();
  for (const location of referencesOf(index, snapshot, links, target)) {
    const edits = byPath.get(location.path) ?? [];
    byPath.set(location.path, edits);
    // Keep the quotes of a quoted entry: replace what is between them.
    const p = index.page(location.path)!;
    const start = p.lines.offsetAt(location.range.start);
    const end = p.lines.offsetAt(location.range.end);
    const written = p.text.slice(start, end);
    const quoted = /^(["']).*\1$/.test(written) && written.length >= 2;
    edits.push({ range: quoted ? p.lines.range(start + 1, end - 1) : location.range, newText: name });
  }
  return [...byPath].map(([path, edits]) => ({ path, edits }));
}
