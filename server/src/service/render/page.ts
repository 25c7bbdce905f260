// The page as the site shows it: its Markdown rendered with the site's extensions, the chips rows of the
// tags hook, the glossary appended, and each list directive replaced by its table (or a visible note on
// why there is none), all sanitized. The preview, VS Code's Markdown preview and `ak render` draw this.
import MarkdownItCtor from 'markdown-it';
import type { MarkdownIt } from 'markdown-it';
import { type Directive, type Resolution } from '../directives';
import { tableOf, type CardTable } from '../features/card';
import { siteMeta, type LinkGraph } from '../links';
import { CARD } from '../messages';
import type { ChipsRowData, OwnTableData, TableColumnData } from '../profile';
import type { Language } from '../types';
import { pageTitle } from '../vocabulary';
import type { PageModel, Snapshot, WorkspaceIndex } from '../workspaceIndex';
import type { AkEnv, DirectiveReplacement, PageRenderData } from './env';
import { algoritmekaderMarkdownIt } from './markdownIt';
import { capitalize } from './containers';
import { escapeAttribute as escapeHtml, sanitizeHtml } from './sanitize';

export interface RenderContext {
  index: WorkspaceIndex;
  snapshot: Snapshot;
  links: LinkGraph;
  language: Language;
}

/** How links to other pages are written: to their `.md` files (the editor opens them) or to the `.html` that `ak render` writes. */
export type LinkStyle = 'md' | 'html';

export interface RenderedPage {
  path: string;
  title: string;
  /** The page's HTML (sanitized): an `h1` with the title unless the page has its own, then the body. */
  html: string;
  /** What VS Code's Markdown preview needs to draw the page the same way. */
  data: PageRenderData;
}


const dirname = (path: string) => path.slice(0, Math.max(0, path.lastIndexOf('/')));

/** `to` relative to the folder `fromDir` (both root-relative, POSIX). */
function relativePath(fromDir: string, to: string): string {
  const from = fromDir ? fromDir.split('/') : [];
  const parts = to.split('/');
  let common = 0;
  while (common < from.length && common < parts.length - 1 && from[common] === parts[common]) common++;
  return [...Array<string>(from.length - common).fill('..'), ...parts.slice(common)].join('/') || '.';
}

/** A page's href from `page` to the root-relative `target` (with `#anchor`), in the link style. */
function hrefTo(page: string, target: string, style: LinkStyle): string {
  const hash = target.indexOf('#');
  const path = hash < 0 ? target : target.slice(0, hash);
  const anchor = hash < 0 ? '' : target.slice(hash);
  const file = style === 'html' && path.endsWith('.md') ? path.slice(0, -3) + '.html' : path;
  return (path === page ? '' : relativePath(dirname(page), file)) + anchor;
}

/** The chips rows of the tags hook, as the Markdown it puts in place of each comment. */
function chipsOf(ctx: RenderContext, page: PageModel, rows: readonly ChipsRowData[]): PageRenderData['chips'] {
  const profile = ctx.snapshot.profile!;
  const meta = siteMeta(page);
  const docs = profile.docsDir + '/';
  const files = ctx.snapshot.fileSet;
  /** The hook's `_resolve_path`: a link relative to the page, or empty when the site has no such file. */
  const link = (target: string): string => {
    const [file, anchor] = target.split('#', 2) as [string, string | undefined];
    if (!files.has(docs + file)) return '';
    return hrefTo(page.path, docs + file + (anchor ? `#${anchor}` : ''), 'md');
  };
  return rows.map((row) => {
    const chips: string[] = [];
    for (const chip of row.chips) {
      const field = meta[chip.key];
      const values: unknown[] = typeof field === 'string' ? (row.stringValue === 'characters' ? [...field] : [field]) : Array.isArray(field) ? field : [];
      for (const raw of values) {
        if (raw === null || typeof raw === 'object' || raw === undefined) continue;
        const value = String(raw);
        if (row.skip?.includes(value)) continue;
        let text = chip.text === 'last6' ? value.slice(-6) : capitalize(value).replace(/-/g, ' ');
        for (const [from, to] of chip.replace ?? []) text = text.split(from).join(to);
        const target = chip.linkByValue?.[value] ?? chip.link;
        const href = target === undefined ? undefined : link(target.replace(/\{value\}/g, value));
        const iconTarget = row.iconLinks ? (chip.iconLinkByValue?.[value] ?? chip.iconLink) : undefined;
        const icon = iconTarget !== undefined ? `[:${chip.icon}:](${link(iconTarget)} '${chip.iconTitle ?? ''}')` : `:${chip.icon}:`;
        const known = href === undefined || href !== '';
        chips.push(
          `<span class="mdx-badge${known ? '' : ' ak-unknown'}" data-md-color-accent="${escapeHtml(chip.color)}" data-chip="${escapeHtml(chip.key)}">` +
            `<span class="mdx-badge__icon" data-icon="${escapeHtml(chip.icon)}">${icon}</span>` +
            `<span class="mdx-badge__text">${href === undefined ? text : `[${text}](${href})`}</span></span>`,
        );
      }
    }
    let markdown = chips.join('');
    if (row.lead) {
      const key = meta[row.lead.key];
      markdown = typeof key === 'string' && key.startsWith(row.lead.prefix) ? row.lead.matched + markdown : row.lead.otherwise;
    }
    // Markdown with HTML in it (the hook's spans, the lead's link with its onclick, values as written): its HTML
    // made safe here already, for VS Code's preview, which renders this Markdown itself (Markdown syntax and
    // text pass the sanitizer unchanged, entities aside).
    return { comment: row.comment, markdown: sanitizeHtml(markdown) };
  });
}

/** The glossary terms' definitions in `lists.py`'s reading (`*[TERM]: definition`, upper-cased term, no final period). */
function lawNames(appended: string): Map<string, string> {
  const names = new Map<string, string>();
  for (const m of appended.matchAll(/\*\[([^\]]+)\]:\s*(.+)/g)) names.set(m[1].trim().toUpperCase(), m[2].trim().replace(/\.+$/, ''));
  return names;
}

function cellHtml(ctx: RenderContext, page: PageModel, style: LinkStyle, column: TableColumnData, values: string[], listed: string, glossary: () => Map<string, string>): string {
  const show = column.show ?? (column.value === 'title' ? 'link' : 'text');
  if (show === 'link') return values.map((v) => `<a href="${escapeHtml(hrefTo(page.path, listed, style))}">${escapeHtml(v)}</a>`).join(', ');
  if (show === 'chips') {
    const vocabulary = ctx.snapshot.vocabularies.get(column.value);
    return values
      .map((v) => {
        const target = vocabulary?.values.get(v)?.path;
        const text = `<span class="mdx-badge__text">${escapeHtml(v)}</span>`;
        return target ? `<a class="mdx-badge" href="${escapeHtml(hrefTo(page.path, target, style))}">${text}</a>` : `<span class="mdx-badge ak-unknown">${text}</span>`;
      })
      .join(' ');
  }
  if (show === 'law') {
    return values
      .map((code) => {
        const name = glossary().get(code);
        if (name === undefined) return escapeHtml(code);
        return column.keep?.includes(code) ? `<abbr title="${escapeHtml(name)}">${escapeHtml(code)}</abbr>` : escapeHtml(name);
      })
      .join('');
  }
  return escapeHtml(values.join(', '));
}

/** Python's `repr()` of a YAML value (strings quoted), for what `str()` of a list or mapping shows inside it. */
function pyRepr(value: unknown, depth = 0): string {
  if (typeof value === 'string') return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (depth > 20) return '...';
  if (Array.isArray(value)) return `[${value.map((v) => pyRepr(v, depth + 1)).join(', ')}]`;
  if (value !== null && typeof value === 'object') return `{${Object.keys(value).map((k) => `${pyRepr(k)}: ${pyRepr((value as Record<string, unknown>)[k], depth + 1)}`).join(', ')}}`;
  return pyStr(value);
}

/** Python's `str()` of a YAML value, as the hooks write one into the page (a mapping has no prototype here: no String()). */
function pyStr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (typeof value === 'object') return pyRepr(value);
  return String(value);
}

const note = (text: string) => `<p class="ak-note">${escapeHtml(text)}</p>`;

/** A generic list's table, from the card's table model. */
function listHtml(ctx: RenderContext, page: PageModel, style: LinkStyle, table: CardTable, glossary: () => Map<string, string>): string {
  const attrs = `data-list="${escapeHtml(table.name)}" data-state="${table.state}"`;
  if (table.state !== 'table' && table.state !== 'empty') return `<div class="ak-list" ${attrs}>${note(table.note)}</div>`;
  const head = table.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const rows = table.rows.map((row) => `<tr>${row.cells.map((values, i) => `<td>${cellHtml(ctx, page, style, table.columns[i], values, row.page.path, glossary)}</td>`).join('')}</tr>`).join('');
  return `<div class="ak-list" ${attrs}><table ${attrs}><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>${table.state === 'empty' ? note(table.note) : ''}</div>`;
}

/** An own list's table (a measure's requirements, a tool's measures), as the site's hook writes it. */
function ownListHtml(ctx: RenderContext, page: PageModel, style: LinkStyle, directive: Directive, resolution: Resolution, data: OwnTableData): string {
  const attrs = `data-list="${escapeHtml(directive.name)}" data-state="table"`;
  const meta = siteMeta(page);
  const target = directive.target;
  const stems = ctx.links.stems(target);
  const cell = (path: string, what: string): string => {
    const listedMeta = siteMeta(ctx.index.page(path));
    const listed = ctx.index.page(path);
    const title = (listed && pageTitle(listed)) || path.slice(path.lastIndexOf('/') + 1, -3);
    const id = typeof listedMeta.id === 'string' ? listedMeta.id.slice(14) : '';
    const value = listedMeta[what];
    const text = what === 'title' ? title : what === 'id' ? id : Array.isArray(value) ? value.map(pyStr).join(', ') : value === undefined || value === null ? '' : pyStr(value);
    const href = escapeHtml(hrefTo(page.path, path, style));
    return what === 'title' || what === 'id' ? `<td><a href="${href}">${escapeHtml(text)}</a></td>` : `<td>${escapeHtml(text)}</td>`;
  };
  let rows: string[];
  if (data.order === 'written') {
    const value = meta[directive.ownKey ?? ''];
    const names: unknown[] = Array.isArray(value) ? value : typeof value === 'string' ? [...value] : [];
    if (names.length === 0 && data.empty !== undefined) return `<div class="ak-list" data-list="${escapeHtml(directive.name)}" data-state="empty"><p>${escapeHtml(data.empty)}</p></div>`;
    rows = names.map((name) => {
      const path = typeof name === 'string' ? stems.get(name)?.[0] : undefined;
      return path ? `<tr>${data.cells.map((c) => cell(path, c)).join('')}</tr>` : `<tr class="ak-unknown"><td>${escapeHtml(pyStr(name))}</td></tr>`;
    });
  } else rows = resolution.paths.map((path) => `<tr>${data.cells.map((c) => cell(path, c)).join('')}</tr>`);
  const head = data.headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  return `<div class="ak-list" ${attrs}><table ${attrs}><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/** Everything beyond the page's text that the site uses to draw it. */
export function pageRenderData(ctx: RenderContext, page: PageModel, style: LinkStyle = 'md'): PageRenderData {
  const profile = ctx.snapshot.profile;
  const render = profile?.render;
  const siteSeesMeta = page.frontmatter?.siteData !== undefined;
  const bodyLine = siteSeesMeta ? page.lines.positionAt(page.bodyStart).line : 0;
  const appended = (render?.append ?? []).map((file) => ctx.index.page(file)?.text ?? '').filter((t) => t !== '').join('\n');
  let names: Map<string, string> | undefined;
  const glossary = () => (names ??= lawNames(appended));

  const directives: DirectiveReplacement[] = [];
  const at = (start: number, end: number, html: string) => {
    const { line, character } = page.lines.positionAt(start);
    directives.push({ source: page.text.slice(start, end), line, character, html: sanitizeHtml(html) });
  };
  const resolved = [...ctx.links.resolve(page.path)].sort(([a], [b]) => a.start - b.start);
  for (const [directive, resolution] of resolved) {
    const own = directive.kind === 'own' ? render?.ownTables?.[directive.name] : undefined;
    const html =
      own && resolution.expanded && !resolution.raises && !resolution.droppedBy
        ? ownListHtml(ctx, page, style, directive, resolution, own)
        : listHtml(ctx, page, style, tableOf(ctx.index, ctx.snapshot, page, directive, resolution, ctx.language), glossary);
    at(directive.start, directive.end, html);
  }
  // Comments that look like directives but that the site leaves alone: say so where they stand.
  for (const miss of ctx.links.scan(page.path).nearMisses) {
    if (miss.reason === 'in-code' || /[\r\n]/.test(page.text.slice(miss.start, miss.end))) continue;
    at(miss.start, miss.end, `<div class="ak-list" data-list="${escapeHtml(miss.written)}" data-state="not-expanded">${note(CARD.notExpanded[ctx.language])}</div>`);
  }
  directives.sort((a, b) => a.line - b.line || a.character - b.character);

  return {
    path: page.path,
    title: pageTitle(page) || page.stem,
    bodyLine,
    chips: render?.chips && profile ? chipsOf(ctx, page, render.chips) : [],
    directives,
    appended,
  };
}

/** A markdown-it with the site's extensions; `style` decides how links to pages are written. */
export function createPageRenderer(style: LinkStyle, lineAttributes: boolean): MarkdownIt {
  const md = new MarkdownItCtor({ html: true, linkify: false, typographer: false });
  return algoritmekaderMarkdownIt(md, {
    lineAttributes,
    // A relative link to a Markdown page: to the HTML file `ak render` writes beside it.
    link: (href) => ({ href: style !== 'html' || /^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(href) ? href : href.replace(/\.md(?=$|#)/, '.html') }),
  });
}

/** Renders a page with `md` (from createPageRenderer) and its data; the result is sanitized. */
export function renderPage(md: MarkdownIt, page: PageModel, data: PageRenderData): RenderedPage {
  const env: AkEnv & Record<string | symbol, unknown> = { ak: data };
  const body = md.render(page.text, env);
  // The site's theme shows the title as the page's h1 when the page has none of its own.
  const heading = /<h1[\s>]/i.test(body) ? '' : `<h1 class="ak-title">${escapeHtml(data.title)}</h1>\n`;
  return { path: page.path, title: data.title, html: sanitizeHtml(heading + body), data };
}
