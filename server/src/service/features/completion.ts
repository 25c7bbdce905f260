// Completion: the values the site will recognise, where an author types them. In the frontmatter: the
// keys the page type knows and has not got yet, a label's vocabulary values, and the stems of the pages a
// `vereiste:`/`maatregel:` list may name. In a list directive: the names the profile knows, filter keys,
// their values, and the column flags. Read from the line's text (it is often not valid YAML mid-typing).
import { markdownCode, markdownText } from '../markdownEscape';
import { COMPLETION as T } from '../messages';
import type { ProfileData } from '../profile';
import type { Language, Range } from '../types';
import type { PageModel, Snapshot, WorkspaceIndex } from '../workspaceIndex';
import { describeNode, labelOf } from './hover';

export type AkCompletionKind = 'key' | 'value' | 'page' | 'directive' | 'filter-key' | 'flag';

export interface AkCompletionItem {
  label: string;
  kind: AkCompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** The text that replaces `range` (the part of the word already typed). */
  newText: string;
  range: Range;
  /** Ask for completion again after inserting (a key's value, a filter's value). */
  retrigger?: boolean;
  /** The page an item names: its documentation is filled in when the editor asks (see resolveCompletion). */
  page?: string;
}

/** A completion answer; `isIncomplete`: more would match, so the editor asks again as the author types. */
export interface AkCompletionList {
  items: AkCompletionItem[];
  isIncomplete: boolean;
}

/** At most this many page names in one answer (a large tree has thousands; the editor asks again as the author types). */
export const PAGE_ITEMS_MAX = 100;

/**
 * How well `candidate` matches what was typed (lower is better), or `undefined`: a prefix, a word start
 * inside it, anywhere inside it, or its letters in order (as the editor's own filter matches).
 */
function matchRank(candidate: string, typed: string): number | undefined {
  if (typed === '') return 0;
  const c = candidate.toLowerCase();
  const t = typed.toLowerCase();
  if (c.startsWith(t)) return 0;
  const at = c.indexOf(t);
  if (at > 0) return /[-_./]/.test(c[at - 1]) ? 1 : 2;
  let j = 0;
  for (let i = 0; i < c.length && j < t.length; i++) if (c[i] === t[j]) j++;
  return j === t.length ? 3 : undefined;
}

/** The documentation of a page item, filled in when the editor shows it. */
export function pageDocumentation(path: string, language: Language): string {
  return `${T.page[language]} ${markdownCode(path)}`;
}

/**
 * The values (or page stems) a key of `schemaName` takes, with titles and descriptions. Page stems are
 * those matching `typed`, best first, at most PAGE_ITEMS_MAX (then `isIncomplete`); `exclude` are left out.
 */
function valuesOf(
  index: WorkspaceIndex,
  snapshot: Snapshot,
  schemaName: string,
  key: string,
  typed: string,
  exclude: ReadonlySet<string>,
): { items: Omit<AkCompletionItem, 'range'>[]; isIncomplete: boolean } {
  const { vocabulary, reference } = labelOf(snapshot, schemaName, key);
  if (vocabulary) {
    const vocab = snapshot.vocabularies.get(vocabulary);
    const items = [...(vocab?.values.values() ?? [])]
      .filter((v) => !exclude.has(v.value))
      .map((v) => ({ label: v.value, kind: 'value' as const, detail: v.title, documentation: v.description && markdownText(v.description), newText: v.value }));
    return { items, isIncomplete: false };
  }
  if (reference) {
    const ranked: { stem: string; path: string; rank: number; order: number }[] = [];
    let order = 0;
    for (const [stem, paths] of snapshot.stems.get(reference) ?? []) {
      order++;
      if (exclude.has(stem)) continue;
      const rank = matchRank(stem, typed);
      if (rank !== undefined) ranked.push({ stem, path: paths[0], rank, order });
    }
    ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
    const items = ranked.slice(0, PAGE_ITEMS_MAX).map(({ stem, path }) => ({ label: stem, kind: 'page' as const, detail: index.factsOf(path)?.title, newText: stem, page: path }));
    return { items, isIncomplete: ranked.length > PAGE_ITEMS_MAX };
  }
  return { items: [], isIncomplete: false };
}

/** The top-level key that owns line `line` of the frontmatter: the nearest line above that starts with `key:`. */
export function ownerKey(page: PageModel, line: number): string | undefined {
  for (let l = line - 1; l >= 1; l--) {
    const text = page.text.slice(page.lines.lineStart(l), page.lines.lineEnd(l));
    const m = /^([^\s#\-][^:]*?)\s*:/.exec(text);
    if (m) return m[1];
    if (/^\S/.test(text) && !text.startsWith('-') && !text.startsWith('#')) return undefined;
  }
  return undefined;
}

function frontmatterItems(index: WorkspaceIndex, snapshot: Snapshot, page: PageModel, offset: number, language: Language): AkCompletionList {
  const schemaName = page.pageType?.schema;
  if (!schemaName) return NONE;
  const position = page.lines.positionAt(offset);
  const lineStart = page.lines.lineStart(position.line);
  const before = page.text.slice(lineStart, offset);
  const after = /^[^\s#]*/.exec(page.text.slice(offset, page.lines.lineEnd(position.line)))![0];
  const word = (typed: string) => page.lines.range(offset - typed.length, offset + after.length);

  // `- va|` under a key: that key's values, minus those already in its list.
  const item = /^(\s*)-\s+([^\s#]*)$/.exec(before) ?? /^(\s*)-()$/.exec(before);
  if (item) {
    const key = ownerKey(page, position.line);
    if (!key) return NONE;
    const present = new Set(listValues(page, position.line, key));
    const range = word(item[2]);
    const pad = item[2] === '' && before.endsWith('-') ? ' ' : '';
    const { items, isIncomplete } = valuesOf(index, snapshot, schemaName, key, item[2], present);
    return { items: items.map((v) => ({ ...v, newText: pad + v.newText, range })), isIncomplete };
  }

  // `ke|` at the start of a line: the keys this page type knows and the page does not have yet.
  const key = /^([A-Za-z_][\w-]*)?$/.exec(before);
  if (key && !page.text.slice(offset, page.lines.lineEnd(position.line)).includes(':')) {
    const present = new Set((page.frontmatter?.entries ?? []).map((e) => e.key));
    const required = new Set(snapshot.schemas.required(schemaName));
    const eol = page.text.includes('\r\n') ? '\r\n' : '\n';
    const items = snapshot.schemas
      .keys(schemaName)
      .filter((k) => !present.has(k) || k === (key[1] ?? ''))
      .map((k) => {
        const node = snapshot.schemas.nodeAt(schemaName, [k]);
        const isList = snapshot.schemas.isList(schemaName, k);
        const isMap = node?.type === 'object';
        return {
          label: k,
          kind: 'key' as const,
          detail: required.has(k) ? T.required[language] : undefined,
          documentation: describeNode(node, language),
          newText: isList ? `${k}:${eol}- ` : isMap ? `${k}:${eol}  ` : `${k}: `,
          range: word(key[1] ?? ''),
          retrigger: isList,
        };
      });
    return { items, isIncomplete: false };
  }
  return NONE;
}

const NONE: AkCompletionList = { items: [], isIncomplete: false };
const complete = (items: AkCompletionItem[]): AkCompletionList => ({ items, isIncomplete: false });

/** The values of the block list under `key` that line `line` is part of (text-based, for a page mid-edit). */
function listValues(page: PageModel, line: number, key: string): string[] {
  const entry = page.frontmatter?.entries.find((e) => e.key === key);
  if (entry?.value.kind !== 'seq') return [];
  return entry.value.items.flatMap((i) => (i.kind === 'scalar' && i.value !== null && i.range.start.line !== line ? [String(i.value)] : []));
}

function directiveItems(index: WorkspaceIndex, snapshot: Snapshot, profile: ProfileData, page: PageModel, offset: number, language: Language): AkCompletionList {
  const position = page.lines.positionAt(offset);
  const before = page.text.slice(page.lines.lineStart(position.line), offset);
  const open = before.lastIndexOf('<!--');
  if (open < 0 || before.indexOf('-->', open) >= 0) return NONE;
  const inside = before.slice(open + 4);
  const after = /^[^\s]*/.exec(page.text.slice(offset, page.lines.lineEnd(position.line)))![0].replace(/-->.*$/, '');
  const word = (typed: string) => page.lines.range(offset - typed.length, offset + after.length);
  const data = profile.directives;

  // `<!-- li|`: the directive names of this content model.
  const name = /^(\s*)([\w]*)$/.exec(inside);
  if (name) {
    const lists = data.lists.map((l) => ({ name: l.name, target: l.target, own: false }));
    const owns = data.ownLists.map((o) => ({ name: o.name, target: o.target, own: true }));
    return complete([...lists, ...owns].map(({ name: n, target, own }) => ({
      label: n,
      kind: 'directive' as const,
      detail: own ? T.ownList[language](target) : T.list[language](target),
      newText: name[1] === '' ? ` ${n}` : n,
      range: word(name[2]),
    })));
  }

  // `<!-- list_x tok|`: a filter key, a value after `key/`, or a column flag.
  const tokens = /^\s*([\w]+)\s+((?:\S+\s+)*)(\S*)$/.exec(inside);
  if (!tokens) return NONE;
  const list = data.lists.find((l) => l.name.toLowerCase() === tokens[1].toLowerCase());
  if (!list) return NONE;
  const typed = tokens[3];
  const targetType = profile.pageTypes.find((t) => t.type === list.target);
  if (!targetType) return NONE;
  const slash = typed.indexOf('/');
  if (slash >= 0) {
    const key = typed.slice(0, slash);
    const range = page.lines.range(offset - typed.length + slash + 1, offset + after.length);
    const { items, isIncomplete } = valuesOf(index, snapshot, targetType.schema, key, typed.slice(slash + 1), new Set());
    return { items: items.map((v) => ({ ...v, range })), isIncomplete };
  }
  const isFirst = tokens[2].trim() === '';
  const items: AkCompletionItem[] = [];
  if (isFirst || data.filterTokens === 'all') {
    for (const key of snapshot.schemas.keys(targetType.schema)) {
      const { vocabulary, reference } = labelOf(snapshot, targetType.schema, key);
      if (!vocabulary && !reference) continue;
      items.push({
        label: `${key}/`,
        kind: 'filter-key',
        detail: T.filter[language],
        documentation: describeNode(snapshot.schemas.nodeAt(targetType.schema, [key]), language),
        newText: `${key}/`,
        range: word(typed),
        retrigger: true,
      });
    }
  }
  if (data.flagTokens === 'any' || (data.flagTokens === 'after-first' && !isFirst)) {
    const columns = data.columns[list.target] ?? data.columns['*'] ?? [];
    for (const prefix of data.flagPrefixes) {
      for (const column of columns) {
        items.push({ label: `${prefix}${column}`, kind: 'flag', detail: T.flag[language](prefix, column), newText: `${prefix}${column}`, range: word(typed) });
      }
    }
  }
  return complete(items);
}

export function completionsAt(index: WorkspaceIndex, snapshot: Snapshot, page: PageModel, offset: number, language: Language): AkCompletionList {
  const fm = page.frontmatter;
  if (fm && offset >= fm.contentStart && offset < fm.contentEnd) return frontmatterItems(index, snapshot, page, offset, language);
  if (offset < page.bodyStart || !snapshot.profile) return NONE;
  return directiveItems(index, snapshot, snapshot.profile, page, offset, language);
}
