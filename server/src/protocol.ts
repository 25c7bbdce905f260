// Requests of our own between the extension and the language server, beyond LSP. The client imports
// this module for its names and types only.
import type { CardStrings, PageCard } from './service';

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
