// A new requirement, measure or tool page, as upstream authors make one: from the workspace's template
// (`templates/template-<type>.md`, as the upstream repository has them) with the title and a fresh id filled
// in, or, without a template, from the schema's required keys. The id takes the next free number of its
// code, and the file name starts with it as the site's conventions and `id-filename-mismatch` expect.
import { scanDirectives } from '../directives';
import { findEntry, type FmEntry } from '../frontmatter';
import { NEW_PAGE as T } from '../messages';
import { stemOf, type PageTypeData } from '../profile';
import { pageId } from '../vocabulary';
import type { Language } from '../types';
import type { Snapshot, WorkspaceIndex } from '../workspaceIndex';

/** An id code in use for a page type (`owp`), the next free id under it, and the file-name prefix its pages share. */
export interface IdCode {
  code: string;
  /** The next free `<code>-<nn>`, e.g. `owp-37`. */
  next: string;
  /** What the files of this code start with before the code, e.g. `2-` for measures; usually empty. */
  prefix: string;
  count: number;
}

export interface NewPageRequest {
  type: string;
  /** The id code (`owp`), for page types with URN ids; ignored for the others. */
  code?: string;
  title: string;
  /** The rest of the file name, lowercase words joined by `-`. */
  slug: string;
}

/** The URN prefix of ids of a page type (`urn:nl:ak:mtr:`), from its schema's id pattern; undefined when that fixes no type part. */
export function urnPrefix(snapshot: Snapshot, type: PageTypeData): string | undefined {
  const pattern = snapshot.schemas.nodeAt(type.schema, ['id'])?.pattern;
  const kind = typeof pattern === 'string' ? /^\^urn:nl:ak:([a-z]+):/.exec(pattern)?.[1] : undefined;
  return kind ? `urn:nl:ak:${kind}:` : undefined;
}

export function idCodes(index: WorkspaceIndex, snapshot: Snapshot, typeName: string): IdCode[] {
  const type = snapshot.profile?.pageTypes.find((t) => t.type === typeName);
  if (!type || !urnPrefix(snapshot, type)) return [];
  const codes = new Map<string, { max: number; prefix: string; count: number }>();
  for (const path of snapshot.pagesByType.get(typeName) ?? []) {
    const page = index.page(path);
    const match = /:([a-z]+)-([0-9]{2})$/.exec((page && pageId(page)) ?? '');
    if (!match) continue;
    const [, code, number] = match;
    const prefix = new RegExp(`^([0-9]-)?${code}-`).exec(stemOf(path))?.[1] ?? '';
    const seen = codes.get(code) ?? { max: 0, prefix, count: 0 };
    codes.set(code, { max: Math.max(seen.max, Number(number)), prefix: seen.prefix || prefix, count: seen.count + 1 });
  }
  return [...codes]
    .map(([code, { max, prefix, count }]) => ({ code, next: `${code}-${String(max + 1).padStart(2, '0')}`, prefix, count }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/**
 * YAML for a one-line string: plain when PyYAML reads it back as the same string, else double-quoted. Numbers,
 * booleans (YAML 1.1: yes, no, on, off, ...), null and timestamps would not be strings, so they are quoted.
 */
function yamlString(text: string): string {
  const plain = /^[\p{L}\p{N}(][^:#\n]*$/u.test(text) && !/\s$/.test(text);
  const special = /^(?:[-+]?[0-9][0-9_:.,eExXoObB+-]*|[-+]?\.(?:inf|nan)|y|n|yes|no|on|off|true|false|null|~)$/i.test(text);
  return plain && !special ? text : JSON.stringify(text);
}

export function newPage(index: WorkspaceIndex, snapshot: Snapshot, request: NewPageRequest, language: Language): { path: string; text: string } | { error: string } {
  const type = snapshot.profile?.pageTypes.find((t) => t.type === request.type);
  if (!type) return { error: T.unknownType[language](request.type) };
  const title = request.title.trim();
  if (title === '') return { error: T.noTitle[language] };
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(request.slug)) return { error: T.badSlug[language](request.slug) };

  const prefix = urnPrefix(snapshot, type);
  let id: string | undefined;
  let fileName = `${request.slug}.md`;
  if (prefix) {
    const code = request.code?.trim() ?? '';
    if (!/^[a-z]+$/.test(code)) return { error: T.badCode[language](code) };
    const known = idCodes(index, snapshot, type.type).find((c) => c.code === code);
    const next = known?.next ?? `${code}-01`;
    if (Number(next.slice(-2)) > 99 || next.length !== code.length + 3) return { error: T.full[language](code) };
    id = prefix + next;
    fileName = `${known?.prefix ?? ''}${next}-${request.slug}.md`;
  }
  const path = `${type.folder}/${fileName}`;
  if (snapshot.files.includes(path)) return { error: T.exists[language](path) };

  const template = `templates/template-${type.type}.md`;
  const page = snapshot.files.includes(template) ? index.page(template) : undefined;
  const fm = page?.frontmatter;
  if (page && fm && fm.entries.length > 0) {
    // The upstream template, its guidance comments kept, with this page's title and id (a type without ids gets
    // none), and its list directives made to name this page instead of the template's example.
    const eol = /\r\n/.test(page.text) ? '\r\n' : '\n';
    const edits: { start: number; end: number; text: string }[] = [];
    /** The value of an entry replaced; an empty value (its range is the key's) gets the text after the colon. */
    const setValue = (entry: FmEntry, text: string) => {
      const empty = entry.value.kind === 'scalar' && entry.value.source === '';
      if (!empty) return edits.push({ start: entry.value.start, end: entry.value.end, text });
      const colon = page.text.indexOf(':', entry.keyEnd);
      const lineEnd = page.text.slice(colon + 1).search(/\r?\n|$/) + colon + 1;
      return edits.push({ start: colon + 1, end: lineEnd, text: ` ${text}` });
    };
    const lineEndAfter = (offset: number) => {
      const at = page.text.indexOf('\n', offset);
      return at < 0 ? page.text.length : at + 1;
    };
    const titleEntry = findEntry(fm.entries, 'title');
    const idEntry = findEntry(fm.entries, 'id');
    if (titleEntry) setValue(titleEntry, yamlString(title));
    else edits.push({ start: lineEndAfter(0), end: lineEndAfter(0), text: `title: ${yamlString(title)}${eol}` });
    if (idEntry && id) setValue(idEntry, id);
    else if (id) {
      const after = titleEntry ? lineEndAfter(titleEntry.value.end) : lineEndAfter(0);
      edits.push({ start: after, end: after, text: `id: ${id}${eol}` });
    } else if (idEntry) {
      // The id line goes, with the comment lines right above it that explain it.
      let lineStart = page.text.lastIndexOf('\n', idEntry.keyStart - 1) + 1;
      for (;;) {
        const above = page.text.lastIndexOf('\n', lineStart - 2) + 1;
        if (lineStart === 0 || !/^[ \t]*#/.test(page.text.slice(above, lineStart))) break;
        lineStart = above;
      }
      edits.push({ start: lineStart, end: lineEndAfter(idEntry.value.end), text: '' });
    }
    // `<!-- list_maatregelen vereiste/aia-02-... -->` in a requirement template names the example page: this one now.
    if (snapshot.profile) {
      for (const directive of scanDirectives(page, path, snapshot.profile).directives) {
        for (const filter of directive.filters) {
          if (filter.key !== type.type) continue;
          const valueStart = filter.token.start + filter.key.length + 1;
          edits.push({ start: valueStart, end: filter.token.end, text: stemOf(path) });
        }
      }
    }
    let text = page.text;
    for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    return { path, text };
  }

  // No template: the required keys, lists with one empty item to fill in (completion offers the values).
  const lines = ['---', `title: ${yamlString(title)}`];
  if (id) lines.push(`id: ${id}`);
  for (const key of snapshot.schemas.required(type.schema)) {
    if (key === 'title' || key === 'id') continue;
    lines.push(snapshot.schemas.isList(type.schema, key) ? `${key}:\n- ` : `${key}: `);
  }
  lines.push('---', '', `# ${title}`, '');
  // The body as the type's contract has it: the hooks' comments, the required sections (and those that hold the
  // page's own lists), each list naming this page.
  const body = type.body;
  if (body) {
    for (const marker of body.markers ?? []) if (!marker.section) lines.push(marker.text, '');
    for (const section of body.sections) {
      const lists = (body.ownLists ?? []).filter((l) => l.section === section.heading);
      if (!section.required && lists.length === 0) continue;
      lines.push(section.insert);
      for (const marker of body.markers ?? []) if (marker.section === section.heading) lines.push(marker.text);
      for (const list of lists) lines.push(list.insert.replace('{stem}', stemOf(path)));
      lines.push('');
    }
  }
  return { path, text: lines.join('\n') };
}
