// Page text inside Markdown that the service writes (hovers, completion documentation, `ak render`): pages
// are untrusted input, so what an author wrote is shown as the text it is, never as Markdown or HTML.
// A title `Zie ![](https://tracker/p.png)` must not fetch an image on hover, a toelichting
// `[klik](command:...)` must not become a link, `<b>` stays visible as `<b>`.
//
// CommonMark lets a backslash escape any ASCII punctuation, so the escapes below are always read as the
// character itself. Only what can start markup is escaped, so that `ak render`'s output stays readable as
// plain text: `\`, backticks, `*`, `[`, `]`, `<` (HTML, autolinks), `~` (strikethrough), an entity
// (`&amp;`), `_` where it can open or close emphasis (not inside a word, as in file names), and at the
// start of the text what would make it a heading, list, quote, rule or numbered list. Line breaks and
// other white space runs become one space (a line break could start a block), control characters are
// shown as `\uXXXX` (they are invisible, and a terminal would act on them).
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
const INLINE = /[\\`*[\]<~]|&(?=#?[A-Za-z0-9]+;)|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu;
const BLOCK_START = /^(?:[#>+=-]|\d+(?=[.)]))/;

/** `\u001b` for ESC: a control character made visible. */
export const visibleControl = (c: string): string => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** `text` as Markdown that renders as exactly that text (white space runs as one space), on one line. */
export function markdownText(text: string): string {
  const flat = text.replace(/[\t\n\r\u2028\u2029\u0085 ]+/g, ' ');
  return flat
    .replace(INLINE, '\\$&')
    .replace(CONTROL, visibleControl)
    .replace(BLOCK_START, (m) => (/\d/.test(m) ? `${m}\\` : `\\${m}`));
}

/** `text` as a code span: fenced with more backticks than it holds in a row, on one line. */
export function markdownCode(text: string): string {
  const flat = text.replace(/[\t\n\r\u2028\u2029\u0085]+/g, ' ').replace(CONTROL, visibleControl);
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || (flat.startsWith(' ') && flat.endsWith(' ') && flat.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

/** A link destination that ends where it should: characters that would end or break it percent-encoded. */
function markdownLinkTarget(uri: string): string {
  return uri.replace(/[\s()<>\\`[\]]/g, (c) => encodeURIComponent(c).replace(/[()]/g, (p) => `%${p.charCodeAt(0).toString(16).toUpperCase()}`));
}

/** A link to `uri` whose text is `text`, both made safe as above. */
export function markdownLink(text: string, uri: string): string {
  return `[${markdownText(text)}](${markdownLinkTarget(uri)})`;
}
