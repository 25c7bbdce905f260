// Bad input never crashes the service: generated pages full of directives, matched as the site matches them,
// and read in one go. Mangled corpus pages through every entry point: test/fuzz/fuzz.test.ts (issue 11's
// fuzzer, which took over and extends the 1,500 mutations that stood here).
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import { scanDirectives } from '../../server/src/service/directives';
import { parsePage } from '../../server/src/service/frontmatter';
import { builtinProfile } from '../../server/src/service/profile';
import type { ProfileData } from '../../server/src/service/profile';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { seeded } from '../seeded';

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
