// Requests of our own between the extension and the language server, beyond LSP. The client imports
// this module for its names and types only.
import type { CardStrings, IdCode, NewPageRequest, PageCard, PageRenderData } from './service';

/** The preview card of a document: `algoritmekader/card`, answered `null` outside a content root. */
export const CARD_REQUEST = 'algoritmekader/card';

export interface CardParams {
  uri: string;
}

export interface CardResponse {
  card: PageCard;
  /** The headings and words the preview draws around the card, in the language in use. */
  strings: CardStrings;
  /** The card's summary line (`2 errors, 0 warnings, 1 hint`) and the panel's title. */
  summary: string;
  title: string;
  /** The URI of every root-relative path the card names, so the preview can open it. */
  uris: Record<string, string>;
}

/** The page types of the content root that holds `uri` (a file or the folder), for the new-page command. */
export const PAGE_TYPES_REQUEST = 'algoritmekader/pageTypes';

export interface PageTypesParams {
  uri: string;
}

export interface PageTypesResponse {
  /** The content root's folder. */
  root: string;
  types: { type: string; label: string; folder: string; codes: IdCode[]; hasIds: boolean }[];
}

/** A new page's URI and text (nothing is written: the client creates the file), or why it cannot be made. */
export const NEW_PAGE_REQUEST = 'algoritmekader/newPage';

export interface NewPageParams extends NewPageRequest {
  /** A file or folder in the content root. */
  uri: string;
}

export type NewPageResponse = { uri: string; text: string } | { error: string };

/** The page as the site shows it, for the preview: `algoritmekader/render`, answered `null` outside a content root. */
export const RENDER_REQUEST = 'algoritmekader/render';

export interface RenderParams {
  uri: string;
}

export interface RenderResponse {
  /** Sanitized HTML of the page: title, chips, body, tables; block elements carry `data-line` (0-based source line). */
  html: string;
  title: string;
  /** The URI of the page itself: relative links in `html` are relative to it. */
  uri: string;
}

/**
 * What VS Code's own Markdown preview needs to draw a page as the site does (chips, tables, glossary):
 * `algoritmekader/renderData`, answered `null` for a file that is not a page of a content root.
 */
export const RENDER_DATA_REQUEST = 'algoritmekader/renderData';

export interface RenderDataParams {
  uri: string;
}

export type RenderDataResponse = PageRenderData | null;
