// `uitzondering` expressions in the editor: their syntax errors and unknown labels at their place, as the site's
// script reads them (../labelExpression.ts), and completion of labels inside an expression.
import { findEntry, type FmValue } from '../frontmatter';
import { EXPRESSION_MARKS, labelSpanAt, parseLabelExpression } from '../labelExpression';
import { nearest } from '../nearest';
import type { Range } from '../types';
import type { Vocabulary } from '../vocabulary';
import type { PageModel, Snapshot } from '../workspaceIndex';
import type { AkCompletionItem } from './completion';
import { ownerKey } from './completion';
import type { DiagnosticBuilder } from './diagnostics';
import { labelOf } from './hover';

/** The vocabulary whose values may be expressions that `key` of the page takes, if any. */
function expressionVocabulary(snapshot: Snapshot, page: PageModel, key: string): Vocabulary | undefined {
  const schema = page.pageType?.schema;
  const name = schema ? labelOf(snapshot, schema, key).vocabulary : undefined;
  const vocabulary = name ? snapshot.vocabularies.get(name) : undefined;
  return vocabulary?.acceptExpressions ? vocabulary : undefined;
}

/**
 * Offsets in a scalar's value → its range in the page: exact for a plain scalar and for a quoted one without
 * escapes; otherwise (escapes change the offsets) the whole value.
 */
function rangeIn(page: PageModel, node: FmValue & { kind: 'scalar' }, value: string, start: number, end: number): Range {
  const source = node.source;
  const shift = source === value ? 0 : /^["']/.test(source) && source.slice(1, -1) === value ? 1 : undefined;
  return shift === undefined ? node.range : page.lines.range(node.start + shift + start, node.start + shift + end);
}

/** Syntax errors, single `|`/`&` and unknown labels in the page's expressions. */
export function expressionDiagnostics(snapshot: Snapshot, page: PageModel, out: DiagnosticBuilder): void {
  for (const entry of page.frontmatter?.entries ?? []) {
    if (findEntry(page.frontmatter!.entries, entry.key) !== entry) continue; // the site keeps the last
    const vocabulary = expressionVocabulary(snapshot, page, entry.key);
    if (!vocabulary || entry.value.kind !== 'seq') continue;
    const labels = [...vocabulary.values.keys()];
    for (const node of entry.value.items) {
      if (node.kind !== 'scalar' || typeof node.value !== 'string' || !EXPRESSION_MARKS.test(node.value)) continue;
      const value = node.value;
      for (const part of parseLabelExpression(value)) {
        if (part.problem) {
          const { kind, start, end, text } = part.problem;
          out.add('expression.syntax', rangeIn(page, node, value, start, end), { key: entry.key, expression: value.slice(part.start, part.end).trim(), problem: kind, token: text });
        }
        for (const token of part.tokens) {
          if (token.kind === 'bit-and' || token.kind === 'bit-or') {
            out.add('expression.single-operator', rangeIn(page, node, value, token.start, token.end), { operator: token.text });
          } else if (token.kind === 'label' && labels.length > 0 && !vocabulary.values.has(token.label!)) {
            const label = token.label!;
            const caseMatch = labels.find((l) => l.toLowerCase() === label.toLowerCase());
            out.add('expression.unknown-label', rangeIn(page, node, value, token.labelStart!, token.labelEnd!), {
              key: entry.key,
              label,
              suggestions: caseMatch ? [caseMatch] : nearest(label, labels),
              caseOnly: caseMatch !== undefined,
            });
          }
        }
      }
    }
  }
}

/**
 * Labels to complete inside an expression on the frontmatter line at `offset` (a list item of a key whose values
 * may be expressions, already written as one): the label under the cursor is replaced, quotes and operators
 * stay. Undefined anywhere else, so that the ordinary completion answers.
 */
export function completeExpression(snapshot: Snapshot, page: PageModel, offset: number): AkCompletionItem[] | undefined {
  const fm = page.frontmatter;
  if (!fm || offset < fm.contentStart || offset > fm.contentEnd) return undefined;
  const { line } = page.lines.positionAt(offset);
  const lineStart = page.lines.lineStart(line);
  const text = page.text.slice(lineStart, page.lines.lineEnd(line));
  const item = /^\s*-\s+/.exec(text);
  const key = item ? ownerKey(page, line) : undefined;
  const vocabulary = key ? expressionVocabulary(snapshot, page, key) : undefined;
  if (!item || !vocabulary || offset < lineStart + item[0].length) return undefined;
  const value = text.slice(item[0].length);
  if (!EXPRESSION_MARKS.test(value)) return undefined;
  const at = offset - lineStart - item[0].length;
  const span = labelSpanAt(value, at);
  const range = page.lines.range(lineStart + item[0].length + span.start, lineStart + item[0].length + span.end);
  return [...vocabulary.values.keys()]
    .filter((label) => !EXPRESSION_MARKS.test(label))
    .map((label) => {
      const dash = label.indexOf('-');
      const group = [...snapshot.vocabularies.keys()].filter((name) => label.startsWith(`${name}-`)).sort((a, b) => b.length - a.length)[0];
      return { label, kind: 'value' as const, detail: group ? `${group}: ${label.slice(group.length + 1)}` : label.slice(0, dash), newText: label, range };
    });
}
