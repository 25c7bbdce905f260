// The TextMate injection for list directives, run on VS Code's own Markdown grammar (from the npm package
// tm-grammars) with vscode-textmate and the oniguruma regex engine, as the editor runs it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, parseRawGrammar, type IGrammar } from 'vscode-textmate';

const ROOT = join(__dirname, '..', '..', '..');
const MODULES = join(ROOT, 'node_modules');
const INJECTION = 'algoritmekader.directives.injection';
const GRAMMARS: Record<string, string> = {
  'text.html.markdown': join(MODULES, 'tm-grammars', 'grammars', 'markdown.json'),
  'text.html.derivative': join(MODULES, 'tm-grammars', 'grammars', 'html-derivative.json'),
  'text.html.basic': join(MODULES, 'tm-grammars', 'grammars', 'html.json'),
  [INJECTION]: join(ROOT, 'syntaxes', 'algoritmekader-directives.tmLanguage.json'),
};

let markdown: IGrammar;

before(async () => {
  await oniguruma.loadWASM(readFileSync(join(MODULES, 'vscode-oniguruma', 'release', 'onig.wasm')).buffer as ArrayBuffer);
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p) => new oniguruma.OnigScanner(p), createOnigString: (s) => new oniguruma.OnigString(s) }),
    loadGrammar: async (scope) => (GRAMMARS[scope] ? parseRawGrammar(readFileSync(GRAMMARS[scope], 'utf8'), GRAMMARS[scope]) : null),
    getInjections: (scope) => (scope === 'text.html.markdown' ? [INJECTION] : []),
  });
  const grammar = await registry.loadGrammar('text.html.markdown');
  assert.ok(grammar);
  markdown = grammar;
});

/** The tokens of line `line` of `text` whose innermost scope is one of ours (not `meta.`), as `text → scope`. */
function ours(text: string, line: number): string[] {
  return tokensOf(text, line).flatMap(({ text: t, scopes }) => {
    const scope = scopes[scopes.length - 1];
    return scope.endsWith('.algoritmekader') && !scope.startsWith('meta.') ? [`${t} → ${scope}`] : [];
  });
}

/** The text that `meta.directive.algoritmekader` covers on line `line` of `text`. */
function directiveText(text: string, line: number): string {
  return tokensOf(text, line)
    .filter((t) => t.scopes.includes('meta.directive.algoritmekader'))
    .map((t) => t.text)
    .join('');
}

function tokensOf(text: string, line: number): { text: string; scopes: string[] }[] {
  let stack = INITIAL;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const result = markdown.tokenizeLine(lines[i], stack);
    if (i === line) return result.tokens.map((t) => ({ text: lines[i].slice(t.startIndex, t.endIndex), scopes: t.scopes }));
    stack = result.ruleStack;
  }
  return [];
}

const PARTS = [
  'list_maatregelen → entity.name.function.directive.algoritmekader',
  'vereiste → variable.parameter.key.algoritmekader',
  '/ → punctuation.separator.key-value.algoritmekader',
  'aia-14-conformiteitsbeoordeling → string.unquoted.value.algoritmekader',
  'no-search → constant.language.flag.algoritmekader',
];
const DIRECTIVE = '<!-- list_maatregelen vereiste/aia-14-conformiteitsbeoordeling no-search -->';

describe('syntaxes: list directive injection', () => {
  it('colours the name, each key/value filter and each flag of a directive on its own line', () => {
    assert.deepEqual(ours(`# Vereiste\n\n## Maatregelen\n${DIRECTIVE}\n`, 3), PARTS);
    assert.deepEqual(ours(`Tekst.\n\n${DIRECTIVE}\n`, 2), PARTS);
    // As one comment, whether the Markdown grammar opened it (an HTML block) or the injection did.
    assert.match(directiveText(`## Maatregelen\n${DIRECTIVE}\n`, 1), /^(<!-- )?list_maatregelen vereiste\/aia-14-conformiteitsbeoordeling no-search( -->)?$/);
    assert.equal(directiveText(`Zie ${DIRECTIVE} hier.`, 0), DIRECTIVE);
  });

  it('in a paragraph, and indented in an admonition, details or tab (which the Markdown grammar reads as code)', () => {
    assert.deepEqual(ours(`Zie ${DIRECTIVE} hier.`, 0), PARTS);
    assert.deepEqual(ours(`??? expander "Bekijk alle vereisten"\n    ${DIRECTIVE}\n`, 1), PARTS);
    assert.deepEqual(ours(`??? simple "Ontwerp"\n\n    ${DIRECTIVE}\n`, 2), PARTS);
  });

  it('a directive without parameters, and one with a key only', () => {
    assert.deepEqual(ours('<!-- list_vereisten_on_maatregelen_page -->', 0), ['list_vereisten_on_maatregelen_page → entity.name.function.directive.algoritmekader']);
    assert.deepEqual(ours('Tekst <!-- list_vereisten levenscyclus/ontwerp --> meer', 0), [
      'list_vereisten → entity.name.function.directive.algoritmekader',
      'levenscyclus → variable.parameter.key.algoritmekader',
      '/ → punctuation.separator.key-value.algoritmekader',
      'ontwerp → string.unquoted.value.algoritmekader',
    ]);
  });

  it('not in fenced or inline code, and not in ordinary comments', () => {
    assert.deepEqual(ours(`\`\`\`\n${DIRECTIVE}\n\`\`\`\n`, 1), []);
    assert.deepEqual(ours(`~~~markdown\n${DIRECTIVE}\n~~~\n`, 1), []);
    assert.deepEqual(ours(`Schrijf \`${DIRECTIVE}\` in de pagina.`, 0), []);
    assert.deepEqual(ours('<!-- TODO: list_maatregelen toevoegen -->', 0), []);
  });
});
