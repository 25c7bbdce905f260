// Raw HTML blocks as Python-Markdown reads them (with `md_in_html`), where CommonMark differs:
// - a block-level start tag (Python-Markdown's list) at most 3 columns into a line opens a raw block that
//   runs to its matching end tag, blank lines included; without one, to the end of the text;
// - a comment there is a raw block up to its `-->`;
// - text after the end tag or the comment on its line starts a new block (a paragraph);
// - with a `markdown` attribute (`markdown="1"`, `markdown="block"`), only the tags are raw and the
//   content between them is Markdown;
// - other tags at the start of a line (`<span>`, `<img>`, `<a>`) begin a paragraph, not an HTML block.
import type { MarkdownIt, StateBlock } from 'markdown-it';
import { BLOCK_TAGS } from '../markdown';
import { isAkEnv } from './env';

type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;

/** The line holding `offset` (at or after `from`). */
function lineOf(state: StateBlock, offset: number, from: number, endLine: number): number {
  let line = from;
  while (line < endLine - 1 && state.eMarks[line] < offset) line++;
  return line;
}

/** Offset just after the end tag that closes the `tag` opened before `from` (same-name nesting counted), or -1. */
function matchingEnd(src: string, tag: string, from: number, to: number): number {
  const re = new RegExp(`<(/?)${tag}(?=[\\s/>])[^>]*>`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(src); m && m.index < to; m = re.exec(src)) {
    if (m[1]) depth--;
    else if (!m[0].endsWith('/>')) depth++;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

function pushRaw(state: StateBlock, content: string, from: number, to: number): void {
  const token = state.push('html_block', '', 0);
  token.map = [from, to];
  token.content = content;
}

/** Text after a raw block on its last line: a paragraph of its own, with the lines that follow up to a blank one. */
function pushTail(state: StateBlock, tail: string, line: number, endLine: number): number {
  let last = line + 1;
  while (last < endLine && !state.isEmpty(last) && state.sCount[last] >= state.blkIndent) last++;
  const rest = last > line + 1 ? '\n' + state.getLines(line + 1, last, state.blkIndent, false) : '';
  state.push('paragraph_open', 'p', 1).map = [line, last];
  const inline = state.push('inline', '', 0);
  inline.content = (tail.trim() + rest).trim();
  inline.map = [line, last];
  inline.children = [];
  state.push('paragraph_close', 'p', -1);
  return last;
}

function pythonHtmlBlock(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean | undefined {
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(start) !== 0x3c /* < */) return false;
  const end = state.eMarks[endLine - 1];
  const src = state.src;
  let closeAt: number;
  let tag: string | undefined;
  let markdownInside = false;
  if (src.startsWith('<!--', start)) {
    const close = src.indexOf('-->', start + 4);
    closeAt = close < 0 || close >= end ? end : close + 3;
  } else {
    const m = /^<([a-zA-Z][a-zA-Z0-9-]*)(?=[\s/>])([^>]*)>/.exec(src.slice(start, Math.min(end, start + 2000)));
    if (!m || !BLOCK_TAGS.has(m[1].toLowerCase())) return undefined; // not Python's raw block: maybe not CommonMark's either
    tag = m[1].toLowerCase();
    markdownInside = /(?:^|\s)markdown(?:\s*=\s*(?:"(?:1|block)"|'(?:1|block)'|1|block))?(?=\s|\/|$)/i.test(m[2]);
    if (m[2].trimEnd().endsWith('/') || tag === 'hr') closeAt = start + m[0].length;
    else {
      const found = matchingEnd(src, tag, start + m[0].length, end);
      closeAt = found < 0 ? end : found;
    }
    if (markdownInside) {
      const openLineEnd = state.eMarks[startLine];
      const closeLine = lineOf(state, closeAt, startLine, endLine);
      const closeTagStart = src.lastIndexOf('<', closeAt - 1);
      // Only the plain layout (start tag alone on its line, end tag alone on a later one) is read as Markdown.
      const alone = src.slice(start + m[0].length, openLineEnd).trim() === '' && closeLine > startLine && src.slice(state.bMarks[closeLine], closeTagStart).trim() === '' && src.slice(closeAt, state.eMarks[closeLine]).trim() === '';
      if (alone) {
        if (silent) return true;
        pushRaw(state, `<${m[1]}${m[2].replace(/(?:^|\s)markdown(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]*))?/i, '')}>\n`, startLine, startLine + 1);
        const oldLineMax = state.lineMax;
        state.lineMax = closeLine;
        state.md.block.tokenize(state, startLine + 1, closeLine);
        state.lineMax = oldLineMax;
        pushRaw(state, src.slice(closeTagStart, closeAt) + '\n', closeLine, closeLine + 1);
        state.line = closeLine + 1;
        return true;
      }
    }
  }
  if (silent) return true;
  const lastLine = lineOf(state, closeAt, startLine, endLine);
  pushRaw(state, src.slice(state.bMarks[startLine], closeAt) + '\n', startLine, lastLine + 1);
  const tail = src.slice(closeAt, state.eMarks[lastLine]);
  state.line = tail.trim() ? pushTail(state, tail, lastLine, endLine) : lastLine + 1;
  return true;
}

export function htmlBlockPlugin(md: MarkdownIt): void {
  const rules = (md.block.ruler as unknown as { __rules__: { name: string; fn: BlockRule }[] }).__rules__;
  const original = rules.find((r) => r.name === 'html_block')?.fn;
  if (!original) return;
  md.block.ruler.at(
    'html_block',
    (state, startLine, endLine, silent) => {
    if (!isAkEnv(state.env) || !state.md.options.html) return original(state, startLine, endLine, silent);
    const result = pythonHtmlBlock(state, startLine, endLine, silent);
    // A tag Python-Markdown does not take as a block: the line is text (CommonMark's type 7 would take it).
    return result ?? false;
    },
    { alt: ['paragraph', 'reference', 'blockquote'] },
  );
}
