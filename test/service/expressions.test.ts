// `uitzondering` expressions, read as the site's script reads them: syntax errors and unknown labels at their
// place, quick fixes, and completion of labels inside an expression.
import assert from 'node:assert/strict';
import { createLanguageService, type AkTextEdit } from '../../server/src/service';
import { parseLabelExpression } from '../../server/src/service/labelExpression';
import { applyTextEdits, LineIndex } from '../../server/src/service/text';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { at, seen } from './harness';

const R = 'docs/voldoen-aan-wetten-en-regels/vereisten/aia-01-ai-geletterdheid.md';
const page = (...items: string[]) => ['---', 'title: AI-geletterdheid', 'id: urn:nl:ak:ver:aia-01', 'toelichting: Kort.', 'uitzondering:', ...items.map((i) => `- ${i}`), '---', '# AI-geletterdheid', ''].join('\n');
const service = (text: string, language: 'en' | 'nl' = 'en') => createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [R]: text }), { language });
const findings = (text: string, language: 'en' | 'nl' = 'en') =>
  service(text, language)
    .doValidation(R)
    .filter((d) => d.code.startsWith('expression.') || d.code === 'frontmatter.unknown-value')
    .map(seen);

describe('uitzondering expressions: the parser', () => {
  const problems = (value: string) => parseLabelExpression(value).map((p) => p.problem && [p.problem.kind, p.problem.start, p.problem.end, p.problem.text]);

  it('labels with or without quotes, parentheses, !, && and || are fine; commas separate expressions', () => {
    assert.deepEqual(problems('("soort-toepassing-ai-systeem" || soort-toepassing-ai-model-voor-algemene-doeleinden) && !"open-source-open-source"'), [undefined]);
    const parts = parseLabelExpression("'a', (b && c),,");
    assert.deepEqual(parts.map((p) => [p.start, p.end, p.problem]), [[0, 3, undefined], [4, 13, undefined]]);
    assert.deepEqual(parts[0].tokens.map((t) => [t.kind, t.label, t.labelStart, t.labelEnd]), [['label', 'a', 1, 2]]);
  });

  it('the first error of each part, where JavaScript reports it', () => {
    assert.deepEqual(problems('a b'), [['missing-operator', 2, 3, 'b']]);
    assert.deepEqual(problems('a &&'), [['missing-operand', 4, 4, '']]);
    assert.deepEqual(problems('(a || b'), [['unclosed', 0, 1, '(']]);
    assert.deepEqual(problems('a || b)'), [['unexpected', 6, 7, ')']]);
    assert.deepEqual(problems('a and b'), [['missing-operator', 2, 5, 'and']]);
    assert.deepEqual(problems('a + b'), [['unexpected', 2, 3, '+']]);
    assert.deepEqual(problems('"a b"'), [['missing-operator', 3, 5, 'b"']]);
    // A comma inside parentheses splits the expression, as the site splits data-uitzondering on commas.
    assert.deepEqual(problems('(a, b)'), [['unclosed', 0, 1, '('], ['unexpected', 5, 6, ')']]);
  });
});

describe('uitzondering expressions: findings', () => {
  it('the corpus form is clean; a plain label is checked as a value', () => {
    const clean = page('risicogroep-uitzondering-van-toepassing', '("soort-toepassing-ai-systeem-voor-algemene-doeleinden" || "soort-toepassing-ai-systeem") && "open-source-open-source"');
    assert.deepEqual(findings(clean), []);
    assert.deepEqual(findings(page('risicogroep-hoog-risico-ai-systeem')), []);
    assert.deepEqual(findings(page('risicogroep-hoog-risico')).map((d) => d.code), ['frontmatter.unknown-value']);
  });

  it('a syntax error at its place, in both languages', () => {
    assert.deepEqual(findings(page('risicogroep-verboden-ai "open-source-open-source"')), [
      {
        code: 'expression.syntax',
        range: '5:26-5:51',
        message: 'The site cannot read this exception: "open-source-open-source" follows without && or || before it. The site evaluates it as JavaScript and, on an error, never applies the exception.',
      },
    ]);
    assert.deepEqual(findings(page('(risicogroep-verboden-ai || open-source-open-source'), 'nl'), [
      { code: 'expression.syntax', range: '5:2-5:3', message: 'De site kan deze uitzondering niet lezen: dit "(" wordt niet gesloten. De site rekent haar uit als JavaScript en past de uitzondering bij een fout nooit toe.' },
    ]);
  });

  it('an unknown label inside an expression, with the nearest label; case slips', () => {
    const ds = findings(page('risicogroep-verboden-ai || "open-source-opensource"'));
    assert.deepEqual(ds, [
      {
        code: 'expression.unknown-label',
        range: '5:30-5:52',
        message:
          '"open-source-opensource" is not a label the site\'s filter sets (a label is <group>-<value>, like risicogroep-hoog-risico-ai-systeem), so this part of the exception never holds. Did you mean "open-source-open-source"?',
      },
    ]);
    assert.equal(findings(page('Risicogroep-verboden-ai && risicogroep-verboden-ai'))[0].message, '"Risicogroep-verboden-ai" differs from the label "risicogroep-verboden-ai" only in upper/lower case; the site compares exactly, so this part of the exception never holds.');
  });

  it('a single | or &: a warning, fixed by doubling it', () => {
    const text = page('risicogroep-verboden-ai | open-source-open-source');
    assert.deepEqual(findings(text), [
      { code: 'expression.single-operator', range: '5:26-5:27', message: 'A single "|" is JavaScript\'s bitwise operator; here it works like "||" only by accident. Write "||".' },
    ]);
    const s = service(text);
    const [fix] = s.codeActions(R, { start: { line: 5, character: 26 }, end: { line: 5, character: 26 } });
    assert.deepEqual([fix.title, fix.isPreferred], ['Write it as ||', true]);
    assert.equal(applyTextEdits(text, fix.edits as AkTextEdit[]), page('risicogroep-verboden-ai || open-source-open-source'));
  });

  it('in a quoted YAML value the ranges shift past the quote; the label fix keeps the expression', () => {
    const text = page(`'risicogroep-verboden-ai && open-source-opensourc'`);
    const [d] = findings(text);
    assert.equal(d.range, '5:30-5:51');
    const [fix] = service(text).codeActions(R, { start: { line: 5, character: 31 }, end: { line: 5, character: 31 } });
    assert.equal(applyTextEdits(text, fix.edits as AkTextEdit[]), page(`'risicogroep-verboden-ai && open-source-open-source'`));
  });
});

describe('uitzondering expressions: completion', () => {
  it('inside an expression: labels, replacing only the label under the cursor', () => {
    const text = page('("soort-toepassing-ai" || risico) && x');
    const lines = new LineIndex(text);
    const cursor = text.indexOf('risico)') + 3;
    const { items } = service(text).complete(R, lines.positionAt(cursor));
    assert.ok(items.length > 20, 'every label of the AI Act groups');
    const item = items.find((i) => i.label === 'risicogroep-hoog-risico-ai-systeem')!;
    assert.equal(at(item.range), `5:${text.slice(lines.lineStart(5)).indexOf('risico)')}-5:${text.slice(lines.lineStart(5)).indexOf('risico)') + 6}`);
    assert.equal(item.detail, 'risicogroep: hoog-risico-ai-systeem');
    const { items: inQuotes } = service(text).complete(R, lines.positionAt(text.indexOf('ai"') + 1));
    assert.equal(at(inQuotes[0].range), '5:4-5:23', 'the label inside the quotes, not the quotes');
  });

  it('a plain value gets the ordinary completion (the whole value)', () => {
    const text = page('risicogroep-ho');
    const { items } = service(text).complete(R, { line: 5, character: 10 });
    assert.ok(items.some((i) => i.label === 'risicogroep-hoog-risico-ai-systeem' && at(i.range) === '5:2-5:16'));
  });
});
