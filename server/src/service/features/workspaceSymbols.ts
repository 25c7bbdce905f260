// Workspace symbols (Ctrl+T): every content page by its id code (`aia-14`), its stem and the words of its title.
// The editor ranks what it gets by its own fuzzy match on the name, so the name leads with the id code.
import { findEntry } from '../frontmatter';
import type { Language, Range } from '../types';
import type { Snapshot, WorkspaceIndex } from '../workspaceIndex';
import type { PageSummary } from './summaries';

export interface AkSymbol {
  /** `aia-14 Conformiteitsbeoordeling`, or the title (or stem) alone for a page without an id. */
  name: string;
  /** The page type's label and the stem. */
  container: string;
  type: string;
  path: string;
  /** The title's value in the frontmatter, else the file's start. */
  range: Range;
}

/** How many symbols a query returns at most (the editor shows the best of them). */
const LIMIT = 500;

/** Whether every word of the query occurs in `text`, as a substring or as letters in order within one word of it. */
function matches(words: string[], text: string): boolean {
  return words.every((word) => text.includes(word) || text.split(/[\s/-]+/).some((part) => inOrder(word, part)));
}

function inOrder(word: string, part: string): boolean {
  let i = 0;
  for (const c of part) if (c === word[i]) i++;
  return i === word.length;
}

export function workspaceSymbols(index: WorkspaceIndex, snapshot: Snapshot, summaries: readonly PageSummary[], query: string, language: Language): AkSymbol[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const out: AkSymbol[] = [];
  for (const page of summaries) {
    const text = `${page.code ?? ''} ${page.stem} ${page.title ?? ''}`.toLowerCase();
    if (words.length && !matches(words, text)) continue;
    const label = snapshot.profile?.pageTypes.find((t) => t.type === page.type)?.label[language] ?? page.type;
    const model = index.page(page.path);
    const title = model?.frontmatter ? findEntry(model.frontmatter.entries, 'title') : undefined;
    out.push({
      name: [page.code, page.title ?? page.stem].filter(Boolean).join(' '),
      container: `${label} · ${page.stem}`,
      type: page.type,
      path: page.path,
      range: title ? title.value.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    });
    if (out.length >= LIMIT) break;
  }
  return out;
}
