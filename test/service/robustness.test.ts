// Bad input never crashes the service: corpus pages mangled at random (seeded) go through every entry
// point, and every diagnostic stays inside its document.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cardToMarkdown, createLanguageService } from '../../server/src/service';
import { scanDirectives } from '../../server/src/service/directives';
import { parsePage } from '../../server/src/service/frontmatter';
import { builtinProfile } from '../../server/src/service/profile';
import type { ProfileData } from '../../server/src/service/profile';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { seeded } from '../seeded';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora', 'algoritmekader-2026-06', 'docs', 'voldoen-aan-wetten-en-regels');

function pagesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pagesUnder(path) : name.endsWith('.md') ? [path] : [];
  });
}

describe('robustness: mangled pages', () => {
  it('1,500 mutations of real pages: no throw, no process warning, every range inside the text', async function () {
    // 1,500 services with every entry point: about 5 s alone, several times that on a shared, busy machine.
    // Not a hang detector (the directive test below is): the time a call may take is the fuzz test's business.
    this.timeout(120_000);
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    const { random, pick } = seeded(4242);
    const sources = pagesUnder(CORPUS).map((file) => readFileSync(file, 'utf8'));
    const inserts = ['-', ':', ' ', '\n', '\r\n', '\t', '"', "'", '[', ']', '{', '}', '#', '&a ', '*a', '!', '|', '>', '? ', '---\n', '<!--', '-->', '`', '```\n', '    ', '\uFEFF', '<!-- list_maatregelen vereiste/ -->', 'vereiste:\n- ', '- \n'];
    const path = 'docs/voldoen-aan-wetten-en-regels/maatregelen/1-pba-01-x.md';
    for (let n = 0; n < 1500; n++) {
      let text = pick(sources);
      for (let k = 1 + Math.floor(random() * 4); k > 0; k--) {
        const at = Math.floor(random() * Math.min(text.length, 1200));
        const r = random();
        if (r < 0.4) text = text.slice(0, at) + pick(inserts) + text.slice(at);
        else if (r < 0.8) text = text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 8));
        else {
          const end = text.indexOf('\n', at);
          text = text.slice(0, at) + text.slice(at, end < 0 ? text.length : end + 1).repeat(2) + text.slice(end < 0 ? text.length : end + 1);
        }
      }
      // The mangled page is also the workspace's measure template, for newPage.
      const service = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [path]: text, 'templates/template-maatregel.md': text }), { language: n % 2 ? 'nl' : 'en' });
      const lines = text.split(/\r\n|\r|\n/);
      const inside = (p: { line: number; character: number }) => p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
      try {
        for (const d of service.doValidation(path)) {
          assert.ok(inside(d.range.start) && inside(d.range.end), `${d.code} ${JSON.stringify(d.range)} outside the text`);
          assert.ok(d.message.length > 0);
        }
        service.graph();
        service.checkAll();
        service.referencesTo(path);
        for (let offset = 0; offset < text.length; offset += 97) service.resolveDirective(path, offset);
        cardToMarkdown(service.card(path)!, n % 2 ? 'nl' : 'en');
        service.fixAllIn(path);
        const made = service.newPage({ type: 'maatregel', code: 'pba', title: 'T', slug: 't' });
        assert.ok('error' in made || made.text.length > 0);
      } catch (error) {
        assert.fail(`mutation ${n} broke the service: ${(error as Error).stack}\n${JSON.stringify(text)}`);
      }
    }
    // Warnings are emitted on the next tick: wait for them before looking.
    await new Promise((resolve) => setImmediate(resolve));
    process.off('warning', onWarning);
    assert.deepEqual(warnings, []);
  });
});

describe('robustness: directive matching', () => {
  /** The site's way, literally: one global search per list name over the page, earlier passes win. */
  function reference(text: string, from: number, profile: ProfileData): [number, number][] {
    const taken: [number, number][] = [];
    for (const list of profile.directives.lists) {
      const space = profile.directives.afterName === 'space' ? ' ' : '';
      const escaped = list.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      for (const m of text.slice(from).matchAll(new RegExp(`<!-- ${escaped}${space}([^\\r\\n]*?) -->`, 'gi'))) {
        const start = from + m.index;
        const end = start + m[0].length;
        if (!taken.some(([s, e]) => start < e && s < end)) taken.push([start, end]);
      }
    }
    return taken.sort((a, b) => a[0] - b[0]);
  }

  it('finds what one global search per name finds, on 5,000 generated pages (no code in them)', () => {
    const { random, pick } = seeded(77);
    let directives = 0;
    const pieces = ['<!-- list_maatregelen', '<!-- list_vereisten', '<!-- LIST_vereisten_1', '<!-- list_hulpmiddelen', '<!--list_maatregelen', ' vereiste/x', ' rollen/jurist', ' no-search', ' -->', '-->', ' ', 'text', '<!--', '\n', '\r\n', '\n\n'];
    for (const name of ['current', '2024', 'transitional']) {
      const profile = builtinProfile(name)!;
      for (let n = 0; n < 5000 / 3; n++) {
        let body = '';
        for (let k = Math.floor(random() * 30); k > 0; k--) body += pick(pieces);
        const text = `---\ntitle: t\n---\n${body}`;
        const page = parsePage(text);
        const found = scanDirectives(page, 'docs/x.md', profile).directives.filter((d) => d.kind === 'list').map((d): [number, number] => [d.start, d.end]);
        assert.deepEqual(found, reference(text, page.bodyStart, profile), JSON.stringify(text));
        directives += found.length;
      }
    }
    assert.ok(directives > 1000, `only ${directives} directives: the generator tests too little`);
  });

  it('pages full of broken or repeated directives are read in one go (a hang here times the test out)', () => {
    const path = 'docs/voldoen-aan-wetten-en-regels/maatregelen/1-pba-01-x.md';
    const pages = [
      '<!-- list_maatregelen a/b '.repeat(20000),
      '<!-- list_maatregelen a/b\n'.repeat(20000),
      '<!-- list_maatregelen vereiste/x -->\n'.repeat(20000),
      '<!-- list_maatregelen a/b <!-- list_vereisten c/d '.repeat(10000) + ' -->',
      '```\n<!-- list_x -->\n'.repeat(20000),
      '`a '.repeat(100000),
      '<div>\n'.repeat(20000),
    ];
    for (const body of pages) {
      const service = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [path]: `---\ntitle: t\n---\n${body}` }), { language: 'en' });
      assert.ok(service.doValidation(path).length > 0);
      service.graph();
    }
  });
});
