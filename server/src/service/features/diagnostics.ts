// Diagnostics of one document: frontmatter structure and syntax, the page type's schema, and the
// checks the schema cannot express (ids across the workspace, the templates' writing hints).
import { DiagnosticSeverity, type Range } from 'vscode-languageserver-types';
import { findEntry, MAX_YAML_LENGTH, plainEntries, TOO_LARGE, valueAt, type FmEntry, type FmPath, type FmValue } from '../frontmatter';
import { message, RELATED } from '../messages';
import type { SchemaProblem } from '../schema';
import { DIAGNOSTIC_SOURCE, type AkDiagnostic, type DiagnosticCode, type DiagnosticDataByCode, type Language } from '../types';
import type { PageModel, Snapshot, WorkspaceIndex } from '../workspaceIndex';

export const SEVERITY: Record<DiagnosticCode, DiagnosticSeverity> = {
  'frontmatter.yaml-syntax': DiagnosticSeverity.Error,
  'frontmatter.missing': DiagnosticSeverity.Error,
  'frontmatter.unclosed': DiagnosticSeverity.Error,
  'frontmatter.close-needs-newline': DiagnosticSeverity.Error,
  'frontmatter.too-large': DiagnosticSeverity.Warning,
  'file.not-utf8': DiagnosticSeverity.Error,
  'file.not-checked': DiagnosticSeverity.Warning,
  'workspace.folder-reached-twice': DiagnosticSeverity.Warning,
  'frontmatter.not-a-mapping': DiagnosticSeverity.Error,
  'frontmatter.unknown-key': DiagnosticSeverity.Warning,
  'frontmatter.duplicate-key': DiagnosticSeverity.Warning,
  'frontmatter.missing-key': DiagnosticSeverity.Error,
  'frontmatter.wrong-type': DiagnosticSeverity.Error,
  'frontmatter.unknown-value': DiagnosticSeverity.Error,
  'frontmatter.duplicate-value': DiagnosticSeverity.Warning,
  'frontmatter.empty-list': DiagnosticSeverity.Warning,
  'frontmatter.list-as-text': DiagnosticSeverity.Hint,
  'frontmatter.id-format': DiagnosticSeverity.Error,
  'frontmatter.duplicate-id': DiagnosticSeverity.Error,
  'frontmatter.id-filename-mismatch': DiagnosticSeverity.Warning,
  'frontmatter.title-period': DiagnosticSeverity.Hint,
  'frontmatter.toelichting-too-long': DiagnosticSeverity.Hint,
  'frontmatter.schema': DiagnosticSeverity.Error,
  'directive.unknown-filter-key': DiagnosticSeverity.Error,
  'directive.unknown-filter-value': DiagnosticSeverity.Error,
  'directive.foreign-stem': DiagnosticSeverity.Warning,
  'directive.empty': DiagnosticSeverity.Warning,
  'directive.ignored-filter': DiagnosticSeverity.Warning,
  'directive.ignored-token': DiagnosticSeverity.Warning,
  'directive.glued-name': DiagnosticSeverity.Warning,
  'directive.malformed-token': DiagnosticSeverity.Error,
  'directive.not-expanded': DiagnosticSeverity.Warning,
  'directive.string-match': DiagnosticSeverity.Warning,
  'directive.raises': DiagnosticSeverity.Error,
  'directive.dropped': DiagnosticSeverity.Error,
  'reference.unknown-target': DiagnosticSeverity.Error,
  'body.missing-section': DiagnosticSeverity.Hint,
  'body.section-order': DiagnosticSeverity.Hint,
  'body.missing-marker': DiagnosticSeverity.Warning,
  'body.missing-own-list': DiagnosticSeverity.Warning,
  'expression.syntax': DiagnosticSeverity.Error,
  'expression.unknown-label': DiagnosticSeverity.Error,
  'expression.single-operator': DiagnosticSeverity.Warning,
  'glossary.duplicate-term': DiagnosticSeverity.Warning,
  'glossary.empty-definition': DiagnosticSeverity.Warning,
  'file.whitespace-in-name': DiagnosticSeverity.Warning,
  'file.double-extension': DiagnosticSeverity.Warning,
  'file.case-conflict': DiagnosticSeverity.Error,
  'workspace.unknown-layout': DiagnosticSeverity.Error,
  'workspace.config': DiagnosticSeverity.Error,
  'workspace.untrusted': DiagnosticSeverity.Information,
  'workspace.empty-vocabulary': DiagnosticSeverity.Warning,
};

/** Builds diagnostics with their message in one language; `detail` fills a message's `{detail}`. */
export class DiagnosticBuilder {
  readonly diagnostics: AkDiagnostic[] = [];

  constructor(
    readonly language: Language,
    private readonly uri: (path: string) => string,
  ) {}

  add<C extends DiagnosticCode>(
    code: C,
    range: Range,
    data: DiagnosticDataByCode[C],
    extra: { severity?: DiagnosticSeverity; detail?: string; related?: { path: string; range: Range; message: string }[] } = {},
  ): void {
    const diagnostic: AkDiagnostic = {
      range,
      severity: extra.severity ?? SEVERITY[code],
      code,
      source: DIAGNOSTIC_SOURCE,
      message: message(code, data, this.language, extra.detail),
      data,
    } as AkDiagnostic;
    if (extra.related?.length) {
      diagnostic.relatedInformation = extra.related.map((r) => ({ location: { uri: this.uri(r.path), range: r.range }, message: r.message }));
    }
    this.diagnostics.push(diagnostic);
  }
}

/**
 * A page whose bytes are not valid UTF-8 (`offset`: where they stop being, in the page's text): MkDocs reads
 * pages as strict UTF-8 and stops the build on such a file.
 */
export function encodingDiagnostics(page: PageModel, offset: number | undefined, out: DiagnosticBuilder): void {
  if (offset === undefined) return;
  const at = Math.min(Math.max(0, offset), page.text.length);
  out.add('file.not-utf8', page.lines.range(at, Math.min(page.text.length, at + 1)), {});
}

/** Diagnostics about the frontmatter of `page`. */
export function frontmatterDiagnostics(index: WorkspaceIndex, snapshot: Snapshot, page: PageModel, out: DiagnosticBuilder): void {
  const fm = page.frontmatter;
  const type = page.pageType;
  if (!fm) {
    if (type) out.add('frontmatter.missing', page.lines.lineRange(0), { pageType: type.type });
    return;
  }
  if (fm.status === 'unclosed') {
    out.add('frontmatter.unclosed', fm.openRange, {});
    return;
  }
  if (fm.status === 'no-final-newline') {
    out.add('frontmatter.close-needs-newline', page.lines.range(fm.contentEnd, page.text.length), {});
  }
  const tooLarge = fm.problems.find((p) => p.code === TOO_LARGE);
  if (tooLarge) {
    // Not read, so nothing more to say about it.
    out.add('frontmatter.too-large', tooLarge.range, { chars: fm.contentEnd - fm.contentStart, limit: MAX_YAML_LENGTH });
    return;
  }
  for (const problem of fm.problems) {
    out.add('frontmatter.yaml-syntax', problem.range, { yamlCode: problem.code }, { detail: problem.message });
  }
  if (!fm.isMapping) {
    out.add('frontmatter.not-a-mapping', page.lines.range(fm.contentStart, fm.contentEnd), {});
    return;
  }
  duplicateKeys(fm.entries, out);
  if (!type) return;

  const schemaName = type.schema;
  const data = plainEntries(fm.entries);
  for (const problem of snapshot.schemas.validate(schemaName, data)) {
    if (problem.kind === 'missing-key' && fm.brokenKeys.includes(problem.key)) continue;
    schemaDiagnostic(problem, page, fm.openRange, type.type, out, snapshot);
  }
  idChecks(index, snapshot, page, out);
  writingHints(snapshot, page, schemaName, out);
}

function duplicateKeys(entries: FmEntry[], out: DiagnosticBuilder): void {
  for (const entry of entries) {
    const kept = findEntry(entries, entry.key)!;
    if (kept !== entry) out.add('frontmatter.duplicate-key', entry.keyRange, { key: entry.key, kept: kept.keyRange });
  }
}

/** The range a schema problem points at: the value at `path` (an empty list item: its `-`). */
function rangeAt(page: PageModel, path: FmPath, fallback: Range): Range {
  return valueAt(page.frontmatter!.entries, path)?.range ?? fallback;
}

function keyRangeAt(page: PageModel, parent: FmPath, key: string, fallback: Range): Range {
  const entries = page.frontmatter!.entries;
  if (parent.length === 0) return findEntry(entries, key)?.keyRange ?? fallback;
  const node = valueAt(entries, parent);
  return (node?.kind === 'map' ? findEntry(node.entries, key)?.keyRange : undefined) ?? node?.range ?? fallback;
}

function schemaDiagnostic(problem: SchemaProblem, page: PageModel, open: Range, pageType: string, out: DiagnosticBuilder, snapshot: Snapshot): void {
  const key = (path: FmPath) => String(path[0] ?? '');
  switch (problem.kind) {
    case 'missing-key':
      out.add('frontmatter.missing-key', open, { key: problem.key, pageType });
      break;
    case 'unknown-key':
      out.add('frontmatter.unknown-key', keyRangeAt(page, problem.path, problem.key, open), { key: problem.key, pageType, suggestions: problem.suggestions, path: [...problem.path] });
      break;
    case 'wrong-type': {
      const written = valueAt(page.frontmatter!.entries, problem.path);
      const node = snapshot.schemas.nodeAt(page.pageType!.schema, problem.path);
      if (problem.actual === 'string' && node?.['x-text-membership'] === true && written?.kind === 'scalar' && typeof written.value === 'string') {
        listAsText(problem.path, written.value, written.range, snapshot, page, out);
        break;
      }
      out.add(
        'frontmatter.wrong-type',
        rangeAt(page, problem.path, open),
        { key: problem.path.join('.'), path: problem.path, expected: problem.expected, actual: problem.actual },
        problem.tolerated ? { severity: DiagnosticSeverity.Warning } : {},
      );
      break;
    }
    case 'unknown-value':
      out.add('frontmatter.unknown-value', rangeAt(page, problem.path, open), {
        key: key(problem.path),
        path: problem.path,
        value: problem.value,
        vocabulary: problem.vocabulary,
        suggestions: problem.suggestions,
        caseOnly: problem.caseOnly,
      });
      break;
    case 'duplicate-value': {
      const list = valueAt(page.frontmatter!.entries, problem.path);
      if (list?.kind !== 'seq') break;
      const firsts = new Map<string, FmValue>();
      list.items.forEach((item, index) => {
        if (item.kind !== 'scalar') return;
        const text = String(item.value);
        const first = firsts.get(text);
        if (!first) firsts.set(text, item);
        else out.add('frontmatter.duplicate-value', item.range, { key: key(problem.path), value: text, index, first: first.range });
      });
      break;
    }
    case 'empty-list':
      out.add('frontmatter.empty-list', rangeAt(page, problem.path, open), { key: key(problem.path) });
      break;
    case 'pattern':
      if (problem.code === 'frontmatter.id-format') {
        out.add('frontmatter.id-format', rangeAt(page, problem.path, open), { value: problem.value, expected: problem.expected, example: problem.example });
      } else {
        out.add('frontmatter.schema', rangeAt(page, problem.path, open), { key: key(problem.path), path: problem.path, keyword: 'pattern', detail: `"${problem.value}" ≠ ${problem.expected}` }, { detail: problem.expected });
      }
      break;
    case 'other':
      out.add('frontmatter.schema', rangeAt(page, problem.path, open), { key: key(problem.path), path: problem.path, keyword: problem.keyword, detail: problem.detail });
      break;
  }
}

/**
 * Text on a key the site tests with `in`: what the site does with it (each vocabulary value found inside the
 * text applies) against what was written. When they agree the reader sees no difference: a hint.
 */
function listAsText(path: FmPath, value: string, range: Range, snapshot: Snapshot, page: PageModel, out: DiagnosticBuilder): void {
  const vocabulary = snapshot.schemas.nodeAt(page.pageType!.schema, [...path, 0])?.['x-vocabulary'];
  const known = typeof vocabulary === 'string' ? [...(snapshot.vocabularies.get(vocabulary)?.values.keys() ?? [])] : [];
  const applied = known.filter((v) => value.includes(v));
  const written = value.split(/[\s,]+/).filter(Boolean);
  const same = written.length === applied.length && written.every((w) => applied.includes(w));
  out.add('frontmatter.list-as-text', range, { key: String(path[0]), value, applied, written, same }, same ? {} : { severity: DiagnosticSeverity.Warning });
}

/** The URN's last part (`aia-04`) when `value` is a well-formed id for this schema. */
function urnCode(value: string): string | undefined {
  return /^urn:nl:ak:[a-z]+:([a-z]+-[0-9]{2})$/.exec(value)?.[1];
}

function idChecks(index: WorkspaceIndex, snapshot: Snapshot, page: PageModel, out: DiagnosticBuilder): void {
  const id = findEntry(page.frontmatter!.entries, 'id')?.value;
  if (id?.kind !== 'scalar' || typeof id.value !== 'string') return;
  const others = (snapshot.ids.get(id.value) ?? []).filter((p) => p !== page.path);
  if (others.length > 0) {
    const related = others.map((path) => {
      const other = index.page(path);
      const range = other ? findEntry(other.frontmatter?.entries ?? [], 'id')?.value.range : undefined;
      return { path, range: range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: RELATED.sameId[out.language] };
    });
    out.add('frontmatter.duplicate-id', id.range, { value: id.value, others }, { related });
  }
  const code = urnCode(id.value);
  if (code) {
    const fileName = page.path.slice(page.path.lastIndexOf('/') + 1);
    // Upstream names measures `<phase digit>-<code>-...` (2-owp-01-...) and requirements `<code>-...`; the
    // code ends at a `-`, a `.` or the end of the name (`avg-011-...` is not `avg-01`).
    const rest = /^[0-9]-/.test(fileName) && !fileName.startsWith(code) ? fileName.slice(2) : fileName;
    const next = rest.charAt(code.length);
    if (!(rest.startsWith(code) && (next === '' || next === '-' || next === '.'))) {
      out.add('frontmatter.id-filename-mismatch', id.range, { value: id.value, code, fileName });
    }
  }
}

function writingHints(snapshot: Snapshot, page: PageModel, schemaName: string, out: DiagnosticBuilder): void {
  for (const entry of page.frontmatter!.entries) {
    if (entry.value.kind !== 'scalar' || typeof entry.value.value !== 'string') continue;
    const node = snapshot.schemas.nodeAt(schemaName, [entry.key]);
    if (!node) continue;
    const text = entry.value.value.trim();
    if (node['x-no-final-period'] === true && text.endsWith('.') && !text.endsWith('...')) {
      out.add('frontmatter.title-period', entry.value.range, { title: text });
    }
    const max = node['x-max-words'];
    if (typeof max === 'number') {
      const words = text.split(/\s+/).filter(Boolean).length;
      if (words > max) out.add('frontmatter.toelichting-too-long', entry.value.range, { words, max });
    }
  }
}
