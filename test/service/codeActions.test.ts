// Quick fixes: for each diagnostic that has one, the exact titles offered, which one is preferred, and
// the text after applying it. Fixes read only the diagnostic's data and range and the page text.
import assert from 'node:assert/strict';
import { createLanguageService, type AkCodeAction, type AkTextEdit } from '../../server/src/service';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { isContract } from './harness';

const C = 'docs/voldoen-aan-wetten-en-regels';
const M = `${C}/maatregelen/2-owp-01-grondslag.md`;
const R = `${C}/vereisten/avg-01-grondslag.md`;
const REQUIREMENT = `---\ntitle: Grondslag\nid: urn:nl:ak:ver:avg-01\ntoelichting: Kort.\nonderwerp:\n- governance\n---\n# Grondslag\n\n<!-- list_maatregelen vereiste/avg-01-grondslag -->\n`;
const measure = (...lines: string[]) =>
  ['---', 'title: Leg de grondslag vast', 'id: urn:nl:ak:mtr:owp-01', 'toelichting: Kort.', 'vereiste:', '- avg-01-grondslag', 'levenscyclus:', '- ontwerp', 'onderwerp:', '- governance', ...lines, '---', '# Grondslag', ''].join('\n');

/** Applies `edits` (non-overlapping, any order) to `text`. */
function apply(text: string, edits: AkTextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: { line: number; character: number }) => starts[p.line] + p.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

/** The quick fixes on `path` (whole document) as [code, title, preferred, resulting text]. */
function fixes(files: Record<string, string>, path: string, language: 'en' | 'nl' = 'en'): [string, string, boolean, string][] {
  const service = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [R]: REQUIREMENT, ...files }), { language });
  const everything = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };
  return service
    .codeActions(path, everything)
    .filter((a) => !isContract(a.diagnostic))
    .map((a: AkCodeAction) => [a.diagnostic.code, a.title, a.isPreferred, apply(files[path] ?? '', a.edits)]);
}

describe('quick fixes', () => {
  it('a valid page has none', () => {
    assert.deepEqual(fixes({ [M]: measure() }, M), []);
  });

  it('a label outside its vocabulary: change to the nearest value (a case-only slip is the preferred fix)', () => {
    assert.deepEqual(fixes({ [M]: measure().replace('- governance', '- governanse') }, M), [['frontmatter.unknown-value', 'Change to "governance"', true, measure()]]);
    assert.deepEqual(fixes({ [M]: measure().replace('- ontwerp', '- "Ontwerp"') }, M), [['frontmatter.unknown-value', 'Change to "ontwerp"', true, measure().replace('- ontwerp', '- "ontwerp"')]]);
    assert.deepEqual(fixes({ [M]: measure().replace('- governance', '- governanse') }, M, 'nl')[0][1], 'Wijzig in "governance"');
  });

  it('an unknown key: rename it to the nearest known key', () => {
    const text = measure('rolen:', '- jurist');
    assert.deepEqual(fixes({ [M]: text }, M), [['frontmatter.unknown-key', 'Rename the key to "rollen"', true, measure('rollen:', '- jurist')]]);
  });

  it('a reference to no page: change to the nearest existing one', () => {
    const text = measure().replace('- avg-01-grondslag', '- avg-01-gronslag');
    assert.deepEqual(fixes({ [M]: text }, M), [['reference.unknown-target', 'Change to "avg-01-grondslag"', true, measure()]]);
    // A stray .md is certain; a name several letters off may be another page on purpose: offered, not preferred.
    assert.deepEqual(fixes({ [M]: measure().replace('- avg-01-grondslag', '- avg-01-grondslag.md') }, M).map(([, , preferred]) => preferred), [true]);
    assert.deepEqual(fixes({ [M]: measure().replace('- avg-01-grondslag', '- avg-01-grndslg') }, M).map(([, title, preferred]) => [title, preferred]), [['Change to "avg-01-grondslag"', false]]);
  });

  it('a repeated value: remove the repetition (block list: its line; flow list: the item and its comma)', () => {
    assert.deepEqual(fixes({ [M]: measure('rollen:', '- jurist', '- jurist  # twee keer') }, M), [
      ['frontmatter.duplicate-value', 'Remove the repeated "jurist"', true, measure('rollen:', '- jurist')],
    ]);
    assert.deepEqual(fixes({ [M]: measure('rollen: [jurist, projectleider , jurist]') }, M), [
      ['frontmatter.duplicate-value', 'Remove the repeated "jurist"', true, measure('rollen: [jurist, projectleider]')],
    ]);
  });

  it('an empty list item: remove its line', () => {
    const text = measure().replace('- ontwerp', '- ontwerp\n-\n-   # leeg');
    assert.deepEqual(fixes({ [M]: text }, M), [
      ['frontmatter.wrong-type', 'Remove the empty item', true, measure().replace('- ontwerp', '- ontwerp\n-   # leeg')],
      ['frontmatter.wrong-type', 'Remove the empty item', true, measure().replace('- ontwerp', '- ontwerp\n-')],
    ]);
  });

  it('text where a list is expected: make it a list at the key column, quotes and line ends kept', () => {
    const text = measure().replace('levenscyclus:\n- ontwerp', 'levenscyclus: ontwerp');
    assert.deepEqual(fixes({ [M]: text }, M), [['frontmatter.wrong-type', 'Make "levenscyclus" a list', true, measure()]]);
    const crlf = measure('hide: "navigation"').replace(/\n/g, '\r\n');
    const [[code, title, preferred, result]] = fixes({ [M]: crlf }, M);
    assert.deepEqual([code, title, preferred], ['frontmatter.list-as-text', 'Make "hide" a list', true]);
    assert.equal(result, measure('hide:', '- "navigation"').replace(/\n/g, '\r\n'));
  });

  it('hide as text with several parts: one item per part; not preferred when the site applies something else', () => {
    assert.deepEqual(fixes({ [M]: measure('hide: navigation toc') }, M), [['frontmatter.list-as-text', 'Make "hide" a list', true, measure('hide:', '- navigation', '- toc')]]);
    assert.deepEqual(fixes({ [M]: measure('hide: navigaton, toc') }, M), [['frontmatter.list-as-text', 'Make "hide" a list', false, measure('hide:', '- navigaton', '- toc')]]);
  });

  it('a title ending in a period: remove the period (inside quotes too)', () => {
    assert.deepEqual(fixes({ [M]: measure().replace('title: Leg de grondslag vast', 'title: Leg de grondslag vast.') }, M), [
      ['frontmatter.title-period', 'Remove the final period', true, measure()],
    ]);
    assert.deepEqual(fixes({ [M]: measure().replace('title: Leg de grondslag vast', "title: 'Leg de grondslag vast.'") }, M)[0][3], measure().replace('title: Leg de grondslag vast', "title: 'Leg de grondslag vast'"));
  });

  it('a closing --- without a line break at the end of the file: add one', () => {
    const text = '---\ntitle: Leg de grondslag vast\nid: urn:nl:ak:mtr:owp-01\ntoelichting: Kort.\n---';
    const found = fixes({ [M]: text }, M).filter(([code]) => code === 'frontmatter.close-needs-newline');
    assert.deepEqual(found, [['frontmatter.close-needs-newline', 'Add a line break after the closing ---', true, `${text}\n`]]);
  });

  it('directives: a copied stem becomes the page\'s own, a misspelt key or value the nearest one', () => {
    const page = (line: string) => REQUIREMENT.replace('<!-- list_maatregelen vereiste/avg-01-grondslag -->', line);
    assert.deepEqual(fixes({ [M]: measure(), [R]: page('<!-- list_maatregelen vereiste/aia-01-risico -->') }, R), [
      ['directive.foreign-stem', 'Change to this page\'s own "avg-01-grondslag"', true, REQUIREMENT],
    ]);
    assert.deepEqual(
      fixes({ [M]: measure(), [R]: page('<!-- list_maatregelen vereist/avg-01-grondslag -->') }, R).map(([code, title, preferred]) => [code, title, preferred]),
      [['directive.unknown-filter-key', 'Change to "vereiste"', true]],
    );
    assert.deepEqual(fixes({ [M]: measure(), [R]: page('<!-- list_maatregelen onderwerp/governanse -->') }, R), [
      ['directive.unknown-filter-value', 'Change to "governance"', true, page('<!-- list_maatregelen onderwerp/governance -->')],
    ]);
  });

  it('directives: a token the site ignores can be removed (not preferred: the author may have meant something else)', () => {
    const page = (line: string) => REQUIREMENT.replace('<!-- list_maatregelen vereiste/avg-01-grondslag -->', line);
    const found = fixes({ [M]: measure(), [R]: page('<!-- list_maatregelen vereiste/avg-01-grondslag onderwerp/governance no-search -->') }, R);
    assert.deepEqual(found, [['directive.ignored-filter', 'Remove "onderwerp/governance"', false, page('<!-- list_maatregelen vereiste/avg-01-grondslag no-search -->')]]);
  });

  it('comments the site does not expand: canonical spacing, one line, a known name, closed', () => {
    const O = `${C}/hulpmiddelen/overzicht.md`;
    const of = (body: string) => fixes({ [M]: measure(), [O]: `# O\n\n${body}\n` }, O).map(([, title, preferred, text]) => [title, preferred, text.slice('# O\n\n'.length, -1)]);
    assert.deepEqual(of('<!--list_maatregelen  onderwerp/governance-->'), [
      ['Write it as <!-- list_maatregelen onderwerp/governance -->', true, '<!-- list_maatregelen onderwerp/governance -->'],
    ]);
    assert.deepEqual(of('<!-- list_maatregelen\nonderwerp/governance -->'), [
      ['Write it as <!-- list_maatregelen onderwerp/governance -->', true, '<!-- list_maatregelen onderwerp/governance -->'],
    ]);
    // Two names share the prefix; the closer one comes first, and neither is preferred.
    assert.deepEqual(of('<!-- list_maatregel onderwerp/governance -->'), [
      ['Change to "list_maatregelen"', false, '<!-- list_maatregelen onderwerp/governance -->'],
      ['Change to "list_maatregelen_on_hulpmiddelen_page"', false, '<!-- list_maatregelen_on_hulpmiddelen_page onderwerp/governance -->'],
    ]);
    assert.deepEqual(of('<!-- list_hulpmiddelen  '), [['Close the comment with -->', true, '<!-- list_hulpmiddelen -->']]);
  });

  it('only the diagnostics the range touches', () => {
    const text = measure('rollen:', '- jurist', '- jurist').replace('- governance', '- governanse');
    const service = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [R]: REQUIREMENT, [M]: text }), { language: 'en' });
    const cursor = { line: 9, character: 4 };
    assert.deepEqual(service.codeActions(M, { start: cursor, end: cursor }).map((a) => a.diagnostic.code), ['frontmatter.unknown-value']);
    const edge = { line: 9, character: 2 };
    assert.equal(service.codeActions(M, { start: edge, end: edge }).length, 1, 'a cursor at the start of the value counts');
    const elsewhere = { line: 1, character: 0 };
    assert.deepEqual(service.codeActions(M, { start: elsewhere, end: elsewhere }), []);
  });
});
