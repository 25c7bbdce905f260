// Offsets ↔ LSP positions for one document text. Lines end at `\n`, `\r\n` or a lone `\r`, as LSP
// defines them; characters are UTF-16 code units, which is what a JavaScript string index counts.
// A position never falls between the `\r` and `\n` of a line break (that would be one past the line's
// end) nor inside a surrogate pair (half an emoji): an offset there is moved to the nearest edge, so
// every range made here is one an editor can show, whatever offset a parser reported.
import type { Position, Range } from './types';

const BOM = '\uFEFF';

/** Strips a leading UTF-8 byte order mark: editors do not show it, so positions must not count it. */
export function stripBom(text: string): string {
  return text.startsWith(BOM) ? text.slice(1) : text;
}

export class LineIndex {
  /** Offset of the first character of every line; `lineStarts[0]` is 0. */
  private readonly lineStarts: number[] = [0];

  constructor(readonly text: string) {
    if (text.indexOf('\r') < 0) {
      // Only `\n` breaks (nearly every page): found by indexOf, far faster than a loop over the characters.
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.lineStarts.push(i + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.lineStarts.push(i + 1);
      } else if (c === 10 /* \n */) {
        this.lineStarts.push(i + 1);
      }
    }
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** The position of `offset`; inside a `\r\n` or a surrogate pair, that of the offset before it. */
  positionAt(offset: number): Position {
    const clamped = this.edge(Math.max(0, Math.min(Number.isNaN(offset) ? 0 : offset, this.text.length)), -1);
    const line = lastAtMost(this.lineStarts, clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  /**
   * `offset` when it is a place a position can be; inside a `\r\n`, the end of the line; inside a
   * surrogate pair, before it (`toward` -1) or after it (+1).
   */
  private edge(offset: number, toward: -1 | 1): number {
    const text = this.text;
    const before = text.charCodeAt(offset - 1);
    const after = text.charCodeAt(offset);
    if (before === 13 && after === 10) return offset - 1;
    if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return offset + toward;
    return offset;
  }

  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[Math.max(0, position.line)];
    return Math.min(start + Math.max(0, position.character), this.lineEnd(position.line));
  }

  /** The range from `start` to `end`, widened to whole characters (a surrogate pair is one). */
  range(start: number, end: number): Range {
    const clampedEnd = this.edge(Math.max(0, Math.min(Number.isNaN(end) ? 0 : end, this.text.length)), 1);
    const from = this.positionAt(start);
    const to = this.positionAt(clampedEnd);
    return to.line < from.line || (to.line === from.line && to.character < from.character) ? { start: from, end: from } : { start: from, end: to };
  }

  /** Offset of the first character of `line`. */
  lineStart(line: number): number {
    return this.lineStarts[Math.min(Math.max(0, line), this.lineStarts.length - 1)];
  }

  /** Offset just before the line break of `line` (or the end of the text). */
  lineEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1];
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The range of `line` without its line break. */
  lineRange(line: number): Range {
    return this.range(this.lineStart(line), this.lineEnd(line));
  }
}

/** `text` with `edits` applied (ranges in `text`'s own positions; non-overlapping, in any order). */
export function applyTextEdits(text: string, edits: readonly { range: Range; newText: string }[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start || b.end - a.end);
  let out = text;
  for (const { start, end, newText } of spans) out = out.slice(0, start) + newText + out.slice(end);
  return out;
}

/** `s` as a literal inside a regular expression. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The index of the last element of `sorted` (ascending, non-empty) that is at most `value`; 0 when none is. */
export function lastAtMost(sorted: readonly number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid] <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}
