// Requests of our own between the extension and the language server, beyond LSP. The client imports
// this module for its names and types only.
import type { CardStrings, CoverageTreeNode, IdCode, NewPageRequest, PageCard, PageRenderData } from './service';

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

/**
 * What the client hands the server in `initialize` (`initializationOptions`). `trusted`: whether the workspace is
 * trusted (VS Code's workspace trust; absent means trusted). `content`: for the workspace folders the server
 * cannot read itself (the web, a virtual workspace), every Markdown file, the config file and the site's list hook,
 * by the folder's URI and then the root-relative path (`null`: looked for, not there); the server asks for other
 * files when it needs them (READ_FILES_REQUEST).
 */
export interface InitializationOptions {
  trusted?: boolean;
  content?: Record<string, Record<string, string | null>>;
}

/** The client tells the server that files of a folder it handed over changed: their text, or `null` for a deleted file or folder. */
export const CONTENT_NOTIFICATION = 'algoritmekader/didChangeContent';

export interface ContentParams {
  /** The workspace folder's URI, as in `initializationOptions.content`. */
  folder: string;
  files: Record<string, string | null>;
}

/** The server asks for files of a handed-over folder that it was not given (a schema file the config names): text, or `null` when there is none. */
export const READ_FILES_REQUEST = 'algoritmekader/readFiles';

export interface ReadFilesParams {
  folder: string;
  paths: string[];
}

export type ReadFilesResponse = Record<string, string | null>;

/** The workspace became trusted (VS Code asks no restart for that): the server uses the workspace's own schemas from now on. */
export const TRUST_NOTIFICATION = 'algoritmekader/didChangeTrust';

export interface TrustParams {
  trusted: boolean;
}

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
/** The profile in use in the content root of `uri` (a file or the folder) and why: the status bar. */
export const STATUS_REQUEST = 'algoritmekader/status';

export interface StatusParams {
  uri: string;
}

export type StatusResponse = { name: string | undefined; source: string; text: string };

/** The coverage view of the content root of `uri` (a file or the folder); `uris`: of every path it names. */
export const COVERAGE_REQUEST = 'algoritmekader/coverage';

export interface CoverageParams {
  uri: string;
}

export interface CoverageResponse {
  /** The profile in use and why (the view's description and tooltip). */
  status: { name: string | undefined; text: string };
  tree: CoverageTreeNode[];
  uris: Record<string, string>;
}

/** The client's `algoritmekader.inlayHints` setting changed: the server asks the editor for the hints again. */
export const INLAY_HINTS_CHANGED = 'algoritmekader/inlayHintsChanged';

/** The client command a code lens runs: `(uri, position, locations)` in LSP types, shown in a peek. */
export const PEEK_COMMAND = 'algoritmekader.peekLocations';
