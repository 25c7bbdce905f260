// `ak check` findings on the two real content snapshots in ../shared/corpora, read in place.
// Every count below was reviewed by hand against the files (the grep that confirms it is named).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { NodeWorkspace } from '../../server/src/nodeWorkspace';
import { createLanguageService, type FileDiagnostics } from '../../server/src/service';

export const CORPORA = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora');
const SEVERITY = ['', 'error', 'warning', 'info', 'hint'];

export function checkCorpus(name: string): { profile: string | undefined; results: FileDiagnostics[] } {
  const service = createLanguageService(new NodeWorkspace(join(CORPORA, name)), { language: 'en' });
  return { profile: service.profile()?.name, results: service.checkAll() };
}

function countByCode(results: FileDiagnostics[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { diagnostics } of results) for (const d of diagnostics) counts[`${d.code} ${SEVERITY[d.severity ?? 1]}`] = (counts[`${d.code} ${SEVERITY[d.severity ?? 1]}`] ?? 0) + 1;
  return counts;
}

const lines = (results: FileDiagnostics[], code: string) =>
  results.flatMap(({ path, diagnostics }) => diagnostics.filter((d) => d.code === code).map((d) => `${path}:${d.range.start.line + 1}:${d.range.start.character + 1}`)).sort();

describe('corpus: algoritmekader-2024-08', function () {
  before(function () {
    if (!existsSync(CORPORA)) throw new Error(`the corpora are missing: ${CORPORA}`);
  });
  const run = () => checkCorpus('algoritmekader-2024-08');

  it('is detected as the 2024 profile', () => assert.equal(run().profile, '2024'));

  it('finds the three requirements with "status_vereiste: Geldend", at their exact lines', () => {
    const { results } = run();
    const geldend = results.flatMap(({ path, diagnostics }) =>
      diagnostics.filter((d) => d.code === 'frontmatter.unknown-value' && (d.data as { value: string }).value === 'Geldend').map((d) => `${path}:${d.range.start.line + 1}:${d.range.start.character + 1}`),
    );
    assert.deepEqual(geldend.sort(), [
      'docs/vereisten/beschrijven_en_toewijzen_van_verantwoordelijkheden_bij_verwerking_persoonsgegevens.md:5:4',
      'docs/vereisten/beveiliging_informatie_en_informatiesystemen.md:5:4',
      'docs/vereisten/verantwoordingsplicht_rechtmatigheid.md:5:4',
    ]);
  });

  it('finds the stray string, the empty item and the missing keys', () => {
    const { results } = run();
    assert.deepEqual(lines(results, 'frontmatter.wrong-type'), [
      'docs/maatregelen/aselecte_steekproeven.md:7:1', // `vereiste:` then an empty `- ` item
      'docs/maatregelen/neem_technische_documentatie_in_algoritmeregister.md:7:11', // `vereiste: algoritmeregister` (a string)
    ]);
    assert.deepEqual(lines(results, 'frontmatter.missing-key'), [
      'docs/maatregelen/aselecte_steekproeven.md:1:1', // no rollen
      'docs/maatregelen/betrek_belanghebbenden.md:1:1', // no vereiste
      'docs/maatregelen/configuratie_met_de_mens.md:1:1', // no rollen
      'docs/maatregelen/stel_archiefbescheiden_vast.md:1:1', // no rollen
      'docs/maatregelen/vaststellen_typen_algoritme_of_AI-systeem_en_risicoclassificatie.md:1:1', // no rollen
    ]);
  });

  it('counts per code', () => {
    assert.deepEqual(countByCode(run().results), {
      // 3× `Geldend` (above) + 7× `ja` where the applicability lists use `Ja`
      // (grep -n ': ja$' docs/vereisten: beschrijven_en_toewijzen… ×3, beveiliging_informatie… ×1, beveiliging_van_verwerking ×3).
      'frontmatter.unknown-value error': 10,
      'frontmatter.missing-key error': 5, // listed above
      'frontmatter.wrong-type error': 2, // listed above
      // `vereiste` lists naming a requirement twice: archiefwet in 4 measures (bespreek_vereiste_met_aanbieder,
      // maak_de_vereiste_onderdeel_van_programma_van_eisen, maak_vereiste_onderdeel_van_contractovereenkomst,
      // maak_vereisten_voor_algoritmes_en_AI-systemen_onder_van_contractvoorwaarden) and
      // toegankelijkheidseisen_hoog_risico in 2 (periodieke_evaluatie_kwaliteit, stopzetten_gebruik).
      'frontmatter.duplicate-value warning': 6,
      // Titles ending in a period: `grep -l '^title: .*\.\s*$' vereisten/*.md maatregelen/*.md instrumenten/*.md` → 22 files.
      'frontmatter.title-period hint': 22,
      // toelichting over 40 words: counted with a split on whitespace of each `toelichting:` line → 40 pages.
      'frontmatter.toelichting-too-long hint': 40,
    });
  });
});

describe('corpus: algoritmekader-2026-06', function () {
  const run = () => checkCorpus('algoritmekader-2026-06');

  it('is detected as the current profile', () => assert.equal(run().profile, 'current'));

  it('finds the real defects at their lines', () => {
    const { results } = run();
    assert.deepEqual(lines(results, 'frontmatter.unknown-value'), [
      'docs/voldoen-aan-wetten-en-regels/hulpmiddelen/standaarden.md:42:3', // onderwerp `grondrechten`: no such page in docs/onderwerpen
      'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-28-maak-vereisten-onderdeel-van-service-level-agreement.md:43:3', // hide `tocs`
    ]);
    assert.deepEqual(lines(results, 'frontmatter.unknown-key'), [
      'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-16-vereisten-onderdeel-algemene-inkoopvoorwaarden-en-contractovereenkomst.md:75:1', // `bronnen`
      'docs/voldoen-aan-wetten-en-regels/vereisten/avg-10-recht-op-niet-geautomatiseerde-besluitvorming.md:5:1', // status_vereiste: a 2024 key
      'docs/voldoen-aan-wetten-en-regels/vereisten/avg-13-dpia-verplicht.md:5:1', // likewise
    ]);
  });

  it('counts per code', () => {
    assert.deepEqual(countByCode(run().results), {
      // `hide: navigation` as a string: `grep -rl '^hide: ' docs/voldoen-aan-wetten-en-regels` → 26 files, of which
      // hulpmiddelen/index.md is an overview page (not checked against a page schema) → 25. The site tolerates it: warning.
      'frontmatter.wrong-type warning': 25,
      // Empty values: toelichting (0-org-02, 3-dat-02), sources (0-org-00, 0-org-16, 2-owp-36, 3-dat-02),
      // categorie (aanpak-begeleidingsethiek), maatregel (genAI-compliance-FAQ), an empty `- ` vereiste item
      // (Impactanalyse-AI-verordening, roadmap-inwerkingtreding-AI-verordening) → 10.
      'frontmatter.wrong-type error': 10,
      'frontmatter.unknown-value error': 2, // listed above
      'frontmatter.unknown-key warning': 3, // listed above
      'frontmatter.duplicate-key warning': 1, // `hide` twice in 2-owp-18 (lines 20 and 28)
      'frontmatter.duplicate-value warning': 1, // aia-34-monitoring-na-het-in-de-handel-brengen twice in 2-owp-28's vereiste
      // `grep -l '^title: .*\.\s*$'` → 2-owp-05-soort-algoritme and 7-mon-05-evalueer-bij-veranderingen-in-data.
      'frontmatter.title-period hint': 2,
      'frontmatter.toelichting-too-long hint': 21, // counted like the 2024 figure → 21 pages
    });
  });
});
