// Quick fixes: each reads a diagnostic's typed `data` and range and the page text, and proposes edits of
// that one page. A fix is offered only where its result is certain to be what the diagnostic asks for;
// anything that needs a choice the data cannot make (which value to fill in, which file to rename) is
// left to the author.
import { ACTION_TITLES, type ActionTitle } from '../messages';
import { editDistance } from '../nearest';
import type { AkDiagnostic, DiagnosticCode, Language, Range } from '../types';
import { valueAt } from '../frontmatter';
import { applyTextEdits, stripBom } from '../text';
import type { PageModel } from '../workspaceIndex';

export interface AkTextEdit {
  range: Range;
  newText: string;
}

/** One quick fix: edits of one page, for one diagnostic. */
export interface AkCodeAction {
  title: string;
  kind: 'quickfix';
  diagnostic: AkDiagnostic;
  /** The fix to apply when there is no doubt (VS Code's "auto fix"): at most one per diagnostic. */
  isPreferred: boolean;
  path: string;
  edits: AkTextEdit[];
}

/** How many suggestions become fixes (the diagnostic's message may name more). */
const MAX_SUGGESTIONS = 3;

type Fixer<C extends DiagnosticCode> = (d: AkDiagnostic<C>, page: PageModel, fix: FixBuilder) => void;

class FixBuilder {
  readonly actions: AkCodeAction[] = [];

  constructor(
    private readonly page: PageModel,
    private readonly diagnostic: AkDiagnostic,
    private readonly language: Language,
  ) {}

  add<T extends keyof typeof ACTION_TITLES>(title: T, args: Parameters<ActionTitle<T>>[0], edits: AkTextEdit[], isPreferred = false): void {
    const render = ACTION_TITLES[title][this.language] as (a: typeof args) => string;
    this.actions.push({ title: render(args), kind: 'quickfix', diagnostic: this.diagnostic, isPreferred, path: this.page.path, edits });
  }
}

/** The text `range` covers. */
function textOf(page: PageModel, range: Range): string {
  return page.text.slice(page.lines.offsetAt(range.start), page.lines.offsetAt(range.end));
}

/**
 * `key: text` → `key:` with one `- item` line per item below it, at the key's column (the content's own
 * style); undefined when the value is not on the key's line.
 */
function makeListEdit(page: PageModel, range: Range, items: string[]): AkTextEdit | undefined {
  const line = range.start.line;
  if (range.end.line !== line) return undefined;
  const lineStart = page.lines.lineStart(line);
  const colon = page.text.lastIndexOf(':', page.lines.offsetAt(range.start) - 1);
  if (colon < lineStart) return undefined;
  const indent = /^[ \t]*/.exec(page.text.slice(lineStart, colon))![0];
  const eol = page.text.includes('\r\n') ? '\r\n' : '\n';
  return { range: page.lines.range(colon + 1, page.lines.offsetAt(range.end)), newText: items.map((item) => `${eol}${indent}- ${item}`).join('') };
}

/** `value` written the way `written` was: in the same quotes when it was quoted. */
function likeWritten(value: string, written: string): string {
  const quote = written[0];
  if ((quote === '"' || quote === "'") && written.endsWith(quote) && written.length >= 2) return `${quote}${value}${quote}`;
  return value;
}

/**
 * Whether replacing `value` by `suggestion` is beyond doubt: a case slip, a stray `.md` or blanks, or one
 * typed character off when nothing else is near. Anything further may be a different page or label on
 * purpose, so it is offered but not preferred (and `ak check --fix` leaves it).
 */
function certain(value: string, suggestion: string, suggestions: string[], caseOnly: boolean): boolean {
  if (caseOnly) return true;
  if (suggestions.length !== 1) return false;
  return value.trim().replace(/\.md$/i, '') === suggestion || editDistance(value, suggestion, 2) <= 1;
}

/** Offers "change to <suggestion>" for the first suggestions; the first is preferred when it is certain. */
function replaceWithSuggestions(
  d: AkDiagnostic,
  page: PageModel,
  fix: FixBuilder,
  value: string,
  suggestions: string[],
  caseOnly: boolean,
  title: 'changeTo' | 'renameKey' = 'changeTo',
): void {
  const written = textOf(page, d.range);
  // In a directive, a value with a blank would become two tokens.
  if (d.code.startsWith('directive.')) suggestions = suggestions.filter((s) => !/\s/.test(s));
  suggestions.slice(0, MAX_SUGGESTIONS).forEach((suggestion, i) => {
    fix.add(title, { value: suggestion }, [{ range: d.range, newText: likeWritten(suggestion, written) }], i === 0 && certain(value, suggestion, suggestions, caseOnly));
  });
}

/** The edit that deletes line `line` with its line break. */
function deleteLine(page: PageModel, line: number): AkTextEdit {
  const { lines } = page;
  const start = lines.lineStart(line);
  const end = line + 1 < lines.lineCount ? lines.lineStart(line + 1) : lines.text.length;
  // The last line has no break of its own: take the one before it instead.
  const from = end === lines.text.length && line > 0 && end === lines.lineEnd(line) ? lines.lineEnd(line - 1) : start;
  return { range: lines.range(from, end), newText: '' };
}

/** Whether `range` (on one line) has only text matching `before` and `after` around it on its line. */
function aloneOnLine(page: PageModel, range: Range, before: RegExp, after: RegExp): boolean {
  if (range.start.line !== range.end.line) return false;
  const line = range.start.line;
  const text = page.text.slice(page.lines.lineStart(line), page.lines.lineEnd(line));
  return before.test(text.slice(0, range.start.character)) && after.test(text.slice(range.end.character));
}

/** Blanks and an optional YAML comment: what may follow a list item on its line. */
const REST_OF_ITEM = /^[ \t]*(?:#.*)?$/;

/** Deletes `range` together with the whitespace before it (a token in a directive's parameters). */
function deleteWithSpaceBefore(page: PageModel, range: Range): AkTextEdit {
  let start = page.lines.offsetAt(range.start);
  while (start > 0 && (page.text[start - 1] === ' ' || page.text[start - 1] === '\t')) start--;
  return { range: page.lines.range(start, page.lines.offsetAt(range.end)), newText: '' };
}

const FIXERS: { [C in DiagnosticCode]?: Fixer<C> } = {
  'frontmatter.unknown-value': (d, page, fix) => replaceWithSuggestions(d, page, fix, d.data.value, d.data.suggestions, d.data.caseOnly),
  'reference.unknown-target': (d, page, fix) => replaceWithSuggestions(d, page, fix, d.data.value, d.data.suggestions, d.data.caseOnly),
  'directive.unknown-filter-value': (d, page, fix) => replaceWithSuggestions(d, page, fix, d.data.value, d.data.suggestions, d.data.caseOnly),
  // Only where the range is the label or operator itself (in a value with escapes it is the whole value).
  'expression.unknown-label': (d, page, fix) => {
    if (textOf(page, d.range) === d.data.label) replaceWithSuggestions(d, page, fix, d.data.label, d.data.suggestions, d.data.caseOnly);
  },
  'expression.single-operator': (d, page, fix) => {
    if (textOf(page, d.range) === d.data.operator) fix.add('writeAs', { text: d.data.operator.repeat(2) }, [{ range: d.range, newText: d.data.operator.repeat(2) }], true);
  },
  'directive.unknown-filter-key': (d, page, fix) => replaceWithSuggestions(d, page, fix, d.data.key, d.data.suggestions, false),
  'frontmatter.unknown-key': (d, page, fix) => replaceWithSuggestions(d, page, fix, d.data.key, d.data.suggestions, false, 'renameKey'),

  'directive.foreign-stem': (d, _page, fix) => {
    // A stem with a blank cannot be a filter value: the site would split it into two tokens.
    if (/\s/.test(d.data.own)) return;
    fix.add('changeToOwn', { value: d.data.own }, [{ range: d.range, newText: d.data.own }], true);
  },

  'frontmatter.duplicate-value': (d, page, fix) => {
    if (aloneOnLine(page, d.range, /^[ \t]*-[ \t]+$/, REST_OF_ITEM)) {
      fix.add('removeRepeated', { value: d.data.value }, [deleteLine(page, d.range.start.line)], true);
      return;
    }
    // A flow list: the item with the comma before it.
    let start = page.lines.offsetAt(d.range.start);
    let k = start - 1;
    while (k >= 0 && /\s/.test(page.text[k])) k--;
    if (page.text[k] !== ',') return;
    start = k;
    while (start > 0 && (page.text[start - 1] === ' ' || page.text[start - 1] === '\t')) start--;
    fix.add('removeRepeated', { value: d.data.value }, [{ range: page.lines.range(start, page.lines.offsetAt(d.range.end)), newText: '' }], true);
  },

  'frontmatter.wrong-type': (d, page, fix) => {
    const { path, actual, expected } = d.data;
    const line = d.range.start.line;
    if (actual === 'null' && typeof path[path.length - 1] === 'number') {
      // An empty list item: its range is its `-`. Not the only item: without it the key would be empty,
      // which the site treats worse (a filter raises on it) than a list holding one empty value.
      const list = valueAt(page.frontmatter?.entries ?? [], path.slice(0, -1));
      const others = list?.kind === 'seq' ? list.items.filter((item) => !(item.kind === 'scalar' && item.source === '')).length : 0;
      if (others > 0 && textOf(page, d.range) === '-' && aloneOnLine(page, d.range, /^[ \t]*$/, REST_OF_ITEM)) {
        fix.add('removeEmptyItem', {}, [deleteLine(page, line)], true);
      }
      return;
    }
    if (expected.split(',').includes('array') && actual === 'string' && path.length === 1) {
      const edit = makeListEdit(page, d.range, [textOf(page, d.range)]);
      if (edit) fix.add('makeList', { key: String(path[0]) }, [edit], true);
    }
  },

  'frontmatter.list-as-text': (d, page, fix) => {
    // One item as written (quotes kept) when the text is one word; else one item per word. Preferred only
    // when the reader sees no difference: otherwise the list applies what is written, not what the site did.
    const { written, same, key } = d.data;
    const edit = makeListEdit(page, d.range, written.length === 1 ? [textOf(page, d.range)] : written);
    if (edit) fix.add('makeList', { key }, [edit], same);
  },

  // Body contracts: the template's text where it belongs. A section heading alone is no content, so that fix is
  // never preferred; a comment the site replaces is certain where its place is known.
  'body.missing-section': (d, page, fix) => {
    const eol = page.text.includes('\r\n') ? '\r\n' : '\n';
    const heading = d.data.insert;
    const edit = d.data.before
      ? { range: { start: { line: d.range.start.line, character: 0 }, end: { line: d.range.start.line, character: 0 } }, newText: `${heading}${eol}${eol}` }
      : { range: { start: d.range.end, end: d.range.end }, newText: `${eol}${eol}${heading}${eol}` };
    fix.add('insertSection', { heading: d.data.section }, [edit]);
  },
  'body.missing-marker': (d, page, fix) => {
    const eol = page.text.includes('\r\n') ? '\r\n' : '\n';
    const edit = d.data.section
      ? { range: { start: d.range.end, end: d.range.end }, newText: `${eol}${d.data.marker}` }
      : { range: { start: { line: d.range.start.line, character: 0 }, end: { line: d.range.start.line, character: 0 } }, newText: `${d.data.marker}${eol}${eol}` };
    fix.add('insertComment', { text: d.data.marker }, [edit], true);
  },
  'body.missing-own-list': (d, page, fix) => {
    const eol = page.text.includes('\r\n') ? '\r\n' : '\n';
    if (d.data.sectionPresent) {
      fix.add('insertComment', { text: d.data.insert }, [{ range: { start: d.range.end, end: d.range.end }, newText: `${eol}${eol}${d.data.insert}` }], true);
    } else {
      const end = page.lines.positionAt(page.text.replace(/\s+$/, '').length);
      fix.add('insertComment', { text: d.data.insert }, [{ range: { start: end, end }, newText: `${eol}${eol}## ${d.data.section}${eol}${eol}${d.data.insert}${eol}` }]);
    }
  },

  'frontmatter.title-period': (d, page, fix) => {
    const written = textOf(page, d.range);
    const quoted = /^["']/.test(written) && written.endsWith(written[0]) && written.length >= 2;
    const body = quoted ? written.slice(0, -1) : written;
    const trimmed = body.replace(/\s+$/, '');
    if (!trimmed.endsWith('.')) return;
    const at = page.lines.offsetAt(d.range.start) + trimmed.length - 1;
    fix.add('removePeriod', {}, [{ range: page.lines.range(at, at + 1), newText: '' }], true);
  },

  'frontmatter.close-needs-newline': (_d, page, fix) => {
    const eol = page.text.includes('\r\n') ? '\r\n' : '\n';
    const end = page.text.length;
    fix.add('addLineBreak', {}, [{ range: page.lines.range(end, end), newText: eol }], true);
  },

  'directive.not-expanded': (d, page, fix) => {
    const written = textOf(page, d.range);
    const { reason } = d.data;
    if (reason === 'spacing' || reason === 'multi-line') {
      const m = /^<!--([\s\S]*?)-->$/.exec(written);
      if (!m) return;
      const canonical = `<!-- ${m[1].trim().split(/\s+/).join(' ')} -->`;
      if (canonical !== written) fix.add('writeAs', { text: canonical }, [{ range: d.range, newText: canonical }], true);
    } else if (reason === 'unknown-name') {
      const at = written.indexOf(d.data.written);
      if (at < 0) return;
      const start = page.lines.offsetAt(d.range.start) + at;
      const range = page.lines.range(start, start + d.data.written.length);
      d.data.suggestions.slice(0, MAX_SUGGESTIONS).forEach((name, i) => {
        fix.add('changeTo', { value: name }, [{ range, newText: name }], i === 0 && d.data.suggestions.length === 1);
      });
    } else if (reason === 'unclosed') {
      const line = d.range.start.line;
      const text = page.text.slice(page.lines.lineStart(line), page.lines.lineEnd(line));
      const end = page.lines.lineStart(line) + text.replace(/\s+$/, '').length;
      fix.add('closeComment', {}, [{ range: page.lines.range(end, page.lines.lineEnd(line)), newText: ' -->' }], true);
    }
  },

  'directive.ignored-token': (d, page, fix) => {
    fix.add('removeToken', { token: d.data.token }, [deleteWithSpaceBefore(page, d.range)]);
  },
  'directive.ignored-filter': (d, page, fix) => {
    fix.add('removeToken', { token: d.data.token }, [deleteWithSpaceBefore(page, d.range)]);
  },
};

/** The quick fixes for `diagnostics` (of `page`), in their order. */
export function codeActionsFor(page: PageModel, diagnostics: AkDiagnostic[], language: Language): AkCodeAction[] {
  const actions: AkCodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const fixer = FIXERS[diagnostic.code] as Fixer<DiagnosticCode> | undefined;
    if (!fixer) continue;
    const fix = new FixBuilder(page, diagnostic, language);
    fixer(diagnostic as AkDiagnostic<DiagnosticCode>, page, fix);
    actions.push(...fix.actions);
  }
  return actions;
}

/** Whether two ranges share a position (a cursor touching a diagnostic's edge counts). */
export function touches(a: Range, b: Range): boolean {
  const before = (p: Range['start'], q: Range['start']) => p.line < q.line || (p.line === q.line && p.character < q.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

export const WHOLE: Range = { start: { line: 0, character: 0 }, end: { line: Number.MAX_SAFE_INTEGER, character: 0 } };

/** Whether position `a` comes strictly before `b`. */
function before(a: Range['start'], b: Range['start']): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** The preferred fixes among `actions` whose edits do not touch each other's (first come, first kept). */
export function compatiblePreferred(actions: AkCodeAction[]): AkCodeAction[] {
  const chosen: AkCodeAction[] = [];
  const clash = (a: AkCodeAction, b: AkCodeAction) => a.edits.some((x) => b.edits.some((y) => !(before(x.range.end, y.range.start) || before(y.range.end, x.range.start))));
  for (const action of actions) if (action.isPreferred && !chosen.some((c) => clash(c, action))) chosen.push(action);
  return chosen;
}

/**
 * Applies the preferred fixes of every page in `paths` through `read`/`write` until none is left (a fix
 * can reveal the next: two spellings fixed to one value become a repetition). `codeActions` must see
 * what `write` wrote. Returns the number of fixes per changed page. A BOM stays where it was.
 */
export function fixAllPreferred(
  codeActions: (path: string, range: Range) => AkCodeAction[],
  paths: () => readonly string[],
  read: (path: string) => string | undefined,
  write: (path: string, text: string) => void,
): Map<string, number> {
  const fixed = new Map<string, number>();
  for (let round = 0; round < 10; round++) {
    let progress = false;
    for (const path of paths()) {
      const chosen = compatiblePreferred(codeActions(path, WHOLE));
      const raw = chosen.length ? read(path) : undefined;
      if (raw === undefined) continue;
      const text = stripBom(raw);
      const next = applyTextEdits(text, chosen.flatMap((a) => a.edits));
      if (next === text) continue;
      write(path, raw.slice(0, raw.length - text.length) + next);
      fixed.set(path, (fixed.get(path) ?? 0) + chosen.length);
      progress = true;
    }
    if (!progress) break;
  }
  return fixed;
}
