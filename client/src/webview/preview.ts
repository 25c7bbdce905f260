// The preview's webview script (a browser bundle, dist/preview/preview.js): draws the page as the site shows
// it and the inspector (the card) the extension posts. The page's HTML comes sanitized from the server (and
// the content security policy lets only this script run); everything in the inspector is set as text.
// Links ask the extension to open a page; the page scrolls with the editor both ways (`data-line`).
import type { CardPage } from '../../../server/src/service/features/card';
import type { CardResponse } from '../../../server/src/protocol';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void; getState(): unknown; setState(state: unknown): void };
const vscode = acquireVsCodeApi();
const root = document.getElementById('card')!;
const pageRoot = document.getElementById('page')!;
const inspector = document.getElementById('inspector') as HTMLDetailsElement;
const summary = document.getElementById('summary')!;

type Child = Node | string | null | undefined | false;

function el(tag: string, className: string | null, ...children: Child[]): HTMLElement {
  const node = document.createElement(tag);
  if (className) node.className = className;
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

function link(text: string, uri: string | undefined): HTMLElement {
  if (!uri) return el('span', null, text);
  const a = el('a', null, text) as HTMLAnchorElement;
  a.href = '#';
  a.title = uri;
  a.addEventListener('click', (event) => {
    event.preventDefault();
    vscode.postMessage({ type: 'open', uri });
  });
  return a;
}

function section(title: string, ...content: Child[]): HTMLElement {
  return el('section', null, el('h2', null, title), ...content);
}

function draw(response: CardResponse | null, empty: string): void {
  root.replaceChildren();
  if (!response) {
    root.append(el('p', 'muted', empty));
    return;
  }
  const { card, strings: t, uris } = response;
  const page = (p: CardPage) => link(p.title, uris[p.path]);
  root.append(
    ...[
    el('p', 'card-title', card.title),
    el('p', 'meta', [card.pageType?.label ?? t.noType, card.id].filter(Boolean).join(' · ')),
    el('p', card.problems.errors > 0 ? 'problems errors' : 'problems', response.summary),
    card.findings.length > 0
      ? el(
          'ul',
          'findings',
          ...card.findings.map((f) => {
            const at = el('a', null, `${t.line} ${f.line + 1}`) as HTMLAnchorElement;
            at.href = '#';
            at.addEventListener('click', (event) => {
              event.preventDefault();
              vscode.postMessage({ type: 'reveal', uri: uris[card.path], line: f.line, character: f.character });
            });
            return el('li', f.severity, at, ` ${f.message} `, el('code', 'muted', f.code));
          }),
        )
      : null,
    card.toelichting ? el('p', 'toelichting', card.toelichting) : null,
    ].filter((node): node is HTMLElement => node !== null),
  );
  if (card.labels.length > 0) {
    root.append(
      section(
        t.labels,
        el(
          'dl',
          null,
          ...card.labels.flatMap((label) => [
            el('dt', null, label.key),
            el(
              'dd',
              null,
              ...label.values.map((v) =>
                el('span', v.known ? 'chip' : 'chip unknown', v.path ? link(v.value, uris[v.path]) : v.value, v.known ? null : ` (${t.unknownValue})`),
              ),
            ),
          ]),
        ),
      ),
    );
  }
  if (card.references.length > 0) {
    root.append(
      section(
        t.references,
        el('ul', null, ...card.references.flatMap((r) => r.items.map((item) => el('li', item.page ? null : 'unknown', `${r.key}: `, item.page ? page(item.page) : `${item.value} (${t.missing})`)))),
      ),
    );
  }
  if (card.tables.length > 0) {
    root.append(
      section(
        t.tables,
        ...card.tables.map((table) =>
          el(
            'div',
            `list ${table.state}`,
            el('h3', null, `${t.line} ${table.line + 1}: `, el('code', null, table.source)),
            el('p', 'note', table.note),
            table.rows.length > 0 &&
              el(
                'table',
                null,
                el('thead', null, el('tr', null, ...table.headers.map((h) => el('th', null, h)))),
                el(
                  'tbody',
                  null,
                  ...table.rows.map((row) =>
                    el(
                      'tr',
                      null,
                      ...row.cells.map((values, i) =>
                        el('td', null, table.headers[i] && values.length === 1 && values[0] === row.page.title ? page(row.page) : values.join(', ')),
                      ),
                    ),
                  ),
                ),
              ),
          ),
        ),
      ),
    );
  }
  if (card.namedBy.length > 0) root.append(section(t.namedBy, el('ul', null, ...card.namedBy.map(({ page: p, key }) => el('li', null, `${key}: `, page(p))))));
  if (card.listedOn.length > 0) root.append(section(t.listedOn, el('ul', null, ...card.listedOn.map((p) => el('li', null, page(p))))));
}

// --- The rendered page -------------------------------------------------------------------------------

/** The block elements with their source lines, in page order. */
function lineElements(): { line: number; element: HTMLElement }[] {
  return [...pageRoot.querySelectorAll<HTMLElement>('[data-line]')].map((element) => ({ line: Number(element.dataset.line), element }));
}

const top = (element: HTMLElement) => element.getBoundingClientRect().top + window.scrollY;

/** Scrolls so that source line `line` is at the top, between the elements around it as VS Code's preview does. */
function scrollToLine(line: number): void {
  const elements = lineElements();
  if (elements.length === 0) return;
  let before = elements[0];
  let after: typeof before | undefined;
  for (const entry of elements) {
    if (entry.line <= line) before = entry;
    else {
      after = entry;
      break;
    }
  }
  let y = top(before.element);
  if (after && after.line > before.line && line > before.line) y += ((line - before.line) / (after.line - before.line)) * (top(after.element) - y);
  programmaticScroll = true;
  window.scrollTo(0, Math.max(0, y - 8));
}

/** The source line at the top of the view, for the editor. */
function lineAtTop(): number | undefined {
  const elements = lineElements();
  const y = window.scrollY + 8;
  let before: (typeof elements)[number] | undefined;
  let after: (typeof elements)[number] | undefined;
  for (const entry of elements) {
    if (top(entry.element) <= y) before = entry;
    else {
      after = entry;
      break;
    }
  }
  if (!before) return elements[0]?.line;
  if (!after) return before.line;
  const from = top(before.element);
  const to = top(after.element);
  return before.line + (to > from ? ((y - from) / (to - from)) * (after.line - before.line) : 0);
}

/** Whether source line `line` is drawn inside the view. */
function lineVisible(line: number): boolean {
  const element = lineElements().filter((e) => e.line <= line).pop()?.element;
  if (!element) return true;
  const box = element.getBoundingClientRect();
  return box.bottom > 0 && box.top < window.innerHeight;
}

let programmaticScroll = false;
let scrollTimer: ReturnType<typeof setTimeout> | undefined;
window.addEventListener('scroll', () => {
  if (programmaticScroll) {
    programmaticScroll = false;
    return;
  }
  clearTimeout(scrollTimer);
  scrollTimer = setTimeout(() => {
    const line = lineAtTop();
    if (line !== undefined) vscode.postMessage({ type: 'scrolled', line });
  }, 50);
});

// Links in the page: an anchor scrolls here, anything else goes to the extension (pages open in the editor).
pageRoot.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest('a');
  if (!link || !pageRoot.contains(link)) return;
  const href = link.getAttribute('href');
  event.preventDefault();
  if (!href) return;
  if (href.startsWith('#')) {
    document.getElementById(decodeURIComponent(href.slice(1)))?.scrollIntoView();
    return;
  }
  vscode.postMessage({ type: 'link', href });
});

// The inspector stays open or closed across redraws and reloads of the panel.
const saved = vscode.getState() as { inspectorOpen?: boolean } | undefined;
if (saved?.inspectorOpen === false) inspector.open = false;
inspector.addEventListener('toggle', () => vscode.setState({ inspectorOpen: inspector.open }));

interface Draw {
  type: 'draw';
  response: CardResponse | null;
  page: { html: string; title: string } | null;
  empty: string;
  strings: { inspector: string };
  /** A page newly followed: start where the editor is (`line`), not where the last page was. */
  moved: boolean;
  /** The line to show: where the editor is, or the line just edited. */
  line?: number;
}

function drawAll(message: Draw): void {
  const scrollY = window.scrollY;
  draw(message.response, message.empty);
  summary.textContent = message.response ? `${message.strings.inspector} · ${message.response.summary}` : message.strings.inspector;
  summary.className = message.response && message.response.card.problems.errors > 0 ? 'errors' : '';
  // Set as HTML: sanitized by the server, and no script in it could run under this page's policy.
  pageRoot.innerHTML = message.page?.html ?? '';
  if (message.moved) {
    if (message.line !== undefined) scrollToLine(message.line);
    else window.scrollTo(0, 0);
  } else {
    programmaticScroll = true;
    window.scrollTo(0, scrollY);
    if (message.line !== undefined && !lineVisible(message.line)) scrollToLine(message.line);
  }
  vscode.postMessage({
    type: 'drawn',
    summary: {
      title: pageRoot.querySelector('h1')?.textContent ?? '',
      headings: [...pageRoot.querySelectorAll('h2, h3')].map((h) => h.textContent ?? ''),
      lists: [...pageRoot.querySelectorAll<HTMLElement>('div.ak-list')].map((list) => ({
        name: list.dataset.list ?? '',
        state: list.dataset.state ?? '',
        rows: list.querySelectorAll('tbody tr').length,
      })),
      chips: [...pageRoot.querySelectorAll('[data-chip] .mdx-badge__text')].map((c) => c.textContent ?? ''),
      inspectorOpen: inspector.open,
      scrollY: window.scrollY,
    },
  });
}

window.addEventListener('message', (event: MessageEvent<Draw | { type: 'scroll'; line: number }>) => {
  const message = event.data;
  if (message?.type === 'draw') drawAll(message);
  else if (message?.type === 'scroll') {
    scrollToLine(message.line);
    // Where the editor's scroll brought the page (the editor tests wait for it).
    vscode.postMessage({ type: 'position', line: lineAtTop() ?? 0, scrollY: window.scrollY });
  }
});
vscode.postMessage({ type: 'ready' });
