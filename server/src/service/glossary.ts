// The glossary: `includes/begrippenlijst.md`, which the site appends to every page (pymdownx.snippets
// `auto_append` in mkdocs.yml). Its `*[term]: definition` lines are Python-Markdown's abbreviations: the abbr
// extension turns every occurrence of a term in a page's text into `<abbr title="definition">`, the tooltip a
// reader sees. Modelled as the extension (Markdown 3.7) does it:
// - a definition line is `*[term]: definition` (`^[*]\[(?P<abbr>[^\\]*?)\][ ]?:[ ]*\n?[ ]*(?P<title>.*)$`): an
//   empty definition on the line takes the next line of the same block instead;
// - term and definition are stripped; a term without a definition is no abbreviation at all (`if title and abbr`);
// - a later definition of the same term replaces the earlier one (a dict);
// - occurrences are found with one expression of all terms, longest first, between word boundaries
//   (Python's `\b`, Unicode-aware), case-sensitively, in text that is not code.
import { escapeRegExp, type LineIndex } from './text';
import type { Range } from './types';

/** The glossary file, relative to the content root. */
export const GLOSSARY_FILE = 'includes/begrippenlijst.md';

export interface GlossaryEntry {
  term: string;
  /** The definition as the site shows it (stripped); empty when there is none. */
  definition: string;
  /** 0-based line of the `*[`. */
  line: number;
  /** The term inside the brackets (as written, before stripping), and the whole definition line. */
  termRange: Range;
  lineRange: Range;
}

export interface Glossary {
  /** Every definition line, in file order. */
  entries: GlossaryEntry[];
  /** The definition the site uses for each term: the last one with a definition. */
  terms: Map<string, GlossaryEntry>;
  /** Finds the terms in text as the site does (global, sticky-free); undefined without terms. */
  matcher: RegExp | undefined;
}

const DEFINITION = /^\*\[([^\\]*?)\] ?: *(.*)$/;
/** Python's `\w` for str patterns, closely enough: letters, digits (any script) and the underscore. */
const WORD = '[\\p{L}\\p{N}_]';
/** Python's `\b`: between a word character and a non-word character (or the text's edge). */
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

/** Reads the glossary file; never throws. */
export function parseGlossary(text: string, lines: LineIndex): Glossary {
  const entries: GlossaryEntry[] = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    const lineText = text.slice(start, lines.lineEnd(line));
    const m = DEFINITION.exec(lineText);
    if (!m) continue;
    let definition = m[2].trim();
    // `[ ]*\n?[ ]*(?P<title>.*)$`: nothing after the colon continues on the next line of the block.
    if (definition === '' && line + 1 < lines.lineCount) {
      const next = text.slice(lines.lineStart(line + 1), lines.lineEnd(line + 1));
      if (next.trim() !== '') {
        definition = next.trim();
        line++;
      }
    }
    const termStart = start + 2;
    entries.push({
      term: m[1].trim(),
      definition,
      line: lines.positionAt(start).line,
      termRange: lines.range(termStart, termStart + m[1].length),
      lineRange: lines.range(start, start + lineText.length),
    });
  }
  const terms = new Map<string, GlossaryEntry>();
  for (const entry of entries) {
    if (!entry.term || !entry.definition) continue;
    // `*[term]: ""` removes a term defined before it (the extension's way to override a shared glossary).
    if (entry.definition === '""' || entry.definition === "''") terms.delete(entry.term);
    else terms.set(entry.term, entry);
  }
  const ordered = [...terms.keys()].sort((a, b) => b.length - a.length);
  const matcher = ordered.length ? new RegExp(`${BOUNDARY}(?:${ordered.map(escapeRegExp).join('|')})${BOUNDARY}`, 'gu') : undefined;
  return { entries, terms, matcher };
}

/** The glossary term the site marks at `offset` of `text` (searched on the offset's line), with its offsets. */
export function glossaryTermAt(glossary: Glossary, text: string, lineStart: number, lineEnd: number, offset: number): { entry: GlossaryEntry; start: number; end: number } | undefined {
  const { matcher } = glossary;
  if (!matcher) return undefined;
  matcher.lastIndex = 0;
  const line = text.slice(lineStart, lineEnd);
  for (const m of line.matchAll(matcher)) {
    const start = lineStart + m.index;
    const end = start + m[0].length;
    if (start > offset) break;
    if (offset <= end) return { entry: glossary.terms.get(m[0])!, start, end };
  }
  return undefined;
}

export type GlossaryProblem =
  /** `entry` is defined again later; the site uses `later`. */
  | { kind: 'duplicate'; entry: GlossaryEntry; later: GlossaryEntry }
  /** `entry` has no definition (or no term): the site makes no tooltip of it. */
  | { kind: 'empty'; entry: GlossaryEntry };

/** Definitions the site ignores: overridden by a later one of the same term, or without a definition. */
export function glossaryProblems(glossary: Glossary): GlossaryProblem[] {
  const problems: GlossaryProblem[] = [];
  for (const entry of glossary.entries) {
    if (!entry.term || !entry.definition) {
      problems.push({ kind: 'empty', entry });
      continue;
    }
    const used = glossary.terms.get(entry.term);
    if (used && used !== entry) problems.push({ kind: 'duplicate', entry, later: used });
  }
  return problems;
}
