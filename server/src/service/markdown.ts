// Which offsets of a page's Markdown body the site renders as code.
//
// Why: the site's hooks expand comments such as `<!-- list_maatregelen vereiste/x -->` with a regular
// expression over the rendered HTML. A comment inside fenced code, indented code or a code span is
// escaped on the way (`&lt;!--`) and never expanded, so a directive there is not a directive.
//
// What this mirrors: Python-Markdown 3.x as MkDocs configures it for the Algoritmekader (tab_length 4,
// `tables`, `pymdownx.superfences`, `admonition`, `pymdownx.details`, `pymdownx.tabbed`, `footnotes`,
// `abbr`, `md_in_html`, `pymdownx.blocks.html`). The stages, in the order they run there:
//
// 1. Whitespace. Line ends are `\r\n`, `\n` or a lone `\r`; tabs count to the next multiple of 4
//    columns; a line of only spaces and tabs is blank.
// 2. Fences (superfences' preprocessor, which sees every line before any block parsing, so it also
//    finds fences inside list items, admonitions and tabs): a line that is indentation (spaces, tabs,
//    `>`) plus 3 or more backticks or tildes and a valid info string opens a fence. The info string is
//    `{attrs}` or `[.]lang` plus `key="value"` options of which only `hl_lines`, `linenums` and `title`
//    pass (any other option rejects the fence, as superfences' validator does). The fence closes at a
//    line with exactly the opening's indentation and exactly its fence (same character, same length)
//    plus trailing blanks. A non-blank line indented less abandons the fence, and so does the end of the
//    text: an unclosed fence is NOT code upstream (superfences only replaces fences it saw close), so it
//    is not code here either; its backticks are ordinary text for stage 5.
// 3. Raw HTML (the HTML block preprocessor, Python's HTMLParser underneath, which knows nothing of code
//    spans or indentation): comments run from `<!--` to the next `-->` wherever they start (an unclosed
//    one is text up to the next `>`). A comment that starts at most 3 columns into a line is a raw
//    block, and so is a block-level element (`<div>`, `<ol>`, …) there, up to its matching end tag,
//    unless it has a `markdown` attribute (md_in_html): then only its tags are raw and its content is
//    Markdown. Raw blocks are never code and hide their backticks. A blank line is put after each; one
//    is put before a comment only when it starts at column 0 (indented 1 to 3, it ends the block above).
//    A comment indented 4 or more is not raw: it stays text in its paragraph, or in its code block.
// 4. Blocks, split at blank lines, each read in the container it belongs to. Containers: admonitions
//    `!!! type "title"`, details `???`/`???+`, content tabs `=== "label"`, list items (`-`, `*`, `+`,
//    `1.`) and footnote definitions `[^id]:`. As in Python-Markdown, the content of every container is
//    indented 4 columns, whatever the marker width. A block indented 4+ columns beyond its container
//    continues the previous sibling when that is a container; otherwise it is an indented code block,
//    up to its first line that is indented less. A list item's own lines (marker line and lazy lines)
//    are never code themselves. Upstream details kept on purpose: until an admonition has content
//    besides its title, an indented block goes into the title (its class contains "admonition"), so it
//    is not code; and an indented code block turns the fences later in its block back into plain text.
//    Headings, rules, tables, block quotes, `///` blocks, abbreviation and link reference definitions
//    are recognised as far as they split paragraphs.
// 5. Code spans (Python-Markdown's backtick pattern, which runs before every other inline pattern, HTML
//    comments included): within one paragraph, list item, heading, title or table row (never across a
//    blank line), a run of n backticks opens a span that closes at the next run of exactly n. A backtick
//    after an odd number of backslashes does not open (the rest of its run may). As the pattern
//    backtracks, a run of n with no later run of n tries n-1, n-2, … and the span then starts with the
//    surplus backticks. Unmatched runs are literal. So in `text \`<!-- x -->\``, the comment is inside a
//    span, while in a comment at the start of a line backticks open nothing.
//
// Checked by differential tests against Python-Markdown 3.4.1 with pymdown-extensions 9.5 on thousands
// of random documents and on both corpora. Known differences, none near a directive in the corpora:
// block quotes are read as one paragraph (no code blocks inside them); in a tight list item, text on
// both sides of a removed abbreviation or link reference definition is not joined back into one span
// context; text pulled in by `pymdownx.snippets` is not seen; Python 3.13's HTMLParser, which reads an
// unclosed comment to the end of the text, is not followed.
//
// Ranges: fenced and indented code cover whole lines, from the start of the first line to the end of
// the last (line break excluded); a code span covers its backticks and content. Indented code blocks
// that the site merges into one `<pre>` (only blank lines between) give one range. Linear time apart
// from a log factor in the code-span matcher; containers nested deeper than MAX_DEPTH are read as text.

export type CodeRange = [start: number, end: number];

const MAX_DEPTH = 40;
/** Fence info strings longer than this are not fences (keeps a pathological line from costing much). */
const MAX_INFO = 1000;

const enum Kind {
  Blank,
  Text,
  /** A whole fenced code block, opening to closing line. */
  Fence,
  /** A raw HTML block: opaque; a block of its own, or (F_GLUE) the last line of the block above. */
  Raw,
}

interface Unit {
  kind: Kind;
  /** Index of the unit's (first) line. */
  line: number;
  /** First offset of the unit (a line start, or the first offset after a raw block on the same line). */
  start: number;
  /** Offset after the unit's last character, line break excluded. */
  end: number;
  /** Columns of leading blanks, tabs to the next multiple of 4. */
  indent: number;
  /** Offset of the first character that is not a space or tab (`end` when blank). */
  textStart: number;
  /** What the line is when read at column 0 of its container; see `F_*`. */
  flags: number;
}

const F_OPENER = 1 << 0; // admonition, details or tab
const F_HEADING = 1 << 1;
const F_HR = 1 << 2;
const F_LIST = 1 << 3;
const F_QUOTE = 1 << 4;
const F_FOOTNOTE = 1 << 5;
const F_ABBR = 1 << 6;
const F_REFDEF = 1 << 7;
const F_BLOCKS = 1 << 8; // pymdownx.blocks `/// name` or `///`
const F_TABLE_SEP = 1 << 9;
const F_PIPE = 1 << 10;
const F_GLUE = 1 << 11; // raw unit that ends the block before it instead of standing alone

const W = '[\\p{L}\\p{N}\\p{M}_\\-]'; // Python's \w (Unicode) plus `-`
const ADMONITION_RE = new RegExp(`^!!! ?${W}+(?: +${W}+)*(?: +"(.*?)")? *$`, 'u');
const DETAILS_RE = new RegExp(`^\\?{3}\\+? ?(?:(?:${W}+(?: +${W}+)*?)?(?: +"(.*?)")|${W}+(?: +${W}+)*?) *$`, 'u');
const TABBED_RE = /^={3}!?\+? +"(.*?)" *$/;
const LIST_RE = /^(?:[*+-]|\d+\.)[ \t]/;
const FOOTNOTE_RE = /^\[\^[^\]]*\]:/;
const ABBR_RE = /^\*\[[^\]]*\][ ]?:/;
const REFDEF_RE = /^\[[^[\]]*\]:[ \t]*\S+[ \t]*(?:(["'])(.*)\1[ \t]*|\((.*)\)[ \t]*)?$/;
const BLOCKS_RE = new RegExp(`^/{3,}[ \\t]*(?:${W}+[ \\t]*(?:\\|.*)?)?$`, 'u');
const TABLE_SEP_RE = /^[|:\-\s]+$/;
const HL_LINES_RE = /^\d+(?:-\d+)?(?:[ \t]+\d+(?:-\d+)?)*$/;
const LANG_CHAR_RE = /[\p{L}\p{N}\p{M}_#.+-]/u;

/** Python-Markdown's block-level elements: at the start of a line they open a raw HTML block. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set(
  (
    'address article aside blockquote body canvas center colgroup dd details div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr html iframe legend li main map math menu nav noscript object ' +
    'ol output p pre progress section script style summary table tbody td textarea tfoot th thead tr ul video'
  ).split(' '),
);

/**
 * The code in `text[from..to)` (default: all of it), as sorted, non-overlapping ranges. `from` should be
 * a line start, typically the first line after the frontmatter. Never throws.
 */
export function findCodeRanges(text: string, from = 0, to = text.length): CodeRange[] {
  const end = Math.max(0, Math.min(Number.isFinite(to) ? Math.floor(to) : text.length, text.length));
  let start = Math.max(0, Math.min(Number.isFinite(from) ? Math.floor(from) : 0, end));
  if (text.charCodeAt(start) === 0xfeff && start < end) start++;
  const scanner = new Scanner(text, start, end);
  try {
    scanner.run();
  } catch {
    // A bug here must not take a request down: answer with what was found so far.
  }
  return normalize(scanner.ranges);
}

/** A line that may open a fence (stage 2 takes spaces, tabs and `>` before 3+ backticks or tildes). */
const FENCE_LINE_RE = /^\uFEFF?[ \t>]*(?:`{3}|~{3})/gm;

/**
 * The code ranges that matter for the HTML comments starting at `offsets` (sorted, each at a `<!--`):
 * none when it is certain that no code touches the lines those comments are on, else all of
 * `findCodeRanges(text, from)`. Most pages qualify, and this check is far cheaper than the scan.
 *
 * Certain means: the body has no line that could open a fence, and each comment is a raw HTML block of
 * its own — it starts at most 3 columns into its line with only spaces or tabs before it, it is the start
 * of a comment as stage 3 reads them (not inside an earlier one), it is closed, and only blanks follow
 * its `-->`. Stage 3 then takes its lines out before blocks and code spans are read (see the header),
 * and without fences nothing else can make them code. The test suite checks this against the full scan.
 */
export function codeRangesAround(text: string, from: number, offsets: readonly number[]): CodeRange[] {
  return outsideCode(text, from, offsets) ? [] : findCodeRanges(text, from);
}

/** Whether the conditions of `codeRangesAround` hold for every comment at `offsets`. */
export function outsideCode(text: string, from: number, offsets: readonly number[]): boolean {
  if (offsets.length === 0) return true;
  FENCE_LINE_RE.lastIndex = from;
  if (FENCE_LINE_RE.exec(text) !== null) return false;
  let pos = from; // where stage 3's search for the next comment goes on
  for (const at of offsets) {
    // Only spaces and tabs, at most 3 columns, between the line start and the comment.
    let col = 0;
    let i = at - 1;
    for (; i >= from; i--) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      if (c !== 32 && c !== 9) return false;
    }
    for (let k = i + 1; k < at; k++) col = text.charCodeAt(k) === 9 ? col + 4 - (col % 4) : col + 1;
    if (col > 3) return false;
    // Stage 3's comments, one after another, must start exactly here.
    for (;;) {
      const open = text.indexOf('<!--', pos);
      if (open !== at) {
        if (open < 0 || open > at) return false;
        const close = text.indexOf('-->', open + 4);
        if (close >= 0) pos = close + 3;
        else {
          const gt = text.indexOf('>', open + 1);
          if (gt < 0) return false;
          pos = gt + 1;
        }
        continue;
      }
      const close = text.indexOf('-->', at + 4);
      if (close < 0) return false;
      pos = close + 3;
      break;
    }
    // Only blanks after it on its (last) line.
    for (let k = pos; k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c === 10 || c === 13) break;
      if (c !== 32 && c !== 9) return false;
    }
  }
  return true;
}

/** Whether `offset` lies inside one of `ranges` (sorted and non-overlapping, as `findCodeRanges` gives). */
export function isInCode(ranges: readonly CodeRange[], offset: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const [s, e] = ranges[mid];
    if (offset < s) high = mid - 1;
    else if (offset >= e) low = mid + 1;
    else return true;
  }
  return false;
}

function normalize(ranges: CodeRange[]): CodeRange[] {
  const sorted = ranges.filter(([s, e]) => e > s).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const out: CodeRange[] = [];
  for (const [s, e] of sorted) {
    const last = out[out.length - 1];
    if (last && s < last[1]) last[1] = Math.max(last[1], e);
    else out.push([s, e]);
  }
  return out;
}

const enum Last {
  None,
  Paragraph,
  Code,
  Container,
  Other,
}

const enum ChildKind {
  /** Admonition, details, tab: a continuation block's lines are content until the first less indented one. */
  Detab,
  /** List item, footnote: the whole continuation block is content (lazy lines included). */
  Loose,
}

/** One container's content (or the page): what its last block was, and where the next code block merges. */
interface Level {
  depth: number;
  last: Last;
  child: Level | null;
  kind: ChildKind;
  /** Index in `ranges` of this level's last indented code block, merged into while `last` is `Code`. */
  codeIndex: number;
  /** Set while a list item's own lines (marker line and lazy lines) are read. */
  ownLines: boolean;
  /** A footnote definition's content. */
  footnote: boolean;
}

function level(depth: number, kind: ChildKind): Level {
  return { depth, last: Last.None, child: null, kind, codeIndex: -1, ownLines: false, footnote: false };
}

interface Line {
  start: number;
  end: number;
}

class Scanner {
  readonly ranges: CodeRange[] = [];
  private lines: Line[] = [];
  private units: Unit[] = [];
  /** Columns already removed from each unit's indentation by the containers it was read in. */
  private strip: Int32Array = new Int32Array(0);
  /** Elements with a `markdown` attribute whose end tag has not been seen yet. */
  private openMarkdown = 0;
  /** Opening lines of fences that an indented code block turned back into text. */
  private readonly reverted = new Set<number>();
  private revertedNow = false;

  constructor(
    private readonly text: string,
    private readonly from: number,
    private readonly to: number,
  ) {}

  run(): void {
    this.splitLines();
    const fenceClose = this.findFences();
    // Reading the blocks can turn fences back into text (see `block`); then the blocks are read again.
    for (let pass = 0; pass < 8; pass++) {
      this.ranges.length = 0;
      this.units = [];
      this.openMarkdown = 0;
      this.revertedNow = false;
      this.buildUnits(fenceClose);
      this.strip = new Int32Array(this.units.length);
      this.parseDocument();
      if (!this.revertedNow) break;
    }
  }

  // ---- stage 1: lines ---------------------------------------------------------------------------

  private splitLines(): void {
    const { text, to } = this;
    let i = this.from;
    let lineStart = i;
    const cr = text.indexOf('\r', i);
    if (cr < 0 || cr >= to) {
      // Only `\n` breaks (nearly every page): found by indexOf, far faster than a loop over the characters.
      for (let n = text.indexOf('\n', i); n >= 0 && n < to; n = text.indexOf('\n', n + 1)) {
        this.lines.push({ start: lineStart, end: n });
        lineStart = n + 1;
      }
      this.lines.push({ start: lineStart, end: to });
      return;
    }
    for (; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        this.lines.push({ start: lineStart, end: i });
        if (c === 13 && i + 1 < to && text.charCodeAt(i + 1) === 10) i++;
        lineStart = i + 1;
      }
    }
    this.lines.push({ start: lineStart, end: to });
  }

  /** Columns of `text[start..end)` when it starts at column `col`, tabs to the next multiple of 4. */
  private columns(start: number, end: number, col = 0): number {
    for (let i = start; i < end; i++) col = this.text.charCodeAt(i) === 9 ? col + 4 - (col % 4) : col + 1;
    return col;
  }

  /** First offset in [start, end) that is not a space or tab. */
  private skipBlanks(start: number, end: number): number {
    let i = start;
    while (i < end) {
      const c = this.text.charCodeAt(i);
      if (c !== 32 && c !== 9) break;
      i++;
    }
    return i;
  }

  // ---- stage 2: fences (pymdownx.superfences SuperFencesBlockPreprocessor.search_nested) -------------

  /** For each line that opens a fence that closes, the index of its closing line; otherwise -1. */
  private findFences(): Int32Array {
    const { text, lines } = this;
    const close = new Int32Array(lines.length).fill(-1);
    let open = -1;
    let wsChars = 0; // prefix characters of the opening line
    let wsCols = 0; // its width in columns
    let quoteLevel = 0;
    let fenceChar = 0;
    let fenceLen = 0;
    let emptyLines = 0;
    for (let n = 0; n < lines.length; n++) {
      const { start, end } = lines[n];
      if (open < 0) {
        // parse_whitespace: spaces, tabs and `>` before the fence
        let i = start;
        let quotes = 0;
        while (i < end) {
          const c = text.charCodeAt(i);
          if (c !== 32 && c !== 9 && c !== 62) break;
          if (c === 62) quotes++;
          i++;
        }
        const c = text.charCodeAt(i);
        if (c !== 96 && c !== 126) continue;
        let j = i;
        while (j < end && text.charCodeAt(j) === c) j++;
        if (j - i < 3 || !validInfo(text, j, end)) continue;
        open = n;
        wsChars = i - start;
        wsCols = this.columns(start, i);
        quoteLevel = quotes;
        fenceChar = c;
        fenceLen = j - i;
        emptyLines = 0;
        continue;
      }
      // parse_fence_line: take prefix characters until the opening line's width is reached
      let i = start;
      let col = 0;
      let quotes = 0;
      while (i < end && col < wsCols) {
        const c = text.charCodeAt(i);
        if (c !== 32 && c !== 9 && c !== 62) break;
        if (c === 62) quotes++;
        col = c === 9 ? col + 4 - (col % 4) : col + 1;
        i++;
      }
      const contentBlank = this.skipBlanks(i, end) === end;
      const isEnd = (): boolean => {
        let k = i;
        while (k < end && text.charCodeAt(k) === fenceChar) k++;
        return k - i === fenceLen && this.skipBlanks(k, end) === end;
      };
      if (quoteLevel > 0) {
        // eval_quoted
        if (quotes > quoteLevel) open = -1;
        else if (i === end) emptyLines++;
        else if (col < wsChars) open = -1;
        else if (emptyLines > 0 && quotes < quoteLevel) open = -1;
        else if (isEnd()) {
          close[open] = n;
          open = -1;
        } else emptyLines = 0;
      } else if (quotes > 0) {
        open = -1;
      } else {
        // eval_fence
        if (contentBlank) continue;
        if (col !== wsCols) open = -1;
        else if (isEnd()) {
          close[open] = n;
          open = -1;
        }
      }
    }
    return close;
  }

  // ---- stage 3: units, raw HTML -------------------------------------------------------------------

  private buildUnits(fenceClose: Int32Array): void {
    const { lines, text } = this;
    const inFence = new Uint8Array(lines.length);
    for (let n = 0; n < lines.length; n++) {
      const c = fenceClose[n];
      if (c >= 0) for (let k = n; k <= c; k++) inFence[k] = 1;
    }
    const comments = this.scanComments(inFence);
    let comment = 0; // index in `comments` of the first comment that may end after the current line start
    let n = 0;
    let from = -1; // when >= 0, the current line starts here (after a raw block that ended on it)
    while (n < lines.length) {
      const line = lines[n];
      const lineStart = from >= 0 ? from : line.start;
      const colBase = from >= 0 ? this.columns(line.start, from) : 0;
      from = -1;
      const textStart = this.skipBlanks(lineStart, line.end);
      const indent = this.columns(lineStart, textStart, colBase) - colBase;
      const close = fenceClose[n];
      if (close >= 0 && lineStart === line.start) {
        if (this.reverted.has(n)) {
          // Plain lines, blank ones included, that the HTML stage never saw (it saw one placeholder).
          for (let k = n; k <= close; k++) {
            const { start, end } = lines[k];
            const ts = this.skipBlanks(start, end);
            this.units.push({ kind: Kind.Text, line: k, start, end, indent: this.columns(start, ts), textStart: ts, flags: ts < end ? this.classify(ts, end) : 0 });
          }
        } else {
          this.ranges.push([line.start, lines[close].end]);
          this.units.push({ kind: Kind.Fence, line: n, start: line.start, end: lines[close].end, indent, textStart, flags: 0 });
        }
        n = close + 1;
        continue;
      }
      if (textStart === line.end) {
        this.units.push({ kind: Kind.Blank, line: n, start: lineStart, end: line.end, indent, textStart, flags: 0 });
        n++;
        continue;
      }
      // A raw block starts at most 3 columns into a real line (not after a previous raw block).
      if (lineStart === line.start && indent <= 3 && text.charCodeAt(textStart) === 60 /* < */) {
        while (comment < comments.length && comments[comment + 1] <= textStart) comment += 3;
        const inComment = comment < comments.length && comments[comment] <= textStart;
        const raw = !inComment
          ? this.rawHtml(n, textStart, inFence)
          : comments[comment] === textStart && comments[comment + 2] === 1
            ? ([this.lineOf(comments[comment + 1], n), comments[comment + 1], true] as [number, number, boolean])
            : undefined;
        if (raw) {
          const [endLine, endOffset, empty] = raw;
          for (let k = n + 1; k <= endLine; k++) {
            const c = fenceClose[k];
            if (c >= 0 && !this.reverted.has(k)) this.ranges.push([lines[k].start, lines[c].end]);
          }
          // A comment or empty tag indented 1 to 3 columns stays on the end of the text before it (the
          // indentation is text there, so no blank line is put in between); a blank line always follows.
          const glue = empty && indent > 0 ? F_GLUE : 0;
          this.units.push({ kind: Kind.Raw, line: n, start: lineStart, end: endOffset, indent, textStart, flags: glue });
          if (this.skipBlanks(endOffset, lines[endLine].end) < lines[endLine].end) from = endOffset;
          n = from >= 0 ? endLine : endLine + 1;
          continue;
        }
      }
      this.units.push({ kind: Kind.Text, line: n, start: lineStart, end: line.end, indent, textStart, flags: this.classify(textStart, line.end) });
      n++;
    }
  }

  /** The index of the line holding `offset`, searching from line `n` on. */
  private lineOf(offset: number, n: number): number {
    while (n < this.lines.length - 1 && this.lines[n].end < offset) n++;
    return n;
  }

  /**
   * The raw HTML element that starts at `at` (the first non-blank of line `n`, not in a comment), as
   * [last line, end offset, whether it is an empty tag], or undefined when the text there is not one.
   */
  private rawHtml(n: number, at: number, inFence: Uint8Array): [number, number, boolean] | undefined {
    const { text, lines } = this;
    const lineEnd = lines[n].end;
    const m = /^<(\/?)([a-zA-Z][a-zA-Z0-9]*)/.exec(text.slice(at, Math.min(lineEnd, at + 40)));
    if (!m) return undefined;
    const tag = m[2].toLowerCase();
    if (!BLOCK_TAGS.has(tag)) return undefined;
    const tagEnd = this.tagEnd(n, at + m[0].length, inFence);
    if (!tagEnd) return undefined;
    const [tagLine, afterTag] = tagEnd;
    // The end tag of an element whose content is Markdown (md_in_html), the start tag of one, an empty or
    // a self-closed tag: only the tag is raw. Any other end tag is text.
    const tagText = text.slice(at, afterTag);
    if (m[1] === '/') {
      if (this.openMarkdown === 0) return undefined;
      this.openMarkdown--;
      return [tagLine, afterTag, false];
    }
    if (/\smarkdown(?:\s*=|[\s/>])/i.test(tagText)) {
      this.openMarkdown++;
      return [tagLine, afterTag, false];
    }
    if (tag === 'hr' || /\/\s*>$/.test(tagText)) return [tagLine, afterTag, true];
    const [endLine, endOffset] = this.matchingEndTag(tagLine, afterTag, tag, inFence) ?? [lines.length - 1, lines[lines.length - 1].end];
    return [endLine, endOffset, false];
  }

  /** The first `needle` (no line break in it) at or after `pos` on line `n` or later, outside fences, as [line, offset]. */
  private findAcross(n: number, pos: number, needle: string, inFence: Uint8Array): [number, number] | undefined {
    const { text, lines } = this;
    let k = n;
    let from = pos;
    while (k < lines.length) {
      const i = text.indexOf(needle, from);
      if (i < 0 || i + needle.length > this.to) return undefined;
      while (k < lines.length && lines[k].end < i + needle.length) k++;
      if (k >= lines.length) return undefined;
      if (!inFence[k]) return [k, i];
      from = lines[k].end;
    }
    return undefined;
  }

  /**
   * Every HTML comment outside fences, as [start, end, closed] triples, found the way Python's HTMLParser
   * reads the text (it knows nothing of code spans or indentation): from `<!--` to the next `-->`; an
   * unclosed one is text up to the next `>` (Python 3.12 and before), after which the search goes on.
   */
  private scanComments(inFence: Uint8Array): number[] {
    const spans: number[] = [];
    let n = 0;
    let pos = this.from;
    for (;;) {
      const open = this.findAcross(n, pos, '<!--', inFence);
      if (!open) break;
      const close = this.findAcross(open[0], open[1] + 4, '-->', inFence);
      if (close) {
        spans.push(open[1], close[1] + 3, 1);
        [n, pos] = [close[0], close[1] + 3];
        continue;
      }
      const gt = this.findAcross(open[0], open[1] + 1, '>', inFence);
      spans.push(open[1], gt ? gt[1] + 1 : this.to, 0);
      if (!gt) break;
      [n, pos] = [gt[0], gt[1] + 1];
    }
    return spans;
  }

  /** The end (after `>`) of a start tag whose name ends at `pos`, quotes respected; may span lines. */
  private tagEnd(n: number, pos: number, inFence: Uint8Array): [number, number] | undefined {
    const { text, lines } = this;
    let quote = 0;
    for (let k = n; k < lines.length && k < n + 50; k++) {
      if (inFence[k]) return undefined;
      for (let i = k === n ? pos : lines[k].start; i < lines[k].end; i++) {
        const c = text.charCodeAt(i);
        if (quote) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62) return [k, i + 1];
        else if (c === 60) return undefined;
      }
    }
    return undefined;
  }

  /** Where the element `tag` opened before `pos` ends: after its matching end tag. */
  private matchingEndTag(n: number, pos: number, tag: string, inFence: Uint8Array): [number, number] | undefined {
    const { text, lines } = this;
    const re = /<!--|<(\/?)([a-zA-Z][a-zA-Z0-9]*)/g;
    let depth = 1;
    let inComment = false;
    for (let k = n; k < lines.length; k++) {
      if (inFence[k]) continue;
      const lineEnd = lines[k].end;
      let i = k === n ? pos : lines[k].start;
      while (i < lineEnd) {
        if (inComment) {
          const c = text.indexOf('-->', i);
          if (c < 0 || c + 3 > lineEnd) break;
          inComment = false;
          i = c + 3;
          continue;
        }
        re.lastIndex = i;
        const m = re.exec(text);
        if (!m || m.index >= lineEnd) break;
        i = m.index + m[0].length;
        if (m[0] === '<!--') {
          inComment = true;
          continue;
        }
        if (m[2].toLowerCase() !== tag) continue;
        const gt = text.indexOf('>', i);
        const close = gt >= 0 && gt < lineEnd ? gt + 1 : i;
        if (m[1] === '/') {
          if (--depth === 0) return [k, close];
        } else if (!/\/\s*>$/.test(text.slice(m.index, close))) depth++;
        i = close;
      }
    }
    return undefined;
  }

  private classify(start: number, end: number): number {
    const { text } = this;
    const c = text.charCodeAt(start);
    const line = text.slice(start, end);
    let flags = 0;
    if (line.includes('|')) flags |= F_PIPE;
    switch (c) {
      case 33 /* ! */:
        if (ADMONITION_RE.test(line)) flags |= F_OPENER;
        break;
      case 63 /* ? */:
        if (DETAILS_RE.test(line)) flags |= F_OPENER;
        break;
      case 61 /* = */:
        if (TABBED_RE.test(line)) flags |= F_OPENER;
        break;
      case 35 /* # */:
        flags |= F_HEADING;
        break;
      case 62 /* > */:
        flags |= F_QUOTE;
        break;
      case 47 /* / */:
        if (BLOCKS_RE.test(line)) flags |= F_BLOCKS;
        break;
      case 91 /* [ */:
        if (FOOTNOTE_RE.test(line)) flags |= F_FOOTNOTE;
        else if (line.length < 2000 && REFDEF_RE.test(line)) flags |= F_REFDEF;
        break;
    }
    if ((c === 45 || c === 42 || c === 95) && isRule(line)) flags |= F_HR;
    if (c === 42 && ABBR_RE.test(line)) flags |= F_ABBR;
    if (LIST_RE.test(line)) flags |= F_LIST;
    if (line.includes('-') && TABLE_SEP_RE.test(line)) flags |= F_TABLE_SEP;
    return flags;
  }

  // ---- stage 4: blocks and containers -------------------------------------------------------------

  private rel(u: number): number {
    return this.units[u].indent - this.strip[u];
  }

  /** Whether unit `u` belongs to an indented part (content of a container, or code): 4+ columns in, or blank. */
  private indented(u: number): boolean {
    const unit = this.units[u];
    return unit.textStart === unit.end || this.rel(u) >= 4;
  }

  private isText(u: number, flag: number): boolean {
    const unit = this.units[u];
    return unit.kind === Kind.Text && (unit.flags & flag) !== 0;
  }

  private parseDocument(): void {
    const { units } = this;
    const root = level(0, ChildKind.Loose);
    let i = 0;
    while (i < units.length) {
      const kind = units[i].kind;
      if (kind === Kind.Blank) {
        i++;
      } else if (kind === Kind.Raw) {
        root.last = Last.Other;
        i++;
      } else {
        let j = i + 1;
        while (j < units.length && (units[j].kind === Kind.Text || units[j].kind === Kind.Fence)) j++;
        const glued = j < units.length && units[j].kind === Kind.Raw && (units[j].flags & F_GLUE) !== 0;
        if (glued) j++;
        this.block(root, i, j, false, false);
        // After a glued raw block the next line comes as a block that starts with an empty line, which a
        // footnote (it takes the indented blocks that follow it right away) does not take.
        if (glued && j < units.length && units[j].kind !== Kind.Blank && root.last === Last.Container && root.child?.footnote) {
          root.last = Last.Other;
        }
        i = j;
      }
    }
  }

  /**
   * Reads units [a, b) (no blank unit; a raw one only last, see F_GLUE) as one block of `lv`. `noOpeners` and
   * `noSplitters` say that an earlier search found none in the range, which keeps the work linear.
   */
  private block(lv: Level, a: number, b: number, noOpeners: boolean, noSplitters: boolean): void {
    if (lv.depth > MAX_DEPTH) {
      this.inline(a, b);
      lv.last = Last.Paragraph;
      return;
    }
    while (a < b) {
      // Admonition, details and tab openers are searched in the whole block first (priority 105).
      if (!noOpeners) {
        let k = a;
        while (k < b && !(this.isText(k, F_OPENER) && this.rel(k) === 0)) k++;
        if (k < b) {
          if (k > a) this.block(lv, a, k, true, noSplitters);
          this.inline(k, k + 1);
          const child = level(lv.depth + 1, ChildKind.Detab);
          lv.last = Last.Container;
          lv.child = child;
          if (this.hasTitleParagraph(k)) {
            // Python-Markdown's admonition takes any element whose class contains "admonition" for an
            // admonition to continue, its own title paragraph included: until the admonition has other
            // content, an indented block goes into the title (as text, not code).
            child.last = Last.Container;
            child.child = level(lv.depth + 2, ChildKind.Detab);
          }
          let c = k + 1;
          while (c < b && this.indented(c)) this.strip[c++] += 4;
          if (c > k + 1) this.block(child, k + 1, c, false, false);
          a = c;
          continue;
        }
        noOpeners = true;
      }

      // An indented block continues the previous container, or is code (ListIndentProcessor, CodeBlockProcessor).
      if (this.rel(a) >= 4) {
        if (lv.ownLines) {
          // Among a list item's own lines, ListIndentProcessor takes any indented block (its parent is the
          // list item) and reads it, 4 columns less indented, in the item with itself switched off.
          for (let k = a; k < b; k++) if (this.rel(k) >= 4) this.strip[k] += 4;
          lv.ownLines = false;
          this.block(lv, a, b, noOpeners, noSplitters);
          lv.ownLines = true;
          return;
        }
        const child = lv.last === Last.Container ? lv.child : null;
        if (child && child.kind === ChildKind.Loose) {
          for (let k = a; k < b; k++) if (this.rel(k) >= 4) this.strip[k] += 4;
          this.block(child, a, b, false, false);
          return;
        }
        let c = a;
        while (c < b && this.indented(c)) c++;
        if (child) {
          for (let k = a; k < c; k++) this.strip[k] += 4;
          this.block(child, a, c, false, false);
        } else {
          this.code(lv, this.units[a].start, this.units[c - 1].end);
          // superfences' indented-code processor first turns every fence placeholder of the block back
          // into its source; the ones after the code are then read as ordinary lines.
          for (let k = c; k < b; k++) {
            if (this.units[k].kind === Kind.Fence) {
              this.reverted.add(this.units[k].line);
              this.revertedNow = true;
            }
          }
        }
        a = c;
        continue;
      }

      // A table reads each row on its own (tables, priority 75).
      if (b - a >= 2 && this.isText(a, F_PIPE) && this.isText(a + 1, F_TABLE_SEP) && this.isTable(a, b)) {
        for (let k = a; k < b; k++) this.inline(k, k + 1);
        lv.last = Last.Other;
        return;
      }

      // Headings (70), rules (50) and `///` block lines split the block wherever they are.
      if (!noSplitters) {
        let k = a;
        while (k < b && !this.isSplitter(k)) k++;
        if (k < b) {
          if (k > a) this.block(lv, a, k, true, true);
          if (this.isText(k, F_HEADING)) this.inline(k, k + 1);
          lv.last = Last.Other;
          a = k + 1;
          if (this.isText(k, F_BLOCKS)) while (a < b && this.rel(a) >= 4) a++; // the block's options
          continue;
        }
        noSplitters = true;
      }

      if (this.isText(a, F_LIST) && this.rel(a) <= 3) {
        this.list(lv, a, b);
        return;
      }

      a = this.paragraph(lv, a, b, false);
    }
  }

  /** The tables extension's test: a header row of 2+ cells (or 1 between pipes) and a separator row of as many. */
  private isTable(a: number, b: number): boolean {
    const row = (k: number): string => this.text.slice(this.units[k].textStart, this.units[k].end).replace(/ +$/, '');
    const header = row(a);
    const border = header.startsWith('|') || END_BORDER_RE.test(header);
    const cells = splitRow(header, border);
    if (cells.length === 1 && border) {
      for (let k = a + 1; k < b; k++) {
        const r = row(k);
        if (this.units[k].kind !== Kind.Text || !(r.startsWith('|') || END_BORDER_RE.test(r))) return false;
      }
    } else if (cells.length < 2) return false;
    const separator = splitRow(row(a + 1), border);
    return separator.length === cells.length && /^[|: -]*$/.test(separator.join(''));
  }

  /** Whether the opener on unit `k` is an admonition with a title paragraph (all but `!!! type ""`). */
  private hasTitleParagraph(k: number): boolean {
    const { textStart, end } = this.units[k];
    if (this.text.charCodeAt(textStart) !== 33 /* ! */) return false;
    return ADMONITION_RE.exec(this.text.slice(textStart, end))?.[1] !== '';
  }

  private isSplitter(k: number): boolean {
    const unit = this.units[k];
    if (unit.kind !== Kind.Text) return false;
    const r = this.rel(k);
    if (r === 0 && (unit.flags & F_HEADING) !== 0) return true;
    return r >= 0 && r <= 3 && (unit.flags & (F_HR | F_BLOCKS)) !== 0;
  }

  /** An indented code block of `lv`; one right after another (blank lines between) is the same `<pre>`. */
  private code(lv: Level, start: number, end: number): void {
    if (lv.last === Last.Code && lv.codeIndex >= 0) {
      this.ranges[lv.codeIndex][1] = end;
    } else {
      lv.codeIndex = this.ranges.length;
      this.ranges.push([start, end]);
    }
    lv.last = Last.Code;
  }

  /**
   * A list block. Each item (its marker line and the lines up to the next marker line) is read as a
   * paragraph of its own, and is the container that a later indented block continues.
   */
  private list(lv: Level, a: number, b: number): void {
    const chain: Level[] = [];
    let itemStart = a;
    for (let k = a; k <= b; k++) {
      const r = k < b ? this.rel(k) : 0;
      const depth = chain.length;
      const isItem = k === b || k === a || (this.isText(k, F_LIST) && r >= 0 && (r <= 7 || r <= 4 * depth + 3));
      if (!isItem) continue;
      if (k > itemStart) {
        const item = chain[chain.length - 1];
        const next = this.paragraph(item, itemStart, k, true);
        if (next < k) {
          item.ownLines = true;
          this.block(item, next, k, true, true);
          item.ownLines = false;
        }
      }
      if (k === b) break;
      itemStart = k;
      const d = r <= 3 ? 0 : Math.min(Math.floor(r / 4), depth);
      const parent = d === 0 ? lv : chain[d - 1];
      const item = level(parent.depth + 1, ChildKind.Loose);
      parent.last = Last.Container;
      parent.child = item;
      chain.length = d;
      chain.push(item);
    }
  }

  /** Whether unit `k` is text at most 3 columns in whose line has one of `flags`. */
  private startsWith(k: number, flags: number): boolean {
    const r = this.rel(k);
    return this.isText(k, flags) && r >= 0 && r <= 3;
  }

  /**
   * The paragraph starting at `a`, up to the next line that a lower-priority block processor takes
   * from anywhere in a block (block quote 20, footnote 17, abbreviation 16, link reference 15).
   * `plain` says line `a` is paragraph text whatever it looks like (a list item's marker line).
   * Returns where the rest starts.
   */
  private paragraph(lv: Level, a: number, b: number, plain: boolean): number {
    if (!plain) {
      if (this.startsWith(a, F_QUOTE)) {
        this.inline(a, b);
        lv.last = Last.Other;
        return b;
      }
      if (this.startsWith(a, F_FOOTNOTE)) {
        // The definition's text after `]:` and its lazy lines (less 4 columns where they have them) are
        // the first block of the footnote, which Python-Markdown reads as a document of its own.
        let k = a + 1;
        while (k < b && !this.startsWith(k, F_FOOTNOTE | F_QUOTE)) k++;
        const unit = this.units[a];
        const colon = this.text.indexOf(']:', unit.textStart) + 2;
        const textStart = this.skipBlanks(colon, unit.end);
        unit.flags = textStart < unit.end ? this.classify(textStart, unit.end) & ~F_LIST : 0;
        this.strip[a] = unit.indent;
        for (let i = a + 1; i < k; i++) if (this.rel(i) >= 4) this.strip[i] += 4;
        const child = level(lv.depth + 1, ChildKind.Loose);
        child.footnote = true;
        this.block(child, a, k, false, false);
        lv.last = Last.Container;
        lv.child = child;
        return k;
      }
      if (this.startsWith(a, F_REFDEF) || (this.isText(a, F_ABBR) && this.rel(a) === 0)) return a + 1;
    }
    let k = a + 1;
    while (k < b && !this.startsWith(k, F_QUOTE | F_FOOTNOTE | F_REFDEF) && !(this.isText(k, F_ABBR) && this.rel(k) === 0)) k++;
    this.inline(a, k);
    lv.last = Last.Paragraph;
    return k;
  }

  // ---- stage 5: code spans --------------------------------------------------------------------------

  /** Finds the code spans of one inline context: the text units in [a, b), fences skipped. */
  private inline(a: number, b: number): void {
    const { text, units } = this;
    // Every maximal backtick run: its start, its length, and whether its first backtick is escaped.
    const starts: number[] = [];
    const lengths: number[] = [];
    const escaped: boolean[] = [];
    for (let k = a; k < b; k++) {
      const unit = units[k];
      if (unit.kind !== Kind.Text) continue;
      let i = text.indexOf('`', unit.textStart);
      while (i >= 0 && i < unit.end) {
        let j = i + 1;
        while (j < unit.end && text.charCodeAt(j) === 96) j++;
        let slashes = 0;
        while (i - slashes - 1 >= unit.start && text.charCodeAt(i - slashes - 1) === 92) slashes++;
        starts.push(i);
        lengths.push(j - i);
        escaped.push(slashes % 2 === 1);
        i = text.indexOf('`', j);
      }
    }
    if (starts.length < 2) return;
    // Indices of the runs of each length, ascending, to find "the next run of exactly n" quickly.
    const byLength = new Map<number, number[]>();
    for (let r = 0; r < starts.length; r++) {
      const list = byLength.get(lengths[r]);
      if (list) list.push(r);
      else byLength.set(lengths[r], [r]);
    }
    let r = 0;
    while (r < starts.length) {
      const open = escaped[r] ? starts[r] + 1 : starts[r];
      const n = escaped[r] ? lengths[r] - 1 : lengths[r];
      let closer = -1;
      let width = 0;
      // Greedy `+ backtracks: the longest opening width that has a later run of exactly that width.
      for (let w = n; w >= 1 && closer < 0; w--) {
        const list = byLength.get(w);
        if (!list) continue;
        const next = firstAbove(list, r);
        if (next >= 0) {
          closer = next;
          width = w;
        }
      }
      if (closer < 0) {
        r++;
        continue;
      }
      this.ranges.push([open, starts[closer] + width]);
      r = closer + 1;
    }
  }
}

/** The first element of the ascending `list` that is greater than `value`, or -1. */
function firstAbove(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low < list.length ? list[low] : -1;
}

const END_BORDER_RE = /(?<!\\)(?:\\\\)*\|$/;

/** The tables extension's `_split_row`: cells split at pipes that are neither escaped nor in a code span. */
function splitRow(row: string, border: boolean): string[] {
  if (border) {
    if (row.startsWith('|')) row = row.slice(1);
    row = row.replace(END_BORDER_RE, '');
  }
  const tics: number[] = []; // run length, less the escaping backslash
  const ticStart: number[] = [];
  const ticEnd: number[] = [];
  const ticEscape: number[] = [];
  const pipes: number[] = [];
  for (let i = 0; i < row.length; i++) {
    const c = row[i];
    if (c === '\\') {
      const n = row[i + 1];
      if (n === '\\' || n === '|') i++;
      else if (n === '`') {
        let j = i + 1;
        while (row[j] === '`') j++;
        tics.push(j - i - 1);
        ticStart.push(i);
        ticEnd.push(j - 1);
        ticEscape.push(1);
        i = j - 1;
      }
    } else if (c === '`') {
      let j = i;
      while (row[j] === '`') j++;
      tics.push(j - i);
      ticStart.push(i);
      ticEnd.push(j - 1);
      ticEscape.push(0);
      i = j - 1;
    } else if (c === '|') pipes.push(i);
  }
  const bySize = new Map<number, number[]>();
  tics.forEach((size, t) => {
    const list = bySize.get(size);
    if (list) list.push(t);
    else bySize.set(size, [t]);
  });
  const regions: [number, number][] = [];
  for (let t = 0; t < tics.length; ) {
    const size = tics[t] - ticEscape[t];
    const close = size > 0 ? firstAbove(bySize.get(size) ?? [], t) : -1;
    if (close < 0) {
      t++;
      continue;
    }
    regions.push([ticStart[t], ticEnd[close]]);
    t = close + 1;
  }
  const cells: string[] = [];
  let pos = 0;
  let region = 0;
  for (const pipe of pipes) {
    while (region < regions.length && regions[region][1] < pipe) region++;
    if (region < regions.length && regions[region][0] <= pipe) continue;
    cells.push(row.slice(pos, pipe));
    pos = pipe + 1;
  }
  cells.push(row.slice(pos));
  return cells;
}

/**
 * Python-Markdown's horizontal rule, `(-+[ ]{0,2}){3,}[ ]*` and the same with `_` and `*`: three or more
 * of one character, at most two blanks between them, trailing blanks allowed.
 */
function isRule(line: string): boolean {
  const ch = line.charCodeAt(0);
  let count = 0;
  let gap = 0;
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c === ch) {
      if (gap > 2) return false;
      count++;
      gap = 0;
    } else if (c === 32 || c === 9) gap++;
    else return false;
  }
  return count >= 3;
}

/**
 * Whether `text[pos..end)`, the rest of a fence line after the fence, is an info string superfences
 * accepts: `{attributes}`, or `[.]lang` plus options of which only `hl_lines="…"`, `linenums="…"` and
 * `title="…"` pass its validator (any other option makes it reject the fence).
 */
function validInfo(text: string, pos: number, end: number): boolean {
  let i = pos;
  while (i < end && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  if (end - i > MAX_INFO) return false;
  const rest = text.slice(i, end);
  if (/^\{[^\n]*\}[ \t]*$/.test(rest)) return true;
  let p = 0;
  if (rest[p] === '.') p++;
  while (p < rest.length && LANG_CHAR_RE.test(rest[p])) p++;
  const options = parseOptions(rest, p);
  if (!options) return false;
  for (const [key, value] of options) {
    if (key === 'hl_lines' ? !HL_LINES_RE.test(value) : key === 'linenums' ? !/^\d/.test(value) : key !== 'title') return false;
  }
  return true;
}

/**
 * Parses `(?:\b[a-zA-Z][a-zA-Z0-9_]*(?:=(["']).*?\1)?[ \t]*)*[ \t]*$` from `p` as Python's backtracking
 * regex would (the first parse with the shortest values that reaches the end), without its worst case.
 */
function parseOptions(s: string, p: number): Map<string, string> | undefined {
  const failed = new Set<number>();
  const found: [string, string][] = [];
  const isWord = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c);
  const from = (q: number): boolean => {
    while (q < s.length && (s[q] === ' ' || s[q] === '\t')) q++;
    if (q === s.length) return true;
    if (failed.has(q) || !/[A-Za-z]/.test(s[q]) || isWord(s[q - 1])) return false;
    let e = q + 1;
    while (e < s.length && isWord(s[e])) e++;
    const key = s.slice(q, e);
    const quote = s[e + 1];
    if (s[e] === '=' && (quote === '"' || quote === "'")) {
      for (let c = s.indexOf(quote, e + 2); c >= 0; c = s.indexOf(quote, c + 1)) {
        found.push([key, s.slice(e + 2, c)]);
        if (from(c + 1)) return true;
        found.pop();
      }
    }
    found.push([key, key]);
    if (from(e)) return true;
    found.pop();
    failed.add(q);
    return false;
  };
  if (!from(p)) return undefined;
  return new Map(found);
}
