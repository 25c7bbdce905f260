// Diagnostics about a page's links: its `list_*` directives (resolved as the site resolves them), its
// `vereiste:`/`maatregel:` references, and its file name.
import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import type { Directive, Resolution } from '../directives';
import { findEntry, valueText } from '../frontmatter';
import { siteMeta, type LinkGraph } from '../links';
import { nearest } from '../nearest';
import { RELATED } from '../messages';
import { sitePath, stemOf } from '../profile';
import type { PageModel, Snapshot, WorkspaceIndex } from '../workspaceIndex';
import type { DiagnosticBuilder } from './diagnostics';

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function linkDiagnostics(index: WorkspaceIndex, snapshot: Snapshot, graph: LinkGraph, page: PageModel, out: DiagnosticBuilder): void {
  fileNameDiagnostics(graph, page, out);
  // Pages outside the docs folder (templates, includes) are not built by the site: their directives mean nothing there.
  if (!snapshot.profile || sitePath(snapshot.profile, page.path) === undefined) return;
  referenceDiagnostics(graph, page, out);
  const { nearMisses } = graph.scan(page.path);
  for (const miss of nearMisses) {
    out.add(
      'directive.not-expanded',
      page.lines.range(miss.start, miss.end),
      { reason: miss.reason, written: miss.written, suggestions: miss.known },
      miss.reason === 'in-code' ? { severity: DiagnosticSeverity.Hint } : {},
    );
  }
  if (index.complete) {
    const resolved = graph.resolve(page.path);
    // How many directives each one took down with it, counted once for the page (a page may hold thousands).
    const dropped = new Map<Directive, number>();
    for (const resolution of resolved.values()) if (resolution.droppedBy) dropped.set(resolution.droppedBy, (dropped.get(resolution.droppedBy) ?? 0) + 1);
    for (const [directive, resolution] of resolved) directiveDiagnostics(index, snapshot, graph, page, directive, resolution, dropped, out);
  } else {
    // Not every page is indexed yet: what the directives list (and so whether one is empty, raises, or
    // filters on a key no page uses) waits; what the page itself says is checked now. Same order as resolved.
    const directives = [...graph.scan(page.path).directives].sort((a, b) => a.pass - b.pass || a.start - b.start);
    for (const directive of directives) directiveDiagnostics(index, snapshot, graph, page, directive, undefined, undefined, out);
  }
}

function fileNameDiagnostics(graph: LinkGraph, page: PageModel, out: DiagnosticBuilder): void {
  const name = page.path.slice(page.path.lastIndexOf('/') + 1);
  const range = page.lines.lineRange(0);
  if (/\s/.test(name)) out.add('file.whitespace-in-name', range, { name });
  if (/\.md\.md$/i.test(name)) out.add('file.double-extension', range, { name });
  const others = graph.sameNameIgnoringCase(page.path).filter((p) => p !== page.path);
  if (others.length > 0) {
    out.add('file.case-conflict', range, { name: page.path, others }, { related: others.map((path) => ({ path, range: ZERO, message: RELATED.sameName[out.language] })) });
  }
}

function referenceDiagnostics(graph: LinkGraph, page: PageModel, out: DiagnosticBuilder): void {
  for (const ref of graph.referencesOf(page.path)) {
    if (ref.target) continue;
    const { caseMatch, suggestions } = graph.suggestStems(ref.targetType, ref.value);
    const related = caseMatch ? graph.stems(ref.targetType).get(caseMatch)!.map((path) => ({ path, range: ZERO, message: caseMatch })) : undefined;
    out.add('reference.unknown-target', ref.node.range, { key: ref.key, value: ref.value, targetType: ref.targetType, suggestions, caseOnly: Boolean(caseMatch) }, { related });
  }
}

/** Range of part of a token (`key` or `value` of `key/value`). */
function partRange(page: PageModel, start: number, text: string, part: 'key' | 'value'): Range {
  const slash = text.indexOf('/');
  return part === 'key' ? page.lines.range(start, start + slash) : page.lines.range(start + slash + 1, start + text.length);
}

function directiveDiagnostics(
  index: WorkspaceIndex,
  snapshot: Snapshot,
  graph: LinkGraph,
  page: PageModel,
  directive: Directive,
  resolution: Resolution | undefined,
  droppedBy: ReadonlyMap<Directive, number> | undefined,
  out: DiagnosticBuilder,
): void {
  const profile = snapshot.profile!;
  const data = profile.directives;
  const nameRange = page.lines.range(directive.nameStart, directive.nameEnd);
  let explained = false;

  // Tokens the site ignores or chokes on.
  const used = directive.filters[0]?.token.text ?? null;
  for (const { token, role } of directive.tokens) {
    const range = page.lines.range(token.start, token.end);
    if (role === 'ignored-filter') out.add('directive.ignored-filter', range, { token: token.text, used });
    else if (role === 'glued') {
      out.add('directive.glued-name', page.lines.range(directive.nameStart, token.end), { written: page.text.slice(directive.nameStart, token.end), name: directive.name, token: token.text });
    } else if (role === 'malformed') out.add('directive.malformed-token', token.text === '' ? nameRange : range, { token: token.text });
    else if (role === 'ignored') {
      const columns = data.columns[directive.target] ?? data.columns['*'] ?? [];
      const prefix = ['no-', 'add-', ...data.flagPrefixes].find((p) => token.text.startsWith(p));
      let reason: 'unknown-flag' | 'flag-position' | 'not-a-flag' | 'malformed' = 'not-a-flag';
      if (token.text.split('/').length > 2) reason = 'malformed';
      else if (prefix && data.flagPrefixes.includes(prefix) && columns.includes(token.text.slice(prefix.length))) reason = 'flag-position';
      else if (prefix) reason = 'unknown-flag';
      out.add('directive.ignored-token', range, { token: token.text, reason, columns: columns.map((c) => `${data.flagPrefixes[0] ?? 'no-'}${c}`) });
    }
  }

  // Filters: key used by no candidate, value outside its domain, a requirement page listing another's measures.
  // Until every page is indexed, only filters on a key of the listed type's schema are checked.
  const candidateSet = resolution ? graph.candidates(directive.target) : undefined;
  const targetType = profile.pageTypes.find((t) => t.type === directive.target);
  const referenceKeys = targetType ? graph.referenceKeys(targetType.schema) : new Map<string, string>();
  for (const filter of directive.filters) {
    const { key, value, token } = filter;
    if (!candidateSet && !(targetType && snapshot.schemas.keys(targetType.schema).includes(key))) continue;
    if (candidateSet && !candidateSet.keyCount(key)) {
      const known = new Set<string>([...(targetType ? snapshot.schemas.keys(targetType.schema) : []), ...candidateSet.usedKeys()]);
      out.add('directive.unknown-filter-key', partRange(page, token.start, token.text, 'key'), { name: directive.name, key, suggestions: nearest(key, known) });
      explained = true;
      continue;
    }
    const refType = referenceKeys.get(key);
    const valueRange = partRange(page, token.start, token.text, 'value');
    if (refType) {
      if (page.pageType?.type === refType && value !== page.stem) {
        out.add('directive.foreign-stem', valueRange, { key, value, own: page.stem });
        explained = true;
        continue;
      }
      if (!graph.stems(refType).has(value)) {
        const { caseMatch, suggestions } = graph.suggestStems(refType, value);
        const label = profile.pageTypes.find((t) => t.type === refType)?.label[out.language] ?? refType;
        out.add('directive.unknown-filter-value', valueRange, {
          key,
          value,
          domain: out.language === 'nl' ? `${label}-pagina` : `${label} page`,
          suggestions,
          caseOnly: Boolean(caseMatch),
        });
        explained = true;
      }
      continue;
    }
    const vocabulary = snapshot.vocabularies.get(key);
    if (vocabulary && vocabulary.source !== 'none' && !vocabulary.values.has(value)) {
      const values = [...vocabulary.values.keys()];
      const caseMatch = values.find((v) => v.toLowerCase() === value.toLowerCase());
      const label = vocabulary.label[out.language];
      out.add('directive.unknown-filter-value', valueRange, {
        key,
        value,
        domain: out.language === 'nl' ? `waarde voor ${label}` : `${label} value`,
        suggestions: caseMatch ? [caseMatch] : nearest(value, values),
        caseOnly: Boolean(caseMatch),
      });
      explained = true;
    }
  }

  // What the site does with it.
  if (!resolution || !droppedBy) return;
  if (resolution.raises) {
    const { cause, key, path } = resolution.raises;
    const token =
      cause === 'malformed'
        ? directive.tokens.find((t) => t.role === 'malformed')?.token
        : directive.filters.find((f) => f.key === key)?.token;
    const other = index.page(path);
    const entry = key ? findEntry(other?.frontmatter?.entries ?? [], key) : undefined;
    const dropped = droppedBy.get(directive) ?? 0;
    out.add(
      'directive.raises',
      token ? page.lines.range(token.start, token.end) : nameRange,
      { cause, key: key ?? null, page: path, effect: data.nullValue, dropped },
      { related: [{ path, range: entry?.value.range ?? ZERO, message: key ?? path }] },
    );
    return;
  }
  if (resolution.droppedBy) {
    const by = resolution.droppedBy;
    const line = page.lines.positionAt(by.start).line;
    out.add('directive.dropped', nameRange, { by: page.text.slice(by.start, by.end), line }, { related: [{ path: page.path, range: page.lines.range(by.start, by.end), message: by.name }] });
    return;
  }
  if (resolution.viaString.length > 0) {
    for (const filter of directive.filters) {
      const pages = resolution.viaString.filter((v) => v.key === filter.key).map((v) => v.path);
      if (pages.length === 0) continue;
      const related = pages.map((path) => {
        const entry = findEntry(index.page(path)?.frontmatter?.entries ?? [], filter.key);
        return { path, range: entry?.value.range ?? ZERO, message: `${filter.key}: ${valueText(siteMeta(index.page(path))[filter.key])}` };
      });
      out.add('directive.string-match', page.lines.range(filter.token.start, filter.token.end), { key: filter.key, value: filter.value, pages: pages.map(stemOf) }, { related });
    }
  }
  if (directive.kind === 'list' && resolution.expanded && resolution.paths.length === 0 && !explained) {
    out.add('directive.empty', page.lines.range(directive.start, directive.end), { name: directive.name, params: directive.params });
  }
}
