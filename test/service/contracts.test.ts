// Contracts of the body per page type (profile data from the templates and the published pages): sections in
// order, the comments the hooks replace, a page's own lists; exact ranges, messages and fixed text.
import assert from 'node:assert/strict';
import { createLanguageService, type AkTextEdit } from '../../server/src/service';
import { containsIgnoringCase } from '../../server/src/service/features/contracts';
import { applyTextEdits } from '../../server/src/service/text';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { seen } from './harness';

const C = 'docs/voldoen-aan-wetten-en-regels';
const R = `${C}/vereisten/aia-01-ai-geletterdheid.md`;
const M = `${C}/maatregelen/2-owp-01-grondslag.md`;
const FM = '---\ntitle: AI-geletterdheid\nid: urn:nl:ak:ver:aia-01\ntoelichting: Kort.\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\nrollen:\n- jurist\n---\n';
const OWN = '<!-- list_maatregelen vereiste/aia-01-ai-geletterdheid no-search no-onderwerp no-rol no-levenscyclus -->';
/** A requirement as the template has it, with `replace` applied to its body. */
const requirement = (replace: (body: string) => string = (b) => b) =>
  FM +
  replace(
    '<!-- tags -->\n\n## Vereiste\nTekst.\n\n## Toelichting\nTekst.\n\n## Bronnen\n- bron\n\n## Van toepassing op\n<!-- tags-ai-act -->\n\n## Risico\nTekst.\n\n## Maatregelen { data-search-exclude }\n\n' +
      OWN +
      '\n',
  );
const MEASURE_FM = '---\ntitle: Leg de grondslag vast\nid: urn:nl:ak:mtr:owp-01\ntoelichting: Kort.\nvereiste:\n- aia-01-ai-geletterdheid\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\nrollen:\n- jurist\n---\n';
const measure = (replace: (body: string) => string = (b) => b) =>
  MEASURE_FM +
  replace('<!-- tags -->\n\n## Maatregel\nTekst.\n\n## Toelichting\nTekst.\n\n## Risico\nTekst.\n\n## Bijbehorende vereiste(n) { data-search-exclude }\n\n<!-- list_vereisten_on_maatregelen_page -->\n\n## Bronnen\n- bron\n');

function service(files: Record<string, string>, language: 'en' | 'nl' = 'en') {
  return createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [R]: requirement(), [M]: measure(), ...files }), { language });
}
const body = (files: Record<string, string>, path: string, language: 'en' | 'nl' = 'en') =>
  service(files, language)
    .doValidation(path)
    .filter((d) => d.code.startsWith('body.'))
    .map(seen);
/** The page after the quick fix of its only body finding: [title, preferred, text]. */
function fixed(files: Record<string, string>, path: string): [string, boolean, string] {
  const s = service(files);
  const d = s.doValidation(path).find((x) => x.code.startsWith('body.'))!;
  const [action] = s.codeActions(path, d.range).filter((a) => a.diagnostic.code === d.code);
  return [action.title, action.isPreferred, applyTextEdits(files[path], action.edits as AkTextEdit[])];
}

describe('body contracts', () => {
  it('a page as its template has it: nothing to say', () => {
    assert.deepEqual(body({}, R), []);
    assert.deepEqual(body({}, M), []);
  });

  it('a missing section, where it belongs, with the template heading as a fix (never preferred: a heading is no content)', () => {
    const without = requirement((b) => b.replace('## Risico\nTekst.\n\n', ''));
    assert.deepEqual(body({ [R]: without }, R), [
      { code: 'body.missing-section', range: '25:0-25:38', message: 'This vereiste page has no "Risico" section, which the template gives every vereiste page, before "Maatregelen".' },
    ]);
    assert.deepEqual(fixed({ [R]: without }, R), ['Insert the section "Risico" from the template', false, without.replace('## Maatregelen', '## Risico\n\n## Maatregelen')]);
    const last = requirement((b) => b.replace(/## Maatregelen[\s\S]*$/, ''));
    const ds = body({ [R]: last }, R);
    assert.deepEqual(ds.map((d) => [d.code, d.range]), [['body.missing-section', '26:6-26:6'], ['body.missing-own-list', '11:0-11:13']]);
    assert.equal(ds[0].message, 'This vereiste page has no "Maatregelen" section, which the template gives every vereiste page, at the end.');
    const nl = body({ [R]: without }, R, 'nl');
    assert.equal(nl[0].message, 'Deze pagina (vereiste) heeft geen sectie "Risico", die het sjabloon elke pagina van dit type geeft, vóór "Maatregelen".');
  });

  it('a section out of the template order: a hint on the heading; another heading name for the same section counts', () => {
    const swapped = measure((b) => b.replace('## Risico\nTekst.\n\n## Bijbehorende vereiste(n) { data-search-exclude }\n\n<!-- list_vereisten_on_maatregelen_page -->\n\n', '## Bijbehorende vereisten\n\n<!-- list_vereisten_on_maatregelen_page -->\n\n## Risico\nTekst.\n\n'));
    assert.deepEqual(body({ [M]: swapped }, M), [
      { code: 'body.section-order', range: '25:0-25:9', message: '"Risico" comes after "Bijbehorende vereiste(n)" here; the template and the other maatregel pages put it before.' },
    ]);
  });

  it('headings in code do not count; an indented heading (up to three spaces) does', () => {
    const fenced = requirement((b) => b.replace('## Risico\nTekst.\n', '```\n## Risico\n```\n'));
    assert.deepEqual(body({ [R]: fenced }, R).map((d) => d.code), ['body.missing-section']);
    assert.deepEqual(body({ [R]: requirement((b) => b.replace('## Risico', '  ## Risico')) }, R), []);
  });

  it('<!-- tags --> missing: the reader sees no labels; the fix puts it at the top (preferred)', () => {
    const without = requirement((b) => b.replace('<!-- tags -->\n\n', ''));
    assert.deepEqual(body({ [R]: without }, R), [
      {
        code: 'body.missing-marker',
        range: '11:0-11:11',
        message: "The page lacks <!-- tags -->: the site puts the page's labels (its id, levenscyclus, rollen and onderwerp) in its place, so the reader sees none.",
      },
    ]);
    assert.deepEqual(fixed({ [R]: without }, R), ['Insert <!-- tags -->', true, requirement()]);
  });

  it('<!-- tags-ai-act --> is needed only while its section has no text of its own', () => {
    const empty = requirement((b) => b.replace('<!-- tags-ai-act -->\n', ''));
    assert.deepEqual(body({ [R]: empty }, R).map((d) => [d.code, d.range]), [['body.missing-marker', '22:0-22:20']]);
    assert.match(body({ [R]: empty }, R)[0].message, /in "Van toepassing op": the site puts the AI Act labels .* so the reader sees none and the section stays empty\.$/);
    assert.deepEqual(fixed({ [R]: empty }, R), ['Insert <!-- tags-ai-act -->', true, requirement()]);
    const ownText = requirement((b) => b.replace('<!-- tags-ai-act -->', 'Geldt voor elke toepassing.'));
    assert.deepEqual(body({ [R]: ownText }, R), []);
    const onlyComment = requirement((b) => b.replace('<!-- tags-ai-act -->', '<!-- uitleg -->'));
    assert.deepEqual(body({ [R]: onlyComment }, R).map((d) => d.code), ['body.missing-marker']);
  });

  it('a marker is found whatever its case, as the lower case of the body finds it (also beside İ and the Kelvin sign)', () => {
    const codes = (replace: (b: string) => string) => body({ [R]: requirement(replace) }, R).map((d) => d.code);
    assert.deepEqual(codes((b) => b.replace('<!-- tags -->', '<!-- TAGS -->')), []);
    assert.deepEqual(codes((b) => b.replace('<!-- tags -->', '<!-- Tags -->\nİstanbul, 5 \u212A')), []);
    assert.deepEqual(codes((b) => b.replace('<!-- tags -->', '<!-- tägs -->')), ['body.missing-marker']);
    // Their lower case is ASCII though they are not (İ → i̇, Kelvin sign → k): found as toLowerCase finds them.
    assert.equal(containsIgnoringCase('---\n<!-- \u212AEY -->', 4, '<!-- key -->'), true);
    assert.equal(containsIgnoringCase('<!-- İ -->', 0, '<!-- i\u0307 -->'), true);
    assert.equal(containsIgnoringCase('<!-- KEY -->', 1, '<!-- key -->'), false);
    assert.equal(containsIgnoringCase('x <!-- KEY -->', 1, '<!-- key -->'), true);
  });

  it("a requirement without its own list_maatregelen: the fix writes the template's comment with its stem under Maatregelen", () => {
    const without = requirement((b) => b.replace(OWN + '\n', ''));
    assert.deepEqual(body({ [R]: without }, R), [
      {
        code: 'body.missing-own-list',
        range: '28:0-28:38',
        message: `The page has no list_maatregelen of its own (${OWN}), so the maatregel pages that name it are not listed on it.`,
      },
    ]);
    assert.deepEqual(fixed({ [R]: without }, R), [`Insert ${OWN}`, true, without.replace('## Maatregelen { data-search-exclude }\n', `## Maatregelen { data-search-exclude }\n\n${OWN}\n`)]);
    // Copied with another stem: directive.foreign-stem says so (with its fix), not this.
    const foreign = requirement((b) => b.replace('vereiste/aia-01-ai-geletterdheid', 'vereiste/aia-02-iets'));
    assert.deepEqual(body({ [R]: foreign }, R), []);
  });

  it("a measure that names requirements without list_vereisten_on_maatregelen_page; none named, none needed", () => {
    const without = measure((b) => b.replace('<!-- list_vereisten_on_maatregelen_page -->\n\n', ''));
    assert.deepEqual(body({ [M]: without }, M), [
      {
        code: 'body.missing-own-list',
        range: '24:0-24:51',
        message: 'The page names 1 vereiste page under "vereiste" but has no <!-- list_vereisten_on_maatregelen_page -->, so the site does not list them on it.',
      },
    ]);
    const noneNamed = without.replace('vereiste:\n- aia-01-ai-geletterdheid\n', '');
    assert.deepEqual(body({ [M]: noneNamed }, M), []);
  });

  it('CRLF pages get CRLF fixes; pages without a closed frontmatter or of no type are left alone', () => {
    const crlf = requirement((b) => b.replace('## Risico\nTekst.\n\n', '')).replace(/\n/g, '\r\n');
    const [, , text] = fixed({ [R]: crlf }, R);
    assert.equal(text, crlf.replace('## Maatregelen', '## Risico\r\n\r\n## Maatregelen'));
    assert.deepEqual(body({ 'docs/onderwerpen/governance.md': '# Governance\n\nTekst.\n' }, 'docs/onderwerpen/governance.md'), []);
    assert.deepEqual(body({ [R]: '---\ntitle: x\n' }, R), []);
  });
});
