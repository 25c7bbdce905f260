// Finds a page's frontmatter block the way the site (MkDocs) does and parses it with the `yaml`
// package, keeping the range of every key, value and list item. Never throws: broken YAML gives a
// partial model plus problems, so the other keys are still checked and completion still works.
// Plain block YAML (nearly every real page) is read by the much faster fastFrontmatter.ts instead,
// which gives the same model or gives up; the `yaml` package is the reference and the fallback.
//
// MkDocs reads pages as UTF-8 with the BOM stripped and universal newlines, then matches
//   ^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n      (re.DOTALL)
// and parses the group with PyYAML's safe loader (YAML 1.1). A block that does not match, does not
// parse, or is not a mapping gives the page no metadata at all.
import { isMap, isPair, isScalar, isSeq, parseDocument, type CST, type Node, type Pair, type ParsedNode, type Scalar, type Tags, type YAMLSeq } from 'yaml';
import { parseYamlFast } from './fastFrontmatter';
import { LineIndex, stripBom } from './text';
import type { Range } from './types';

export type FmPath = (string | number)[];

export type FmValue =
  | { kind: 'scalar'; value: unknown; range: Range; start: number; end: number; source: string }
  | { kind: 'seq'; items: FmValue[]; range: Range; start: number; end: number; flow: boolean }
  | { kind: 'map'; entries: FmEntry[]; range: Range; start: number; end: number };

export interface FmEntry {
  key: string;
  keyRange: Range;
  keyStart: number;
  keyEnd: number;
  /** The value; a `scalar` with value `null` when the key has nothing after it (its range is then the key's). */
  value: FmValue;
}

export interface YamlProblem {
  /** The `yaml` package's error code, e.g. `BLOCK_AS_IMPLICIT_KEY`. */
  code: string;
  message: string;
  range: Range;
}

export type FrontmatterStatus =
  /** Recognised by the site: opening and closing delimiter lines. */
  | 'closed'
  /** Opening `---` but no closing line: the site sees no metadata. */
  | 'unclosed'
  /** Closing `---` is the last line without a line break: the site does not recognise the block. */
  | 'no-final-newline';

export interface Frontmatter {
  status: FrontmatterStatus;
  /** The opening `---` line (without its line break). */
  openRange: Range;
  /** Offsets of the YAML text between the delimiter lines. */
  contentStart: number;
  contentEnd: number;
  /** Syntax problems, at the error (never line 1 by default). */
  problems: YamlProblem[];
  /** Keys of the top-level entries left out of the model because they hold a syntax error. */
  brokenKeys: string[];
  /** The top-level entries in source order, duplicates included. Empty when the YAML is not a mapping. */
  entries: FmEntry[];
  /** False when the YAML parses to a list or scalar rather than keys and values. */
  isMapping: boolean;
  /** The plain value as the site's YAML loader would give it, or `undefined` when the site sees no metadata. */
  siteData: Record<string, unknown> | undefined;
}

export interface ParsedPage {
  /** The text without a leading BOM: what an editor shows and what every offset here counts in. */
  text: string;
  lines: LineIndex;
  /** `undefined` when the page does not start with a `---` line. */
  frontmatter: Frontmatter | undefined;
  /** Offset where the Markdown body starts (after the frontmatter block, if any). */
  bodyStart: number;
}

// PyYAML's boolean words (the `yaml` package's 1.1 schema also takes y/n/Y/N, which PyYAML does not).
const PY_TRUE = /^(?:yes|Yes|YES|true|True|TRUE|on|On|ON)$/;
const PY_FALSE = /^(?:no|No|NO|false|False|FALSE|off|Off|OFF)$/;
// Timestamps stay text: the site renders a date the way it was written, and a Date object is no use here.
const pyYamlTags = (tags: Tags): Tags =>
  tags
    .filter((tag) => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:timestamp')
    .map((tag) => {
      if (typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:bool' || !('test' in tag) || !tag.test) return tag;
      return { ...tag, test: tag.test.test('yes') ? PY_TRUE : PY_FALSE };
    });
// keepSourceTokens: the `-` and `:` indicators' offsets, where a list or map ends after an empty last item.
const YAML_OPTIONS = { version: '1.1', uniqueKeys: false, customTags: pyYamlTags, prettyErrors: false, keepSourceTokens: true, logLevel: 'error' } as const;

const DELIMITER = /^-{3}[ \t]*$/;
// A closing line anywhere in the text: at a line start (after \n, \r\n or a lone \r, as LineIndex
// counts lines), up to the line's end. One native search instead of a test per line.
const CLOSING_LINE = /(?<=[\r\n])(?:-{3}|\.{3})[ \t]*(?=[\r\n]|$)/g;

export function parsePage(rawText: string): ParsedPage {
  return parsePageWith(rawText, parseYamlFastOrFull)!;
}

/**
 * @internal The `yaml` package only, never the fast path: the reference that the fast path is tested
 * against.
 */
export function parsePageWithYaml(rawText: string): ParsedPage {
  return parsePageWith(rawText, parseYaml)!;
}

/**
 * @internal The fast path only: `undefined` when the page's frontmatter is outside the subset that
 * `parseYamlFast` reads (a page without frontmatter always gives a result).
 */
export function parsePageFast(rawText: string): ParsedPage | undefined {
  return parsePageWith(rawText, (text, start, end, lines) => {
    const fast = parseYamlFast(text, start, end, lines);
    return fast && { problems: [], brokenKeys: [], entries: fast.entries, isMapping: true, data: fast.data };
  });
}

type YamlParser = (text: string, start: number, end: number, lines: LineIndex) => YamlResult | undefined;

/** `undefined` only when `parse` gives up. */
function parsePageWith(rawText: string, parse: YamlParser): ParsedPage | undefined {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const firstLine = text.slice(0, lines.lineEnd(0));
  if (!DELIMITER.test(firstLine) || lines.lineCount < 2) {
    return { text, lines, frontmatter: undefined, bodyStart: 0 };
  }
  const contentStart = lines.lineStart(1);
  CLOSING_LINE.lastIndex = contentStart;
  const closing = CLOSING_LINE.exec(text);
  const closeLine = closing ? lines.positionAt(closing.index).line : -1;
  const openRange: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: firstLine.length } };
  if (closeLine < 0) {
    // Unclosed: for completion and hover, take the YAML to run up to the first blank line.
    let end = lines.lineCount;
    for (let line = 1; line < lines.lineCount; line++) {
      if (text.slice(lines.lineStart(line), lines.lineEnd(line)).trim() === '') {
        end = line;
        break;
      }
    }
    const contentEnd = end < lines.lineCount ? lines.lineStart(end) : text.length;
    const parsed = parse(text, contentStart, contentEnd, lines);
    if (!parsed) return undefined;
    return {
      text,
      lines,
      frontmatter: { status: 'unclosed', openRange, contentStart, contentEnd, ...parsed, problems: [], brokenKeys: [], siteData: undefined },
      bodyStart: contentEnd,
    };
  }
  const contentEnd = lines.lineStart(closeLine);
  const hasFinalNewline = closeLine + 1 < lines.lineCount;
  const bodyStart = hasFinalNewline ? lines.lineStart(closeLine + 1) : text.length;
  const parsed = parse(text, contentStart, contentEnd, lines);
  if (!parsed) return undefined;
  const status: FrontmatterStatus = hasFinalNewline ? 'closed' : 'no-final-newline';
  const siteSees = status === 'closed' && parsed.problems.length === 0 && parsed.isMapping;
  return {
    text,
    lines,
    frontmatter: { status, openRange, contentStart, contentEnd, ...parsed, siteData: siteSees ? parsed.data : undefined },
    bodyStart,
  };
}

interface YamlResult {
  problems: YamlProblem[];
  brokenKeys: string[];
  entries: FmEntry[];
  isMapping: boolean;
  data: Record<string, unknown>;
}

/** The fast line-based reader when the block is in its subset (most real pages), else the `yaml` package. */
function parseYamlFastOrFull(text: string, start: number, end: number, lines: LineIndex): YamlResult {
  const fast = parseYamlFast(text, start, end, lines);
  if (fast) return { problems: [], brokenKeys: [], entries: fast.entries, isMapping: true, data: fast.data };
  return parseYaml(text, start, end, lines);
}

/**
 * Parses `text[start, end)` as YAML with the `yaml` package. When it has errors, the top-level entries
 * that hold them are blanked out (offsets kept) and the rest is parsed again, so that one broken entry
 * does not hide the others (the `yaml` package's own recovery nests the following keys under the broken one).
 */
function parseYaml(text: string, start: number, end: number, lines: LineIndex): YamlResult {
  let source = text.slice(start, end);
  const problems: YamlProblem[] = [];
  const brokenKeys: string[] = [];
  const blanked = new Set<number>();
  for (let attempt = 0; attempt < 20; attempt++) {
    const doc = parseDocument(source, YAML_OPTIONS);
    const errors = doc.errors.filter((e) => !blanked.has(entryStartLine(source, lineOf(source, e.pos[0]))));
    if (errors.length === 0) {
      const contents = doc.contents as ParsedNode | null;
      const isMapping = contents === null || isMap(contents);
      const entries = isMap(contents) ? mapEntries(contents, start, lines) : [];
      let data: Record<string, unknown> = {};
      if (isMapping && contents !== null) {
        try {
          data = (doc.toJS({ maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
        } catch {
          data = {};
        }
      }
      return { problems, brokenKeys, entries, isMapping, data };
    }
    for (const error of errors) {
      const [from, to] = error.pos;
      // yaml runs out of stack on brackets nested thousands deep and reports it as a parse error.
      const tooDeep = /Maximum call stack size exceeded/.test(error.message);
      const problem: YamlProblem = {
        code: tooDeep ? 'TOO_DEEP' : error.code,
        message: tooDeep ? 'nested too deeply' : error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, ''),
        range: lines.range(start + from, start + Math.max(to, from)),
      };
      // The same error at the same place once (yaml repeats it per unclosed bracket, hundreds of times), and
      // nothing more on a line once it was too deep to read: the rest is the parser recovering, not news.
      const seen = problems.some(
        (p) =>
          (p.code === problem.code && p.message === problem.message && sameRange(p.range, problem.range)) ||
          (p.code === 'TOO_DEEP' && p.range.start.line === problem.range.start.line),
      );
      if (!seen) problems.push(problem);
      const first = entryStartLine(source, lineOf(source, from));
      if (blanked.has(first)) continue;
      blanked.add(first);
      const key = /^([^:#]+):/.exec(source.split('\n')[first] ?? '')?.[1]?.trim();
      if (key) brokenKeys.push(key);
      source = blankEntry(source, first);
    }
  }
  return { problems, brokenKeys, entries: [], isMapping: true, data: {} };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function lineOf(source: string, offset: number): number {
  let line = 0;
  for (let i = 0; i < offset && i < source.length; i++) if (source.charCodeAt(i) === 10) line++;
  return line;
}

/** The line on which the top-level entry holding `line` starts: the nearest line at or above it that starts a key. */
function entryStartLine(source: string, line: number): number {
  const all = source.split('\n');
  for (let l = Math.min(line, all.length - 1); l > 0; l--) if (startsTopLevelKey(all[l])) return l;
  return 0;
}

function startsTopLevelKey(line: string): boolean {
  return line.length > 0 && !/^[\s#-]/.test(line);
}

/** Replaces every character of the entry that starts on `first` with a space, keeping line breaks and offsets. */
function blankEntry(source: string, first: number): string {
  const all = source.split('\n');
  for (let l = first; l < all.length; l++) {
    if (l > first && startsTopLevelKey(all[l])) break;
    all[l] = all[l].replace(/[^\r]/g, ' ');
  }
  return all.join('\n');
}

function mapEntries(map: Node, shift: number, lines: LineIndex): FmEntry[] {
  const entries: FmEntry[] = [];
  if (!isMap(map)) return entries;
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key as ParsedNode | null;
    if (!keyNode || !keyNode.range) continue;
    const key = isScalar(keyNode) ? String(keyNode.value) : keyText(keyNode);
    const keyStart = shift + keyNode.range[0];
    const keyEnd = shift + keyNode.range[1];
    const keyRange = lines.range(keyStart, keyEnd);
    const valueNode = pair.value as ParsedNode | null;
    const value = valueNode
      ? toValue(valueNode, shift, lines, keyStart, keyEnd)
      : { kind: 'scalar' as const, value: null, range: keyRange, start: keyStart, end: keyEnd, source: '' };
    entries.push({ key, keyRange, keyStart, keyEnd, value });
  }
  return entries;
}

function toValue(node: ParsedNode, shift: number, lines: LineIndex, keyStart: number, keyEnd: number): FmValue {
  let start = shift + node.range[0];
  let end = shift + node.range[1];
  if (isSeq(node)) {
    const items = node.items.map((item) => toValue(item as ParsedNode, shift, lines, start, end));
    if (!node.flow && items.length > 0) {
      // A block list ends where its last item does (`yaml` would run on over the line break, and over
      // following comment lines after an empty item). An empty item's range is its `-`.
      const markers = seqMarkerEnds(node);
      items.forEach((item, i) => {
        const marker = markers[i];
        if (isEmpty(item) && marker !== undefined) {
          Object.assign(item, { range: lines.range(shift + marker - 1, shift + marker), start: shift + marker - 1, end: shift + marker });
        }
      });
      const last = items[items.length - 1];
      end = isEmpty(last) && markers[items.length - 1] === undefined ? end : last.end;
      return { kind: 'seq', items, range: lines.range(start, end), start, end, flow: false };
    }
    return { kind: 'seq', items, range: lines.range(start, end), start, end, flow: Boolean(node.flow) };
  }
  if (isMap(node)) {
    const entries = mapEntries(node, shift, lines);
    if (!node.flow && entries.length > 0) {
      // A block map ends where its last entry does: at its value, or after the `:` when it has none.
      const last = entries[entries.length - 1];
      if (!isEmpty(last.value)) end = last.value.end;
      else {
        const pair = node.items[node.items.length - 1] as Pair | undefined;
        const colon = pair?.srcToken?.sep?.find((token) => token.type === 'map-value-ind');
        end = colon ? shift + colon.offset + 1 : last.keyEnd;
      }
    }
    return { kind: 'map', entries, range: lines.range(start, end), start, end };
  }
  if (isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL')) end = blockScalarEnd(node, shift, lines.text, start, end);
  const source = lines.text.slice(start, end);
  let value: unknown = isScalar(node) ? node.value : node.toJSON();
  if (value instanceof Date) value = source;
  // An empty value has an empty range; point at the key (or list item's parent) so that the problem is visible.
  if (start === end) {
    start = keyStart;
    end = keyEnd;
  }
  return { kind: 'scalar', value, range: lines.range(start, end), start, end, source };
}

/**
 * Where a block scalar (`>-`, `|`) ends: after its last character that is not white space, or after its
 * header when it holds none. `yaml` runs its range on over the final line break and any blank lines, up to
 * the next key's line.
 */
function blockScalarEnd(node: Scalar, shift: number, text: string, start: number, end: number): number {
  const token = node.srcToken as CST.BlockScalar | undefined;
  const header = token?.type === 'block-scalar' ? token.props.find((t): t is CST.SourceToken => t.type === 'block-scalar-header') : undefined;
  const headerEnd = header ? shift + header.offset + header.source.length : start + 1;
  if (token?.type === 'block-scalar' && token.source.trim() === '') return headerEnd;
  let last = end;
  while (last > headerEnd && /\s/.test(text[last - 1])) last--;
  return Math.max(last, headerEnd);
}

/** Whether `value` has no text of its own (an empty value or list item). */
function isEmpty(value: FmValue): boolean {
  return value.kind === 'scalar' && value.source === '';
}

/** For each item of a block list, the offset (in the parsed source) just after its `-`. */
function seqMarkerEnds(node: YAMLSeq): number[] {
  const token = node.srcToken as CST.BlockSequence | undefined;
  if (token?.type !== 'block-seq') return [];
  return token.items.flatMap(({ start }) => start.filter((t) => t.type === 'seq-item-ind').map((t) => t.offset + 1));
}

/** The node at `path` (keys and list indexes), or `undefined`. Duplicate keys resolve to the last one, like the site. */
export function valueAt(entries: FmEntry[], path: FmPath): FmValue | undefined {
  if (path.length === 0) return undefined;
  const [head, ...rest] = path;
  const entry = findEntry(entries, String(head));
  if (!entry) return undefined;
  let node: FmValue | undefined = entry.value;
  for (const step of rest) {
    if (!node) return undefined;
    if (node.kind === 'seq' && typeof step === 'number') node = node.items[step];
    else if (node.kind === 'map') node = findEntry(node.entries, String(step))?.value;
    else return undefined;
  }
  return node;
}

/** The last entry with `key` (the one the site's loader keeps). */
export function findEntry(entries: FmEntry[], key: string): FmEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) if (entries[i].key === key) return entries[i];
  return undefined;
}

/** The string items of a list value (or the value itself when it is a string): what filters and references read. */
export function stringItems(value: FmValue | undefined): { value: string; node: FmValue }[] {
  if (!value) return [];
  if (value.kind === 'seq') {
    return value.items.flatMap((node) => (node.kind === 'scalar' && node.value !== null ? [{ value: String(node.value), node }] : []));
  }
  if (value.kind === 'scalar' && typeof value.value === 'string') return [{ value: value.value, node: value }];
  return [];
}

/** The text of a complex key; `yaml` can throw while stringifying one (a merge key inside it), so fall back to its source. */
function keyText(node: ParsedNode): string {
  try {
    return String(node);
  } catch {
    return node.srcToken && 'source' in node.srcToken ? String(node.srcToken.source) : '?';
  }
}
