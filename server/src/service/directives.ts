// `list_*` directives: the HTML comments the site's hooks turn into tables, modelled exactly as the
// hook of each content profile does it (the rules are data in schemas/profiles/*.json):
//
// - The hook runs regular expressions over the rendered page, so a comment inside code (escaped there)
//   is never expanded; a comment must fit on one line (`.` does not match a line break) and end in ` -->`.
// - Own lists (`<!-- list_vereisten_on_maatregelen_page -->`) are exact strings, replaced first on the
//   pages they apply to. Then one pass per generic list name, `<!-- NAME(.*?) -->` (`space` profiles:
//   `<!-- NAME (.*?) -->`), case-insensitive.
// - `space` profiles (2024): every whitespace-separated token is `key/value` and all must hold; a token
//   that is not exactly one `key/value` raises when a candidate reaches it (Python's `all()` stops at the
//   first false filter), which breaks the build.
// - `glued` profiles: the parameters are stripped and split; only the first token filters, and only when
//   it is exactly `key/value`; flags `no-<column>`/`add-<column>` (which tokens may be flags is data).
// - A candidate matches `key/value` when `value in meta.get(key, [])`: list membership, substring for a
//   string, key membership for a mapping; a null (or number, boolean) raises a TypeError: the build
//   fails (2024), or the hook's per-page `try` swallows it and the rest of the page's passes are lost.
import type { ParsedPage } from './frontmatter';
import { codeRangesAround, isInCode } from './markdown';
import { sitePath, stemOf, type DirectiveData, type OwnListData, type ProfileData } from './profile';
import { escapeRegExp } from './text';

export interface DirectiveToken {
  text: string;
  start: number;
  end: number;
}

export type TokenRole =
  /** A `key/value` filter the site applies. */
  | 'filter'
  /** A column flag the site applies. */
  | 'flag'
  /** A `key/value` token the site ignores (only the first token filters). */
  | 'ignored-filter'
  /** A token the site ignores: an unknown flag, a flag where none is read, anything else. */
  | 'ignored'
  /** The start of the parameters is glued to the name (`list_vereisten_all`); the site reads it as a token. */
  | 'glued'
  /** 2024: not exactly one `key/value`; the build fails when a candidate reaches it. */
  | 'malformed';

export interface DirectiveFilter {
  key: string;
  value: string;
  token: DirectiveToken;
}

export interface Directive {
  /** The list the site applies: a generic list name from the profile, or an own-list name. */
  name: string;
  kind: 'list' | 'own';
  /** Page type listed. */
  target: string;
  /** Offsets of the whole comment, of the name as written, and of the raw parameters. */
  start: number;
  end: number;
  nameStart: number;
  nameEnd: number;
  /** The raw parameter text (what the site's group captured), and where it starts. */
  rawParams: string;
  paramsStart: number;
  /** Parameters as the site reads them (stripped). */
  params: string;
  tokens: { token: DirectiveToken; role: TokenRole }[];
  filters: DirectiveFilter[];
  /** Effective flags, as written (`no-search`). */
  flags: string[];
  /** The parameters start right after the name, without a space. */
  glued: boolean;
  /** Index of the hook's pass that expands it (own lists first, then the generic lists in order). */
  pass: number;
  /** For own lists: the key of the page whose values are listed. */
  ownKey?: string;
}

export type NearMissReason =
  /** Inside a code block or code span: the site shows the comment as text. */
  | 'in-code'
  /** No `-->` at all. */
  | 'unclosed'
  /** The comment spans more than one line. */
  | 'multi-line'
  /** A `list_` name this profile's site does not know. */
  | 'unknown-name'
  /** 2024: the name must be followed by one space and filters; `<!-- list_x -->` is not expanded. */
  | 'no-params'
  /** Spacing the site's pattern does not accept: `<!--list_`, two spaces, `value-->`. */
  | 'spacing';

export interface NearMiss {
  start: number;
  end: number;
  reason: NearMissReason;
  /** The `list_…` name as written. */
  written: string;
  /** Known names close to an unknown one. */
  known: string[];
}

export interface PageDirectives {
  directives: Directive[];
  nearMisses: NearMiss[];
}


/** Python's `str.split()` tokens of `text` with their offsets (shifted by `base`). */
function splitTokens(text: string, base: number): DirectiveToken[] {
  const tokens: DirectiveToken[] = [];
  for (const m of text.matchAll(/\S+/g)) tokens.push({ text: m[0], start: base + m.index, end: base + m.index + m[0].length });
  return tokens;
}

/** Python's `re.split(r"\s+", text)`: like splitTokens, but leading/trailing whitespace yields empty tokens. */
function pySplitWhitespace(text: string, base: number): DirectiveToken[] {
  const tokens = splitTokens(text, base);
  if (text.length === 0 || /^\s/.test(text)) tokens.unshift({ text: '', start: base, end: base });
  if (text.length > 0 && /\s$/.test(text)) tokens.push({ text: '', start: base + text.length, end: base + text.length });
  return tokens;
}

/** `key/value` when the token has exactly one slash (Python: `len(t.split("/")) == 2`). */
function keyValue(token: DirectiveToken): DirectiveFilter | undefined {
  const parts = token.text.split('/');
  return parts.length === 2 ? { key: parts[0], value: parts[1], token } : undefined;
}

function ownListApplies(own: OwnListData, profile: ProfileData, path: string): boolean {
  if (!own.onPathsContaining) return true;
  const src = sitePath(profile, path) ?? path;
  return own.onPathsContaining.some((part) => src.includes(part));
}

/** All names the profile's site knows, for suggestions. */
export function directiveNames(data: DirectiveData): string[] {
  return [...data.ownLists.map((o) => o.name), ...data.lists.map((l) => l.name)];
}

/** Columns a flag may name for a list of `target` pages. */
function columnsFor(data: DirectiveData, target: string): string[] {
  return data.columns[target] ?? data.columns['*'] ?? [];
}

const candidatePatterns = new WeakMap<DirectiveData, RegExp>();

/** The patterns made for one list or own list of a profile, by variant (per profile object: a new profile makes new ones). */
const listPatterns = new WeakMap<object, Map<string, RegExp>>();
function cachedPattern(of: object, variant: string, make: () => RegExp): RegExp {
  let made = listPatterns.get(of);
  if (!made) listPatterns.set(of, (made = new Map()));
  let re = made.get(variant);
  if (!re) made.set(variant, (re = make()));
  return re;
}

/** Where a comment starts that a directive pattern or the near-miss pattern below could match. */
function commentsToCheck(data: DirectiveData, text: string, from: number): number[] {
  let re = candidatePatterns.get(data);
  if (!re) {
    re = new RegExp(`<!--\\s*(?:list_|${directiveNames(data).map(escapeRegExp).join('|')})`, 'gi');
    candidatePatterns.set(data, re);
  }
  const found: number[] = [];
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) found.push(m.index);
  return found;
}

/**
 * Finds the directives of a page as the site's hook would, and the comments that look like
 * directives but that the site will not expand. Offsets are in `page.text`.
 */
export function scanDirectives(page: ParsedPage, path: string, profile: ProfileData): PageDirectives {
  const data = profile.directives;
  const text = page.text;
  const from = page.bodyStart;
  if (text.indexOf('<!--', from) < 0) return { directives: [], nearMisses: [] };
  const starts = commentsToCheck(data, text, from);
  const code = codeRangesAround(text, from, starts);
  // The hook sees rendered HTML: in code, `<` and `>` are escaped, so no pattern can match there.
  let masked = text;
  if (code.length > 0) {
    const parts: string[] = [];
    let last = 0;
    for (const [start, end] of code) {
      parts.push(text.slice(last, start), text.slice(start, end).replace(/[<>]/g, '\u0001'));
      last = end;
    }
    parts.push(text.slice(last));
    masked = parts.join('');
  }
  // Nothing before `from` may match: the list patterns run only at comments from `from` on, and the own-list
  // and near-miss searches below start there (a match, one line at most, cannot reach back over the `---`).

  const directives: Directive[] = [];
  const taken = new Spans();
  let pass = 0;

  for (const own of data.ownLists) {
    const thisPass = pass++;
    if (!ownListApplies(own, profile, path)) continue;
    const literal = `<!-- ${own.name} -->`;
    const re = cachedPattern(own, '', () => new RegExp(escapeRegExp(literal), own.caseSensitive ? 'g' : 'gi'));
    re.lastIndex = from;
    for (let m = re.exec(masked); m; m = re.exec(masked)) {
      const start = m.index;
      const end = start + literal.length;
      taken.add(start, end);
      directives.push({
        name: own.name,
        kind: 'own',
        target: own.target,
        start,
        end,
        nameStart: start + 5,
        nameEnd: start + 5 + own.name.length,
        rawParams: '',
        paramsStart: start + 5 + own.name.length,
        params: '',
        tokens: [],
        filters: [],
        flags: [],
        glued: false,
        pass: thisPass,
        ownKey: own.key,
      });
    }
  }

  // The site runs one re.sub per name over the whole page. Here the same patterns run only where a comment
  // could start them, and only when a ` -->` follows on that line: a regular expression that fails would
  // otherwise read on to the line's end from every `<!--`, which is quadratic on a long broken line.
  const lineEnds = new LineEnds(text);
  for (const list of data.lists) {
    const thisPass = pass++;
    const space = data.afterName === 'space' ? ' ' : '';
    const re = cachedPattern(list, space, () => new RegExp(`<!-- ${escapeRegExp(list.name)}${space}([^\\r\\n]*?) -->`, 'iy'));
    let after = from; // matches do not overlap within one pass
    for (const at of starts) {
      if (at < after || !lineEnds.closedAfter(at)) continue;
      re.lastIndex = at;
      const m = re.exec(masked);
      if (!m) continue;
      const start = at;
      const end = start + m[0].length;
      after = end;
      if (taken.overlaps(start, end)) continue;
      taken.add(start, end);
      const nameStart = start + 5;
      const nameEnd = nameStart + list.name.length;
      const paramsStart = nameEnd + space.length;
      const rawParams = text.slice(paramsStart, paramsStart + m[1].length);
      directives.push(analyseParams(data, list.name, list.target, { start, end, nameStart, nameEnd, paramsStart, rawParams, pass: thisPass }));
    }
  }
  directives.sort((a, b) => a.start - b.start);

  // Comments that look like directives but that no pattern took.
  const nearMisses: NearMiss[] = [];
  const known = directiveNames(data);
  const nearMiss = /<!--(\s*)(list_[\w-]*)/gi;
  nearMiss.lastIndex = from;
  for (let m = nearMiss.exec(text); m; m = nearMiss.exec(text)) {
    const start = m.index;
    if (taken.overlaps(start, start + 4)) continue;
    const written = m[2];
    const close = lineEnds.closeAfter(start + 4);
    const lineEnd = lineEnds.lineEnd(start);
    let reason: NearMissReason;
    let end: number;
    if (isInCode(code, start)) {
      reason = 'in-code';
      end = close >= 0 && close < lineEnd ? close + 3 : start + 4 + m[1].length + written.length;
    } else if (close < 0) {
      reason = 'unclosed';
      end = start + 4 + m[1].length + written.length;
    } else if (close > lineEnd) {
      reason = 'multi-line';
      end = close + 3;
    } else {
      end = close + 3;
      const lower = written.toLowerCase();
      const isKnown = known.some((name) => lower === name.toLowerCase() || (data.afterName === 'glued' && lower.startsWith(name.toLowerCase())));
      if (!isKnown) reason = 'unknown-name';
      else if (data.afterName === 'space' && m[1] === ' ' && /^\s*-->/.test(text.slice(start + 4 + m[1].length + written.length))) reason = 'no-params';
      else reason = 'spacing';
    }
    const suggestions = reason === 'unknown-name' ? nearestNames(written, known) : [];
    nearMisses.push({ start, end, reason, written, known: suggestions });
  }
  return { directives, nearMisses };
}

/** Non-overlapping spans of a page, sorted; overlap tests in log time (a page may hold thousands). */
class Spans {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** The index of the first span that ends after `offset`. */
  private firstEndingAfter(offset: number): number {
    let low = 0;
    let high = this.ends.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.ends[mid] > offset) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  overlaps(start: number, end: number): boolean {
    const i = this.firstEndingAfter(start);
    return i < this.starts.length && this.starts[i] < end;
  }

  /** Adds a span that overlaps none so far. */
  add(start: number, end: number): void {
    const i = this.firstEndingAfter(start);
    this.starts.splice(i, 0, start);
    this.ends.splice(i, 0, end);
  }
}

/**
 * Line ends and `-->` positions of a page. Each answer is kept with the offset it was asked for and
 * serves every later offset up to it, so that many comments on a page cost about one pass over it.
 */
class LineEnds {
  private readonly cache = new Map<string, [asked: number, answer: number]>();

  constructor(private readonly text: string) {}

  /** The first of `search` at or after `offset` (-1 when none), from the cache when it still holds. */
  private next(key: string, offset: number, search: (from: number) => number): number {
    const hit = this.cache.get(key);
    if (hit && hit[0] <= offset && (hit[1] < 0 || offset <= hit[1])) return hit[1];
    const answer = search(offset);
    this.cache.set(key, [offset, answer]);
    return answer;
  }

  /** The end of the line holding `offset` (before its line break). */
  lineEnd(offset: number): number {
    // Each kind of line break searched (and cached) on its own: on a page without a `\r`, one search for it
    // answers every later offset, where a search for the nearer of the two would scan to the end each time.
    const n = this.next('\n', offset, (from) => this.text.indexOf('\n', from));
    const r = this.next('\r', offset, (from) => this.text.indexOf('\r', from));
    const end = n < 0 ? r : r < 0 ? n : Math.min(n, r);
    return end < 0 ? this.text.length : end;
  }

  /** The first `-->` at or after `offset`, or -1. */
  closeAfter(offset: number): number {
    return this.next('-->', offset, (from) => this.text.indexOf('-->', from));
  }

  /** Whether ` -->` follows `offset` on its line. */
  closedAfter(offset: number): boolean {
    const spaced = this.next(' -->', offset, (from) => this.text.indexOf(' -->', from));
    return spaced >= 0 && spaced < this.lineEnd(offset);
  }
}

function nearestNames(written: string, known: string[]): string[] {
  const lower = written.toLowerCase();
  // Same family first (`list_instrumenten` → `list_hulpmiddelen` has nothing in common but the prefix).
  const scored = known.map((name) => ({ name, score: commonPrefix(lower, name.toLowerCase()) }));
  // Ties (list_maatregel → list_maatregelen, list_maatregelen_on_hulpmiddelen_page): the closer length first.
  const best = scored
    .filter((s) => s.score > 'list_'.length)
    .sort((a, b) => b.score - a.score || Math.abs(a.name.length - lower.length) - Math.abs(b.name.length - lower.length));
  return (best.length ? best : scored.filter((s) => !s.name.includes('_on_'))).map((s) => s.name);
}

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

function analyseParams(
  data: DirectiveData,
  name: string,
  target: string,
  at: { start: number; end: number; nameStart: number; nameEnd: number; paramsStart: number; rawParams: string; pass: number },
): Directive {
  const { rawParams, paramsStart } = at;
  const directive: Directive = {
    name,
    kind: 'list',
    target,
    ...at,
    params: rawParams.trim(),
    tokens: [],
    filters: [],
    flags: [],
    glued: data.afterName === 'glued' && rawParams.length > 0 && !/^\s/.test(rawParams),
  };
  if (data.filterTokens === 'all') {
    for (const token of pySplitWhitespace(rawParams, paramsStart)) {
      const filter = keyValue(token);
      if (filter) directive.filters.push(filter);
      directive.tokens.push({ token, role: filter ? 'filter' : data.malformedToken === 'breaks-build' ? 'malformed' : 'ignored' });
    }
    return directive;
  }
  const tokens = splitTokens(rawParams, paramsStart);
  const columns = columnsFor(data, target);
  tokens.forEach((token, index) => {
    if (index === 0) {
      const filter = keyValue(token);
      if (filter) {
        directive.filters.push(filter);
        directive.tokens.push({ token, role: 'filter' });
        return;
      }
    }
    const mayFlag = data.flagTokens === 'any' || (data.flagTokens === 'after-first' && index > 0);
    const prefix = data.flagPrefixes.find((p) => token.text.startsWith(p));
    if (mayFlag && prefix && columns.includes(token.text.slice(prefix.length))) {
      directive.flags.push(token.text);
      directive.tokens.push({ token, role: 'flag' });
    } else if (index === 0 && directive.glued) {
      directive.tokens.push({ token, role: 'glued' });
    } else if (index > 0 && keyValue(token)) {
      directive.tokens.push({ token, role: 'ignored-filter' });
    } else {
      directive.tokens.push({ token, role: 'ignored' });
    }
  });
  return directive;
}

/** The site's view of one candidate page: its metadata (empty when the site sees none). */
export interface Candidate {
  path: string;
  stem: string;
  meta: Record<string, unknown>;
}

export type Evaluation =
  /** Matched; `viaString` when some filter only matched by substring of a string value. */
  | { kind: 'match'; viaString: string[] }
  | { kind: 'no-match' }
  /** The site raises here: a null/number/boolean value, or (2024) a malformed token. */
  | { kind: 'raises'; cause: 'null-value' | 'malformed'; key?: string };

/** Python's `value in container` for one frontmatter value; `raises` for a TypeError. */
export function pyContains(container: unknown, value: string): 'yes' | 'no' | 'substring' | 'raises' {
  if (container === undefined) return 'no';
  if (Array.isArray(container)) return container.some((item) => item === value) ? 'yes' : 'no';
  if (typeof container === 'string') return container.includes(value) ? 'substring' : 'no';
  if (container !== null && typeof container === 'object') return Object.hasOwn(container, value) ? 'yes' : 'no';
  return 'raises';
}

/** What the site tests per candidate, in token order: a `key/value` filter, or (2024) a malformed token that raises. */
type Check = { kind: 'filter'; key: string; value: string } | { kind: 'malformed' };

function checksOf(directive: Directive): Check[] {
  return directive.tokens.flatMap(({ token, role }): Check[] => {
    if (role === 'malformed') return [{ kind: 'malformed' }];
    if (role !== 'filter') return [];
    const { key, value } = keyValue(token)!;
    return [{ kind: 'filter', key, value }];
  });
}

/** Evaluates the checks against one candidate, in order, stopping at the first false (like `all()`). */
function evaluate(checks: readonly Check[], candidate: Candidate): Evaluation {
  const viaString: string[] = [];
  for (const check of checks) {
    if (check.kind === 'malformed') return { kind: 'raises', cause: 'malformed' };
    const result = pyContains(candidate.meta[check.key], check.value);
    if (result === 'raises') return { kind: 'raises', cause: 'null-value', key: check.key };
    if (result === 'no') return { kind: 'no-match' };
    if (result === 'substring') viaString.push(check.key);
  }
  return { kind: 'match', viaString };
}

export interface Resolution {
  /** Candidates listed, by path (sorted). Empty when the directive is not expanded. */
  paths: string[];
  /** Their stems, sorted: what `ak graph` reports. */
  resolvesTo: string[];
  /** Whether the site replaces the comment by a table at all. */
  expanded: boolean;
  /** Candidates listed only because a label holds a string (substring match), with the key. */
  viaString: { path: string; key: string }[];
  /** The first candidate on which the site raises, and why. */
  raises?: { path: string; cause: 'null-value' | 'malformed'; key?: string };
  /** Set when an earlier directive of this page raised and took this one down with it. */
  droppedBy?: Directive;
}

/** Candidates with a value for one key: value → paths whose list (or mapping) holds it, and the others. */
export interface KeyEntry {
  byValue: Map<string, Set<string>>;
  /** Candidates whose value is not a list or mapping (a string, null, a number): they need a real evaluation. */
  other: Map<string, Candidate>;
}

/**
 * The candidates of one list target, kept up to date by delta (`add`, `remove`), with an inverted index
 * for the common one-filter case: per key (built on first use, then maintained), value → paths whose list
 * holds the value, and the candidates that need a real evaluation (string values, which match by
 * substring, and values on which the site raises). Every answer is in path order, however the set was built.
 */
export class CandidateSet {
  private readonly members = new Map<string, Candidate>();
  private sorted: Candidate[] | undefined;
  private readonly keyCounts = new Map<string, number>();
  private readonly index = new Map<string, KeyEntry>();

  constructor(candidates: Iterable<Candidate> = []) {
    for (const candidate of candidates) this.add(candidate);
  }

  /** Every candidate, in path order. */
  get candidates(): readonly Candidate[] {
    this.sorted ??= [...this.members.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    return this.sorted;
  }

  has(path: string): boolean {
    return this.members.has(path);
  }

  get(path: string): Candidate | undefined {
    return this.members.get(path);
  }

  /** Every key some candidate's metadata has, sorted. */
  usedKeys(): Set<string> {
    return new Set([...this.keyCounts.keys()].sort());
  }

  /** How many candidates' metadata have `key`. */
  keyCount(key: string): number {
    return this.keyCounts.get(key) ?? 0;
  }

  /** Adds a candidate (replacing the one with its path). */
  add(candidate: Candidate): void {
    this.remove(candidate.path);
    this.members.set(candidate.path, candidate);
    this.sorted = undefined;
    for (const key of Object.keys(candidate.meta)) this.keyCounts.set(key, (this.keyCounts.get(key) ?? 0) + 1);
    for (const [key, entry] of this.index) enter(entry, candidate, key);
  }

  remove(path: string): void {
    const candidate = this.members.get(path);
    if (!candidate) return;
    this.members.delete(path);
    this.sorted = undefined;
    for (const key of Object.keys(candidate.meta)) {
      const count = (this.keyCounts.get(key) ?? 0) - 1;
      if (count > 0) this.keyCounts.set(key, count);
      else this.keyCounts.delete(key);
    }
    for (const [key, entry] of this.index) leave(entry, candidate, key);
  }

  /** The entry for `key`, built on first use. */
  forKey(key: string): KeyEntry {
    let entry = this.index.get(key);
    if (entry) return entry;
    entry = { byValue: new Map(), other: new Map() };
    for (const candidate of this.members.values()) enter(entry, candidate, key);
    this.index.set(key, entry);
    return entry;
  }
}

/** The list members (or mapping keys) of a value, when it is a list or a mapping. */
function membersOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return [...new Set(value.filter((v): v is string => typeof v === 'string'))];
  if (value !== null && typeof value === 'object') return Object.keys(value);
  return undefined;
}

function enter(entry: KeyEntry, candidate: Candidate, key: string): void {
  if (!Object.hasOwn(candidate.meta, key)) return;
  const members = membersOf(candidate.meta[key]);
  if (!members) {
    entry.other.set(candidate.path, candidate);
    return;
  }
  for (const member of members) {
    const paths = entry.byValue.get(member);
    if (paths) paths.add(candidate.path);
    else entry.byValue.set(member, new Set([candidate.path]));
  }
}

function leave(entry: KeyEntry, candidate: Candidate, key: string): void {
  if (!Object.hasOwn(candidate.meta, key)) return;
  const members = membersOf(candidate.meta[key]);
  if (!members) {
    entry.other.delete(candidate.path);
    return;
  }
  for (const member of members) {
    const paths = entry.byValue.get(member);
    paths?.delete(candidate.path);
    if (paths?.size === 0) entry.byValue.delete(member);
  }
}

/** A page a directive can name, for own lists: its path and stem. */
export interface Target {
  path: string;
  stem: string;
}

/** Every `.md` of a page type's folder (what an own list looks its values up in), in path order. */
export interface TargetList {
  readonly all: readonly Target[];
  /** The first target (in path order) with this stem. */
  first(stem: string): Target | undefined;
}

/**
 * Resolves the directives of one page in the hook's order. `candidates(target)` gives the pages a
 * generic list of `target` considers; `targets(target)` every page of that folder (for own lists).
 */
export function resolvePage(
  profile: ProfileData,
  page: { meta: Record<string, unknown> },
  directives: readonly Directive[],
  candidates: (target: string) => CandidateSet,
  targets: (target: string) => TargetList,
): Map<Directive, Resolution> {
  const results = new Map<Directive, Resolution>();
  const ordered = [...directives].sort((a, b) => a.pass - b.pass || a.start - b.start);
  const raised = new Map<number, Directive>();
  for (const directive of ordered) {
    const resolution = directive.kind === 'own' ? resolveOwn(profile, page, directive, targets(directive.target)) : resolveList(directive, candidates(directive.target));
    results.set(directive, resolution);
    if (resolution.raises && !raised.has(directive.pass)) raised.set(directive.pass, directive);
  }
  // A raise inside a pass undoes that whole pass (re.sub never returns) and, where the hook catches it
  // per page, every later pass; where it does not, the build stops (reported on the raising directive).
  if (profile.directives.nullValue === 'drops-lists' && raised.size > 0) {
    const first = Math.min(...raised.keys());
    const by = raised.get(first)!;
    for (const [directive, resolution] of results) {
      if (directive.pass >= first) {
        resolution.expanded = false;
        resolution.paths = [];
        resolution.resolvesTo = [];
        if (directive !== by) resolution.droppedBy = by;
      }
    }
  }
  return results;
}

function resolveList(directive: Directive, set: CandidateSet): Resolution {
  const paths: string[] = [];
  const viaString: Resolution['viaString'] = [];
  let raises: Resolution['raises'];
  const checks = checksOf(directive);
  let candidates = set.candidates;
  if (checks.length === 1 && checks[0].kind === 'filter') {
    // One filter: the index answers the list members; only the other candidates need evaluating.
    const entry = set.forKey(checks[0].key);
    paths.push(...(entry.byValue.get(checks[0].value) ?? []));
    candidates = [...entry.other.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }
  for (const candidate of candidates) {
    const result = evaluate(checks, candidate);
    if (result.kind === 'raises') {
      raises ??= { path: candidate.path, cause: result.cause, key: result.key };
      continue;
    }
    if (result.kind === 'match') {
      paths.push(candidate.path);
      for (const key of result.viaString) viaString.push({ path: candidate.path, key });
    }
  }
  paths.sort();
  return { paths, resolvesTo: paths.map(stemOf).sort(), expanded: !raises, viaString, raises };
}

function resolveOwn(profile: ProfileData, page: { meta: Record<string, unknown> }, directive: Directive, targets: TargetList): Resolution {
  const own = profile.directives.ownLists.find((o) => o.name === directive.name)!;
  const value = page.meta[own.key];
  const paths: string[] = [];
  if (Array.isArray(value)) {
    for (const item of value) {
      const found = typeof item === 'string' ? targets.first(item) : undefined;
      if (found && !paths.includes(found.path)) paths.push(found.path);
    }
  } else if (typeof value === 'string' && own.stringValue === 'substring') {
    for (const t of targets.all) if (value.includes(t.stem)) paths.push(t.path);
  }
  paths.sort();
  return { paths, resolvesTo: paths.map(stemOf).sort(), expanded: true, viaString: [] };
}
