// Completion: what is offered where, and the exact text each item puts in. `|` marks the cursor.
import assert from 'node:assert/strict';
import { createLanguageService, type AkCompletionItem } from '../../server/src/service';
import { BASE_2024, CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';

const C = 'docs/voldoen-aan-wetten-en-regels';
const M = `${C}/maatregelen/2-owp-01-grondslag.md`;
const R = `${C}/vereisten/avg-01-grondslag.md`;
const FILES: Record<string, string> = {
  ...CURRENT_BASE,
  [R]: '---\ntitle: Grondslag\nid: urn:nl:ak:ver:avg-01\ntoelichting: Kort.\nonderwerp:\n- governance\n---\n# Grondslag\n',
  [`${C}/vereisten/aia-01-risico.md`]: '---\ntitle: Risico\nid: urn:nl:ak:ver:aia-01\ntoelichting: Kort.\nonderwerp:\n- governance\n---\n# Risico\n',
};

/** Completion at `|` in `marked` (the page at `path`): each item as `label → resulting line`, in order. */
function complete(marked: string, path = M, language: 'en' | 'nl' = 'en'): { items: AkCompletionItem[]; results: string[] } {
  const cursor = marked.indexOf('|');
  const text = marked.replace('|', '');
  const service = createLanguageService(new MemoryWorkspace({ ...FILES, [path]: text }), { language });
  const lines = text.slice(0, cursor).split('\n');
  const { items } = service.complete(path, { line: lines.length - 1, character: lines[lines.length - 1].length });
  const results = items.map((item) => {
    const all = text.split('\n');
    const line = all[item.range.start.line];
    assert.equal(item.range.start.line, item.range.end.line);
    return `${item.label} → ${line.slice(0, item.range.start.character)}${item.newText}${line.slice(item.range.end.character)}`;
  });
  return { items, results };
}

const page = (...lines: string[]) => ['---', 'title: T', ...lines, '---', '# T', ''].join('\n');

describe('completion', () => {
  it('a list item under a label: its vocabulary, without the values already listed, with titles', () => {
    const { items, results } = complete(page('levenscyclus:', '- monitoring-en-beheer', '- |'));
    assert.deepEqual(results, ['ontwerp → - ontwerp']);
    assert.equal(items[0].detail, 'Ontwerp');
    assert.equal(items[0].documentation, 'De ontwerpfase.');
    assert.equal(items[0].kind, 'value');
    assert.deepEqual(complete(page('rollen:', '- ju|rist')).results, ['jurist → - jurist', 'projectleider → - projectleider']);
    assert.deepEqual(complete(page('onderwerp:', '-|')).results, ['governance → - governance', 'transparantie → - transparantie']);
  });

  it('a vereiste entry: the stems of the requirement pages, with their titles', () => {
    const { items, results } = complete(page('vereiste:', '- a|'));
    assert.deepEqual(results, ['aia-01-risico → - aia-01-risico', 'avg-01-grondslag → - avg-01-grondslag']);
    assert.deepEqual(items.map((i) => [i.kind, i.detail]), [['page', 'Risico'], ['page', 'Grondslag']]);
  });

  it('page names: filtered by what is typed, best matches first, capped with isIncomplete, documentation on resolve', () => {
    // 250 requirement pages: typing narrows them down; without typing the first 100 come, and the list says it is incomplete.
    const many: Record<string, string> = { ...FILES };
    for (let i = 0; i < 250; i++) many[`${C}/vereisten/zzz-${String(i).padStart(3, '0')}-eis.md`] = `---\ntitle: Eis ${i}\n---\n# Eis\n`;
    const workspace = new MemoryWorkspace({ ...many, [M]: page('vereiste:', '- ') });
    const service = createLanguageService(workspace, { language: 'en' });
    const at = (typed: string) => {
      workspace.set(M, page('vereiste:', `- ${typed}`));
      return service.complete(M, { line: 3, character: 2 + typed.length });
    };
    const all = at('');
    assert.equal(all.items.length, 100);
    assert.equal(all.isIncomplete, true);
    assert.deepEqual(all.items.slice(0, 2).map((i) => i.label), ['aia-01-risico', 'avg-01-grondslag']);
    const narrowed = at('zzz-24');
    // Prefix matches first, then names with the letters in order (as the editor's own filter would show them).
    assert.deepEqual(narrowed.items.map((i) => i.label), [
      ...['zzz-240-eis', 'zzz-241-eis', 'zzz-242-eis', 'zzz-243-eis', 'zzz-244-eis', 'zzz-245-eis', 'zzz-246-eis', 'zzz-247-eis', 'zzz-248-eis', 'zzz-249-eis'],
      ...['zzz-024-eis', 'zzz-124-eis', 'zzz-204-eis', 'zzz-214-eis', 'zzz-224-eis', 'zzz-234-eis'],
    ]);
    assert.equal(narrowed.isIncomplete, false);
    assert.deepEqual(narrowed.items.map((i) => [i.detail, i.documentation, i.page]).slice(0, 1), [['Eis 240', undefined, `${C}/vereisten/zzz-240-eis.md`]]);
    // A prefix beats a word start inside, which beats a substring, which beats letters in order.
    assert.deepEqual(at('gron').items.map((i) => i.label), ['avg-01-grondslag']);
    assert.deepEqual(at('ris').items.map((i) => i.label), ['aia-01-risico']);
    assert.deepEqual(at('a1r').items.map((i) => i.label), ['aia-01-risico', 'avg-01-grondslag']);
    assert.equal(service.completionDocumentation(`${C}/vereisten/zzz-240-eis.md`), `Page \`${C}/vereisten/zzz-240-eis.md\``);
  });

  it('a new key: the keys the page type knows and the page lacks; a list key opens its list', () => {
    const { items, results } = complete(page('id: urn:nl:ak:mtr:owp-01', 'toelichting: Kort.', 'le|'));
    assert.ok(!results.some((r) => r.startsWith('title ') || r.startsWith('id ')), 'present keys are not offered');
    assert.ok(results.includes('levenscyclus → levenscyclus:\n- '), results.join('\n'));
    const levenscyclus = items.find((i) => i.label === 'levenscyclus')!;
    assert.equal(levenscyclus.newText, 'levenscyclus:\n- ');
    assert.equal(levenscyclus.retrigger, true);
    assert.equal(levenscyclus.detail, 'required');
    assert.equal(items.find((i) => i.label === 'sources')?.newText, 'sources:\n  ');
    assert.equal(complete(page('ro|'), M, 'nl').items.find((i) => i.label === 'rollen')?.detail, 'verplicht');
  });

  it('nothing in a plain value, in the title, or in the body outside directives', () => {
    assert.deepEqual(complete(page('toelichting: Ko|rt.')).results, []);
    assert.deepEqual(complete(page() + 'Tekst |hier\n').results, []);
  });

  it('a directive: names after <!--, filter keys and flags after the name, values after key/', () => {
    const body = (line: string) => `${page('levenscyclus:', '- ontwerp')}${line}\n`;
    // Every name of the content model; the editor filters by what was typed (`list_m`, which the item replaces).
    assert.deepEqual(complete(body('<!-- list_m|'), R).results, [
      'list_vereisten → <!-- list_vereisten',
      'list_maatregelen → <!-- list_maatregelen',
      'list_hulpmiddelen → <!-- list_hulpmiddelen',
      'list_vereisten_on_maatregelen_page → <!-- list_vereisten_on_maatregelen_page',
      'list_maatregelen_on_hulpmiddelen_page → <!-- list_maatregelen_on_hulpmiddelen_page',
    ]);
    assert.ok(complete(body('<!--|'), R).results.includes('list_vereisten → <!-- list_vereisten'), 'a space is put after <!--');

    const first = complete(body('<!-- list_maatregelen |'), R);
    assert.ok(first.results.includes('vereiste/ → <!-- list_maatregelen vereiste/'), first.results.join('\n'));
    assert.ok(first.results.includes('levenscyclus/ → <!-- list_maatregelen levenscyclus/'));
    assert.ok(first.results.includes('no-search → <!-- list_maatregelen no-search'), 'current: flags anywhere');
    assert.equal(first.items.find((i) => i.label === 'vereiste/')?.retrigger, true);

    assert.deepEqual(complete(body('<!-- list_maatregelen levenscyclus/ont| -->'), R).results, [
      'monitoring-en-beheer → <!-- list_maatregelen levenscyclus/monitoring-en-beheer -->',
      'ontwerp → <!-- list_maatregelen levenscyclus/ontwerp -->',
    ]);
    assert.deepEqual(complete(body('<!-- list_vereisten onderwerp/governance -->|'), R).results, [], 'after the comment');
  });

  it('2024: every token filters (AND), so keys again after the first; no column flags', () => {
    const path = 'docs/vereisten/avg-01.md';
    const service = createLanguageService(
      new MemoryWorkspace({ ...BASE_2024, [path]: '---\ntitle: T\n---\n# T\n<!-- list_maatregelen levenscyclus/ontwerp  -->\n' }),
      { language: 'en' },
    );
    const labels = service.complete(path, { line: 4, character: 43 }).items.map((i) => i.label);
    assert.ok(labels.includes('bouwblok/') && labels.includes('levenscyclus/'), labels.join(' '));
    assert.ok(!labels.some((l) => l.startsWith('no-')));
  });
});
