// The preview card: what the site makes of one page, for an author who wants to see it before the build.
// Its title, id and toelichting; its labels with the vocabulary page each value names; the pages its
// `vereiste:`/`maatregel:` entries name; for each list directive, the table the site puts in its place
// (or why there is none); and who names or lists this page. The client's preview and `ak render` draw it.
import type { Directive, Resolution } from '../directives';
import { findEntry, valueText, type FmValue } from '../frontmatter';
import { siteMeta, type LinkGraph } from '../links';
import { markdownCode, markdownText } from '../markdownEscape';
import { CARD as T } from '../messages';
import { stemOf, type TableColumnData } from '../profile';
import { vocabularyAccepts } from '../schema';
import type { AkDiagnostic, Language } from '../types';
import { pageId, pageTitle } from '../vocabulary';
import type { PageModel, Snapshot, WorkspaceIndex } from '../workspaceIndex';
import { labelOf } from './hover';

/** A page as the card names it. `title` falls back to the file's stem; `id` is null without one. */
export interface CardPage {
  path: string;
  stem: string;
  title: string;
  id: string | null;
}

export interface CardLabel {
  key: string;
  /** The vocabulary's name (`levenscyclus`, `risicogroep`, ...). */
  vocabulary: string;
  values: {
    value: string;
    /** Title of the page that defines the value; null for built-in values and unknown ones. */
    title: string | null;
    /** Root-relative path of that page; null when no page defines it. */
    path: string | null;
    /** Whether the site knows the value (in the vocabulary, or a logical expression where those are allowed). */
    known: boolean;
  }[];
}

export interface CardReference {
  key: string;
  /** Each named page in the order written; `page` is null when no such page exists. */
  items: { value: string; page: CardPage | null }[];
}

/**
 * What the site puts where a list directive stands:
 * `table` with rows; `empty`, a table without rows; `not-expanded`, the comment stays (not shown);
 * `raises`, the build fails (2024) on the named page; `dropped`, an earlier list on this page took it down.
 */
export type CardTableState = 'table' | 'empty' | 'not-expanded' | 'raises' | 'dropped';

export interface CardTable {
  /** 0-based line of the directive. */
  line: number;
  /** The comment as written. */
  source: string;
  name: string;
  state: CardTableState;
  /** One sentence on the state, in the card's language. */
  note: string;
  /** Column headers as the site writes them (the site is Dutch). Empty unless the state is `table` or `empty`. */
  headers: string[];
  /** One row per listed page; each cell holds the values the site shows there (a title, label values). */
  rows: { page: CardPage; cells: string[][] }[];
  /** The profile's data of each column shown, beside `headers` (how the site draws its cells). */
  columns: TableColumnData[];
}

export interface PageCard {
  path: string;
  /** The page type (`vereiste`, `maatregel`, ...) and its label; null for a page of no type (an overview, a vocabulary page). */
  pageType: { type: string; label: string } | null;
  /** The page types of the content model, in the card's language (what a page of no type is not). */
  pageTypes: string[];
  profile: string | null;
  title: string;
  id: string | null;
  toelichting: string | null;
  labels: CardLabel[];
  references: CardReference[];
  tables: CardTable[];
  /** Pages whose frontmatter names this page, with the key. */
  namedBy: { page: CardPage; key: string }[];
  /** Pages with a list directive whose table lists this page. */
  listedOn: CardPage[];
  /** The page's own findings, by severity. */
  problems: { errors: number; warnings: number; hints: number };
  /** The findings themselves, in page order: 0-based position, `error` | `warning` | `hint`, code, message. */
  findings: { line: number; character: number; severity: 'error' | 'warning' | 'hint'; code: string; message: string }[];
}

export function cardOf(
  index: WorkspaceIndex,
  snapshot: Snapshot,
  links: LinkGraph,
  page: PageModel,
  diagnostics: readonly AkDiagnostic[],
  language: Language,
): PageCard {
  const cardPage = (path: string): CardPage => describePage(index, path);
  const own = cardPage(page.path);
  const entries = page.frontmatter?.entries ?? [];
  const toelichting = findEntry(entries, 'toelichting')?.value;
  const schemaName = page.pageType?.schema;

  const labels: CardLabel[] = [];
  const references: CardReference[] = [];
  if (schemaName) {
    const referenced = new Map(links.referencesOf(page.path).map((r) => [r.node, r]));
    for (const entry of entries) {
      const { vocabulary, reference } = labelOf(snapshot, schemaName, entry.key);
      const values = scalarsOf(entry.value);
      if (vocabulary && snapshot.profile?.vocabularies[vocabulary]?.shownAsLabel !== false) {
        const vocab = snapshot.vocabularies.get(vocabulary);
        labels.push({
          key: entry.key,
          vocabulary,
          values: values.map(({ value }) => {
            const known = vocab?.values.get(value);
            return { value, title: known?.title ?? null, path: known?.path ?? null, known: vocabularyAccepts(vocab, value) };
          }),
        });
      } else if (reference) {
        references.push({
          key: entry.key,
          items: values.map(({ value, node }) => {
            const target = referenced.get(node)?.target;
            return { value, page: target ? cardPage(target) : null };
          }),
        });
      }
    }
  }

  const tables = [...links.resolve(page.path)]
    .sort(([a], [b]) => a.start - b.start)
    .map(([directive, resolution]) => tableOf(index, snapshot, page, directive, resolution, language));

  const pointing = links.referencesTo(page.path);
  const namedBy = pointing.references.map((r) => ({ page: cardPage(r.path), key: r.key }));
  // Only lists the site shows: not one on which the build fails, nor one an earlier failure took down.
  const shown = (r: Resolution) => r.expanded && !r.raises && !r.droppedBy;
  const listedOn = [...new Set(pointing.directives.filter((d) => shown(d.resolution) && d.resolution.paths.includes(page.path)).map((d) => d.path))].map(cardPage);

  const count = (severity: number) => diagnostics.filter((d) => (d.severity ?? 1) === severity).length;
  return {
    path: page.path,
    pageType: page.pageType ? { type: page.pageType.type, label: page.pageType.label[language] } : null,
    pageTypes: (snapshot.profile?.pageTypes ?? []).map((t) => t.label[language]),
    profile: snapshot.profile?.name ?? null,
    title: own.title,
    id: own.id,
    toelichting: toelichting?.kind === 'scalar' && typeof toelichting.value === 'string' ? toelichting.value.trim() : null,
    labels,
    references,
    tables,
    namedBy,
    listedOn,
    problems: { errors: count(1), warnings: count(2), hints: count(3) + count(4) },
    findings: [...diagnostics]
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
      .map((d) => ({ ...d.range.start, severity: d.severity === 1 || d.severity === undefined ? 'error' : d.severity === 2 ? 'warning' : 'hint', code: d.code, message: d.message })),
  };
}

function describePage(index: WorkspaceIndex, path: string): CardPage {
  const page = index.page(path);
  return { path, stem: stemOf(path), title: (page && pageTitle(page)) || stemOf(path), id: (page && pageId(page)) ?? null };
}

/** The non-empty scalar values of a key: each list item, or the value itself. */
function scalarsOf(value: FmValue): { value: string; node: FmValue }[] {
  const nodes = value.kind === 'seq' ? value.items : [value];
  const out: { value: string; node: FmValue }[] = [];
  for (const node of nodes) {
    if (node.kind === 'scalar' && node.value !== null && node.value !== '') out.push({ value: String(node.value), node });
  }
  return out;
}

export function tableOf(index: WorkspaceIndex, snapshot: Snapshot, page: PageModel, directive: Directive, resolution: Resolution, language: Language): CardTable {
  const base = {
    line: page.lines.positionAt(directive.start).line,
    source: page.text.slice(directive.start, directive.end),
    name: directive.name,
  };
  // A list on which the site raises, or that an earlier one took down, is not expanded either: say why.
  if (resolution.raises) return { ...base, state: 'raises', note: T.raises[language](resolution.raises.path), headers: [], rows: [], columns: [] };
  if (resolution.droppedBy) {
    return { ...base, state: 'dropped', note: T.dropped[language](page.lines.positionAt(resolution.droppedBy.start).line + 1), headers: [], rows: [], columns: [] };
  }
  if (!resolution.expanded) return { ...base, state: 'not-expanded', note: T.notExpanded[language], headers: [], rows: [], columns: [] };

  // An own list (a measure's requirements) has a table of its own; a generic list the target's columns less its flags.
  const own = directive.kind === 'own' ? snapshot.profile?.render?.ownTables?.[directive.name] : undefined;
  const columns = own
    ? own.cells.map((value, i): TableColumnData => ({ header: own.headers[i] ?? '', value, show: value === 'title' || value === 'id' ? 'link' : 'text' }))
    : visibleColumns(snapshot.profile?.directives.table?.[directive.target] ?? snapshot.profile?.directives.table?.['*'] ?? DEFAULT_TABLE, directive.flags);
  const rows = resolution.paths.map((path) => {
    const listed = describePage(index, path);
    const meta = siteMeta(index.page(path));
    return { page: listed, cells: columns.map((column) => cellOf(column, listed, meta)) };
  });
  const state = rows.length === 0 ? 'empty' : 'table';
  return { ...base, state, note: rows.length === 0 ? T.empty[language] : T.lists[language](rows.length), headers: columns.map((c) => c.header), rows, columns };
}

/** Without table data in the profile: the title alone. */
const DEFAULT_TABLE: TableColumnData[] = [{ header: 'Titel', value: 'title' }];

/** The columns left after the directive's flags, read in order as the site does (`no-x` hides, `add-x` shows). */
function visibleColumns(columns: readonly TableColumnData[], flags: readonly string[]): TableColumnData[] {
  const shown = new Map(columns.map((c) => [c, !c.hidden]));
  for (const flag of flags) {
    const dash = flag.indexOf('-');
    const [prefix, name] = [flag.slice(0, dash), flag.slice(dash + 1)];
    for (const column of columns) if (column.column === name) shown.set(column, prefix !== 'no');
  }
  return columns.filter((c) => shown.get(c));
}

function cellOf(column: TableColumnData, listed: CardPage, meta: Record<string, unknown>): string[] {
  if (column.value === 'title') return [listed.title];
  const raw = meta[column.value];
  // The site shows the id without its `urn:nl:ak:xxx:` prefix.
  if (column.value === 'id') return typeof raw === 'string' && raw !== '' ? [raw.slice(raw.lastIndexOf(':') + 1)] : [];
  // The law code: the id's part before its first `-` (`avg` of `urn:nl:ak:ver:avg-01`), as the site writes it.
  if (column.value === 'wetcode') {
    const id = meta.id;
    const code = typeof id === 'string' ? id.slice(id.lastIndexOf(':') + 1).split('-')[0] : '';
    return code ? [code.toUpperCase()] : [];
  }
  if (Array.isArray(raw)) return raw.filter((v) => v !== null && v !== undefined).map(valueText);
  return raw === null || raw === undefined || raw === '' ? [] : [valueText(raw)];
}

/**
 * The card as Markdown, for `ak render`: headings per part, a table per list, the site's headers. Everything
 * that comes from a page (titles, values, messages that quote them, paths) is escaped as Markdown text
 * (markdownEscape.ts), so what renders this Markdown shows what the author wrote, never markup made of it.
 */
export function cardToMarkdown(card: PageCard, language: Language): string {
  const text = markdownText;
  const cell = (value: string) => text(value).replace(/\|/g, '\\|');
  const pageRef = (page: CardPage) => `${text(page.title)} (${text(page.path)})`;
  const out: string[] = [`# ${text(card.title)}`, ''];
  out.push(text([card.pageType?.label ?? T.noType[language](card.pageTypes), card.id, card.path].filter(Boolean).join(' · ')));
  out.push(T.problems[language](card.problems.errors, card.problems.warnings, card.problems.hints), '');
  if (card.findings.length > 0) {
    for (const f of card.findings) out.push(`- ${T.line[language](f.line + 1)}:${f.character + 1} ${T.severity[language][f.severity]} ${markdownCode(f.code)} ${text(f.message)}`);
    out.push('');
  }
  if (card.toelichting) out.push(text(card.toelichting), '');
  if (card.labels.length > 0) {
    out.push(`## ${T.labels[language]}`, '');
    for (const label of card.labels) {
      const values = label.values.map((v) => (v.known ? (v.title && v.title !== v.value ? `${text(v.value)} (${text(v.title)})` : text(v.value)) : `${text(v.value)} (${T.unknownValue[language]})`));
      out.push(`- ${text(label.key)}: ${values.join(', ')}`);
    }
    out.push('');
  }
  if (card.references.length > 0) {
    out.push(`## ${T.references[language]}`, '');
    for (const reference of card.references) {
      for (const item of reference.items) out.push(`- ${text(reference.key)}: ${text(item.value)} → ${item.page ? pageRef(item.page) : T.missing[language]}`);
    }
    out.push('');
  }
  if (card.tables.length > 0) {
    out.push(`## ${T.tables[language]}`, '');
    for (const table of card.tables) {
      out.push(`### ${T.line[language](table.line + 1)}: ${markdownCode(table.source)}`, '', text(table.note), '');
      if (table.rows.length === 0) continue;
      out.push(`| ${table.headers.map(cell).join(' | ')} |`, `|${table.headers.map(() => '---|').join('')}`);
      for (const row of table.rows) out.push(`| ${row.cells.map((values) => cell(values.join(', '))).join(' | ')} |`);
      out.push('');
    }
  }
  if (card.namedBy.length > 0) {
    out.push(`## ${T.namedBy[language]}`, '');
    for (const { page, key } of card.namedBy) out.push(`- ${text(key)}: ${pageRef(page)}`);
    out.push('');
  }
  if (card.listedOn.length > 0) {
    out.push(`## ${T.listedOn[language]}`, '');
    for (const page of card.listedOn) out.push(`- ${pageRef(page)}`);
    out.push('');
  }
  return out.join('\n').replace(/\n+$/, '\n');
}
