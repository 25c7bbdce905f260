// The glossary in the editor: hover on a term in a page's text shows its definition, as the site's tooltip
// does; the glossary file itself reports the definitions the site ignores. The model is ../glossary.ts.
import { glossaryProblems, glossaryTermAt, type Glossary } from '../glossary';
import { findCodeRanges, isInCode } from '../markdown';
import { GLOSSARY, RELATED } from '../messages';
import type { Language } from '../types';
import type { PageModel } from '../workspaceIndex';
import type { DiagnosticBuilder } from './diagnostics';
import type { AkHover } from './hover';
import { markdownLink, markdownText } from '../markdownEscape';

/**
 * The definition of the glossary term at `offset` of a page the site builds (the glossary is appended to each),
 * in its text: not in the frontmatter, code or an HTML comment, where the site marks no term.
 */
export function hoverGlossary(glossary: Glossary, glossaryPath: string, page: PageModel, offset: number, language: Language, uri: (path: string) => string): AkHover | undefined {
  if (offset < page.bodyStart) return undefined;
  const { line } = page.lines.positionAt(offset);
  const found = glossaryTermAt(glossary, page.text, page.lines.lineStart(line), page.lines.lineEnd(line), offset);
  if (!found || found.start < page.bodyStart) return undefined;
  if (isInCode(findCodeRanges(page.text, page.bodyStart), found.start) || inComment(page.text, found.start)) return undefined;
  const { entry } = found;
  const link = `${uri(glossaryPath)}#L${entry.line + 1}`;
  return {
    contents: `**${markdownText(entry.term)}**: ${markdownText(entry.definition)}\n\n${GLOSSARY.source[language]}: ${markdownLink(`${glossaryPath}:${entry.line + 1}`, link)}`,
    range: page.lines.range(found.start, found.end),
  };
}

/** Whether `offset` is inside an HTML comment (`<!-- … -->`), which the site passes through untouched. */
function inComment(text: string, offset: number): boolean {
  const open = text.lastIndexOf('<!--', offset);
  return open >= 0 && text.indexOf('-->', open + 4) >= offset;
}

/** The glossary's definitions that the site ignores, on the glossary file. */
export function glossaryDiagnostics(glossary: Glossary, out: DiagnosticBuilder, path: string): void {
  for (const problem of glossaryProblems(glossary)) {
    const { entry } = problem;
    if (problem.kind === 'empty') {
      out.add('glossary.empty-definition', entry.lineRange, { term: entry.term });
    } else {
      const { later } = problem;
      out.add(
        'glossary.duplicate-term',
        entry.termRange,
        { term: entry.term, line: later.line, same: later.definition === entry.definition },
        { related: [{ path, range: later.termRange, message: RELATED.sameTerm[out.language] }] },
      );
    }
  }
}
