// Requests of our own between the extension and the language server, beyond LSP. The client imports
// this module for its names and types only.
import type { CardStrings, CoverageTreeNode, IdCode, NewPageRequest, PageCard } from './service';

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
