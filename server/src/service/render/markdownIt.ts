/// <reference path="./footnote.d.ts" />
// The site's Markdown for markdown-it: one plugin that the preview, `ak render` and VS Code's own Markdown
// preview (`extendMarkdownIt`) all use. Every rule works only when the render's `env` carries the page's
// data (`env.ak`, see env.ts), so other Markdown keeps markdown-it's (and VS Code's) own rendering.
//
// What the site does, in its order: the tags hook puts the chips row in place of `<!-- tags -->` comments
// in the Markdown; `pymdownx.snippets` appends the glossary; Python-Markdown renders (tables, `attr_list`,
// `abbr`, footnotes, admonitions, details, tabs, task lists, `md_in_html`, fenced code); then the lists
// hook replaces each list directive's comment in the HTML by its table. Here the directive comments are
// swapped for numbered placeholders before parsing (at the places the service found them, so a comment
// in code is never one) and the placeholders for the tables when the HTML is written.
import type { MarkdownIt, StateBlock, StateCore } from 'markdown-it';
import footnote from 'markdown-it-footnote';
import { escapeRegExp } from '../text';
import { abbrPlugin } from './abbr';
import { attrListPlugin } from './attrList';
import { containersPlugin } from './containers';
import { isAkEnv, type AkEnv, type PageRenderData } from './env';
import { htmlBlockPlugin } from './htmlBlock';

export interface AlgoritmekaderMarkdownOptions {
  /**
   * Finds the page's data for a parse whose `env` has none: VS Code's preview parses with an empty env, so
   * the page is known by its text (`src`, line ends normalised to `\n`). Undefined leaves the render to
   * markdown-it alone.
   */
  dataFor?: (env: Record<string, unknown>, src: string) => PageRenderData | undefined;
  /** Adds `data-line` (0-based source line) to block elements, for scrolling the preview with the editor. */
  lineAttributes?: boolean;
  /** Rewrites a link or image target (`.md` links to pages, say); the attributes returned are set on the element. */
  link?: (href: string, env: AkEnv, kind: 'a' | 'img') => { href: string | null; attrs?: [string, string][] };
}

const PLACEHOLDER = /<!--ak-list:(\d+)-->/g;
type BlockRule = (state: StateBlock, startLine: number, endLine: number, silent: boolean) => boolean;
interface RuleEntry<F> {
  name: string;
  fn: F;
}

/**
 * Replaces the function of the rule `name` of a markdown-it ruler with `wrap(its function)`, and drops the
 * ruler's compiled chains, which would otherwise go on calling the old one.
 */
function wrapRule<F>(ruler: unknown, name: string, wrap: (fn: F) => F): void {
  const r = ruler as { __rules__: RuleEntry<F>[]; __cache__: unknown };
  const rule = r.__rules__.find((entry) => entry.name === name);
  if (!rule) return;
  rule.fn = wrap(rule.fn);
  r.__cache__ = null;
}

/** Makes the named rules of a ruler act only in an Algoritmekader render. */
function gate<F extends (...args: never[]) => unknown>(ruler: unknown, names: readonly string[], envOf: (...args: Parameters<F>) => unknown, otherwise: ReturnType<F>): void {
  for (const name of names) wrapRule<F>(ruler, name, (fn) => ((...args: Parameters<F>) => (isAkEnv(envOf(...args)) ? fn(...args) : otherwise)) as F);
}

/** The page's Markdown as the site reads it, line for line: the lines of `src` stay where they are. */
function prepareSource(src: string, data: PageRenderData): string {
  const lines = src.split('\n');
  // The directives first, at their places (the text after chips would have other columns).
  let searchLine = 0;
  data.directives.forEach((directive, i) => {
    const placeholder = `<!--ak-list:${i}-->`;
    let line = directive.line;
    let at = lines[line]?.startsWith(directive.source, directive.character) ? directive.character : -1;
    // The editor's text may be a keystroke ahead of the data: the next occurrence then.
    if (at < 0) {
      for (line = searchLine; line < lines.length; line++) {
        at = lines[line].indexOf(directive.source);
        if (at >= 0) break;
      }
    }
    if (at < 0) return;
    lines[line] = lines[line].slice(0, at) + placeholder + lines[line].slice(at + directive.source.length);
    searchLine = line;
  });
  // The frontmatter, which the site does not render, as empty lines.
  for (let i = 0; i < data.bodyLine && i < lines.length; i++) lines[i] = '';
  let text = lines.join('\n');
  // The tags hook: every occurrence, case-insensitively, even in code (it runs on the Markdown text).
  for (const { comment, markdown } of data.chips) {
    const flat = markdown.replace(/\r?\n/g, ' ');
    text = text.replace(new RegExp(escapeRegExp(comment), 'gi'), () => flat);
  }
  return data.appended ? `${text}\n${data.appended}` : text;
}

export function algoritmekaderMarkdownIt(md: MarkdownIt, options: AlgoritmekaderMarkdownOptions = {}): MarkdownIt {
  md.use(footnote);
  gate<BlockRule>(md.block.ruler, ['footnote_def'], (state) => state.env, false);
  gate<(state: { env: unknown }, silent: boolean) => boolean>(md.inline.ruler, ['footnote_inline', 'footnote_ref'], (state) => state.env, false);
  gate<(state: StateCore) => void>(md.core.ruler, ['footnote_tail'], (state) => state.env, undefined);
  // The footnote's number, as Python-Markdown writes it (also on a second reference to the same note).
  md.renderer.rules.footnote_caption = (tokens, idx) => String((tokens[idx].meta as { id: number }).id + 1);

  // The page's data and its Markdown as the site reads it.
  let siteRender = false;
  md.core.ruler.after('normalize', 'ak_source', (state) => {
    const env = state.env as Record<string, unknown>;
    if (!isAkEnv(env) && options.dataFor) {
      const data = options.dataFor(env, state.src);
      if (data) (env as unknown as AkEnv).ak = data;
    }
    siteRender = isAkEnv(env);
    if (isAkEnv(env)) state.src = prepareSource(state.src, env.ak);
  });

  // Python-Markdown takes a link's target up to the closing parenthesis, spaces and all
  // (`[x](my file.xlsx)`); CommonMark ends it at the first space. (The helper has no env: the flag above says
  // whether this render is the site's.)
  const destination = md.helpers.parseLinkDestination;
  md.helpers.parseLinkDestination = (str, start, max) => {
    const result = destination(str, start, max);
    if (!siteRender) return result;
    const rest = str.slice(result.ok ? result.pos : start, max);
    if (result.ok && /^\s*(?:\)|["'(])/.test(rest)) return result;
    let pos = start;
    let depth = 0;
    for (; pos < max; pos++) {
      const c = str[pos];
      if (c === '\n') return result;
      if (c === '(') depth++;
      else if (c === ')') {
        if (depth === 0) break;
        depth--;
      } else if ((c === '"' || c === "'") && pos > start && /\s/.test(str[pos - 1])) break;
    }
    const raw = str.slice(start, pos).trimEnd();
    if (raw === '' || raw.startsWith('<')) return result;
    return { ok: true, pos: start + raw.length, str: md.utils.unescapeAll(raw) };
  };

  // Python-Markdown: a list does not interrupt a paragraph (it needs a blank line before it).
  wrapRule<BlockRule>(md.block.ruler, 'list', (list) =>
    // Inside a list item it may: there Python-Markdown reads a line indented into the item as a block of its own.
    (state, startLine, endLine, silent) =>
      silent && state.parentType === 'paragraph' && state.listIndent < 0 && isAkEnv(state.env) ? false : list(state, startLine, endLine, silent),
  );
  // Python-Markdown's list items: their content is indented 4 columns from the list, whatever the marker's
  // width, so a block indented less after a blank line ends the list, and `- a` + `  - b` is one flat list.
  // markdown-it indents an item's content by the marker's width; here, when the list rule hands an item's
  // lines to the block parser, that indent becomes the list's + 4 (the item's first line keeps its place).
  const tokenize = md.block.tokenize.bind(md.block);
  md.block.tokenize = (state, startLine, endLine) => {
    const need = state.listIndent + 4;
    if (state.parentType !== 'list' || state.listIndent < 0 || state.blkIndent >= need || !isAkEnv(state.env)) return tokenize(state, startLine, endLine);
    const firstCount = state.sCount[startLine];
    const shift = need - state.blkIndent;
    state.sCount[startLine] += shift;
    state.blkIndent = need;
    tokenize(state, startLine, endLine);
    state.sCount[startLine] = firstCount;
  };

  // Python-Markdown's headings: `#` at the very start of the line (indented, it is text), a space after the
  // hashes optional (`#Titel` is a heading), closing hashes dropped.
  wrapRule<BlockRule>(md.block.ruler, 'heading', (heading) => (state, startLine, endLine, silent) => {
    if (!isAkEnv(state.env)) return heading(state, startLine, endLine, silent);
    if (state.sCount[startLine] !== state.blkIndent) return false;
    const start = state.bMarks[startLine] + state.tShift[startLine];
    const line = state.src.slice(start, state.eMarks[startLine]);
    const m = /^(#{1,6})(.*?)#*\s*$/.exec(line);
    if (!m) return false;
    if (silent) return true;
    state.line = startLine + 1;
    const open = state.push('heading_open', `h${m[1].length}`, 1);
    open.markup = m[1];
    open.map = [startLine, state.line];
    const inline = state.push('inline', '', 0);
    inline.content = m[2].trim();
    inline.map = [startLine, state.line];
    inline.children = [];
    state.push('heading_close', `h${m[1].length}`, -1).markup = m[1];
    return true;
  });

  // Python-Markdown's tables: a table without body rows gets one empty row.
  md.core.ruler.after('block', 'ak_empty_tables', (state) => {
    if (!isAkEnv(state.env)) return;
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].type !== 'thead_close' || tokens[i + 1]?.type !== 'table_close') continue;
      let cells = 0;
      for (let j = i - 1; j >= 0 && tokens[j].type !== 'thead_open'; j--) if (tokens[j].type === 'th_open') cells++;
      const row = [new state.Token('tbody_open', 'tbody', 1), new state.Token('tr_open', 'tr', 1)];
      for (let c = 0; c < cells; c++) row.push(new state.Token('td_open', 'td', 1), new state.Token('td_close', 'td', -1));
      row.push(new state.Token('tr_close', 'tr', -1), new state.Token('tbody_close', 'tbody', -1));
      for (const token of row) token.block = true;
      tokens.splice(i + 1, 0, ...row);
    }
  });

  // Python-Markdown has no strikethrough (`~~`) and no bare-URL links.
  for (const name of ['strikethrough', 'linkify']) {
    wrapRule<(state: { env: unknown }, silent: boolean) => boolean>(md.inline.ruler, name, (fn) => (state, silent) => (isAkEnv(state.env) ? false : fn(state, silent)));
  }

  md.use(containersPlugin);
  md.use(htmlBlockPlugin);
  md.use(abbrPlugin);
  md.use(attrListPlugin);
  md.use(taskListPlugin);

  // The directives' tables where their placeholders are, in the tokens (a renderer's env may be another
  // object than the parser's: VS Code renders with an env of its own).
  md.core.ruler.push('ak_lists', (state) => {
    if (!isAkEnv(state.env)) return;
    const { directives } = state.env.ak;
    const fill = (html: string) => html.replace(PLACEHOLDER, (_, n: string) => directives[Number(n)]?.html ?? '');
    for (const token of state.tokens) {
      if (token.type === 'html_block' && token.content.includes('<!--ak-list:')) token.content = fill(token.content);
      for (const child of token.children ?? []) if (child.type === 'html_inline' && child.content.includes('<!--ak-list:')) child.content = fill(child.content);
    }
  });

  if (options.link) {
    const rewrite = options.link;
    md.core.ruler.push('ak_links', (state) => {
      if (!isAkEnv(state.env)) return;
      const env = state.env;
      for (const block of state.tokens) {
        for (const token of block.children ?? []) {
          const kind = token.type === 'link_open' ? 'a' : token.type === 'image' ? 'img' : undefined;
          if (!kind) continue;
          const name = kind === 'a' ? 'href' : 'src';
          const target = token.attrGet(name);
          if (target === null) continue;
          const result = rewrite(String(target), env, kind);
          if (result.href === null) token.attrs = (token.attrs ?? []).filter(([n]) => n !== name);
          else token.attrSet(name, result.href);
          for (const [n, v] of result.attrs ?? []) token.attrSet(n, v);
        }
      }
    });
  }

  if (options.lineAttributes) {
    md.core.ruler.push('ak_lines', (state) => {
      if (!isAkEnv(state.env)) return;
      for (const token of state.tokens) {
        if (token.map && token.nesting === 1 && token.block && !token.hidden) token.attrSet('data-line', String(token.map[0]));
      }
    });
  }
  return md;
}

/**
 * Task lists as `pymdownx.tasklist` (custom checkboxes) writes them: an item starting `[ ]`, `[x]` or `[X]`
 * and a space gets a checkbox; the item and its list get the `task-list` classes.
 */
function taskListPlugin(md: MarkdownIt): void {
  md.core.ruler.push('ak_tasklist', (state) => {
    if (!isAkEnv(state.env)) return;
    const tokens = state.tokens;
    for (let i = 2; i < tokens.length; i++) {
      const inline = tokens[i];
      if (inline.type !== 'inline' || tokens[i - 1].type !== 'paragraph_open' || tokens[i - 2].type !== 'list_item_open') continue;
      const first = inline.children?.[0];
      const m = first?.type === 'text' ? /^ *\[([xX ])\] +/.exec(first.content) : null;
      if (!first || !m) continue;
      first.content = first.content.slice(m[0].length);
      const box = new state.Token('html_inline', '', 0);
      box.content = `<label class="task-list-control"><input type="checkbox"${m[1] === ' ' ? '' : ' checked'}><span class="task-list-indicator"></span></label> `;
      inline.children!.unshift(box);
      tokens[i - 2].attrJoin('class', 'task-list-item');
      // The list that holds the item: the nearest open token before it that is not closed again.
      let depth = 0;
      for (let j = i - 3; j >= 0; j--) {
        const t = tokens[j];
        if (t.nesting === -1) depth++;
        else if (t.nesting === 1) {
          if (depth === 0) {
            if (!String(t.attrGet('class') ?? '').split(' ').includes('task-list')) t.attrJoin('class', 'task-list');
            break;
          }
          depth--;
        }
      }
    }
  });
}
