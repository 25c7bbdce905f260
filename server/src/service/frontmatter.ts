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
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, parseDocument, Parser, YAMLParseError, YAMLWarning, type Alias, type CST, type Document, type Node, type Pair, type ParsedNode, type Scalar, type Tags, type YAMLError, type YAMLSeq } from 'yaml';
import { parseYamlFast } from './fastFrontmatter';
import { lastAtMost, LineIndex, stripBom } from './text';
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
  /**
   * What is wrong: the `yaml` package's error code (`BAD_INDENT`), or one of ours where its message would
   * mislead (`UNCLOSED_QUOTE`, `MISPLACED_LIST_ITEM`, ...). Each has a wording in messages.ts.
   */
  code: string;
  /** What the wording's `{detail}` names (a character, an escape); the package's own message for its other codes. */
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
/**
 * The first line from `from` on that closes the frontmatter: `---` or `...` and nothing after it but spaces
 * and tabs (lines as LineIndex counts them: after \n, \r\n or a lone \r), or -1. Only a line's first three
 * characters are looked at until one qualifies.
 */
function closingLine(text: string, lines: LineIndex, from: number): number {
  for (let line = from; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const c = text.charCodeAt(start);
    if ((c !== 45 && c !== 46) || text.charCodeAt(start + 1) !== c || text.charCodeAt(start + 2) !== c) continue;
    const end = lines.lineEnd(line);
    let i = start + 3;
    while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
    if (i === end) return line;
  }
  return -1;
}

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

/**
 * The longest YAML block read, in characters. The largest real frontmatter is about 3,400; the `yaml` package
 * needs several microseconds and some hundreds of bytes per character of dense YAML (brackets, anchors), so a
 * block of megabytes would take the editor seconds and much memory. A longer block is not read: it has one
 * problem, TOO_LARGE, at its first line, and its top-level keys count as broken (not reported missing).
 */
export const MAX_YAML_LENGTH = 16 * 1024;
export const TOO_LARGE = 'TOO_LARGE';

/** `parse`, or for a block longer than MAX_YAML_LENGTH, the result that says it was not read. */
function parseBounded(parse: YamlParser, text: string, start: number, end: number, lines: LineIndex): YamlResult | undefined {
  if (end - start <= MAX_YAML_LENGTH) return parse(text, start, end, lines);
  const first = lines.positionAt(start).line;
  const brokenKeys: string[] = [];
  for (const m of text.slice(start, end).matchAll(/^([^\s#:\-][^:\r\n]{0,200}):(?:[ \t]|\r?$)/gm)) brokenKeys.push(m[1].trim());
  return { problems: [{ code: TOO_LARGE, message: '', range: lines.lineRange(first) }], brokenKeys, entries: [], isMapping: true, data: Object.create(null) };
}

/** `undefined` only when `parse` gives up. */
function parsePageWith(rawText: string, parse: YamlParser): ParsedPage | undefined {
  const text = stripBom(rawText);
  const lines = new LineIndex(text);
  const firstLine = text.slice(0, lines.lineEnd(0));
  if (!DELIMITER.test(firstLine) || lines.lineCount < 2) {
    return { text, lines, frontmatter: undefined, bodyStart: 0 };
  }
  const contentStart = lines.lineStart(1);
  const closeLine = closingLine(text, lines, 1);
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
    const parsed = parseBounded(parse, text, contentStart, contentEnd, lines);
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
  const parsed = parseBounded(parse, text, contentStart, contentEnd, lines);
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
 * Each fault is reported once, where the author has to act (see `locate`), with at most one problem per
 * top-level entry: yaml reports one fault two to four times while it recovers, and those echoes only
 * confuse. A second, independent fault in the same entry shows once the first is fixed. Tabs are the
 * exception: yaml reads past them, so each run of them is reported, and its entry stays in the model.
 */
function parseYaml(text: string, start: number, end: number, lines: LineIndex): YamlResult {
  const result = parseYamlBlock(text, start, end, lines);
  if (result.problems.length === 0) return result;
  // A block that runs on into the page's text: its closing `---` was forgotten and the site (like us) took a
  // Markdown rule further down for it. yaml's errors in that prose would only confuse: one problem says so,
  // and the YAML above the text is read on its own.
  const at = new SourceLines(yamlSource(text, start, end));
  const markdown = markdownStart(at);
  if (markdown === undefined) return result;
  const from = start + at.lineStart(markdown);
  const fromLine = lines.positionAt(from).line;
  if (!result.problems.some((p) => p.range.start.line >= fromLine)) return result;
  const yamlPart = parseYamlBlock(text, start, from, lines);
  const closingLine = lines.positionAt(end).line + 1;
  const problem: YamlProblem = { code: 'PAGE_TEXT', message: String(closingLine), range: lines.range(from, start + at.lineContentEnd(markdown)) };
  return { ...yamlPart, problems: [...yamlPart.problems, problem] };
}

/**
 * The YAML text of `text[start, end)` as PyYAML reads it, offsets unchanged: MkDocs opens pages with Python's
 * universal newlines, so a lone `\r` ends a line like `\n` does; PyYAML also ends lines at NEL (U+0085) and
 * the Unicode line and paragraph separators (U+2028, U+2029). `yaml` knows only `\n` and `\r\n`, so each of
 * these becomes a `\n`. (Inside quotes PyYAML keeps U+2028 and U+2029 as they are where `yaml` folds the `\n`
 * into a space: the only difference, in a value's text.)
 */
function yamlSource(text: string, start: number, end: number): string {
  return text.slice(start, end).replace(/\r(?!\n)|[\u0085\u2028\u2029]/g, '\n');
}

/**
 * PyYAML's reader refuses the whole block at the first character it deems unprintable ("unacceptable
 * character #x001b: special characters are not allowed"): control characters other than tab and line breaks,
 * DEL, the C1 controls but NEL, lone surrogates, U+FFFE and U+FFFF. `yaml` reads them as text.
 */
const NON_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

function nonPrintable(source: string): Fault | undefined {
  const m = NON_PRINTABLE.exec(source);
  if (!m) return undefined;
  const code = m[0].codePointAt(0)!;
  return { code: 'NON_PRINTABLE', detail: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, from: m.index, to: m.index + m[0].length };
}

/**
 * The first line of Markdown in a YAML block that is clearly page text, or `undefined`: after a blank line,
 * either a `# heading` followed by a blank line and a line of prose, or a paragraph of prose (a line that is
 * neither a key, a list item, a comment nor indented) with another paragraph of prose or a heading after it.
 * A `# comment` right above a key (as the templates have) is not a heading.
 */
function markdownStart(at: SourceLines): number | undefined {
  const kinds: ('blank' | 'heading' | 'prose' | 'yaml')[] = [];
  for (let line = 0; line < at.lineCount; line++) {
    const text = at.lineText(line).replace(/\r$/, '');
    if (text.trim() === '') kinds.push('blank');
    else if (/^#{1,6}[ \t]+\S/.test(text)) kinds.push('heading');
    else if (/^[\s#]|^-(\s|$)|^[^#]*?:(\s|$)/.test(text)) kinds.push('yaml');
    else kinds.push('prose');
  }
  // For each line: whether a paragraph of prose, or a heading, starts on it or below it.
  const textBelow = new Array<boolean>(kinds.length + 1).fill(false);
  for (let line = kinds.length - 1; line >= 1; line--) {
    textBelow[line] = textBelow[line + 1] || (kinds[line - 1] === 'blank' && (kinds[line] === 'prose' || kinds[line] === 'heading'));
  }
  for (let line = 1; line < kinds.length; line++) {
    if (kinds[line - 1] !== 'blank') continue;
    if (kinds[line] === 'heading' && kinds[line + 1] === 'blank') {
      let next = line + 1;
      while (next < kinds.length && kinds[next] === 'blank') next++;
      if (kinds[next] === 'prose') return line;
    }
    if (kinds[line] === 'prose' && textBelow[line + 1]) return line;
  }
  return undefined;
}

/**
 * See parseYaml; this reads the block as it is. Two things PyYAML reads that `yaml` does not are read
 * here as PyYAML does: a quoted value or a bracketed list that runs on over lines indented no further
 * than its key (see `respan`), and tabs, which PyYAML rejects where `yaml` takes them for spaces (see
 * `tabFaults`).
 */
function parseYamlBlock(text: string, start: number, end: number, lines: LineIndex): YamlResult {
  const original = yamlSource(text, start, end);
  const at = new SourceLines(original);
  const problems: YamlProblem[] = [];
  const brokenKeys: string[] = [];
  const blanked = new Set<number>();
  const reported = new Set<string>();
  const tooDeepLines = new Set<number>();
  const spans = new Map<number, Span>();
  // What the scans for the ends of spans may read in all: linear in the block, however many unclosed quotes it has.
  const budget = { left: 4 * original.length + 1000 };
  const report = (fault: Fault) => {
    const problem: YamlProblem = { code: fault.code, message: fault.detail, range: lines.range(start + fault.from, start + fault.to) };
    // The same problem once, whichever attempt finds it again (yaml repeats one per unclosed bracket, hundreds
    // of times), and nothing more on a line once it was too deep to read: the rest is the parser recovering.
    const key = `${problem.code} ${start + fault.from} ${start + fault.to}`;
    const line = problem.range.start.line;
    if (!reported.has(key) && !tooDeepLines.has(line)) problems.push(problem);
    reported.add(key);
    if (problem.code === 'TOO_DEEP' || problem.code === 'TOO_DEEP_BLOCK') tooDeepLines.add(line);
  };
  // Brackets or blocks nested deeper than any real frontmatter are not handed to `yaml` at all: its recursion
  // (and the model's) would run out of stack, and V8 may then abort the whole process (seen with several such
  // pages in one run). The fault is the line where the nesting passes the limit; its whole entry is left out.
  const tooDeep = [...tooDeepBrackets(original).map((from) => ({ code: 'TOO_DEEP', from })), ...tooDeepBlocks(at).map((from) => ({ code: 'TOO_DEEP_BLOCK', from }))];
  for (const { code, from } of tooDeep.sort((a, b) => a.from - b.from)) {
    const entry = at.entryOf(from);
    if (blanked.has(entry)) continue;
    report({ code, detail: '', from, to: Math.max(from + 1, at.lineContentEnd(at.lineOf(from))) });
    blanked.add(entry);
    const broken = /^([^:#]+):/.exec(at.lineText(entry))?.[1]?.trim();
    if (broken) brokenKeys.push(broken);
  }
  // PyYAML's reader checks every character before anything is parsed.
  const unprintable = nonPrintable(original);
  if (unprintable) report(unprintable);
  for (let attempt = 0; attempt < 20; attempt++) {
    const live = [...spans.values()].filter((span) => !blanked.has(at.entryOf(span.start)));
    const source = withPlaceholders(at.blank(blanked), live);
    const doc = parseDocument(source, YAML_OPTIONS);
    transplant(doc, live, original);
    const facts = treeFacts(doc, original);
    const faults = faultsOf(doc, at, facts).filter((f) => !blanked.has(at.entryOf(f.from)));
    if (faults.length === 0) {
      const contents = doc.contents as ParsedNode | null;
      const isMapping = contents === null || isMap(contents);
      const entries = isMap(contents) ? mapEntries(contents, { shift: start, lines, facts, aliasBudget: 100, expanding: new Set() }).entries : [];
      // The site's value is made from the model, not by `yaml`'s toJS: toJS lets the first of two `<<` keys win
      // where PyYAML lets the last, gives Maps and Sets for !!omap and !!set, and objects whose prototype a
      // `__proto__` key could reach.
      const data = plainEntries(entries);
      // Tabs do not change what `yaml` reads, so their entries stay in the model; the site reads nothing.
      for (const fault of tabFaults(source, 0)) report(fault);
      for (const span of live) for (const fault of tabFaults(original.slice(span.start, span.close), span.start)) report(fault);
      problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
      return { problems, brokenKeys, entries, isMapping, data };
    }
    // Quotes and brackets that yaml ends early and PyYAML closes further down: read again with those spans.
    if (respan(faults, at, spans, blanked, budget)) continue;
    // The first fault of each entry, in source order (a fault found by relocation, such as an unclosed
    // quote, comes before yaml's echoes of it further down); brackets too deep to read say it all.
    const first = new Map<number, Fault>();
    for (const fault of faults) {
      const entry = at.entryOf(fault.from);
      const kept = first.get(entry);
      if (!kept || (kept.code !== 'TOO_DEEP' && (fault.code === 'TOO_DEEP' || fault.from < kept.from))) first.set(entry, fault);
    }
    for (const [entry, fault] of first) {
      report(fault);
      blanked.add(entry);
      const broken = /^([^:#]+):/.exec(at.lineText(entry))?.[1]?.trim();
      if (broken) brokenKeys.push(broken);
    }
  }
  problems.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { problems, brokenKeys, entries: [], isMapping: true, data: Object.create(null) };
}

/**
 * How deep `[`/`{` may nest before the YAML is refused unread. PyYAML (the site) reads 300 levels and fails with
 * a RecursionError at 500; no real page comes near either.
 */
const MAX_FLOW_DEPTH = 400;

/**
 * How deep lists and maps may nest by indentation (and `- - -` on one line) before the YAML is refused unread.
 * PyYAML reads 400 levels and fails with a RecursionError at 500; the site then has no metadata for the page.
 */
const MAX_BLOCK_DEPTH = 400;

/**
 * The offsets of the first character of each top-level entry's first line whose block nesting passes
 * MAX_BLOCK_DEPTH: a rough scan by columns. Each line opens a level at its indentation and one more after
 * each `- ` or `? ` that starts it; a line closes the levels at or right of its indentation. Blank lines,
 * comments and the text of block scalars (`|`, `>`) do not count. It errs towards reading: text that runs
 * on over lines indented ever further counts as nesting, which no real page has at this depth.
 */
function tooDeepBlocks(at: SourceLines): number[] {
  const found: number[] = [];
  const open: number[] = [];
  let blockScalar = -1; // the indentation of the line that opened a block scalar, while inside it
  let reportedEntry = -1;
  for (let line = 0; line < at.lineCount; line++) {
    const text = at.lineText(line);
    let column = 0;
    while (text.charCodeAt(column) === 32) column++;
    if (column >= text.length || text[column] === '#' || text[column] === '\r') continue;
    if (blockScalar >= 0 && column > blockScalar) continue;
    blockScalar = -1;
    const indent = column;
    while (open.length > 0 && open[open.length - 1] >= column) open.pop();
    const entry = at.entryOf(at.lineStart(line));
    for (;;) {
      open.push(column);
      if (open.length > MAX_BLOCK_DEPTH && entry !== reportedEntry) {
        reportedEntry = entry;
        found.push(at.lineStart(line) + column);
      }
      if ((text[column] !== '-' && text[column] !== '?') || (text[column + 1] !== ' ' && column + 1 !== text.length)) break;
      column++;
      while (text.charCodeAt(column) === 32) column++;
      if (column >= text.length) break;
    }
    if (/(?:^|[:\s])[|>][-+0-9]*[ \t]*(?:#.*)?\r?$/.test(text)) blockScalar = indent;
  }
  return found;
}

/**
 * The offsets of the outermost brackets whose contents nest deeper than MAX_FLOW_DEPTH, outside quotes and
 * comments. A rough scan (it does not know block scalars), erring towards reading: only depth counts.
 */
function tooDeepBrackets(source: string): number[] {
  const found: number[] = [];
  let depth = 0;
  let outermost = -1;
  let quote = '';
  let reportedAt = -1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = '';
      continue;
    }
    if (c === '"' || c === "'") quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(source[i - 1]))) {
      const end = source.indexOf('\n', i);
      i = end < 0 ? source.length : end;
    } else if (c === '[' || c === '{') {
      if (depth === 0) outermost = i;
      depth++;
      if (depth > MAX_FLOW_DEPTH && reportedAt !== outermost) {
        found.push(outermost);
        reportedAt = outermost;
      }
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return found;
}

/**
 * A quoted value or a bracketed (flow) list or map that runs on over more than one line, as PyYAML reads it:
 * `yaml` wants its continuation lines indented further than its key and ends it at the first line that is
 * not; PyYAML does not look at their indentation at all (it only stops at a `---` or `...` line), so
 *   title: "Lange tekst
 *   die doorloopt"
 * is the text "Lange tekst die doorloopt" on the site. Offsets in the YAML source.
 */
interface Span {
  /** The opening quote or bracket. */
  open: number;
  /** Where its anchor (`&a`) or tag (`!t`) starts, if it has one; else `open`. */
  start: number;
  /** Just after the closing quote or bracket. */
  close: number;
}

/**
 * Turns the unclosed quotes and brackets among `faults` that PyYAML closes into spans (in `spans`, keyed by
 * their opening offset), and joins their lines into the entry they start in; a fault inside a span (text
 * after it, a `- ` inside brackets) is then reported where PyYAML finds it. Not when the quote that would
 * close it starts a later value (`id: "x"`): the quote above was left open, and yaml's report of it stands.
 * Whether a span was added.
 */
function respan(faults: Fault[], at: SourceLines, spans: Map<number, Span>, blanked: ReadonlySet<number>, budget: { left: number }): boolean {
  const source = at.source;
  const joined: [number, number][] = [];
  let coveredUntil = -1;
  for (const fault of [...faults].sort((a, b) => a.from - b.from)) {
    if ((fault.code !== 'UNCLOSED_QUOTE' && fault.code !== 'UNCLOSED_BRACKET') || fault.from < coveredUntil || spans.has(fault.from)) continue;
    const open = fault.from;
    const close = source[open] === '"' || source[open] === "'" ? quotedEnd(source, open, budget) : source[open] === '[' || source[open] === '{' ? flowEnd(source, open, budget) : undefined;
    if (close === undefined) continue;
    const firstLine = at.lineOf(open);
    const lastLine = at.lineOf(close - 1);
    if (lastLine === firstLine) continue;
    let after = close;
    while (source[after] === ' ' || source[after] === '\t') after++;
    // A multi-line key (`"a\nb": c`) PyYAML rejects, as yaml does.
    if (source[after] === ':') continue;
    const tail = after < source.length && source[after] !== '\n' && source[after] !== '\r' && source[after] !== '#';
    // Text after a closing quote that opens a later value (`title: "Foo` ... `id: "x"`): the first quote was left open.
    if (tail && source[open] !== '[' && source[open] !== '{' && /(?:^|[:\-[{,])[ \t]*$/.test(at.lineText(lastLine).slice(0, close - 1 - at.lineStart(lastLine)))) continue;
    let blankedInside = false;
    for (let line = firstLine; line <= lastLine && !blankedInside; line++) blankedInside = blanked.has(at.entryOf(at.lineStart(line)));
    if (blankedInside) continue;
    spans.set(open, { open, start: propsStart(source, open), close });
    joined.push([firstLine, lastLine]);
    coveredUntil = close;
  }
  at.join(joined);
  return joined.length > 0;
}

/** Where the anchor and tag before `offset` on its line start (`&a !!seq [`), or `offset` when it has none. */
function propsStart(source: string, offset: number): number {
  let start = offset;
  for (;;) {
    let end = start;
    while (end > 0 && source[end - 1] === ' ') end--;
    let from = end;
    while (from > 0 && !isSpace(source.charCodeAt(from - 1))) from--;
    if (from === end || (source[from] !== '&' && source[from] !== '!')) return start;
    start = from;
  }
}

/** Whether a `---` or `...` document marker starts at `offset` (a line start): PyYAML ends a quoted value or flow list there with an error. */
function documentMarkerAt(source: string, offset: number): boolean {
  if (!source.startsWith('---', offset) && !source.startsWith('...', offset)) return false;
  const next = source[offset + 3];
  return next === undefined || next === ' ' || next === '\t' || next === '\n' || next === '\r';
}

/**
 * Just after the quote that closes the quoted scalar opening at `open`, as PyYAML's scanner finds it
 * (`\"` escapes in double quotes, `''` in single quotes, any indentation); `undefined` when there is none
 * before a document marker, the end of the source or the end of `budget`.
 */
function quotedEnd(source: string, open: number, budget: { left: number }): number | undefined {
  const quote = source[open];
  for (let i = open + 1; i < source.length; i++) {
    if (--budget.left < 0) return undefined;
    const c = source[i];
    if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      if (documentMarkerAt(source, i + 1)) return undefined;
    } else if (c === '\\' && quote === '"') {
      // An escaped character is skipped; an escaped line break is a line break like any other.
      if (source[i + 1] !== '\n' && source[i + 1] !== '\r') i++;
    } else if (c === quote) {
      if (quote === "'" && source[i + 1] === "'") i++;
      else return i + 1;
    }
  }
  return undefined;
}

/**
 * Just after the bracket that closes the flow list or map opening at `open`, as PyYAML's scanner finds it:
 * brackets nest, quotes open a quoted scalar only where a token starts (not inside `it's`), `#` after white
 * space starts a comment, indentation does not matter. `undefined` as for `quotedEnd`.
 */
function flowEnd(source: string, open: number, budget: { left: number }): number | undefined {
  let depth = 0;
  let tokenStart = true;
  for (let i = open; i < source.length; i++) {
    if (--budget.left < 0) return undefined;
    const c = source[i];
    if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      if (documentMarkerAt(source, i + 1)) return undefined;
      tokenStart = true;
    } else if (c === ' ' || c === '\t' || c === ',') {
      tokenStart = true;
    } else if (c === '#' && tokenStart) {
      while (i + 1 < source.length && source[i + 1] !== '\n' && source[i + 1] !== '\r') i++;
    } else if (c === '[' || c === '{') {
      // Nested far deeper than any frontmatter: left to yaml as it is. Reading it again would recurse as deep once
      // more, towards the stack limit, where V8 can abort the process (while compiling a regular expression).
      if (++depth > 200) return undefined;
      tokenStart = true;
    } else if (c === ']' || c === '}') {
      if (--depth === 0) return i + 1;
      tokenStart = true;
    } else if ((c === '"' || c === "'") && tokenStart) {
      const end = quotedEnd(source, i, budget);
      if (end === undefined) return undefined;
      i = end - 1;
    } else {
      // `:` or `?` followed by white space or a flow indicator is an indicator; anything else is part of a plain scalar.
      tokenStart = (c === ':' || c === '?') && /^[\s,[\]{}]?$/.test(source[i + 1] ?? '');
    }
  }
  return undefined;
}

/**
 * The source `yaml` is given: each span replaced by `""` and spaces, on one line (line breaks become spaces
 * too), so that `yaml` reads a value there whatever the indentation of its lines; offsets stay the same.
 * `transplant` then puts the value read from the span itself in its place.
 */
function withPlaceholders(source: string, spans: readonly Span[]): string {
  if (spans.length === 0) return source;
  let out = '';
  let from = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    out += source.slice(from, span.start) + '""' + ' '.repeat(span.close - span.start - 2);
    from = span.close;
  }
  return out + source.slice(from);
}

/**
 * Puts in place of each span's placeholder the node that `yaml` reads from the span's own text (its anchor
 * and tag included, as a document of its own, where no indentation is required), with its ranges and source
 * tokens shifted to where the span is; its errors and warnings join the document's.
 */
function transplant(doc: Document.Parsed, spans: readonly Span[], original: string): void {
  if (spans.length === 0) return;
  const byStart = new Map(spans.map((span) => [span.start, span]));
  const replaced = (node: unknown): unknown => {
    const span = isScalar(node) && node.range ? byStart.get(node.range[0]) : undefined;
    if (!span) return node;
    const own = parseDocument(original.slice(span.start, span.close), YAML_OPTIONS);
    const read = own.contents as ParsedNode | null;
    if (!read) return node;
    const by = span.start;
    shiftTree(read, by);
    for (const e of own.errors) doc.errors.push(new YAMLParseError([e.pos[0] + by, e.pos[1] + by], e.code, e.message));
    for (const w of own.warnings) doc.warnings.push(new YAMLWarning([w.pos[0] + by, w.pos[1] + by], w.code, w.message));
    return read;
  };
  doc.contents = replaced(doc.contents) as ParsedNode | null;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isPair(node)) {
      node.key = replaced(node.key);
      node.value = replaced(node.value);
      stack.push(node.key, node.value);
    } else if (isMap(node) || isSeq(node)) {
      for (let i = 0; i < node.items.length; i++) {
        if (isSeq(node)) node.items[i] = replaced(node.items[i]);
        stack.push(node.items[i]);
      }
    }
  }
}

/** Adds `by` to the ranges of `node` and everything in it, and to the offsets of its source tokens. */
function shiftTree(node: ParsedNode, by: number): void {
  const stack: unknown[] = [node];
  while (stack.length > 0) {
    const n = stack.pop();
    if (isNode(n) && n.range) n.range = [n.range[0] + by, n.range[1] + by, n.range[2] + by];
    if (isPair(n)) stack.push(n.key, n.value);
    else if (isMap(n) || isSeq(n)) for (const item of n.items) stack.push(item);
  }
  const tokens: unknown[] = [node.srcToken];
  const seen = new Set<object>();
  while (tokens.length > 0) {
    const t = tokens.pop();
    if (t === null || typeof t !== 'object' || seen.has(t)) continue;
    seen.add(t);
    if (Array.isArray(t)) {
      for (const item of t) tokens.push(item);
      continue;
    }
    const token = t as Record<string, unknown>;
    if (typeof token.offset === 'number') token.offset += by;
    for (const field of CST_CHILDREN) tokens.push(token[field]);
  }
}

/** The fields of a `yaml` CST token that hold other tokens. */
const CST_CHILDREN = ['start', 'key', 'sep', 'value', 'items', 'end', 'props'];

/**
 * The tabs PyYAML rejects ("found character '\t' that cannot start any token"), one fault per run of tabs
 * (with the spaces between them) in `source`, whose offsets are shifted by `shift`. PyYAML's scanner skips
 * only spaces between tokens and ends a plain value at a tab, so a tab is fine only inside quotes, in a
 * comment, and in the text of a block scalar (`|`, `>`) past its indentation. The tokens are `yaml`'s
 * (its concrete syntax tree), which knows where quotes, comments and block scalars are.
 */
function tabFaults(source: string, shift: number): Fault[] {
  if (!source.includes('\t')) return [];
  const faults: Fault[] = [];
  const runs = (text: string, offset: number) => {
    for (let i = text.indexOf('\t'); i >= 0; i = text.indexOf('\t', i)) {
      let to = i + 1;
      let j = to;
      for (; j < text.length && (text[j] === ' ' || text[j] === '\t'); j++) if (text[j] === '\t') to = j + 1;
      faults.push({ code: 'TAB', detail: '', from: shift + offset + i, to: shift + offset + to });
      i = j;
    }
  };
  const stack: unknown[] = [];
  try {
    for (const token of new Parser().parse(source)) stack.push(token);
  } catch {
    return [];
  }
  const seen = new Set<object>();
  while (stack.length > 0) {
    const t = stack.pop();
    if (t === null || typeof t !== 'object' || seen.has(t)) continue;
    seen.add(t);
    if (Array.isArray(t)) {
      for (const item of t) stack.push(item);
      continue;
    }
    const token = t as Partial<CST.BlockScalar> & { type?: string };
    if (typeof token.source === 'string' && typeof token.offset === 'number') {
      if (token.type === 'block-scalar') blockScalarTabs(token as CST.BlockScalar, runs);
      else if (token.type !== 'comment' && token.type !== 'double-quoted-scalar' && token.type !== 'single-quoted-scalar') runs(token.source, token.offset);
    }
    for (const field of CST_CHILDREN) stack.push((token as Record<string, unknown>)[field]);
  }
  return faults.sort((a, b) => a.from - b.from);
}

/**
 * The tabs in a block scalar's text that PyYAML rejects: those on a line indented (with spaces) less than the
 * scalar's indentation, which PyYAML takes for the end of the scalar. The indentation is PyYAML's: the
 * header's indicator, or else that of the first line with text, and at least one more than the parent's.
 */
function blockScalarTabs(token: CST.BlockScalar, runs: (text: string, offset: number) => void): void {
  const last = token.props[token.props.length - 1] as CST.SourceToken | undefined;
  let offset = last ? last.offset + last.source.length : token.offset;
  const least = Math.max(1, token.indent + 1);
  const header = token.props.find((t): t is CST.SourceToken => t.type === 'block-scalar-header')?.source ?? '';
  const explicit = /[1-9]/.exec(header)?.[0];
  const lines = token.source.split('\n');
  let indent = least;
  if (explicit) indent = least + Number(explicit) - 1;
  else {
    for (const line of lines) {
      const spaces = /^ */.exec(line)![0].length;
      indent = Math.max(indent, spaces);
      if (line.slice(spaces).replace(/\r$/, '') !== '') break;
    }
  }
  for (const line of lines) {
    if (line.includes('\t') && /^ */.exec(line)![0].length < indent) runs(line, offset);
    offset += line.length + 1;
  }
}

/** The lines of the YAML source (the text between the delimiters), and the top-level entry each belongs to. */
class SourceLines {
  private readonly starts: number[] = [0];
  /** For each line, the line on which its top-level entry starts (0 above the first key). */
  private entries: number[] = [];
  /** Lines inside a value that runs on over lines (see `join`): they never start an entry. */
  private readonly continued = new Set<number>();
  /** Offset just after the last character that is not white space (0 when there is none). */
  readonly contentEnd: number;

  constructor(readonly source: string) {
    for (let i = source.indexOf('\n'); i >= 0; i = source.indexOf('\n', i + 1)) this.starts.push(i + 1);
    this.findEntries();
    let last = source.length;
    while (last > 0 && isSpace(source.charCodeAt(last - 1))) last--;
    this.contentEnd = last;
  }

  private findEntries(): void {
    this.entries = [];
    let entry = 0;
    for (let line = 0; line < this.starts.length; line++) {
      if (line > 0 && !this.continued.has(line) && startsTopLevelKey(this.lineText(line))) entry = line;
      this.entries.push(entry);
    }
  }

  /** Makes the lines after the first of each `[first, last]` part of the entry its first line is in: a value runs on over them. */
  join(ranges: readonly [number, number][]): void {
    if (ranges.length === 0) return;
    for (const [first, last] of ranges) for (let line = first + 1; line <= last; line++) this.continued.add(line);
    this.findEntries();
  }

  /** The 0-based line of `offset`. */
  lineOf(offset: number): number {
    return lastAtMost(this.starts, offset);
  }

  /** The line on which the top-level entry holding `offset` starts: the nearest line at or above it that starts a key. */
  entryOf(offset: number): number {
    return this.entries[this.lineOf(offset)];
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Offset just after the last character of `line` that is not white space (its start when it is blank). */
  lineContentEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.source.length;
    while (end > this.starts[line] && isSpace(this.source.charCodeAt(end - 1))) end--;
    return end;
  }

  /** `line` without its line break (a `\r` before it included). */
  lineText(line: number): string {
    const end = line + 1 < this.starts.length ? this.starts[line + 1] - 1 : this.source.length;
    return this.source.slice(this.starts[line], end);
  }

  /** The source with every character of the entries that start on the lines in `entries` replaced by a space, keeping line breaks and offsets. */
  blank(entries: ReadonlySet<number>): string {
    if (entries.size === 0) return this.source;
    const out: string[] = [];
    let from = 0;
    for (let line = 0; line < this.starts.length; line++) {
      if (!entries.has(this.entries[line])) continue;
      const start = this.starts[line];
      const text = this.lineText(line);
      out.push(this.source.slice(from, start), text.endsWith('\r') ? ' '.repeat(text.length - 1) + '\r' : ' '.repeat(text.length));
      from = start + text.length;
    }
    out.push(this.source.slice(from));
    return out.join('');
  }
}

function startsTopLevelKey(line: string): boolean {
  return line.length > 0 && !/^[\s#-]/.test(line);
}

/** Space, tab, CR or LF. */
function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

/**
 * A YAML fault as it is reported: a code (the `yaml` package's, or one of ours where the package's message
 * would send the author to the wrong place or the wrong fix; the wordings are YAML_NL and YAML_EN in
 * messages.ts), the text its wording names (`{detail}`: the package's own message where we have no wording),
 * and its place as offsets in the YAML source.
 */
interface Fault {
  code: string;
  detail: string;
  from: number;
  to: number;
}

/**
 * What the parsed tree knows that yaml's errors do not: where unclosed quotes and brackets open, and the
 * anchors, aliases and merge keys, which PyYAML checks and `yaml` does not (or only when converting).
 */
interface TreeFacts {
  /** Quoted scalars without their closing quote, by the offset where yaml ends them. */
  unclosedQuotes: Map<number, number>;
  /** Flow collections without their closing bracket, by the offset where yaml ends them: the outermost opening. */
  unclosedFlows: Map<number, number>;
  /** Anchored nodes by anchor name, in source order. */
  anchors: Map<string, ParsedNode[]>;
  /** Every alias, in source order. */
  aliases: Alias[];
  /** The values of `<<` merge keys (the key's node when it has no value). */
  merges: ParsedNode[];
}

/** The node an alias stands for, as PyYAML and `yaml` resolve it: the last anchor of that name before it. */
function aliasTarget(alias: Alias, facts: TreeFacts): ParsedNode | undefined {
  const at = alias.range?.[0] ?? 0;
  let found: ParsedNode | undefined;
  for (const node of facts.anchors.get(alias.source) ?? []) if (node.range[0] < at) found = node;
  return found;
}

/**
 * Every fault of `doc`, placed (see `locate`), and the faults PyYAML's safe loader raises where `yaml` only
 * warns or says nothing: an alias without an anchor (`yaml`'s toJS throws, and the page silently had no
 * data), a tag it does not know (`!custom`), a merge key (`<<`) whose value is not a map.
 */
function faultsOf(doc: Document.Parsed, at: SourceLines, facts: TreeFacts): Fault[] {
  const faults = doc.errors.map((error) => refine(locate(error, facts, at), at));
  const source = at.source;
  const place = (code: string, node: ParsedNode, detail = '') => clampFault({ code, detail, from: node.range[0], to: node.range[1] }, at);
  for (const alias of facts.aliases) {
    if (alias.range && !aliasTarget(alias, facts)) faults.push(place('MISSING_ANCHOR', alias as ParsedNode, `*${alias.source}`));
  }
  const mergeable = (node: unknown): boolean => isMap(node) || (isAlias(node) && (!aliasTarget(node, facts) || isMap(aliasTarget(node, facts))));
  for (const value of facts.merges) {
    if (!mergeable(value) && !(isSeq(value) && value.items.every(mergeable))) faults.push(place('BAD_MERGE', value));
  }
  for (const warning of doc.warnings) {
    const [from, to] = warning.pos;
    const written = source.slice(from, to).trim();
    // PyYAML reads timestamps, which the `yaml` path is set not to resolve (see pyYamlTags).
    if (warning.code === 'TAG_RESOLVE_FAILED' && /^Unresolved tag: tag:yaml\.org,2002:(map|seq|omap|pairs|set)$/.test(warning.message)) {
      // A standard collection tag on the other kind of value (`!!map [a]`).
      faults.push(clampFault({ code: 'BAD_COLLECTION_TYPE', detail: warning.message, from, to }, at));
    } else if (warning.code === 'TAG_RESOLVE_FAILED' && /^Unresolved tag: /.test(warning.message) && !/timestamp$/.test(written)) {
      faults.push(clampFault({ code: 'UNKNOWN_TAG', detail: written, from, to }, at));
    } else if (warning.code === 'BAD_COLLECTION_TYPE') {
      faults.push(clampFault({ code: 'BAD_COLLECTION_TYPE', detail: warning.message, from, to }, at));
    }
  }
  return faults;
}

/** Walks the tree (iteratively: it can be nested as deep as yaml could compose it). */
function treeFacts(doc: Document.Parsed, source: string): TreeFacts {
  const facts: TreeFacts = { unclosedQuotes: new Map(), unclosedFlows: new Map(), anchors: new Map(), aliases: [], merges: [] };
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isNode(node) && node.anchor && node.range) {
      const named = facts.anchors.get(node.anchor);
      if (named) named.push(node as ParsedNode);
      else facts.anchors.set(node.anchor, [node as ParsedNode]);
    }
    if (isPair(node)) {
      if (isMergeKey(node.key)) {
        const value = (node.value ?? node.key) as ParsedNode;
        if (value.range) facts.merges.push(value);
      }
      stack.push(node.value, node.key);
    } else if (isAlias(node)) {
      facts.aliases.push(node);
    } else if (isScalar(node) && node.range) {
      const quote = node.type === 'QUOTE_DOUBLE' ? '"' : node.type === 'QUOTE_SINGLE' ? "'" : undefined;
      const [from, to] = node.range;
      if (quote && (to - from < 2 || source[to - 1] !== quote)) facts.unclosedQuotes.set(to, from);
    } else if ((isMap(node) || isSeq(node)) && node.range) {
      const token = node.srcToken;
      if (token?.type === 'flow-collection' && token.end[0]?.source !== (token.start.source === '[' ? ']' : '}')) {
        const [from, to] = node.range;
        const known = facts.unclosedFlows.get(to);
        if (known === undefined || from < known) facts.unclosedFlows.set(to, from);
      }
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    }
  }
  return facts;
}

/**
 * Where and as what a yaml error is reported. yaml places some errors where it gave up rather than where the
 * author went wrong: an unclosed quote or bracket at the end of the input (the closing `---`), a list item
 * with the wrong indentation on the blank line above it. And it names some faults by their consequence
 * ("Nested mappings are not allowed in compact mappings" for a colon in a value, but also for a key indented
 * too far). Ranges stay inside the YAML: never on or after the closing line.
 */
function locate(error: YAMLError, facts: TreeFacts, at: SourceLines): Fault {
  const source = at.source;
  const message = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const [pos, posEnd] = error.pos;
  const lineEnd = (offset: number) => Math.max(at.lineContentEnd(at.lineOf(offset)), offset + 1);
  const fault = (code: string, from: number, to = lineEnd(from), detail = ''): Fault => clampFault({ code, detail, from, to }, at);
  // yaml runs out of stack on brackets nested thousands deep and reports it as a parse error.
  if (/Maximum call stack size exceeded/.test(message)) return fault('TOO_DEEP', pos, posEnd);
  if (/^Missing closing ["']quote/.test(message)) {
    const open = facts.unclosedQuotes.get(pos);
    if (open !== undefined) return fault('UNCLOSED_QUOTE', open);
  }
  if (/^Flow (sequence|map)\b.* end with a [\]}]$/.test(message)) {
    const open = facts.unclosedFlows.get(pos);
    if (open !== undefined) return fault('UNCLOSED_BRACKET', open);
  }
  // A `- ` where a key is due: a list item indented unlike the ones above it, or a list after a key with a value.
  const listItem = (offset: number) => source[offset] === '-' && (offset + 1 >= source.length || isSpace(source.charCodeAt(offset + 1)));
  switch (error.code) {
    case 'BLOCK_AS_IMPLICIT_KEY': {
      if (/block sequence/.test(message)) {
        const item = skipSpace(source, pos, true);
        return listItem(item) ? fault('MISPLACED_LIST_ITEM', item) : fault('BAD_INDENT', item);
      }
      // "Nested mappings are not allowed in compact mappings": a `key: ` inside the value, on its own line
      // (a colon in the value) or on a more indented line below it (read as the value's continuation).
      if (hasKeyColon(source.slice(pos, at.lineContentEnd(at.lineOf(pos))))) return fault('BLOCK_AS_IMPLICIT_KEY', pos, pos + 1);
      const next = nextIndentedLine(at, at.lineOf(pos));
      if (next !== undefined) return fault('INDENTED_KEY', next);
      return fault('BAD_INDENT', pos);
    }
    case 'MULTILINE_IMPLICIT_KEY': {
      // A key that runs over lines: the line that ends it (with its colon) is indented, or the line that
      // starts it is text without a colon that was meant to continue the value above.
      if (listItem(pos)) return fault('MISPLACED_LIST_ITEM', pos);
      const last = at.lineOf(Math.max(pos, posEnd - 1));
      if (last > at.lineOf(pos) && /^ +\S/.test(at.lineText(last))) return fault('INDENTED_KEY', skipSpace(source, at.lineStart(last), false));
      if (/flow/.test(message)) return fault('MULTILINE_IMPLICIT_KEY', pos);
      return fault('MISSING_COLON', pos);
    }
    case 'MISSING_CHAR': {
      if (/^Implicit map keys need to be followed by map values/.test(message)) return listItem(pos) ? fault('MISPLACED_LIST_ITEM', pos) : fault('MISSING_COLON', pos);
      // A `%` line is a directive, which needs a `---` after it: the fault is the `%` line, not the line after.
      const directive = /^%/m.exec(source);
      if (/directives-end/.test(message) && directive) return fault('BAD_DIRECTIVE', directive.index);
      break;
    }
    case 'UNEXPECTED_TOKEN':
      if (/block-seq-ind on same line/.test(message)) {
        const lineStart = at.lineStart(at.lineOf(pos));
        return skipSpace(source, lineStart, false) === pos ? fault('MISPLACED_LIST_ITEM', pos) : fault('BAD_SCALAR_START', pos, pos + 1, '-');
      }
      if (/ at node end$/.test(message)) {
        let before = pos;
        while (before > 0 && source[before - 1] === ' ') before--;
        if (source[before - 1] === '"' || source[before - 1] === "'") return fault('TEXT_AFTER_QUOTE', pos, Math.min(posEnd, lineEnd(pos)));
      }
      break;
    case 'BAD_DQ_ESCAPE': {
      const escape = /Invalid escape sequence (\S+)/.exec(message)?.[1] ?? '\\';
      return fault('BAD_DQ_ESCAPE', pos, pos + escape.length, escape);
    }
    case 'BAD_SCALAR_START':
      return fault('BAD_SCALAR_START', pos, pos + 1, source[pos] ?? '');
    case 'BAD_INDENT':
      return fault('BAD_INDENT', skipSpace(source, pos, false));
  }
  return fault(error.code, pos, Math.max(posEnd, pos + 1), message);
}

/**
 * A fault said more exactly when its line shows what is missing. A line that yaml cannot read as a key or a
 * list item because the space after its `:` or `-` is missing (`title:Geen spatie`, `-jurist`): both readers
 * take such a line for plain text, and yaml's complaint about the colon or the indentation misleads. A fault
 * on a tab is about the tab (PyYAML stops there too).
 */
function refine(fault: Fault, at: SourceLines): Fault {
  const source = at.source;
  if (source[fault.from] === '\t') {
    const lineStart = at.lineStart(at.lineOf(fault.from));
    const code = /^[ \t]*$/.test(source.slice(lineStart, fault.from)) ? 'TAB_AS_INDENT' : 'TAB';
    let to = fault.from + 1;
    while (source[to] === '\t') to++;
    return { code, detail: '', from: fault.from, to };
  }
  if (fault.code !== 'MISSING_COLON' && fault.code !== 'BAD_INDENT' && fault.code !== 'MULTILINE_IMPLICIT_KEY') return fault;
  const line = at.lineOf(fault.from);
  const text = at.lineText(line).replace(/\r$/, '');
  const indent = /^ */.exec(text)![0].length;
  const rest = text.slice(indent);
  if (hasKeyColon(rest)) return fault;
  const from = at.lineStart(line) + indent;
  if (/^-[^\s-]/.test(rest)) return { code: 'MISSING_SPACE_AFTER_DASH', detail: '', from, to: from + 1 };
  // A key-like word glued to its value (not `https://`).
  const glued = /^([\p{L}\p{N}_][\p{L}\p{N}_\-./]*):[^\s:/]/u.exec(rest);
  if (glued) return { code: 'MISSING_SPACE_AFTER_COLON', detail: glued[1], from: from + glued[1].length, to: from + glued[1].length + 1 };
  return fault;
}

/** Keeps a fault inside the YAML text: on a character, not on trailing white space, never past the last character. */
function clampFault(fault: Fault, at: SourceLines): Fault {
  const last = at.contentEnd;
  let from = Math.min(Math.max(0, fault.from), Math.max(0, last - 1));
  // A position on the spaces that indent a line: the line's first character.
  if (at.source[from] === ' ') from = skipSpace(at.source, from, false);
  let to = Math.min(fault.to, last);
  while (to > from + 1 && isSpace(at.source.charCodeAt(to - 1))) to--;
  if (to <= from) to = Math.min(from + 1, last);
  // A range that starts at a line break would show on the line above: keep it empty there.
  if (at.source[from] === '\n' || at.source[from] === '\r') to = from;
  return { ...fault, from, to };
}

/** The first offset from `offset` that is not a space (nor, when `lines`, a line break or a blank line). */
function skipSpace(source: string, offset: number, lines: boolean): number {
  let i = offset;
  while (i < source.length && (source[i] === ' ' || (lines && (source[i] === '\n' || source[i] === '\r')))) i++;
  return i < source.length && source[i] !== '\n' && source[i] !== '\r' ? i : offset;
}

/** Whether a plain value holds `: ` or ends in `:` (before a comment), which makes yaml read a key there. */
function hasKeyColon(value: string): boolean {
  const comment = value.search(/\s#/);
  const text = comment < 0 ? value : value.slice(0, comment);
  return /:(\s|$)/.test(text);
}

/** The first character of the next non-blank line below `line` if that line is indented further than `line`. */
function nextIndentedLine(at: SourceLines, line: number): number | undefined {
  const indent = /^ */.exec(at.lineText(line))![0].length;
  for (let next = line + 1; next < at.lineCount; next++) {
    const text = at.lineText(next);
    if (text.trim() === '') continue;
    const own = /^ */.exec(text)![0].length;
    return own > indent ? at.lineStart(next) + own : undefined;
  }
  return undefined;
}

/** What building the model of one document needs besides the node at hand. */
interface ModelContext {
  /** Where the YAML starts in the page text: node offsets plus `shift` are page offsets. */
  shift: number;
  lines: LineIndex;
  facts: TreeFacts;
  /**
   * How many more aliases of a list or map may be expanded into the model, as `toJS`'s maxAliasCount:
   * an alias of an alias of ... doubles the model each time ("billion laughs").
   */
  aliasBudget: number;
  /** The anchored nodes being expanded: an alias inside its own anchor is not expanded again. */
  expanding: Set<ParsedNode>;
}

/**
 * The entries of a map, `<<` merges included as PyYAML's safe loader merges them (YAML 1.1): a key of the map
 * itself wins over a merged one, a later `<<` over an earlier one, and in `<<: [*a, *b]` the earlier map over
 * the later. A merged entry keeps the ranges where it is written (inside the merged map, or at its anchor)
 * and stands where its `<<` stands. `own` are the map's own entries.
 */
function mapEntries(map: Node, ctx: ModelContext): { entries: FmEntry[]; own: FmEntry[] } {
  const { shift, lines } = ctx;
  const entries: FmEntry[] = [];
  const own: FmEntry[] = [];
  if (!isMap(map)) return { entries, own };
  // Per item: its own entry, or the entries its `<<` brings in.
  const slots: (FmEntry | FmEntry[])[] = [];
  const merged = new Map<string, FmEntry>();
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const keyNode = pair.key as ParsedNode | null;
    if (!keyNode || !keyNode.range) continue;
    if (isMergeKey(keyNode)) {
      const brought: FmEntry[] = [];
      const value = pair.value as ParsedNode | null;
      // PyYAML: the maps of a list in reverse, so that the earlier one is merged last and wins.
      const sources = isSeq(value) ? [...value.items].reverse() : [value];
      for (const source of sources) {
        const target = isAlias(source) ? aliasTarget(source, ctx.facts) : (source as ParsedNode | null);
        if (!isMap(target) || ctx.expanding.has(target)) continue;
        if (isAlias(source) && ctx.aliasBudget-- <= 0) continue;
        ctx.expanding.add(target);
        for (const entry of mapEntries(target, ctx).entries) {
          merged.set(entry.key, entry);
          brought.push(entry);
        }
        ctx.expanding.delete(target);
      }
      slots.push(brought);
      continue;
    }
    const key = isScalar(keyNode) ? String(keyNode.value) : keyText(keyNode);
    const keyStart = shift + keyNode.range[0];
    const keyEnd = shift + keyNode.range[1];
    const keyRange = lines.range(keyStart, keyEnd);
    const valueNode = pair.value as ParsedNode | null;
    const value = valueNode
      ? toValue(valueNode, ctx, keyStart, keyEnd)
      : { kind: 'scalar' as const, value: null, range: keyRange, start: keyStart, end: keyEnd, source: '' };
    const entry = { key, keyRange, keyStart, keyEnd, value };
    slots.push(entry);
    own.push(entry);
  }
  const ownKeys = new Set(own.map((e) => e.key));
  for (const slot of slots) {
    if (!Array.isArray(slot)) entries.push(slot);
    else for (const entry of slot) if (!ownKeys.has(entry.key) && merged.get(entry.key) === entry && !entries.includes(entry)) entries.push(entry);
  }
  return { entries, own };
}

function toValue(node: ParsedNode | Alias, ctx: ModelContext, keyStart: number, keyEnd: number): FmValue {
  const { shift, lines } = ctx;
  if (isAlias(node)) return aliasValue(node, ctx, keyStart, keyEnd);
  let start = shift + node.range[0];
  let end = shift + node.range[1];
  if (isSeq(node)) {
    // `!!omap` and `!!pairs` (which PyYAML's safe loader reads as a list of (key, value) tuples): `yaml` makes
    // their items pairs; each becomes a list of its key and value.
    const items = node.items.map((item) => (isPair(item) ? pairValue(item, ctx, start, end) : toValue(item as ParsedNode, ctx, start, end)));
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
    const { entries, own } = mapEntries(node, ctx);
    const lastPair = node.items[node.items.length - 1] as Pair | undefined;
    if (!node.flow && lastPair && isMergeKey(lastPair.key)) {
      // Ends with `<<`: at the end of the merged value (its entries are written elsewhere).
      const merged = (lastPair.value ?? lastPair.key) as ParsedNode;
      end = shift + merged.range[1];
      while (end > start && /\s/.test(lines.text[end - 1])) end--;
    } else if (!node.flow && own.length > 0) {
      // A block map ends where its last entry does: at its value, or after the `:` when it has none.
      const last = own[own.length - 1];
      if (!isEmpty(last.value)) end = last.value.end;
      else {
        const colon = lastPair?.srcToken?.sep?.find((token) => token.type === 'map-value-ind');
        end = colon ? shift + colon.offset + 1 : last.keyEnd;
      }
    }
    return { kind: 'map', entries, range: lines.range(start, end), start, end };
  }
  if (isScalar(node) && (node.type === 'BLOCK_FOLDED' || node.type === 'BLOCK_LITERAL')) end = blockScalarEnd(node, shift, lines.text, start, end);
  const source = lines.text.slice(start, end);
  let value: unknown = node.value;
  if (value instanceof Date) value = source;
  // An empty value has an empty range; point at the key (or list item's parent) so that the problem is visible.
  if (start === end) {
    start = keyStart;
    end = keyEnd;
  }
  return { kind: 'scalar', value, range: lines.range(start, end), start, end, source };
}

/** An item of `!!omap` or `!!pairs`: the list `[key, value]`, from the key to the end of the value. */
function pairValue(pair: Pair, ctx: ModelContext, parentStart: number, parentEnd: number): FmValue {
  const parts = [pair.key, pair.value].map((node) =>
    isNode(node) && (node as ParsedNode).range ? toValue(node as ParsedNode, ctx, parentStart, parentEnd) : undefined,
  );
  const present = parts.filter((p): p is FmValue => p !== undefined);
  const start = present[0]?.start ?? parentStart;
  const end = present[present.length - 1]?.end ?? start;
  const empty = (at: number): FmValue => ({ kind: 'scalar', value: null, range: ctx.lines.range(at, at), start: at, end: at, source: '' });
  const items = parts.map((p) => p ?? empty(start));
  return { kind: 'seq', items, range: ctx.lines.range(start, end), start, end, flow: true };
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

/**
 * The value of an alias (`*name`): that of its anchored node, as PyYAML gives it. A scalar takes the alias's
 * own range; a list or map keeps the ranges where it is written (at its anchor). Without an anchor (a fault
 * reported as such), past the alias budget, or inside its own anchor: an empty value at the alias.
 */
function aliasValue(alias: Alias, ctx: ModelContext, keyStart: number, keyEnd: number): FmValue {
  const [from, to] = alias.range ?? [0, 0];
  const start = ctx.shift + from;
  const end = ctx.shift + to;
  const here = (value: unknown): FmValue => ({ kind: 'scalar', value, range: ctx.lines.range(start, end), start, end, source: ctx.lines.text.slice(start, end) });
  const target = aliasTarget(alias, ctx.facts);
  if (!target || isAlias(target)) return here(null);
  if (isScalar(target)) {
    const value = toValue(target, ctx, keyStart, keyEnd);
    return here(value.kind === 'scalar' ? value.value : null);
  }
  if (ctx.aliasBudget <= 0 || ctx.expanding.has(target)) return here(null);
  ctx.aliasBudget--;
  ctx.expanding.add(target);
  const value = toValue(target, ctx, keyStart, keyEnd);
  ctx.expanding.delete(target);
  return value;
}

/** Whether a pair's key is the YAML 1.1 merge key: a plain `<<` (`yaml` resolves it to a symbol). */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol';
}

/**
 * The plain value of entries (the last of a duplicated key wins, as in PyYAML), as an object without a
 * prototype: keys from a page (`__proto__`, `constructor`, `toString`) are keys like any other, and a key
 * the page does not have reads as `undefined`, never as something inherited.
 */
export function plainEntries(entries: readonly FmEntry[]): Record<string, unknown> {
  const object: Record<string, unknown> = Object.create(null);
  for (const entry of entries) object[entry.key] = plainValue(entry.value);
  return object;
}

function plainValue(value: FmValue): unknown {
  return value.kind === 'scalar' ? value.value : value.kind === 'seq' ? value.items.map(plainValue) : plainEntries(value.entries);
}

/**
 * A value of the site data as text, for messages and tables: a string as it is, a number or boolean as
 * `String` gives it, a list or map as JSON (at most 200 characters). Never throws: `String` does on the
 * model's objects, which have no prototype and so no `toString`.
 */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return String(value);
  let json: string;
  try {
    json = JSON.stringify(value) ?? '';
  } catch {
    json = '…';
  }
  return json.length > 200 ? `${json.slice(0, 199)}…` : json;
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
