// Completion: the values the site will recognise, where an author types them. In the frontmatter: the
// keys the page type knows and has not got yet, a label's vocabulary values, and the stems of the pages a
// `vereiste:`/`maatregel:` list may name. In a list directive: the names the profile knows, filter keys,
// their values, and the column flags. Read from the line's text (it is often not valid YAML mid-typing).
import { COMPLETION as T } from '../messages';
import type { ProfileData } from '../profile';
import type { Language, Range } from '../types';
import { pageTitle } from '../vocabulary';
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
}

/** The values (or page stems) a key of `schemaName` takes, with titles and descriptions. */
function valuesOf(index: WorkspaceIndex, snapshot: Snapshot, schemaName: string, key: string, language: Language): Omit<AkCompletionItem, 'range'>[] {
  const { vocabulary, reference } = labelOf(snapshot, schemaName, key);
  if (vocabulary) {
    const vocab = snapshot.vocabularies.get(vocabulary);
    return [...(vocab?.values.values() ?? [])].map((v) => ({
      label: v.value,
      kind: 'value',
      detail: v.title,
      documentation: v.description,
      newText: v.value,
    }));
  }
  if (reference) {
    return [...(snapshot.stems.get(reference)?.entries() ?? [])].map(([stem, paths]) => {
      const page = index.page(paths[0]);
      return { label: stem, kind: 'page', detail: (page && pageTitle(page)) ?? undefined, documentation: `${T.page[language]} \`${paths[0]}\``, newText: stem };
    });
  }
  return [];
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

function frontmatterItems(index: WorkspaceIndex, snapshot: Snapshot, page: PageModel, offset: number, language: Language): AkCompletionItem[] {
  const schemaName = page.pageType?.schema;
  if (!schemaName) return [];
  const position = page.lines.positionAt(offset);
  const lineStart = page.lines.lineStart(position.line);
  const before = page.text.slice(lineStart, offset);
  const after = /^[^\s#]*/.exec(page.text.slice(offset, page.lines.lineEnd(position.line)))![0];
  const word = (typed: string) => page.lines.range(offset - typed.length, offset + after.length);

  // `- va|` under a key: that key's values, minus those already in its list.
  const item = /^(\s*)-\s+([^\s#]*)$/.exec(before) ?? /^(\s*)-()$/.exec(before);
  if (item) {
    const key = ownerKey(page, position.line);
    if (!key) return [];
    const present = new Set(listValues(page, position.line, key));
    const range = word(item[2]);
    const pad = item[2] === '' && before.endsWith('-') ? ' ' : '';
    return valuesOf(index, snapshot, schemaName, key, language)
      .filter((v) => !present.has(v.label))
      .map((v) => ({ ...v, newText: pad + v.newText, range }));
  }

  // `ke|` at the start of a line: the keys this page type knows and the page does not have yet.
  const key = /^([A-Za-z_][\w-]*)?$/.exec(before);
  if (key && !page.text.slice(offset, page.lines.lineEnd(position.line)).includes(':')) {
    const present = new Set((page.frontmatter?.entries ?? []).map((e) => e.key));
    const required = new Set(snapshot.schemas.required(schemaName));
    const eol = page.text.includes('\r\n') ? '\r\n' : '\n';
    return snapshot.schemas
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
  }
  return [];
}

/** The values of the block list under `key` that line `line` is part of (text-based, for a page mid-edit). */
function listValues(page: PageModel, line: number, key: string): string[] {
  const entry = page.frontmatter?.entries.find((e) => e.key === key);
  if (entry?.value.kind !== 'seq') return [];
  return entry.value.items.flatMap((i) => (i.kind === 'scalar' && i.value !== null && i.range.start.line !== line ? [String(i.value)] : []));
}

function directiveItems(index: WorkspaceIndex, snapshot: Snapshot, profile: ProfileData, page: PageModel, offset: number, language: Language): AkCompletionItem[] {
  const position = page.lines.positionAt(offset);
  const before = page.text.slice(page.lines.lineStart(position.line), offset);
  const open = before.lastIndexOf('<!--');
  if (open < 0 || before.indexOf('-->', open) >= 0) return [];
  const inside = before.slice(open + 4);
  const after = /^[^\s]*/.exec(page.text.slice(offset, page.lines.lineEnd(position.line)))![0].replace(/-->.*$/, '');
  const word = (typed: string) => page.lines.range(offset - typed.length, offset + after.length);
  const data = profile.directives;

  // `<!-- li|`: the directive names of this content model.
  const name = /^(\s*)([\w]*)$/.exec(inside);
  if (name) {
    const lists = data.lists.map((l) => ({ name: l.name, target: l.target, own: false }));
    const owns = data.ownLists.map((o) => ({ name: o.name, target: o.target, own: true }));
    return [...lists, ...owns].map(({ name: n, target, own }) => ({
      label: n,
      kind: 'directive' as const,
      detail: own ? T.ownList[language](target) : T.list[language](target),
      newText: name[1] === '' ? ` ${n}` : n,
      range: word(name[2]),
    }));
  }

  // `<!-- list_x tok|`: a filter key, a value after `key/`, or a column flag.
  const tokens = /^\s*([\w]+)\s+((?:\S+\s+)*)(\S*)$/.exec(inside);
  if (!tokens) return [];
  const list = data.lists.find((l) => l.name.toLowerCase() === tokens[1].toLowerCase());
  if (!list) return [];
  const typed = tokens[3];
  const targetType = profile.pageTypes.find((t) => t.type === list.target);
  if (!targetType) return [];
  const slash = typed.indexOf('/');
  if (slash >= 0) {
    const key = typed.slice(0, slash);
    const range = page.lines.range(offset - typed.length + slash + 1, offset + after.length);
    return valuesOf(index, snapshot, targetType.schema, key, language).map((v) => ({ ...v, range }));
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
  return items;
}

export function completionsAt(index: WorkspaceIndex, snapshot: Snapshot, page: PageModel, offset: number, language: Language): AkCompletionItem[] {
  const fm = page.frontmatter;
  if (fm && offset >= fm.contentStart && offset < fm.contentEnd) return frontmatterItems(index, snapshot, page, offset, language);
  if (offset < page.bodyStart || !snapshot.profile) return [];
  return directiveItems(index, snapshot, snapshot.profile, page, offset, language);
}
