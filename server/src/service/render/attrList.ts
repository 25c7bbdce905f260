// Python-Markdown's `attr_list`: `{: #id .class key=value }` sets attributes, as upstream reads them:
// - at the end of a heading's, table cell's or definition term's text, after at least one space;
// - on a line of its own at the end of a paragraph (or a tight list item's text);
// - right after an inline element (a link, an image, emphasis, code): that element.
// Heading ids come from Python-Markdown's `toc` slugs (unique per page: `x`, `x_1`, …) unless one is set.
import type { MarkdownIt, StateCore, Token } from 'markdown-it';
import { isAkEnv } from './env';

const BASE = '\\{:?[ ]*([^}\\n ][^}\\n]*)[ ]*\\}';
const HEADER_RE = new RegExp(`[ ]+${BASE}[ ]*$`);
const LINE_RE = new RegExp(`^[ ]*${BASE}[ ]*$`);
const INLINE_RE = new RegExp(`^${BASE}`);
// Characters outside an XML name (minus `:`) become `_`, as upstream sanitises names.
const NAME_RE = /[^A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd:\-.0-9\u00b7\u0300-\u036f\u203f-\u2040]+/g;

/** Upstream's scanner: `k="v"`, `k='v'`, `k=v`, `.class`, `#id`, or a bare word (`word="word"`). */
function parseAttributes(text: string): [string, string][] {
  const out: [string, string][] = [];
  const re = /([^ =]+)="(.*?)"|([^ =]+)='(.*?)'|([^ =]+)=([^ =]+)|([^ =]+)| /gy;
  let m: RegExpExecArray | null;
  while (re.lastIndex < text.length && (m = re.exec(text))) {
    if (m[1] !== undefined) out.push([m[1], m[2]]);
    else if (m[3] !== undefined) out.push([m[3], m[4]]);
    else if (m[5] !== undefined) out.push([m[5], m[6]]);
    else if (m[7] !== undefined) {
      const word = m[7];
      out.push(word.startsWith('.') ? ['.', word.slice(1)] : word.startsWith('#') ? ['id', word.slice(1)] : [word, word]);
    }
  }
  return out;
}

function assign(token: Token, text: string): void {
  for (const [key, value] of parseAttributes(text)) {
    if (key === '.') {
      const current = token.attrGet('class');
      token.attrSet('class', current ? `${current} ${value}` : value);
    } else token.attrSet(key.replace(NAME_RE, '_'), value);
  }
}

/** Python-Markdown's `toc` slug: ASCII-folded, word characters, spaces and hyphens; runs of those become one `-`. */
function slugify(text: string): string {
  const ascii = text.normalize('NFKD').replace(/[^\x00-\x7f]/g, '');
  return ascii.replace(/[^\w\s-]/g, '').trim().toLowerCase().replace(/[-\s]+/g, '-');
}

function textOf(children: readonly Token[]): string {
  return children.map((c) => (c.type === 'text' || c.type === 'code_inline' ? c.content : c.type === 'image' ? '' : c.children ? textOf(c.children) : '')).join('');
}

function attrList(state: StateCore): void {
  if (!isAkEnv(state.env)) return;
  const tokens = state.tokens;
  const used = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    const inline = tokens[i];
    if (inline.type !== 'inline' || !inline.children) continue;
    const children = inline.children;
    const parent = tokens[i - 1];
    // Inline elements: `{...}` at the start of the text right after them.
    for (let k = 1; k < children.length; k++) {
      const text = children[k];
      if (text.type !== 'text') continue;
      const m = INLINE_RE.exec(text.content);
      if (!m) continue;
      const before = children[k - 1];
      let target: Token | undefined;
      if (before.type === 'image' || before.type === 'code_inline') target = before;
      else if (before.nesting === -1) {
        // The opening token of the element that just closed.
        let depth = 0;
        for (let j = k - 1; j >= 0; j--) {
          depth += children[j].nesting;
          if (depth === 0) {
            target = children[j];
            break;
          }
        }
      }
      if (!target) continue;
      assign(target, m[1]);
      text.content = text.content.slice(m[0].length);
    }
    const last = children[children.length - 1];
    if (!parent || !last || last.type !== 'text') continue;
    if (parent.type === 'heading_open' || parent.type === 'th_open' || parent.type === 'td_open' || parent.type === 'dt_open') {
      const m = HEADER_RE.exec(last.content);
      if (m) {
        assign(parent, m[1]);
        last.content = last.content.slice(0, m.index);
        if (parent.type === 'heading_open') last.content = last.content.replace(/#+$/, '').trimEnd();
      }
    } else if (parent.type === 'paragraph_open' && children.length >= 2 && children[children.length - 2].type === 'softbreak') {
      const m = LINE_RE.exec(last.content);
      if (m) {
        // A tight list item's text has no paragraph of its own upstream: the item takes the attributes.
        const item = parent.hidden ? tokens[i - 2] : parent;
        assign(item?.type === 'list_item_open' || !parent.hidden ? item : parent, m[1]);
        children.splice(children.length - 2, 2);
      }
    }
  }
  // Heading ids, as `toc` makes them, after attributes (an `{#id}` wins and is reserved as well).
  for (const token of tokens) if (token.type === 'heading_open' && token.attrGet('id')) used.add(String(token.attrGet('id')));
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.type !== 'heading_open' || token.attrGet('id')) continue;
    const base = slugify(textOf(tokens[i + 1]?.children ?? []));
    let id = base;
    for (let n = 1; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    token.attrSet('id', id);
  }
}

export function attrListPlugin(md: MarkdownIt): void {
  // After the abbreviations (which see the `{...}` text as upstream's inline patterns do) and text joining.
  md.core.ruler.push('ak_attr_list', attrList);
}
