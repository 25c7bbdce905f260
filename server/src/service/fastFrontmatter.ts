// A fast, line-based reader for the plain block subset of YAML that real frontmatter is written in:
// `key: value` lines, lists of `- item` (at the key's column or indented), list items that are small
// maps (`- impactvol: Ja`), nested maps, comments, blank lines, CRLF and duplicate keys.
//
// Contract: `parseYamlFast` gives EXACTLY the model that the `yaml` path in frontmatter.ts gives for
// the same text (entries, values, ranges, offsets, site data), or `undefined` when the text holds
// anything outside the subset, so that the caller falls back to the `yaml` package. It never guesses:
// flow collections, block scalars, multi-line scalars, anchors, aliases, tags, escapes in double quotes,
// tabs, complex or quoted keys, keys that are not text (`yes:`, `1:`), numbers other than plain
// decimals (0x1F, 010, 1_000, 1:20, .inf, 1e5, +1, -0) and document markers all give up.
// fastFrontmatter.test.ts checks the equivalence on tricky cases, generated documents and both corpora.
//
// Ranges are those of the `yaml` path: a scalar covers its text (quotes included, trailing spaces and
// comments not); a block list or map runs from its first `-` or key to the end of its last item (that
// item's value, or its `-` or `:` when it has none); an empty value takes its key's range, an empty
// list item its `-`.
//
// Speed: a cold process reads a few hundred pages once, mostly in V8's interpreter, where every call
// and every object counts. So: native searches (indexOf, sticky regular expressions) instead of
// character loops; two fast lanes for the commonest lines (a plain `key:` and a one-word list item);
// positions built from the line numbers counted on the way instead of searched in the line index.
import type { FmEntry, FmValue } from './frontmatter';
import type { LineIndex } from './text';
import type { Range } from './types';

export interface FastYamlResult {
  entries: FmEntry[];
  /** What the site's loader gives for the block (`toJS` of the `yaml` document). */
  data: Record<string, unknown>;
}

/** A line that is neither blank nor only a comment. */
interface Line {
  /** Offset of the line's first character in the page text. */
  start: number;
  /** The line without its line break. */
  text: string;
  /** Number of leading spaces. */
  indent: number;
  /** 0-based line number in the page. */
  line: number;
  /** Whether the line is a list item: `-` after the indentation, then a space or the end of the line. */
  dash: boolean;
}

/** Thrown inside the parser to give up; caught at the top and turned into `undefined`. */
const BAIL = new (class Bail {})();

// Tabs, control characters (C0, DEL, C1), a lone CR, the Unicode line separators, a BOM, U+FFFE/U+FFFF and
// lone surrogates: left to the `yaml` path, which reads line ends as PyYAML does and reports what PyYAML
// rejects (most tabs: see tabFaults; unprintable characters: see nonPrintable in frontmatter.ts).
// `text[start, end)` read alone: a CR or a surrogate at either edge is judged without what lies outside.
// (Was one RegExp over a slice; a loop over the character codes does the same without the slice.)
export function hasUnusualCharacter(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c === 10) continue;
      if (c === 13 && i + 1 < end && text.charCodeAt(i + 1) === 10) continue;
      return true; // other C0 controls, the tab, a lone CR
    }
    if (c < 0x7f) continue;
    if (c <= 0x9f || c === 0x2028 || c === 0x2029 || c === 0xfeff || c === 0xfffe || c === 0xffff) return true;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < end ? text.charCodeAt(i + 1) : 0;
      if (next < 0xdc00 || next > 0xdfff) return true; // a lone high surrogate
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return true; // a lone low surrogate
  }
  return false;
}
// The plain words the 1.1 schema reads as something else than text, as the `yaml` path is configured
// (PyYAML's booleans, see PY_TRUE / PY_FALSE); `<<` is the merge key, left to `yaml`.
const WORDS = new Map<string, unknown>([
  ...['~', 'null', 'Null', 'NULL'].map((w) => [w, null] as const),
  ...['yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON'].map((w) => [w, true] as const),
  ...['no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF'].map((w) => [w, false] as const),
  ['<<', BAIL],
]);
// Numbers resolved here; anything else that the 1.1 schema could read as a number bails.
const SIMPLE_INT = /^-?[1-9][0-9]{0,14}$|^0$/;
const SIMPLE_FLOAT = /^-?(?:0|[1-9][0-9]{0,14})\.[0-9]{1,15}$/;
// The tests of the `yaml` 1.1 schema's binary, octal, decimal, hexadecimal, NaN/Inf, exponent,
// decimal-point and sexagesimal number tags.
const OTHER_NUMBER =
  /^[-+]?0b[0-1_]+$|^[-+]?0[0-7_]+$|^[-+]?[0-9][0-9_]*$|^[-+]?0x[0-9a-fA-F_]+$|^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$|^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$|^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$|^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;
// The ASCII characters that may not start a plain scalar here: YAML indicators and reserved characters.
// (A `-` may start one only when a letter or digit follows: `-5`, `-foo`, never `- ` or `--`.)
const INDICATOR = new Uint8Array(128);
for (const c of '?:,[]{}#&*!|>\'"%@`') INDICATOR[c.charCodeAt(0)] = 1;
const WORD_CHARACTER = /^[\p{L}\p{N}]/u;
// A key is a short plain word: letters (any script), digits, `_`, `-`, `.`, `/`, inner spaces.
const KEY = /^[\p{L}\p{N}_][\p{L}\p{N}_\-./ ]{0,200}$/u;
// Fast lanes for the commonest lines (sticky: tested at a column); anything else takes the general path.
// `key:` then a space or the end of the line, the key one ASCII word:
const SIMPLE_KEY = /[A-Za-z_][A-Za-z0-9_\-./]{0,200}:(?: |$)/y;
// the rest of the line is one ASCII word that starts with a letter (no space, quote, colon or `#`):
const SIMPLE_WORD = /[A-Za-z][A-Za-z0-9_\-./]*$/y;

/** The deepest indentation read here (see `map`). */
const MAX_INDENT = 100;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const DQUOTE = 34;
const SQUOTE = 39;
const COLON = 58;

/**
 * Reads `text[start, end)` (the lines between the frontmatter delimiters; `start` is a line start)
 * when it is in the plain block subset, or returns `undefined`. Offsets in the result count in `text`.
 */
export function parseYamlFast(text: string, start: number, end: number, lines: LineIndex): FastYamlResult | undefined {
  if (hasUnusualCharacter(text, start, end)) return undefined;
  try {
    return new Parser(splitLines(text, start, end, lines.positionAt(start).line)).document();
  } catch (error) {
    if (error === BAIL) return undefined;
    throw error;
  }
}

/** The lines of `text[start, end)` that are neither blank nor a comment. */
function splitLines(text: string, start: number, end: number, firstLine: number): Line[] {
  const result: Line[] = [];
  let line = firstLine;
  for (let lineStart = start; lineStart < end; line++) {
    let next = text.indexOf('\n', lineStart);
    if (next < 0 || next >= end) next = end;
    let lineEnd = next;
    if (lineEnd > lineStart && text.charCodeAt(lineEnd - 1) === 13) lineEnd--;
    let first = lineStart;
    while (first < lineEnd && text.charCodeAt(first) === SPACE) first++;
    const c = text.charCodeAt(first);
    if (first < lineEnd && c !== HASH) {
      const dash = c === DASH && (first + 1 === lineEnd || text.charCodeAt(first + 1) === SPACE);
      result.push({ start: lineStart, text: text.slice(lineStart, lineEnd), indent: first - lineStart, line, dash });
    }
    lineStart = next + 1;
  }
  return result;
}

class Parser {
  private index = 0;
  // Set by each parse method besides the node it returns: the plain JS value and where the value ends.
  private js: unknown = undefined;
  private endLine!: Line;
  private endColumn = 0;

  constructor(private readonly lines: Line[]) {}

  document(): FastYamlResult {
    if (this.lines.length === 0) return { entries: [], data: Object.create(null) };
    if (this.lines[0].indent !== 0) throw BAIL;
    const entries = this.map(0, 0);
    if (this.index < this.lines.length) throw BAIL;
    return { entries, data: this.js as Record<string, unknown> };
  }

  /**
   * A block map whose keys sit at column `indent`; on its first line the key starts at `firstColumn`
   * (after the `- ` when the map is a list item). Stops before the first line indented less.
   */
  private map(indent: number, firstColumn: number): FmEntry[] {
    // Every level of nesting is indented further (a list at its key's column at most once), so this bounds
    // the recursion; anything deeper than real frontmatter goes to the `yaml` path and its depth guard.
    if (indent > MAX_INDENT) throw BAIL;
    const lines = this.lines;
    const entries: FmEntry[] = [];
    // No prototype: a key the page does not have reads as `undefined`, never as something inherited (see plainEntries).
    const data: Record<string, unknown> = Object.create(null);
    let column = firstColumn;
    for (;;) {
      const line = lines[this.index++];
      const s = line.text;
      let colon: number;
      let key: string;
      SIMPLE_KEY.lastIndex = column;
      if (SIMPLE_KEY.test(s)) {
        colon = s.indexOf(':', column);
        key = s.slice(column, colon);
        if ((colon - column <= 5 && WORDS.has(key)) || key === '__proto__') throw BAIL;
      } else {
        colon = keyColon(s, column);
        if (colon < 0) throw BAIL;
        key = s.slice(column, colon);
        if (!KEY.test(key) || s.charCodeAt(colon - 1) === SPACE || key === '__proto__' || typeof resolvePlain(key) !== 'string') throw BAIL;
      }
      const keyStart = line.start + column;
      const keyEnd = line.start + colon;
      const keyRange: Range = { start: { line: line.line, character: column }, end: { line: line.line, character: colon } };
      let rest = colon + 1;
      while (s.charCodeAt(rest) === SPACE) rest++;
      const following: Line | undefined = lines[this.index];
      let value: FmValue;
      if (rest < s.length && s.charCodeAt(rest) !== HASH) {
        value = this.scalar(line, rest, false);
      } else if (following && (following.indent > indent || (following.indent === indent && following.dash))) {
        // Nothing after the colon: a block on the next lines (a list may sit at the key's column).
        value = following.dash ? this.seq(following.indent) : this.collection('map', following, following.indent, this.map(following.indent, following.indent));
      } else {
        value = { kind: 'scalar', value: null, range: keyRange, start: keyStart, end: keyEnd, source: '' };
        this.js = null;
        this.endLine = line;
        this.endColumn = colon + 1;
      }
      entries.push({ key, keyRange, keyStart, keyEnd, value });
      // A duplicate key keeps its first place and takes the last value, as `toJS` does.
      data[key] = this.js;
      const after: Line | undefined = lines[this.index];
      if (!after || after.indent < indent) break;
      if (after.indent > indent || after.dash) throw BAIL;
      column = indent;
    }
    this.js = data;
    return entries;
  }

  /** A block list whose `-` markers sit at column `indent`. Stops before the first other line at or left of it. */
  private seq(indent: number): FmValue {
    const lines = this.lines;
    const first = lines[this.index];
    const items: FmValue[] = [];
    const js: unknown[] = [];
    for (;;) {
      const line = lines[this.index++];
      const s = line.text;
      let content = indent + 1;
      while (s.charCodeAt(content) === SPACE) content++;
      const c = s.charCodeAt(content);
      const following: Line | undefined = lines[this.index];
      SIMPLE_WORD.lastIndex = content;
      if (SIMPLE_WORD.test(s)) {
        // The commonest item, one word: the general branch below would give the same.
        if (following && following.indent > indent) throw BAIL; // a continuation line
        const source = s.slice(content);
        const value = source.length <= 5 && WORDS.has(source) ? resolvePlain(source) : source;
        items.push(this.plain(line, content, s.length, source, value));
        js.push(value);
      } else if (content >= s.length || c === HASH) {
        // An empty item: its range is its `-`. A block under a bare `-` is not in the subset.
        if (following && following.indent > indent) throw BAIL;
        items.push(this.plain(line, indent, indent + 1, '', null));
        js.push(null);
      } else if (c !== DQUOTE && c !== SQUOTE && keyColon(s, content) >= 0) {
        // A map as the item: its keys sit at the column of the first one.
        this.index--;
        items.push(this.collection('map', line, content, this.map(content, content)));
        js.push(this.js);
      } else {
        if (following && following.indent > indent) throw BAIL; // a continuation line
        items.push(this.scalar(line, content, true));
        js.push(this.js);
      }
      const after: Line | undefined = lines[this.index];
      if (!after || after.indent < indent) break;
      if (after.indent > indent) throw BAIL;
      // A line at the marker column that is not a `-`: the end of a list that sits at its key's column.
      if (!after.dash) break;
    }
    const value = this.collection('seq', first, indent, items);
    this.js = js;
    return value;
  }

  /** A list (`children` are its items) or map (its entries) from `column` of `first` to the current end. */
  private collection(kind: 'seq' | 'map', first: Line, column: number, children: FmValue[] | FmEntry[]): FmValue {
    const start = first.start + column;
    const end = this.endLine.start + this.endColumn;
    const range: Range = { start: { line: first.line, character: column }, end: { line: this.endLine.line, character: this.endColumn } };
    return kind === 'seq'
      ? { kind, items: children as FmValue[], range, start, end, flow: false }
      : { kind, entries: children as FmEntry[], range, start, end };
  }

  /**
   * The one-line scalar at column `from` of `line` (not the end of the line, not a comment). In a map
   * value a `: ` bails (it would be a nested key); in a list item the caller has ruled that out.
   */
  private scalar(line: Line, from: number, inList: boolean): FmValue {
    const s = line.text;
    const c = s.charCodeAt(from);
    let value: unknown;
    let end: number;
    let source: string;
    if (c === DQUOTE || c === SQUOTE) {
      if (c === DQUOTE) {
        end = s.indexOf('"', from + 1) + 1;
        if (end === 0) throw BAIL; // continues on the next line
        const backslash = s.indexOf('\\', from + 1);
        if (backslash >= 0 && backslash < end) throw BAIL;
        value = s.slice(from + 1, end - 1);
      } else {
        let quote = s.indexOf("'", from + 1);
        while (quote >= 0 && s.charCodeAt(quote + 1) === SQUOTE) quote = s.indexOf("'", quote + 2);
        if (quote < 0) throw BAIL;
        end = quote + 1;
        value = s.slice(from + 1, quote).replaceAll("''", "'");
      }
      // After the closing quote: only spaces, then the end of the line or a comment.
      let after = end;
      while (s.charCodeAt(after) === SPACE) after++;
      if (after < s.length && (s.charCodeAt(after) !== HASH || after === end)) throw BAIL;
      source = s.slice(from, end);
    } else {
      if (c < 128 && INDICATOR[c] === 1) throw BAIL;
      if (c === DASH && !isWordCharacter(s, from + 1)) throw BAIL;
      end = s.indexOf(' #', from);
      if (end < 0) end = s.length;
      while (s.charCodeAt(end - 1) === SPACE) end--;
      source = s.slice(from, end);
      if (!inList && (source.includes(': ') || source.charCodeAt(source.length - 1) === COLON)) throw BAIL;
      value = resolvePlain(source);
    }
    this.js = value;
    return this.plain(line, from, end, source, value);
  }

  /** The node of a scalar from `from` to `end` on `line`; it is where the current value ends. */
  private plain(line: Line, from: number, end: number, source: string, value: unknown): FmValue {
    this.endLine = line;
    this.endColumn = end;
    const range: Range = { start: { line: line.line, character: from }, end: { line: line.line, character: end } };
    return { kind: 'scalar', value, range, start: line.start + from, end: line.start + end, source };
  }
}

/** Whether the character at `at` is a letter or digit (of any script). */
function isWordCharacter(s: string, at: number): boolean {
  const c = s.charCodeAt(at);
  if (c < 128) return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
  return WORD_CHARACTER.test(s.slice(at, at + 2));
}

/**
 * The column of the `:` that ends a plain implicit key starting at `from` (`: `, or `:` at the end of
 * the line, before any comment), or -1.
 */
function keyColon(s: string, from: number): number {
  let colon = s.indexOf(':', from);
  while (colon >= 0 && colon + 1 < s.length && s.charCodeAt(colon + 1) !== SPACE) colon = s.indexOf(':', colon + 1);
  if (colon < 0) return -1;
  const comment = s.indexOf(' #', from);
  return comment >= 0 && comment < colon ? -1 : colon;
}

/** The value of a non-empty plain scalar under the `yaml` path's 1.1 schema (timestamps stay text). */
function resolvePlain(source: string): unknown {
  const c = source.charCodeAt(0);
  // Only a sign, a dot or a digit can begin a number.
  if (c <= 57 && (c >= 48 || c === 43 || c === 45 || c === 46)) {
    if (SIMPLE_INT.test(source)) return Number(source);
    if (SIMPLE_FLOAT.test(source)) return parseFloat(source);
    if (OTHER_NUMBER.test(source)) throw BAIL;
    return source;
  }
  if (source.length <= 5) {
    const word = WORDS.get(source);
    if (word === BAIL) throw BAIL;
    if (word !== undefined) return word;
  }
  return source;
}
