// The preview's webview script (a browser bundle, dist/preview/preview.js): draws the card the extension
// posts. Everything from the page is set as text, never as HTML. Links ask the extension to open a page.
import type { CardPage } from '../../../server/src/service/features/card';
import type { CardResponse } from '../../../server/src/protocol';

declare function acquireVsCodeApi(): { postMessage(message: unknown): void };
const vscode = acquireVsCodeApi();
const root = document.getElementById('card')!;

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
    el('h1', null, card.title),
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

window.addEventListener('message', (event: MessageEvent<{ type: string; response: CardResponse | null; empty?: string }>) => {
  if (event.data?.type !== 'card') return;
  draw(event.data.response, event.data.empty ?? '');
  // Said once the card is on screen (the next frame), for whoever waits for the preview to show it.
  requestAnimationFrame(() => vscode.postMessage({ type: 'drawn' }));
});
vscode.postMessage({ type: 'ready' });
