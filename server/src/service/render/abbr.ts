// Abbreviations as Python-Markdown's `abbr` extension makes them (the site appends its glossary,
// `*[term]: definition` lines, to every page, so every page shows the definitions as tooltips):
// - a definition is a line `*[term]: title` anywhere in a block (it interrupts a paragraph) and is removed;
//   a later definition of the same term replaces the earlier one;
// - every definition is applied, in the order written, to the text that no earlier one took, at Python's
//   `\b` word boundaries, case-sensitively; the text of an abbreviation is not looked at again;
// - not in code, raw HTML, link targets or image descriptions.
import type { MarkdownIt, StateBlock, StateCore, Token } from 'markdown-it';
import { escapeRegExp } from '../text';
import { isAkEnv } from './env';

const DEFINITION = /^\*\[([^\]]*)\] ?:[ ]*(.*)$/;
/** Python's `\w` for str patterns: letters, digits, underscore. */
const WORD = /[\p{L}\p{N}_]/u;

interface AbbrEnv {
  abbreviations?: Map<string, string>;
}

function definition(state: StateBlock, startLine: number, _endLine: number, silent: boolean): boolean {
  if (!isAkEnv(state.env)) return false;
  if (state.sCount[startLine] - state.blkIndent >= 4) return false;
  const start = state.bMarks[startLine] + state.tShift[startLine];
  if (state.src.charCodeAt(start) !== 0x2a /* * */ || state.src.charCodeAt(start + 1) !== 0x5b /* [ */) return false;
  const m = DEFINITION.exec(state.src.slice(start, state.eMarks[startLine]));
  if (!m) return false;
  if (silent) return true;
  const env = state.env as AbbrEnv;
  env.abbreviations ??= new Map();
  const term = m[1].trim();
  // Re-defining a term keeps its first place in the order (Python-Markdown's registry replaces in place).
  env.abbreviations.set(term, m[2].trim());
  state.line = startLine + 1;
  return true;
}

const isWord = (text: string, at: number) => at >= 0 && at < text.length && WORD.test(text[at]);

/** Where `term` occurs in `text` between Python `\b` boundaries (boundaries only within `text`: its edges count as non-word). */
function occurrences(text: string, term: string): number[] {
  const found: number[] = [];
  const first = isWord(term, 0);
  const last = isWord(term, term.length - 1);
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + 1)) {
    const before = isWord(text, at - 1);
    const after = isWord(text, at + term.length);
    if (before !== first && after !== last) {
      found.push(at);
      at += term.length - 1;
    }
  }
  return found;
}

type Piece = { text: string; title?: string };

function applyAbbreviations(text: string, abbreviations: Map<string, string>, any: RegExp): Piece[] {
  // Most text holds no term at all: one search for all of them first.
  if (!any.test(text)) return [{ text }];
  let pieces: Piece[] = [{ text }];
  for (const [term, title] of abbreviations) {
    if (term === '' || !text.includes(term)) continue;
    const next: Piece[] = [];
    for (const piece of pieces) {
      if (piece.title !== undefined) {
        next.push(piece);
        continue;
      }
      let last = 0;
      for (const at of occurrences(piece.text, term)) {
        if (at > last) next.push({ text: piece.text.slice(last, at) });
        next.push({ text: term, title });
        last = at + term.length;
      }
      if (last < piece.text.length) next.push({ text: piece.text.slice(last) });
    }
    pieces = next;
  }
  return pieces;
}

/** One expression that finds any of the terms; the last one is kept (the glossary is the same on every page). */
function termFinder(): (terms: Iterable<string>) => RegExp {
  let key = '';
  let re = /(?!)/;
  return (terms) => {
    const list = [...terms].filter((t) => t !== '');
    const next = list.join('\u0000');
    if (next !== key) {
      key = next;
      re = list.length ? new RegExp(list.map(escapeRegExp).join('|')) : /(?!)/;
    }
    return re;
  };
}

function abbreviate(state: StateCore, anyTerm: (terms: Iterable<string>) => RegExp): void {
  const abbreviations = (state.env as AbbrEnv).abbreviations;
  if (!isAkEnv(state.env) || !abbreviations || abbreviations.size === 0) return;
  const any = anyTerm(abbreviations.keys());
  for (const block of state.tokens) {
    if (block.type !== 'inline' || !block.children) continue;
    const out: Token[] = [];
    let changed = false;
    // Image descriptions are the image token's own children: not visited.
    for (const token of block.children) {
      if (token.type !== 'text') {
        out.push(token);
        continue;
      }
      const pieces = applyAbbreviations(token.content, abbreviations, any);
      if (pieces.length === 1 && pieces[0].title === undefined) {
        out.push(token);
        continue;
      }
      changed = true;
      for (const piece of pieces) {
        if (piece.title === undefined) {
          const text = new state.Token('text', '', 0);
          text.content = piece.text;
          out.push(text);
          continue;
        }
        const open = new state.Token('abbr_open', 'abbr', 1);
        open.attrs = [['title', piece.title]];
        const text = new state.Token('text', '', 0);
        text.content = piece.text;
        out.push(open, text, new state.Token('abbr_close', 'abbr', -1));
      }
    }
    if (changed) block.children = out;
  }
}

export function abbrPlugin(md: MarkdownIt): void {
  md.block.ruler.before('reference', 'ak_abbr_definition', definition, { alt: ['paragraph', 'reference'] });
  // After adjacent text is joined (markdown-it 13+, which VS Code has); before that, after the inline parse.
  const anyTerm = termFinder();
  const rule = (state: StateCore) => abbreviate(state, anyTerm);
  try {
    md.core.ruler.after('text_join', 'ak_abbr', rule);
  } catch {
    md.core.ruler.after('inline', 'ak_abbr', rule);
  }
}
