// Python-Markdown's indented containers for markdown-it, as the site configures them:
// - admonitions `!!! type "title"` (`admonition`): `<div class="admonition type"><p class="admonition-title">`;
// - collapsible blocks `???`/`???+` (`pymdownx.details`): `<details class="type" [open]><summary>`;
// - content tabs `=== "label"` (`pymdownx.tabbed`, alternate style): consecutive tabs form one set of
//   radio inputs, labels and blocks (`===!` starts a new set), which CSS alone switches.
// The content of each is every following line that is blank or indented 4 columns beyond the opener (tabs
// count to the next multiple of 4), up to the first line that is neither, as Python-Markdown's `detab` takes
// it; it is read as Markdown on its own, so a list directive there is a block of its own, as upstream.
// The opener's expressions are upstream's (Python-Markdown 3.4 / pymdown-extensions 9.5).
import type { MarkdownIt, StateBlock, Token } from 'markdown-it';
import { isAkEnv } from './env';

const W = '[\\p{L}\\p{N}_\\-]';
const ADMONITION = new RegExp(`^!!! ?(${W}+(?: +${W}+)*)(?: +"(.*?)")? *$`, 'u');
const DETAILS = new RegExp(`^\\?{3}(\\+)? ?(?:(${W}+(?: +${W}+)*?)?(?: +"(.*?)")|(${W}+(?: +${W}+)*?)) *$`, 'u');
const TABBED = /^={3}(!)? +"(.*?)" *$/;

/** Python's `str.capitalize()`: the first character upper case, the rest lower case. */
export const capitalize = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
const compress = (classes: string) => classes.toLowerCase().replace(/ {2,}/g, ' ');

/** The last line (exclusive) of the content that belongs to the opener on `startLine`. */
function contentEnd(state: StateBlock, startLine: number, endLine: number): number {
  const indent = state.sCount[startLine] + 4;
  let last = startLine + 1; // one past the last non-blank content line
  for (let line = startLine + 1; line < endLine; line++) {
    if (state.isEmpty(line)) continue;
    if (state.sCount[line] < indent) break;
    last = line + 1;
  }
  return last;
}

/** Parses lines `from`..`to` as the content of a container whose opener is on `opener`. */
function parseContent(state: StateBlock, opener: number, from: number, to: number, parentType: string): void {
  const oldParent = state.parentType;
  const oldLineMax = state.lineMax;
  const oldIndent = state.blkIndent;
  state.parentType = parentType as StateBlock['parentType'];
  state.lineMax = to;
  state.blkIndent = state.sCount[opener] + 4;
  state.md.block.tokenize(state, from, to);
  state.parentType = oldParent;
  state.lineMax = oldLineMax;
  state.blkIndent = oldIndent;
  state.line = to;
}

/** The opener line's text, or undefined when the line cannot open a container here. */
function openerText(state: StateBlock, line: number): string | undefined {
  if (!isAkEnv(state.env)) return undefined;
  if (state.sCount[line] - state.blkIndent >= 4) return undefined;
  return state.src.slice(state.bMarks[line] + state.tShift[line], state.eMarks[line]);
}

function pushTitle(state: StateBlock, tag: string, className: string | null, title: string, line: number): void {
  const open = state.push(`ak_${tag}_open`, tag, 1);
  if (className) open.attrSet('class', className);
  open.map = [line, line + 1];
  const inline = state.push('inline', '', 0);
  inline.content = title;
  inline.map = [line, line + 1];
  inline.children = [];
  state.push(`ak_${tag}_close`, tag, -1);
}

function admonition(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const text = openerText(state, startLine);
  const m = text === undefined ? null : ADMONITION.exec(text);
  if (!m) return false;
  if (silent) return true;
  const classes = compress(m[1]);
  const title = m[2] === undefined ? capitalize(classes.split(' ')[0]) : m[2] === '' ? null : m[2];
  const end = contentEnd(state, startLine, endLine);
  const open = state.push('ak_admonition_open', 'div', 1);
  open.attrSet('class', `admonition ${classes}`);
  open.map = [startLine, end];
  if (title !== null) pushTitle(state, 'p', 'admonition-title', title, startLine);
  parseContent(state, startLine, startLine + 1, end, 'admonition');
  state.push('ak_admonition_close', 'div', -1);
  return true;
}

function details(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const text = openerText(state, startLine);
  const m = text === undefined ? null : DETAILS.exec(text);
  if (!m) return false;
  if (silent) return true;
  let classes: string;
  let title: string;
  if (m[4]) {
    classes = compress(m[4]);
    title = capitalize(classes.split(' ')[0]);
  } else {
    classes = m[2] === undefined ? '' : compress(m[2]);
    title = m[3] ?? '';
  }
  const end = contentEnd(state, startLine, endLine);
  const open = state.push('ak_details_open', 'details', 1);
  if (m[1]) open.attrSet('open', 'open');
  if (classes) open.attrSet('class', classes);
  open.map = [startLine, end];
  pushTitle(state, 'summary', null, title, startLine);
  parseContent(state, startLine, startLine + 1, end, 'details');
  state.push('ak_details_close', 'details', -1);
  return true;
}

/**
 * One tab. Tabs of one set are collected by `tabSets` below into the site's structure; here each tab is
 * `ak_tab_open` (meta: label, whether it starts a new set) + its content + `ak_tab_close`.
 */
function tab(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const text = openerText(state, startLine);
  const m = text === undefined ? null : TABBED.exec(text);
  if (!m) return false;
  if (silent) return true;
  const end = contentEnd(state, startLine, endLine);
  const open = state.push('ak_tab_open', 'div', 1);
  open.map = [startLine, end];
  open.meta = { newSet: m[1] === '!' };
  pushTitle(state, 'label', null, m[2], startLine);
  parseContent(state, startLine, startLine + 1, end, 'tab');
  state.push('ak_tab_close', 'div', -1);
  return true;
}

/**
 * Core rule after the block parse: consecutive tabs at one level (nothing between them but the tabs)
 * become one set, as upstream joins a tab to the set just before it. Written as the tokens the renderer
 * below draws: set open, one radio input per tab, the labels, the contents.
 */
function tabSets(tokens: Token[], TokenClass: new (type: string, tag: string, nesting: Token['nesting']) => Token): Token[] {
  const out: Token[] = [];
  let setCount = 0;
  let i = 0;
  while (i < tokens.length) {
    if (tokens[i].type !== 'ak_tab_open') {
      out.push(tokens[i++]);
      continue;
    }
    // Collect the set: each tab runs to its matching close.
    const tabs: { open: Token; label: Token[]; body: Token[] }[] = [];
    while (i < tokens.length && tokens[i].type === 'ak_tab_open' && (tabs.length === 0 || !(tokens[i].meta as { newSet: boolean }).newSet)) {
      const open = tokens[i];
      let depth = 0;
      let j = i;
      for (; j < tokens.length; j++) {
        if (tokens[j].type === 'ak_tab_open') depth++;
        else if (tokens[j].type === 'ak_tab_close' && --depth === 0) break;
      }
      const inner = tokens.slice(i + 1, j);
      tabs.push({ open, label: inner.slice(0, 3), body: tabSets(inner.slice(3), TokenClass) });
      i = j + 1;
    }
    const set = ++setCount;
    const first = tabs[0].open;
    const setOpen = new TokenClass('ak_tabset_open', 'div', 1);
    setOpen.attrSet('class', 'tabbed-set tabbed-alternate');
    setOpen.attrSet('data-tabs', `${set}:${tabs.length}`);
    setOpen.map = [first.map![0], tabs[tabs.length - 1].open.map![1]];
    setOpen.block = true;
    out.push(setOpen);
    tabs.forEach((_, k) => {
      const input = new TokenClass('ak_tab_input', 'input', 0);
      input.attrSet('type', 'radio');
      input.attrSet('name', `__tabbed_${set}`);
      input.attrSet('id', `__tabbed_${set}_${k + 1}`);
      if (k === 0) input.attrSet('checked', 'checked');
      out.push(input);
    });
    const block = (type: string, className: string | null, nesting: Token['nesting']) => {
      const token = new TokenClass(type, 'div', nesting);
      if (className) token.attrSet('class', className);
      token.block = true;
      return token;
    };
    out.push(block('ak_tablabels_open', 'tabbed-labels', 1));
    tabs.forEach((t, k) => {
      const [labelOpen, inline, labelClose] = t.label;
      labelOpen.attrSet('for', `__tabbed_${set}_${k + 1}`);
      out.push(labelOpen, inline, labelClose);
    });
    out.push(block('ak_tablabels_close', null, -1), block('ak_tabcontent_open', 'tabbed-content', 1));
    for (const t of tabs) {
      const open = block('ak_tabblock_open', 'tabbed-block', 1);
      open.map = t.open.map;
      out.push(open, ...t.body, block('ak_tabblock_close', null, -1));
    }
    out.push(block('ak_tabcontent_close', null, -1), block('ak_tabset_close', null, -1));
  }
  return out;
}

export function containersPlugin(md: MarkdownIt): void {
  const alt = { alt: ['paragraph', 'reference', 'blockquote', 'list'] };
  md.block.ruler.before('fence', 'ak_admonition', admonition, alt);
  md.block.ruler.before('fence', 'ak_details', details, alt);
  md.block.ruler.before('fence', 'ak_tab', tab, alt);
  md.core.ruler.after('block', 'ak_tabsets', (state) => {
    if (!isAkEnv(state.env) || !state.tokens.some((t) => t.type === 'ak_tab_open')) return;
    state.tokens = tabSets(state.tokens, state.Token);
  });
  // Plain tags for the tokens above: markdown-it's default renderer writes `<tag attrs>` / `</tag>`.
  // The title paragraph and tab labels are inline content; the input is a void element.
  md.renderer.rules.ak_tab_input = (tokens, idx, _options, _env, self) => `<input${self.renderAttrs(tokens[idx])}>`;
}
