// The coverage report: what is left uncovered in the content, for the editor's coverage view and `ak report`.
// Requirements no measure names, measures that name no (existing) requirement, tools linked to nothing, pages no
// list on the site shows, and how many pages of each type each levenscyclus phase and onderwerp has. Built from
// the per-page summaries, each page's facts (the names it gives) and the link graph's resolve, one pass over the pages.
import type { LinkGraph } from '../links';
import { markdownCode, markdownText } from '../markdownEscape';
import { COVERAGE as T } from '../messages';
import type { Language } from '../types';
import type { Snapshot, WorkspaceIndex } from '../workspaceIndex';
import { typePlural, type PageSummary } from './summaries';

export interface CoverageItem {
  path: string;
  type: string;
  stem: string;
  /** The id's code (`aia-14`), or null. */
  code: string | null;
  title: string | null;
  /** For a measure or tool: the names it gives that are no page (empty when it names none at all). */
  missing?: string[];
}

export interface CoverageCount {
  /** The label value (`ontwerp`), and the title and path of its page, when it has one. */
  value: string;
  title: string | null;
  path: string | null;
  /** Pages per page type that carry the value. */
  counts: Record<string, number>;
}

export interface CoverageReport {
  profile: string | null;
  /** Content pages per page type. */
  pages: Record<string, number>;
  /** Requirements that no measure names in its `vereiste:` (so their list of measures is empty). */
  requirementsWithoutMeasures: CoverageItem[];
  /** Measures whose `vereiste:` names no requirement, or only names that are no page (`missing`). */
  measuresWithoutRequirements: CoverageItem[];
  /** Tools (every other content type) that name no existing page and that no page names. */
  toolsLinkedToNothing: CoverageItem[];
  /** Content pages that no list on the site shows (no expanded directive lists them). */
  pagesOnNoList: CoverageItem[];
  /** Per levenscyclus phase and per onderwerp (2024: bouwblok), in the vocabulary's order. */
  byPhase: CoverageCount[];
  byTopic: CoverageCount[];
  /** The page types, with their labels in the language asked, for whoever draws the report. */
  types: { type: string; label: string; plural: string }[];
}

const REQUIREMENT = 'vereiste';
const MEASURE = 'maatregel';

export function coverage(index: WorkspaceIndex, snapshot: Snapshot, links: LinkGraph, summaries: readonly PageSummary[], language: Language): CoverageReport {
  const item = (s: PageSummary, missing?: string[]): CoverageItem => ({ path: s.path, type: s.type, stem: s.stem, code: s.code, title: s.title, ...(missing ? { missing } : {}) });
  const namedBy = new Map<string, Set<string>>(); // target path → types of the pages naming it
  const listed = new Set<string>();
  const outgoing = new Map<string, { found: number; missing: string[] }>();
  // The names each page gives under its reference keys, from its facts (no page is parsed again for this).
  const keysOf = new Map<string, ReadonlyMap<string, string>>();
  for (const summary of summaries) {
    const facts = index.factsOf(summary.path);
    const schema = facts?.pageType?.schema;
    let keys = schema ? keysOf.get(schema) : undefined;
    if (schema && !keys) keysOf.set(schema, (keys = links.referenceKeys(schema)));
    const out = { found: 0, missing: [] as string[] };
    for (const { key, value } of facts?.named ?? []) {
      const targetType = keys?.get(key);
      if (!targetType || value === '') continue;
      const target = snapshot.stems.get(targetType)?.get(value)?.[0];
      if (!target) {
        out.missing.push(value);
        continue;
      }
      out.found++;
      namedBy.set(target, (namedBy.get(target) ?? new Set()).add(summary.type));
    }
    outgoing.set(summary.path, out);
  }
  // Lists are on any page the site builds (overviews, vocabulary pages), not only content pages.
  for (const path of snapshot.files) for (const resolution of links.resolve(path).values()) if (resolution.expanded) for (const p of resolution.paths) listed.add(p);

  const pages: Record<string, number> = {};
  const report: CoverageReport = {
    profile: snapshot.profile?.name ?? null,
    pages,
    requirementsWithoutMeasures: [],
    measuresWithoutRequirements: [],
    toolsLinkedToNothing: [],
    pagesOnNoList: [],
    byPhase: [],
    byTopic: [],
    types: (snapshot.profile?.pageTypes ?? []).map((t) => ({ type: t.type, label: t.label[language], plural: typePlural(snapshot, t.type, 2, language) })),
  };
  for (const s of summaries) {
    pages[s.type] = (pages[s.type] ?? 0) + 1;
    const out = outgoing.get(s.path)!;
    if (s.type === REQUIREMENT && !namedBy.get(s.path)?.has(MEASURE)) report.requirementsWithoutMeasures.push(item(s));
    else if (s.type === MEASURE && out.found === 0) report.measuresWithoutRequirements.push(item(s, out.missing));
    else if (s.type !== REQUIREMENT && s.type !== MEASURE && out.found === 0 && !namedBy.has(s.path)) report.toolsLinkedToNothing.push(item(s, out.missing));
    if (!listed.has(s.path)) report.pagesOnNoList.push(item(s));
  }
  const counts = (vocabulary: string): CoverageCount[] => {
    const values = snapshot.vocabularies.get(vocabulary)?.values;
    if (!values) return [];
    const rows = new Map<string, CoverageCount>([...values.values()].map((v) => [v.value, { value: v.value, title: v.title ?? null, path: v.path ?? null, counts: {} }]));
    for (const s of summaries) {
      const meta = index.factsOf(s.path)?.meta[vocabulary];
      for (const value of new Set(Array.isArray(meta) ? meta : [])) {
        const row = typeof value === 'string' ? rows.get(value) : undefined;
        if (row) row.counts[s.type] = (row.counts[s.type] ?? 0) + 1;
      }
    }
    return [...rows.values()];
  };
  report.byPhase = counts('levenscyclus');
  report.byTopic = counts(snapshot.vocabularies.has('onderwerp') ? 'onderwerp' : 'bouwblok');
  return report;
}

type Section = 'requirementsWithoutMeasures' | 'measuresWithoutRequirements' | 'toolsLinkedToNothing' | 'pagesOnNoList';
export const COVERAGE_SECTIONS: Section[] = ['requirementsWithoutMeasures', 'measuresWithoutRequirements', 'toolsLinkedToNothing', 'pagesOnNoList'];

/** A page as one line: its id code, title and path. */
function line(item: CoverageItem, language: Language): string {
  const missing = item.missing?.length ? ` (${T.missing[language](item.missing)})` : '';
  return `${item.code ? `${item.code} ` : ''}${item.title ?? item.stem} — ${item.path}${missing}`;
}

/** `ak report`'s text: the counts, each list of pages, and the counts per phase and topic. */
export function coverageToText(report: CoverageReport, language: Language): string {
  const out: string[] = [T.heading[language](report.profile ?? '-', pagesLine(report))];
  for (const section of COVERAGE_SECTIONS) {
    out.push('', `${T[section][language]} (${report[section].length})`);
    for (const item of report[section]) out.push(`  ${line(item, language)}`);
  }
  for (const [title, rows] of [[T.byPhase[language], report.byPhase], [T.byTopic[language], report.byTopic]] as const) {
    if (rows.length === 0) continue;
    const width = Math.max(...rows.map((r) => r.value.length));
    out.push('', `${title}: ${report.types.map((t) => t.plural).join(', ')}`);
    for (const row of rows) out.push(`  ${row.value.padEnd(width)}  ${report.types.map((t) => String(row.counts[t.type] ?? 0).padStart(4)).join(' ')}`);
  }
  return out.join('\n') + '\n';
}

/** `ak report --format markdown`: for a pull request comment. Page text is escaped; lists fold open. */
export function coverageToMarkdown(report: CoverageReport, language: Language): string {
  const esc = markdownText;
  const out: string[] = [`## ${T.title[language]}`, '', esc(T.heading[language](report.profile ?? '-', pagesLine(report))), ''];
  out.push(`| ${T.what[language]} | ${T.count[language]} |`, '|---|---:|');
  for (const section of COVERAGE_SECTIONS) out.push(`| ${T[section][language]} | ${report[section].length} |`);
  for (const section of COVERAGE_SECTIONS) {
    if (report[section].length === 0) continue;
    out.push('', `<details><summary>${T[section][language]} (${report[section].length})</summary>`, '');
    for (const item of report[section]) {
      const missing = item.missing?.length ? ` (${esc(T.missing[language](item.missing))})` : '';
      out.push(`- ${item.code ? `${markdownCode(item.code)} ` : ''}${esc(item.title ?? item.stem)} — ${markdownCode(item.path)}${missing}`);
    }
    out.push('', '</details>');
  }
  for (const [title, rows] of [[T.byPhase[language], report.byPhase], [T.byTopic[language], report.byTopic]] as const) {
    if (rows.length === 0) continue;
    out.push('', `### ${title}`, '', `| | ${report.types.map((t) => t.plural).join(' | ')} |`, `|---|${report.types.map(() => '---:').join('|')}|`);
    for (const row of rows) out.push(`| ${esc(row.value)} | ${report.types.map((t) => row.counts[t.type] ?? 0).join(' | ')} |`);
  }
  return out.join('\n') + '\n';
}

function pagesLine(report: CoverageReport): string {
  return report.types.map((t) => `${report.pages[t.type] ?? 0} ${report.pages[t.type] === 1 ? t.label : t.plural}`).join(', ');
}

/** A node of the editor's coverage view: plain text (the view escapes nothing); `path` opens that page. */
export interface CoverageTreeNode {
  label: string;
  description?: string;
  tooltip?: string;
  path?: string;
  children?: CoverageTreeNode[];
}

/** The coverage view's tree, in the language asked: each section with its pages, then the counts per phase and topic. */
export function coverageTree(report: CoverageReport, language: Language): CoverageTreeNode[] {
  const page = (item: CoverageItem): CoverageTreeNode => ({
    label: `${item.code ? `${item.code} ` : ''}${item.title ?? item.stem}`,
    description: item.missing?.length ? T.missing[language](item.missing) : item.stem,
    tooltip: item.path,
    path: item.path,
  });
  const counts = (rows: CoverageCount[]): CoverageTreeNode[] =>
    rows.map((row) => ({
      label: row.value,
      description: report.types.map((t) => `${row.counts[t.type] ?? 0} ${(row.counts[t.type] ?? 0) === 1 ? t.label : t.plural}`).join(' · '),
      tooltip: row.title ?? row.value,
      ...(row.path ? { path: row.path } : {}),
    }));
  return [
    ...COVERAGE_SECTIONS.map((section) => ({ label: T[section][language], description: String(report[section].length), children: report[section].map(page) })),
    { label: T.byPhase[language], children: counts(report.byPhase) },
    { label: T.byTopic[language], children: counts(report.byTopic) },
  ];
}
