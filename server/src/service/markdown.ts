// Where a page's Markdown is code, the way Python-Markdown (with pymdownx.superfences) renders it: the
// site's hooks search the rendered HTML, where a comment inside code is escaped text, not a comment.
//
// Implemented (line-based, linear):
// - Fenced code: ``` or ~~~ (3 or more), at any indentation (superfences allows fences inside list items,
//   admonitions and content tabs); closed by a fence of the same character, at least as long; an unclosed
//   fence runs to the end of the scanned region.
// - Indented code: a line indented 4+ columns beyond its container, after a blank line (or at the start),
//   outside list items, admonitions (`!!!`, `???`, `???+`), content tabs (`===`) and footnotes, whose
//   bodies are indented by 4 themselves; continuation lines stay in the block until a non-blank line with less indentation.
// - Inline code spans: a run of n backticks up to the next run of exactly n, within one paragraph (not
//   across a blank line); an unmatched run is literal; a backslash-escaped backtick does not open one.
//   An HTML comment that starts outside code is raw HTML: backticks inside it open nothing.

export type CodeRange = [start: number, end: number];

interface Line {
  start: number;
  /** Offset of the line break (or the end). */
  end: number;
  /** Offset after the line break. */
  next: number;
  indent: number;
  blank: boolean;
}

function columns(text: string, start: number, end: number): number {
  let col = 0;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === ' ') col++;
    else if (c === '\t') col += 4 - (col % 4);
    else break;
  }
  return col;
}

function splitLines(text: string, from: number, to: number): Line[] {
  const lines: Line[] = [];
  let start = from;
  while (start < to) {
    let end = text.indexOf('\n', start);
    if (end < 0 || end > to) end = to;
    const next = end < to ? end + 1 : to;
    const lineEnd = end > start && text[end - 1] === '\r' ? end - 1 : end;
    const content = text.slice(start, lineEnd);
    lines.push({ start, end: lineEnd, next, indent: columns(text, start, lineEnd), blank: content.trim() === '' });
    start = next;
  }
  return lines;
}

const FENCE = /^[ \t]*(`{3,}|~{3,})/;
const CONTAINER = /^[ \t]*(?:!!!|\?\?\?\+?|===|[-*+][ \t]|\d+[.)][ \t]|\[\^[^\]]+\]:)/;

/** Code ranges of `text[from, to)`, sorted and disjoint. Never throws. */
export function findCodeRanges(text: string, from = 0, to = text.length): CodeRange[] {
  const ranges: CodeRange[] = [];
  const lines = splitLines(text, Math.max(0, from), Math.min(text.length, to));
  /** Content indentation of the innermost open container (0 at top level). */
  let containerIndent = 0;
  let previousBlank = true;
  let paragraph: Line[] = [];
  const flushParagraph = () => {
    if (paragraph.length) ranges.push(...codeSpans(text, paragraph[0].start, paragraph[paragraph.length - 1].end));
    paragraph = [];
  };

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const content = text.slice(line.start, line.end);
    if (line.blank) {
      flushParagraph();
      previousBlank = true;
      continue;
    }
    if (line.indent < containerIndent) containerIndent = 0;

    const fence = FENCE.exec(content);
    if (fence) {
      flushParagraph();
      const marker = fence[1];
      const closeRe = new RegExp(`^[ \\t]*${marker[0] === '`' ? '`' : '~'}{${marker.length},}[ \\t]*$`);
      let j = i + 1;
      while (j < lines.length && !closeRe.test(text.slice(lines[j].start, lines[j].end))) j++;
      const last = j < lines.length ? lines[j] : lines[lines.length - 1];
      ranges.push([line.start, j < lines.length ? last.end : last.end]);
      i = j;
      previousBlank = false;
      continue;
    }

    if (previousBlank && line.indent >= containerIndent + 4 && paragraph.length === 0) {
      // Indented code: up to the next non-blank line that is indented less.
      let j = i;
      let lastCode = i;
      while (j < lines.length && (lines[j].blank || lines[j].indent >= containerIndent + 4)) {
        if (!lines[j].blank) lastCode = j;
        j++;
      }
      ranges.push([line.start, lines[lastCode].end]);
      i = lastCode;
      previousBlank = false;
      continue;
    }

    if (CONTAINER.test(content)) {
      flushParagraph();
      // Python-Markdown: the body of a list item, admonition, tab or footnote is indented by 4.
      containerIndent = line.indent + 4;
      const rest = content.replace(CONTAINER, '');
      if (rest.trim()) paragraph.push({ ...line, start: line.end - rest.length });
      previousBlank = false;
      continue;
    }
    paragraph.push(line);
    previousBlank = false;
  }
  flushParagraph();
  ranges.sort((a, b) => a[0] - b[0]);
  return ranges;
}

/** Inline code spans in `text[start, end)` (one paragraph). */
function codeSpans(text: string, start: number, end: number): CodeRange[] {
  const spans: CodeRange[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === '\\') {
      i += 2;
      continue;
    }
    if (c === '<' && text.startsWith('<!--', i)) {
      const close = text.indexOf('-->', i + 4);
      i = close < 0 || close >= end ? end : close + 3;
      continue;
    }
    if (c !== '`') {
      i++;
      continue;
    }
    let n = 0;
    while (i + n < end && text[i + n] === '`') n++;
    // Find the next run of exactly n backticks.
    let j = i + n;
    let found = -1;
    while (j < end) {
      const k = text.indexOf('`', j);
      if (k < 0 || k >= end) break;
      let m = 0;
      while (k + m < end && text[k + m] === '`') m++;
      if (m === n) {
        found = k;
        break;
      }
      j = k + m;
    }
    if (found < 0) {
      i += n;
      continue;
    }
    spans.push([i, found + n]);
    i = found + n;
  }
  return spans;
}

/** Whether `offset` falls inside one of `ranges` (sorted, disjoint). */
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
