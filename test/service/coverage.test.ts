// The coverage report: what is left uncovered, on an in-memory tree and on both corpora; its text and Markdown.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { NodeWorkspace } from '../../server/src/nodeWorkspace';
import { coverageToMarkdown, coverageToText, createLanguageService } from '../../server/src/service';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';

const C = 'docs/voldoen-aan-wetten-en-regels';
const FILES: Record<string, string> = {
  ...CURRENT_BASE,
  [`${C}/vereisten/avg-01-grondslag.md`]: '---\ntitle: Grondslag\nid: urn:nl:ak:ver:avg-01\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\n---\n',
  [`${C}/vereisten/avg-02-alleen.md`]: '---\ntitle: Alleen\nid: urn:nl:ak:ver:avg-02\nlevenscyclus:\n- ontwerp\n- monitoring-en-beheer\n---\n',
  [`${C}/maatregelen/2-owp-01-vast.md`]: '---\ntitle: Leg *vast*\nid: urn:nl:ak:mtr:owp-01\nvereiste:\n- avg-01-grondslag\nlevenscyclus:\n- ontwerp\n---\n',
  [`${C}/maatregelen/2-owp-02-weg.md`]: '---\ntitle: Wees\nid: urn:nl:ak:mtr:owp-02\nvereiste:\n- avg-09-weg\nonderwerp:\n- governance\n---\n',
  [`${C}/hulpmiddelen/los.md`]: '---\ntitle: Los\n---\n',
  [`${C}/hulpmiddelen/wijzer.md`]: '---\ntitle: Wijzer\nmaatregel:\n- 2-owp-01-vast\n---\n<!-- list_maatregelen_on_hulpmiddelen_page -->\n',
  'docs/onderwerpen/governance.md': '# Governance\n\n<!-- list_vereisten onderwerp/governance -->\n<!-- list_maatregelen onderwerp/governance -->\n',
};
const short = (items: { stem: string; missing?: string[] }[]) => items.map((i) => (i.missing ? `${i.stem} [${i.missing.join(',')}]` : i.stem));

describe('coverage', () => {
  const report = createLanguageService(new MemoryWorkspace(FILES), { language: 'en' }).coverage();

  it('what is uncovered, each page once, with the names that are no page', () => {
    assert.deepEqual(report.pages, { hulpmiddel: 2, maatregel: 2, vereiste: 2 });
    assert.deepEqual(short(report.requirementsWithoutMeasures), ['avg-02-alleen']);
    assert.deepEqual(short(report.measuresWithoutRequirements), ['2-owp-02-weg [avg-09-weg]']);
    assert.deepEqual(short(report.toolsLinkedToNothing), ['los []']);
    // governance's lists show avg-01 and owp-02; the tool's own list shows owp-01.
    assert.deepEqual(short(report.pagesOnNoList), ['los', 'wijzer', 'avg-02-alleen']);
  });

  it('pages per phase and topic, by type, in the vocabulary order', () => {
    assert.deepEqual(report.byPhase, [
      { value: 'monitoring-en-beheer', title: 'Monitoring en beheer', counts: { vereiste: 1 } },
      { value: 'ontwerp', title: 'Ontwerp', counts: { vereiste: 2, maatregel: 1 } },
    ]);
    assert.deepEqual(report.byTopic.map((r) => [r.value, r.counts]), [['governance', { vereiste: 1, maatregel: 1 }], ['transparantie', {}]]);
  });

  it('as text and as Markdown (page text escaped), in Dutch too', () => {
    const text = coverageToText(report, 'en');
    assert.match(text, /^Content model current: 2 requirements, 2 measures, 2 tools\.\n\nRequirements without measures \(1\)\n  avg-02 Alleen — docs\/voldoen-aan-wetten-en-regels\/vereisten\/avg-02-alleen\.md\n/);
    assert.match(text, /\n  owp-02 Wees — docs\/voldoen-aan-wetten-en-regels\/maatregelen\/2-owp-02-weg\.md \(names no page: avg-09-weg\)\n/);
    assert.match(text, /\nPer levenscyclus phase: requirements, measures, tools\n  monitoring-en-beheer     1    0    0\n  ontwerp                  2    1    0\n/);
    const md = coverageToMarkdown(report, 'en');
    assert.match(md, /^## Algoritmekader coverage\n\nContent model current: 2 requirements, 2 measures, 2 tools\.\n\n\| What \| Pages \|\n\|---\|---:\|\n\| Requirements without measures \| 1 \|\n/);
    assert.match(md, /<details><summary>Pages on no list \(3\)<\/summary>\n\n- Los — `docs\/voldoen-aan-wetten-en-regels\/hulpmiddelen\/los\.md`\n/);
    const nl = createLanguageService(new MemoryWorkspace({ ...FILES, [`${C}/hulpmiddelen/wijzer.md`]: '---\ntitle: Leg *vast*\nmaatregel:\n- 2-owp-01-vast\n---\n' }), { language: 'nl' }).coverage();
    assert.match(coverageToMarkdown(nl, 'nl'), /\n- Leg \\\*vast\\\* — `docs\/voldoen-aan-wetten-en-regels\/hulpmiddelen\/wijzer\.md`\n/);
    assert.match(coverageToText(nl, 'nl'), /^Contentmodel current: 2 vereisten, 2 maatregelen, 2 hulpmiddelen\.\n\nVereisten zonder maatregelen \(1\)/);
  });
});

describe('corpus: coverage', () => {
  const CORPORA = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora');
  const counts = (name: string) => {
    const r = createLanguageService(new NodeWorkspace(join(CORPORA, name)), { language: 'en' }).coverage();
    return { pages: r.pages, requirementsWithoutMeasures: r.requirementsWithoutMeasures.length, measuresWithoutRequirements: r.measuresWithoutRequirements.length, toolsLinkedToNothing: r.toolsLinkedToNothing.length, pagesOnNoList: r.pagesOnNoList.length };
  };

  it('2024: four requirements no measure names (one only by a case slip), three measures naming none, one instrument alone', () => {
    // CE_markering_hoog_risico, recht_klacht_indienen_bij_ai_bureau, werknemersvertegenwoordigers_…: named by no
    // measure; recht_op_uitleg_AI-besluiten: named only as Recht_op_uitleg_AI-besluiten, which the site does not
    // match. aselecte_steekproeven (an empty item), betrek_belanghebbenden (no vereiste key) and kwetsbare_groepen
    // (`tbd`). modelcontractbepalingen names nothing and nothing names it.
    assert.deepEqual(counts('algoritmekader-2024-08'), { pages: { instrument: 4, maatregel: 60, vereiste: 64 }, requirementsWithoutMeasures: 4, measuresWithoutRequirements: 3, toolsLinkedToNothing: 1, pagesOnNoList: 0 });
  });

  it('2026: aia-38 and aia-39 have no measure; 15 measures name no requirement; every page is on some list', () => {
    // The 15: seven 0-org governance measures, owp-13 and the sustainability measures (dat-06, dat-09, owk-05,
    // owk-06, mon-06), dat-12, owk-08: none has a `vereiste:` key (grep -L '^vereiste:' maatregelen/*.md).
    assert.deepEqual(counts('algoritmekader-2026-06'), { pages: { hulpmiddel: 28, maatregel: 108, vereiste: 63 }, requirementsWithoutMeasures: 2, measuresWithoutRequirements: 15, toolsLinkedToNothing: 0, pagesOnNoList: 0 });
  });
});
