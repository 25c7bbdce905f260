// The renderer's requests: the page as the site shows it for the preview, and the data VS Code's own
// Markdown preview needs to draw it the same way. Each finds the document's service and asks it.
import type { Connection } from 'vscode-languageserver';
import { RENDER_DATA_REQUEST, RENDER_REQUEST, type RenderDataParams, type RenderDataResponse, type RenderParams, type RenderResponse } from './protocol';
import type { LanguageService } from './service';

/** The service and root-relative path of a document, or undefined outside every content root. */
export type Locate = (uri: string) => { service: LanguageService; path: string } | undefined;

export function registerRenderHandlers(connection: Connection, locate: Locate): void {
  connection.onRequest(RENDER_REQUEST, ({ uri }: RenderParams): RenderResponse | null => {
    const place = locate(uri);
    const page = place?.service.renderPage(place.path, { links: 'md', lineAttributes: true });
    return page ? { html: page.html, title: page.title, uri } : null;
  });
  connection.onRequest(RENDER_DATA_REQUEST, ({ uri }: RenderDataParams): RenderDataResponse => {
    const place = locate(uri);
    return place?.service.renderData(place.path) ?? null;
  });
}
