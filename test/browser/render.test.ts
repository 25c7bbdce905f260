// `ak render --format html` in a real browser: Debian's chromium, headless, through playwright-core (both
// installed by test/e2e/install.sh, as for the editor tests). The title, chips, sections and table rows are
// read from the DOM; a hostile page runs no script and covers nothing. Screenshots are kept in test-results/
// (also when the tests pass), for review.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { run } from '../../server/src/cli';

/** The repository (this file runs from out/test/browser/). */
const REPO = join(__dirname, '..', '..', '..');
const CORPORA = join(REPO, '..', 'shared', 'corpora');
const RESULTS = join(REPO, 'test-results', 'render');
const E2E = process.env.E2E_DIR ?? join(REPO, '.e2e');

interface Shown {
  title: string;
  h1: string;
  chips: { key: string; text: string; href: string | null }[];
  sections: string[];
  tables: { list: string; rows: string[][] }[];
  pwned: unknown;
  dialogs: number;
  /** The element in the middle of the view, as a selector-ish name. */
  centre: string;
}

/** `ak render PAGE --format html -o FILE`; returns the file. */
function render(root: string, page: string, name: string): string {
  const out = join(RESULTS, `${name}.html`);
  const errors: string[] = [];
  run(['render', join(root, page), '--root', root, '--format', 'html', '-o', out, '--lang', 'nl'], { stdout: () => {}, stderr: (t) => errors.push(t), env: {}, cwd: REPO });
  assert.deepEqual(errors, []);
  return out;
}

/** Runs in the page: what it shows (this project's TypeScript has no DOM types, so it is plain script). */
const READ_PAGE = `(() => {
  const text = (e) => (e?.textContent ?? '').replace(/\\s+/g, ' ').trim();
  const centre = document.elementFromPoint(window.innerWidth / 2, window.innerHeight / 2);
  return {
    title: document.title,
    h1: text(document.querySelector('main h1')),
    chips: [...document.querySelectorAll('main [data-chip]')].map((c) => ({
      key: c.getAttribute('data-chip') ?? '',
      text: text(c.querySelector('.mdx-badge__text')),
      href: c.querySelector('.mdx-badge__text a')?.getAttribute('href') ?? null,
    })),
    sections: [...document.querySelectorAll('main h2')].map(text),
    tables: [...document.querySelectorAll('main table[data-list]')].map((t) => ({
      list: t.getAttribute('data-list') ?? '',
      rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map(text)),
    })),
    pwned: window.pwned,
    centre: centre ? centre.tagName.toLowerCase() + (centre.closest('main') ? ' in main' : '') : '',
  };
})()`;

describe('ak render --format html in headless chromium', function () {
  this.timeout(180_000);
  // playwright-core's types are not a dependency of this project: the few calls used here, typed loosely.
  type Page = {
    goto(url: string): Promise<unknown>;
    evaluate<T>(expression: string): Promise<T>;
    screenshot(options: { path: string; fullPage: boolean }): Promise<unknown>;
    on(event: 'dialog', listener: (dialog: { dismiss(): Promise<void> }) => void): void;
    click(selector: string): Promise<void>;
    close(): Promise<void>;
  };
  let browser: { newPage(options: { viewport: { width: number; height: number } }): Promise<Page>; close(): Promise<void> };

  before(async () => {
    execFileSync('bash', [join(REPO, 'test', 'e2e', 'install.sh')], { stdio: 'inherit', env: { ...process.env, E2E_DIR: E2E } });
    const { chromium } = createRequire(join(E2E, 'package.json'))('playwright-core') as {
      chromium: { launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<typeof browser> };
    };
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
    mkdirSync(RESULTS, { recursive: true });
  });
  after(async () => {
    await browser?.close();
  });

  /** Opens `file`, reads what it shows, and keeps a screenshot. */
  async function show(file: string, name: string, act?: (page: Page) => Promise<void>): Promise<Shown> {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    let dialogs = 0;
    page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await page.goto(pathToFileURL(file).href);
    if (act) await act(page);
    const shown = await page.evaluate<Omit<Shown, 'dialogs'>>(READ_PAGE);
    await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
    await page.close();
    return { ...shown, dialogs };
  }

  it('aia-14 (2026): title, chips with their links, sections, and the six measures', async () => {
    const root = join(CORPORA, 'algoritmekader-2026-06');
    const shown = await show(render(root, 'docs/voldoen-aan-wetten-en-regels/vereisten/aia-14-conformiteitsbeoordeling.md', 'aia-14'), 'aia-14');
    const title = 'Hoog-risico-AI-systemen worden pas geleverd of gebruikt na een conformiteitsbeoordelingsprocedure';
    assert.equal(shown.title, title);
    assert.equal(shown.h1, title);
    assert.deepEqual(shown.chips.slice(0, 6), [
      { key: 'id', text: 'aia-14', href: null },
      { key: 'levenscyclus', text: 'Verificatie en validatie', href: '../../levenscyclus/verificatie-en-validatie.html' },
      { key: 'levenscyclus', text: 'Implementatie', href: '../../levenscyclus/implementatie.html' },
      { key: 'rollen', text: 'Jurist', href: '../../rollen/jurist.html' },
      { key: 'rollen', text: 'Projectleider', href: '../../rollen/projectleider.html' },
      { key: 'onderwerp', text: 'Governance', href: '../../onderwerpen/governance.html' },
    ]);
    assert.deepEqual(
      shown.chips.slice(6).map((c) => `${c.key}: ${c.text}`),
      ['soort-toepassing: AI-systeem', 'soort-toepassing: AI-systeem voor algemene doeleinden', 'risicogroep: Hoog risico AI-systeem', 'rol-ai-act: Aanbieder', 'transparantieverplichting: Geen transparantieverplichting', 'transparantieverplichting: Transparantieverplichting'],
    );
    assert.deepEqual(shown.sections, ['Vereiste', 'Toelichting', 'Bronnen', 'Van toepassing op', 'Risico', 'Maatregelen']);
    assert.deepEqual(shown.tables.map((t) => [t.list, t.rows.length]), [['list_maatregelen', 6]]);
    assert.deepEqual(shown.tables[0].rows[0], ['Bespreek de vereisten die gelden voor een verantwoorde inzet van algoritmes met aanbieders']);
  });

  it('monitoring_na_het_in_de_handel_brengen (2024): chips, sections, and a table in each tab', async () => {
    const root = join(CORPORA, 'algoritmekader-2024-08');
    const file = render(root, 'docs/vereisten/monitoring_na_het_in_de_handel_brengen.md', 'monitoring-2024');
    const shown = await show(file, 'monitoring-2024');
    assert.equal(shown.title, 'Monitoring na het in handel brengen');
    assert.deepEqual(
      shown.chips.map((c) => `${c.key}: ${c.text} → ${c.href}`),
      ['levenscyclus: Monitoring en beheer → ../levenscyclus/monitoring-en-beheer.html', 'bouwblok: Privacy en gegevensbescherming → ../bouwblokken/privacy-en-gegevensbescherming/index.html'],
    );
    assert.deepEqual(shown.sections, ['Vereiste', 'Toelichting', 'Bronnen', 'Wanneer van toepassing?', 'Risico', 'Maatregelen']);
    assert.deepEqual(shown.tables.map((t) => t.list), ['list_maatregelen', 'list_maatregelen', 'list_maatregelen']);
    assert.ok(shown.tables[0].rows.length > 0, 'the first tab lists measures');
    // The second tab, shown by its label (CSS alone switches tabs: no script in the file).
    const second = await show(file, 'monitoring-2024-tab-2', (page) => page.click('label[for="__tabbed_1_2"]'));
    assert.equal(second.dialogs, 0);
  });

  it('a hostile page runs no script and covers nothing: script, img onerror, javascript: links, iframe, HTML in directive parameters', async () => {
    const root = mkdtempSync(join(tmpdir(), 'ak-hostile-'));
    try {
      const page = 'docs/voldoen-aan-wetten-en-regels/maatregelen/9-hostile.md';
      mkdirSync(join(root, 'docs/voldoen-aan-wetten-en-regels/vereisten'), { recursive: true });
      mkdirSync(join(root, 'docs/voldoen-aan-wetten-en-regels/maatregelen'), { recursive: true });
      writeFileSync(
        join(root, page),
        '---\ntitle: "Vijandig <script>window.pwned = 1</script>"\nid: urn:nl:ak:mtr:owp-99\nrollen:\n- "<img src=x onerror=window.pwned=2>"\nvereiste:\n- "<img src=x onerror=window.pwned=3>"\n---\n<!-- tags -->\n## Kop\n\n' +
          '<script>window.pwned = 4; alert(4)</script>\n\n<img src="x" onerror="window.pwned = 5; alert(5)">\n\n[klik](javascript:window.pwned=6) en <a id="js" href="javascript:window.pwned=7">hier</a>\n\n' +
          '<iframe src="data:text/html,<script>parent.pwned=8</script>"></iframe>\n\n<div style="position:fixed;inset:0;z-index:9999;background:red">over alles heen</div>\n\n' +
          '<!-- list_vereisten_on_maatregelen_page -->\n\n<!-- list_maatregelen onderwerp/"><img src=x onerror=window.pwned=9> -->\n\n<!-- list_maatregelen <svg onload=window.pwned=10> -->\n\nEinde.\n',
      );
      const shown = await show(render(root, page, 'hostile'), 'hostile', (p) => p.click('#js').catch(() => undefined));
      assert.equal(shown.pwned, undefined);
      assert.equal(shown.dialogs, 0);
      assert.equal(shown.title, 'Vijandig <script>window.pwned = 1</script>');
      assert.deepEqual(shown.sections, ['Kop']);
      // Nothing from the page covers the view: what is in the middle is the page's own content.
      assert.match(shown.centre, /in main$|^(html|body)$/);
      // The filter made of HTML matches nothing; the last list has no filter at all (its first token is no
      // key/value), so it lists every measure, this one: its title and roles shown as text.
      assert.deepEqual(shown.tables.map((t) => [t.list, t.rows]), [
        ['list_vereisten_on_maatregelen_page', [['<img src=x onerror=window.pwned=3>']]],
        ['list_maatregelen', []],
        ['list_maatregelen', [['Vijandig <script>window.pwned = 1</script>', '<img src=x onerror=window.pwned=2>', '', '']]],
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
