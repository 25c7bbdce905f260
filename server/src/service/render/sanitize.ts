// An allow-list HTML sanitizer for what pages bring along: the site renders raw HTML in a page as it is,
// the preview and `ak render` show it without running anything.
//
// The input is read as a browser would tokenise it (tags, attributes, comments, text) and written out
// again from scratch: only the tags and attributes listed below survive, every attribute value is quoted
// and escaped anew, every `<` in text is escaped, and end tags are balanced. So whatever the input, the
// output holds no script, no event handler, no `javascript:` URL, no frame or form, no inline style (a
// page cannot cover the preview), and no unclosed element that could swallow what follows it.
// Pure, synchronous, linear in the input.
import { decodeHTML } from 'entities';

/** Elements kept, with the attributes each may carry besides the global ones. */
const ELEMENTS: Record<string, readonly string[]> = {
  a: ['href', 'name'],
  abbr: [],
  b: [],
  blockquote: [],
  br: [],
  caption: [],
  center: [],
  cite: [],
  code: [],
  col: ['span'],
  colgroup: ['span'],
  dd: [],
  del: [],
  details: ['open'],
  dfn: [],
  div: [],
  dl: [],
  dt: [],
  em: [],
  figcaption: [],
  figure: [],
  h1: [],
  h2: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  hr: [],
  i: [],
  img: ['src', 'alt', 'width', 'height'],
  input: ['type', 'checked', 'disabled', 'name'],
  ins: [],
  kbd: [],
  label: ['for'],
  li: ['value'],
  mark: [],
  ol: ['start', 'type', 'reversed'],
  p: [],
  pre: [],
  q: [],
  s: [],
  samp: [],
  section: [],
  small: [],
  span: [],
  strong: [],
  sub: [],
  summary: [],
  sup: [],
  table: [],
  tbody: [],
  td: ['colspan', 'rowspan', 'align'],
  tfoot: [],
  th: ['colspan', 'rowspan', 'align', 'scope'],
  thead: [],
  tr: [],
  u: [],
  ul: [],
  var: [],
};

/** Attributes any kept element may carry; `aria-*` and `data-*` are allowed as well. */
const GLOBAL_ATTRIBUTES = new Set(['class', 'id', 'title', 'lang', 'dir', 'role']);

/** Elements dropped with everything inside them (their content is code, a frame, a form or metadata). */
const DROPPED_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'template', 'noscript', 'noembed', 'noframes', 'textarea', 'title', 'select', 'svg', 'math', 'head', 'xmp', 'plaintext', 'canvas', 'audio', 'video', 'button']);

/** Elements whose content the browser reads as plain text up to their end tag. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

const VOID = new Set(['br', 'hr', 'img', 'input', 'col', 'wbr', 'area', 'base', 'link', 'meta', 'param', 'source', 'track', 'embed']);

const URL_ATTRIBUTES = new Set(['href', 'src']);
const INPUT_TYPES = new Set(['checkbox', 'radio']);

/** Whether a URL may stay: relative, an anchor, or http(s)/mailto; images also inline raster data. */
function safeUrl(value: string, attribute: string): boolean {
  // Browsers ignore control characters and whitespace inside the scheme.
  const compact = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  if (!scheme) return !compact.startsWith('//') || attribute === 'src';
  if (scheme[1] === 'http' || scheme[1] === 'https') return true;
  if (scheme[1] === 'mailto') return attribute === 'href';
  return attribute === 'src' && /^data:image\/(?:png|gif|jpeg|webp);/.test(compact);
}

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Text for a double-quoted attribute value (or element text): `&`, `<`, `>` and `"` as entities. */
export const escapeAttribute = (text: string) => escapeText(text).replace(/"/g, '&quot;');

/** The attributes of a tag, as the browser reads them: lowercase names, values with entities decoded; the first of a name wins. */
function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const re = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
  for (let m = re.exec(source); m; m = re.exec(source)) {
    const name = m[1].toLowerCase();
    if (!attributes.has(name)) attributes.set(name, decodeHTML(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return attributes;
}

function keptAttributes(tag: string, source: string): string {
  const allowed = ELEMENTS[tag];
  const out: string[] = [];
  const attributes = readAttributes(source);
  if (tag === 'input' && !INPUT_TYPES.has((attributes.get('type') ?? '').toLowerCase())) return '\u0000';
  for (const [name, value] of attributes) {
    const known = GLOBAL_ATTRIBUTES.has(name) || allowed.includes(name) || /^(?:aria|data)-[a-z0-9_.-]+$/.test(name);
    if (!known) continue;
    if (URL_ATTRIBUTES.has(name) && !safeUrl(value, name)) continue;
    if (/^(?:width|height|span|colspan|rowspan|start|value)$/.test(name) && !/^\d{1,5}%?$/.test(value.trim())) continue;
    out.push(value === '' && /^(?:checked|disabled|open|reversed)$/.test(name) ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`);
  }
  // A checkbox only shows a state (a task list's); radio inputs switch content tabs, so they stay usable.
  if (tag === 'input' && attributes.get('type')?.toLowerCase() === 'checkbox' && !attributes.has('disabled')) out.push(' disabled');
  return out.join('');
}

/**
 * The kept part of `html`, as well-formed HTML. Text outside tags is escaped (entities it holds are kept
 * as entities), comments and declarations go, and end tags without a start are dropped.
 */
export function sanitizeHtml(html: string): string {
  const out: string[] = [];
  const open: string[] = [];
  let i = 0;
  const n = html.length;
  const text = (chunk: string) => {
    if (chunk) out.push(escapeText(chunk.includes('&') ? decodeHTML(chunk) : chunk));
  };
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      text(html.slice(i));
      break;
    }
    text(html.slice(i, lt));
    i = lt;
    if (html.startsWith('<!--', i)) {
      // A comment ends at the first `-->` (`<!-->` and `<!--->` end at once, as in a browser).
      const end = html.startsWith('<!-->', i) ? i + 5 : html.startsWith('<!--->', i) ? i + 6 : html.indexOf('-->', i + 4);
      i = end < 0 ? n : html.startsWith('<!-->', i) || html.startsWith('<!--->', i) ? end : end + 3;
      continue;
    }
    const tag = /^<(\/?)([a-zA-Z][^\s/>]*)/.exec(html.slice(i, i + 64));
    if (!tag) {
      if (/^<[!?]/.test(html.slice(i, i + 2)) || html.startsWith('</', i)) {
        // A declaration, a processing instruction or `</` plus junk: up to the next `>`, dropped.
        const end = html.indexOf('>', i);
        i = end < 0 ? n : end + 1;
      } else {
        out.push('&lt;');
        i++;
      }
      continue;
    }
    // The tag runs to the first `>` outside quoted attribute values.
    let j = i + tag[0].length;
    let quote = '';
    // Only a quote that starts a value (right after `=` and blanks) opens a quoted value.
    let afterEquals = false;
    for (; j < n; j++) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '>') break;
      else if (c === '=') afterEquals = true;
      else if ((c === '"' || c === "'") && afterEquals) quote = c;
      else if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r' && c !== '\f') afterEquals = false;
    }
    const inner = html.slice(i + tag[0].length, j);
    i = Math.min(j + 1, n);
    const closing = tag[1] === '/';
    const name = tag[2].toLowerCase();
    if (!closing && DROPPED_WITH_CONTENT.has(name)) {
      // Skip to the matching end tag (raw-text elements: the first end tag of that name).
      i = skipElement(html, i, name, inner);
      continue;
    }
    if (!(name in ELEMENTS)) continue;
    if (closing) {
      const at = open.lastIndexOf(name);
      if (at < 0) continue;
      while (open.length > at) out.push(`</${open.pop()}>`);
      continue;
    }
    const attributes = keptAttributes(name, inner);
    if (attributes === '\u0000') continue;
    out.push(`<${name}${attributes}>`);
    if (!VOID.has(name)) open.push(name);
  }
  while (open.length > 0) out.push(`</${open.pop()}>`);
  return out.join('');
}

/** The offset after the element `name` that starts before `from` (its start tag read up to `from`). */
function skipElement(html: string, from: number, name: string, startTag: string): number {
  if (/\/\s*$/.test(startTag) && (name === 'svg' || name === 'math')) return from; // self-closed foreign element
  const lower = html.toLowerCase();
  if (RAW_TEXT.has(name)) {
    const end = lower.indexOf(`</${name}`, from);
    if (end < 0) return html.length;
    const close = html.indexOf('>', end);
    return close < 0 ? html.length : close + 1;
  }
  // Nested elements of the same name count.
  const re = new RegExp(`<(/?)${name}(?=[\\s/>])`, 'gi');
  re.lastIndex = from;
  let depth = 1;
  for (let m = re.exec(lower); m; m = re.exec(lower)) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) {
      const close = html.indexOf('>', m.index);
      return close < 0 ? html.length : close + 1;
    }
  }
  return html.length;
}
