// `uitzondering` values: logical expressions over the AI Act labels, read as the site reads them. The hook
// (lists.py) writes a requirement's `uitzondering` list into the table row's `data-uitzondering`, joined by
// commas (and `"` turned into `'`); the site's script (docs/javascripts/filtering.js) splits that on commas,
// drops empty parts, and evaluates each part as JavaScript after replacing every label with a call:
//   expression.replace(/["']?([a-zA-Z0-9-_]+)["']?/g, "hasLabel('$1')")  →  new Function(`return ${…}`)
// A part that does not compile is caught and never matches: the exception silently never applies. A label is
// `<group>-<value>` (`risicogroep-hoog-risico-ai-systeem`), compared exactly with the labels the reader chose.
// This module parses a value into those parts, tokens and problems with offsets into the value; never throws.

export type ExpressionTokenKind = 'label' | 'and' | 'or' | 'not' | 'open' | 'close' | 'bit-and' | 'bit-or' | 'other';

export interface ExpressionToken {
  kind: ExpressionTokenKind;
  /** Offsets in the whole value (not the part). */
  start: number;
  end: number;
  text: string;
  /** For a label: the label without its quotes, and where it is. */
  label?: string;
  labelStart?: number;
  labelEnd?: number;
}

export type ExpressionProblem =
  /** A character that is no part of a label expression (the site's JavaScript then fails, or means something else). */
  | { kind: 'unexpected'; start: number; end: number; text: string }
  /** Two operands without `&&` or `||` between them. */
  | { kind: 'missing-operator'; start: number; end: number; text: string }
  /** An operator or `)` (or the end) where a label or `(` is due. */
  | { kind: 'missing-operand'; start: number; end: number; text: string }
  /** A `(` without its `)`. */
  | { kind: 'unclosed'; start: number; end: number; text: string };

export interface ExpressionPart {
  /** The part between commas, as offsets in the value (untrimmed). */
  start: number;
  end: number;
  tokens: ExpressionToken[];
  /** The first syntax error, as JavaScript stops at the first: the whole part then never matches. */
  problem: ExpressionProblem | undefined;
}

/** What marks a value as an expression rather than one label: quotes, parentheses, operators, a comma. */
export const EXPRESSION_MARKS = /["'()|&!,]/;

/** The site's label pattern, applied at one position (`y`: sticky). */
const LABEL = /["']?([a-zA-Z0-9_-]+)["']?/y;

/** The comma-separated parts of a value, each tokenised and parsed. Empty parts are dropped, as the site does. */
export function parseLabelExpression(value: string): ExpressionPart[] {
  const parts: ExpressionPart[] = [];
  let from = 0;
  for (;;) {
    const comma = value.indexOf(',', from);
    const end = comma < 0 ? value.length : comma;
    if (value.slice(from, end).trim() !== '') {
      const tokens = tokenize(value, from, end);
      parts.push({ start: from, end, tokens, problem: parse(tokens, end) });
    }
    if (comma < 0) return parts;
    from = comma + 1;
  }
}

function tokenize(value: string, start: number, end: number): ExpressionToken[] {
  const tokens: ExpressionToken[] = [];
  let i = start;
  const push = (kind: ExpressionTokenKind, length: number) => {
    tokens.push({ kind, start: i, end: i + length, text: value.slice(i, i + length) });
    i += length;
  };
  while (i < end) {
    const c = value[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    LABEL.lastIndex = i;
    const m = LABEL.exec(value);
    if (m && m.index + m[0].length <= end) {
      const labelStart = i + m[0].indexOf(m[1]);
      tokens.push({ kind: 'label', start: i, end: i + m[0].length, text: m[0], label: m[1], labelStart, labelEnd: labelStart + m[1].length });
      i += m[0].length;
    } else if (value.startsWith('&&', i)) push('and', 2);
    else if (value.startsWith('||', i)) push('or', 2);
    else if (c === '&') push('bit-and', 1);
    else if (c === '|') push('bit-or', 1);
    else if (c === '!') push('not', 1);
    else if (c === '(') push('open', 1);
    else if (c === ')') push('close', 1);
    else push('other', 1);
  }
  return tokens;
}

/**
 * or := and (('||' | '|') and)* ; and := unary (('&&' | '&') unary)* ; unary := '!' unary | label | '(' or ')'.
 * Returns the first problem, where JavaScript would report it.
 */
function parse(tokens: ExpressionToken[], end: number): ExpressionProblem | undefined {
  const other = tokens.find((t) => t.kind === 'other');
  let at = 0;
  const problemAt = (kind: 'missing-operator' | 'missing-operand', token: ExpressionToken | undefined): ExpressionProblem =>
    token ? { kind, start: token.start, end: token.end, text: token.text } : { kind, start: end, end, text: '' };
  const operand = (): ExpressionProblem | undefined => {
    const token = tokens[at];
    if (token?.kind === 'not') {
      at++;
      return operand();
    }
    if (token?.kind === 'label') {
      at++;
      return undefined;
    }
    if (token?.kind === 'open') {
      at++;
      const inner = binary();
      if (inner) return inner;
      if (tokens[at]?.kind === 'close') {
        at++;
        return undefined;
      }
      if (tokens[at] === undefined) return { kind: 'unclosed', start: token.start, end: token.end, text: '(' };
      return problemAt('missing-operator', tokens[at]);
    }
    return problemAt('missing-operand', token);
  };
  const binary = (): ExpressionProblem | undefined => {
    const first = operand();
    if (first) return first;
    while (tokens[at] && ['and', 'or', 'bit-and', 'bit-or'].includes(tokens[at].kind)) {
      at++;
      const next = operand();
      if (next) return next;
    }
    return undefined;
  };
  const inner = binary();
  const rest = tokens[at];
  const problem = inner ?? (rest && (rest.kind === 'close' ? { kind: 'unexpected' as const, start: rest.start, end: rest.end, text: rest.text } : problemAt('missing-operator', rest)));
  // A character outside the language is the problem wherever it is, unless a problem comes before it.
  if (other && (!problem || other.start <= problem.start)) return { kind: 'unexpected', start: other.start, end: other.end, text: other.text };
  return problem;
}

/** The label token at `offset` of the value (a label or a place where one may be typed), as offsets of its text. */
export function labelSpanAt(value: string, offset: number): { start: number; end: number } {
  let start = offset;
  let end = offset;
  while (start > 0 && /[a-zA-Z0-9_-]/.test(value[start - 1])) start--;
  while (end < value.length && /[a-zA-Z0-9_-]/.test(value[end])) end++;
  return { start, end };
}
