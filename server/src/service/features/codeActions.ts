// Quick fixes: each reads a diagnostic's typed `data` and range and the page text, and proposes edits of
// that one page. A fix is offered only where its result is certain to be what the diagnostic asks for;
// anything that needs a choice the data cannot make (which value to fill in, which file to rename) is
// left to the author.
//
// A fix is preferred (and so applied by Fix All, on save and by `ak check --fix`) only when it cannot move
// or swallow text the author wrote: its result is checked (verifyFix) — the frontmatter still reads as the
// site reads it, the Markdown body is unchanged outside the directive comments, and no line of text is
// joined to another.
import { ACTION_TITLES, type ActionTitle } from '../messages';
import { editDistance } from '../nearest';
import type { AkDiagnostic, DiagnosticCode, Language, Range } from '../types';
import { parsePage, valueAt, type ParsedPage } from '../frontmatter';
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

/** The line break that ends `line` (that of the line above for the last line; `\n` when there is none). */
function lineBreakOf(page: PageModel, line: number): string {
  const { lines, text } = page;
  for (const l of [line, line - 1, 0]) {
    if (l < 0 || l + 1 >= lines.lineCount) continue;
    const end = lines.lineEnd(l);
    return text.slice(end, lines.lineStart(l + 1));
  }
  return '\n';
}

/**
 * Whether the parameters of a directive comment written over lines (or left open) are only what a
 * directive holds: `key/value` filters and `no-`/`add-` flags. Then rewriting it on one line, or closing
 * it at its line's end, takes in nothing the author meant as page text. Otherwise (a `--` typed for `-->`
 * runs the comment on over paragraphs, headings and tables) the fix is still offered, never preferred.
 */
function onlyDirectiveTokens(params: string): boolean {
  if (/\n[ \t]*\r?\n|\r[ \t]*\r|<!--/.test(params)) return false;
  return params
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .every((token) => /^[^\s/<>]+\/[^\s/<>]*$/.test(token) || /^(?:no|add)-[\p{L}\p{N}_-]+$/u.test(token));
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
  const eol = lineBreakOf(page, line);
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
      const others = list?.kind === 'seq' && list.items.some((item) => !(item.kind === 'scalar' && item.source === ''));
      if (others && textOf(page, d.range) === '-' && aloneOnLine(page, d.range, /^[ \t]*$/, REST_OF_ITEM)) {
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
    const eol = lineBreakOf(page, d.range.start.line);
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
    const eol = lineBreakOf(page, page.lines.lineCount - 1);
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
      const certain = reason === 'spacing' || onlyDirectiveTokens(m[1].trim().slice(d.data.written.length));
      if (canonical !== written) fix.add('writeAs', { text: canonical }, [{ range: d.range, newText: canonical }], certain);
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
      const after = page.text.slice(page.lines.offsetAt(d.range.end), end);
      fix.add('closeComment', {}, [{ range: page.lines.range(end, page.lines.lineEnd(line)), newText: ' -->' }], onlyDirectiveTokens(after));
    }
  },

  'directive.ignored-token': (d, page, fix) => {
    fix.add('removeToken', { token: d.data.token }, [deleteWithSpaceBefore(page, d.range)]);
  },
  'directive.ignored-filter': (d, page, fix) => {
    fix.add('removeToken', { token: d.data.token }, [deleteWithSpaceBefore(page, d.range)]);
  },
};

/** The quick fixes for `diagnostics` (of `page`), in their order; a preferred one only when its result verifies. */
export function codeActionsFor(page: PageModel, diagnostics: AkDiagnostic[], language: Language): AkCodeAction[] {
  const actions: AkCodeAction[] = [];
  for (const diagnostic of diagnostics) {
    const fixer = FIXERS[diagnostic.code] as Fixer<DiagnosticCode> | undefined;
    if (!fixer) continue;
    const fix = new FixBuilder(page, diagnostic, language);
    fixer(diagnostic as AkDiagnostic<DiagnosticCode>, page, fix);
    actions.push(...fix.actions);
  }
  // Each preferred fix must verify. One check of all that can go together serves for each of them (a page can
  // have hundreds, and each check parses the page); the rest, or all when that check fails, are checked one by
  // one while the verification budget lasts: past it a fix stays offered, not preferred.
  const preferred = actions.filter((a) => a.isPreferred);
  if (preferred.length > 0) {
    const together = compatiblePreferred(preferred);
    const verified = !('reason' in verifyFix(page, together.flatMap((a) => a.edits)));
    const budget = verificationBudget(page);
    for (const action of verified ? preferred.filter((a) => !together.includes(a)) : preferred) {
      if (!budget() || 'reason' in verifyFix(page, action.edits)) action.isPreferred = false;
    }
  }
  return actions;
}

/**
 * How much verifying fixes one by one may read, per request: each check parses the page again, which for
 * a page's frontmatter costs about a microsecond a character (far more for dense YAML). About 5 checks of a
 * real page; 1 of a frontmatter of 16 KB. Returns a function that says whether one more check fits.
 */
function verificationBudget(page: ParsedPage): () => boolean {
  const cost = Math.max(1000, page.frontmatter?.contentEnd ?? 0);
  let left = 16 * 1024;
  return () => (left -= cost) >= 0;
}

/** Why a fix's result is refused: see verifyFix. */
export type FixRefusal = 'overlap' | 'frontmatter' | 'body' | 'changed';

/**
 * `page`'s text (without a BOM) after `edits`, if that result keeps what the author wrote: the edits do not
 * overlap; the frontmatter reads as the site reads it (still closed and a mapping, and valid if it was valid,
 * with no more YAML problems than before if it was not); and the Markdown body is the same apart from edits
 * inside directive comments, which stay on their lines (an edit there adds no line break, and joins lines
 * only inside one `<!-- … -->`). Otherwise the reason.
 */
export function verifyFix(page: ParsedPage, edits: readonly AkTextEdit[]): { text: string } | { reason: FixRefusal } {
  const spans = edits
    .map((e) => ({ start: page.lines.offsetAt(e.range.start), end: page.lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < spans.length; i++) if (spans[i].start < spans[i - 1].end) return { reason: 'overlap' };
  const bodyStart = page.bodyStart;
  // An insertion right at the body's start (a line the template has before the first heading) is the body's.
  const inBody = spans.filter((span) => span.end > bodyStart || (span.start === bodyStart && span.end === bodyStart && bodyStart < page.text.length));
  for (const span of inBody) {
    if (span.start >= bodyStart && isCommentLines(page.text, span)) continue;
    if (span.start < bodyStart || /[\r\n]/.test(span.newText) || !insideComment(page.text, span.start, span.end)) return { reason: 'body' };
    const replaced = page.text.slice(span.start, span.end);
    if (/[\r\n]/.test(replaced) && !/^<!--(?:(?!<!--)[\s\S])*-->$/.test(replaced)) return { reason: 'body' };
  }
  const text = applyTextEdits(page.text, edits);
  const after = parsePage(text);
  const before = page.frontmatter;
  const now = after.frontmatter;
  if (before) {
    if (!now || now.isMapping !== before.isMapping) return { reason: 'frontmatter' };
    const rank = { unclosed: 0, 'no-final-newline': 1, closed: 2 } as const;
    if (rank[now.status] < rank[before.status]) return { reason: 'frontmatter' };
    if (before.problems.length === 0 ? now.problems.length > 0 : now.problems.length > before.problems.length) return { reason: 'frontmatter' };
  } else if (now) return { reason: 'frontmatter' };
  // The body after the fix: the old body with only its own edits.
  let body = '';
  let from = bodyStart;
  for (const span of inBody) {
    body += page.text.slice(from, span.start) + span.newText;
    from = span.end;
  }
  body += page.text.slice(from);
  if (after.text.slice(after.bodyStart) !== body) return { reason: 'body' };
  return { text };
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

/**
 * The preferred fixes among `actions` whose edits do not touch each other's (first come, first kept). The
 * edits kept so far are held sorted, so that each test is a binary search (a page may have a thousand fixes).
 */
export function compatiblePreferred(actions: AkCodeAction[]): AkCodeAction[] {
  const chosen: AkCodeAction[] = [];
  const kept: Range[] = []; // sorted by start; they never overlap, so their ends are sorted too
  /** The index of the first kept range that does not end before `range` starts. */
  const firstNotBefore = (range: Range) => {
    let low = 0;
    let high = kept.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (before(kept[mid].end, range.start)) low = mid + 1;
      else high = mid;
    }
    return low;
  };
  const clashes = (range: Range) => {
    const i = firstNotBefore(range);
    return i < kept.length && !before(range.end, kept[i].start);
  };
  for (const action of actions) {
    if (!action.isPreferred) continue;
    const ranges = action.edits.map((e) => e.range);
    if (ranges.some(clashes)) continue;
    chosen.push(action);
    for (const range of ranges) kept.splice(firstNotBefore(range), 0, range);
  }
  return chosen;
}

/**
 * Whether `span` only inserts whole lines of HTML comments (and blank lines) at a line's start or end, such as
 * a `<!-- tags -->` the template has and the page lacks: that moves and swallows nothing the author wrote.
 */
function isCommentLines(text: string, span: { start: number; end: number; newText: string }): boolean {
  if (span.start !== span.end || !/[\r\n]/.test(span.newText)) return false;
  const atLineEdge = (i: number) => i === 0 || i === text.length || /[\r\n]/.test(text[i - 1]) || /[\r\n]/.test(text[i]);
  const open = text.lastIndexOf('<!--', span.start - 1);
  const insideOne = open >= 0 && text.indexOf('-->', open + 4) < 0 ? true : open >= 0 && text.indexOf('-->', open + 4) + 3 > span.start;
  return !insideOne && atLineEdge(span.start) && span.newText.split(/\r\n|\r|\n/).every((line) => /^[ \t]*(?:<!--(?:(?!-->)[\s\S])*-->[ \t]*)?$/.test(line));
}

/**
 * Whether `text[start, end)` lies inside one HTML comment: from its `<!--` to its `-->`, or, when it is never
 * closed, to the end of the line it opens on (where the fix that closes it writes).
 */
function insideComment(text: string, start: number, end: number): boolean {
  const open = text.lastIndexOf('<!--', start);
  if (open < 0) return false;
  const close = text.indexOf('-->', open + 4);
  let regionEnd: number;
  if (close >= 0) regionEnd = close + 3;
  else {
    const n = text.indexOf('\n', open);
    const r = text.indexOf('\r', open);
    regionEnd = n < 0 ? (r < 0 ? text.length : r) : r < 0 ? n : Math.min(n, r);
  }
  return end <= regionEnd;
}

/**
 * Of `actions` (compatible with each other), those whose edits verify together: all of them when they do
 * (the common case), else as many as verify, added one by one in order.
 */
export function togetherVerified(page: ParsedPage, actions: AkCodeAction[]): AkCodeAction[] {
  if (actions.length === 0 || !('reason' in verifyFix(page, actions.flatMap((a) => a.edits)))) return actions;
  const kept: AkCodeAction[] = [];
  const budget = verificationBudget(page);
  for (const action of actions) {
    if (!budget()) break;
    if (!('reason' in verifyFix(page, [...kept, action].flatMap((a) => a.edits)))) kept.push(action);
  }
  return kept;
}

/** What `ak check --fix` (fixAllPreferred) did. */
export interface FixAllResult {
  /** The number of fixes per page written. */
  fixed: Map<string, number>;
  /** Pages whose fixes together do not verify (see verifyFix): left as they were. */
  refused: Map<string, FixRefusal>;
  /** Pages `write` could not write, with its message: left as they were. */
  failed: Map<string, string>;
}

/**
 * Applies the preferred fixes of the pages in `paths` through `write` (which must update what `page` and
 * `codeActions` read, or return why it could not write). One round takes every page's preferred fixes that
 * can go together, checks their combined result (verifyFix) and writes all pages at the end, so the
 * workspace changes once per round. A fix can reveal the next (two spellings fixed to one value become a
 * repetition): the next round looks only at the pages just written, until they have nothing left; then one
 * more round over every page catches what a page's fixes change on others. A BOM stays where it was.
 */
export function fixAllPreferred(
  codeActions: (path: string, range: Range) => AkCodeAction[],
  page: (path: string) => ParsedPage | undefined,
  paths: () => readonly string[],
  read: (path: string) => string | undefined,
  write: (path: string, text: string) => string | undefined,
): FixAllResult {
  const result: FixAllResult = { fixed: new Map(), refused: new Map(), failed: new Map() };
  let todo: readonly string[] = paths();
  let everything = true;
  for (let round = 0; round < 20 && todo.length > 0; round++) {
    const planned: { path: string; text: string; count: number }[] = [];
    for (const path of todo) {
      if (result.refused.has(path) || result.failed.has(path)) continue;
      const chosen = compatiblePreferred(codeActions(path, WHOLE));
      const parsed = chosen.length > 0 ? page(path) : undefined;
      if (!parsed) continue;
      const verified = verifyFix(parsed, chosen.flatMap((a) => a.edits));
      if ('reason' in verified) {
        result.refused.set(path, verified.reason);
        continue;
      }
      if (verified.text === parsed.text) continue;
      planned.push({ path, text: verified.text, count: chosen.length });
    }
    const written: string[] = [];
    for (const { path, text, count } of planned) {
      const raw = read(path);
      if (raw === undefined) continue;
      // The fixes were made on the text the model holds: if the file says otherwise now, it changed meanwhile.
      if (stripBom(raw) !== page(path)?.text) {
        result.refused.set(path, 'changed');
        continue;
      }
      const error = write(path, raw.slice(0, raw.length - stripBom(raw).length) + text);
      if (error !== undefined) {
        result.failed.set(path, error);
        continue;
      }
      result.fixed.set(path, (result.fixed.get(path) ?? 0) + count);
      written.push(path);
    }
    if (written.length > 0) {
      todo = written;
      everything = false;
    } else if (!everything && result.fixed.size > 0) {
      todo = paths();
      everything = true;
    } else break;
  }
  return result;
}
