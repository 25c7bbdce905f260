// Agreement with the site, measured: every requirement, measure and tool page of both corpora, built by
// Debian's MkDocs with the corpus's own hooks and rendered by `ak render --format html`, normalised and
// compared (see compare.ts and normalize.py). Every remaining difference is listed below with its cause.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareCorpus, REPO, type Field } from './compare';

interface Known {
  /** Docs-relative pages. */
  pages: string[];
  fields: Field[];
  cause: string;
}

const KNOWN: Record<string, Known[]> = {
  'algoritmekader-2024-08': [],
  'algoritmekader-2026-06': [],
};

describe('agreement with the site (Debian mkdocs 1.4.2, pymdown-extensions 9.5, the corpus hooks)', function () {
  this.timeout(600_000);
  for (const name of Object.keys(KNOWN)) {
    it(`${name}: every requirement, measure and tool page equals the site's, but for the differences listed with their cause`, () => {
      const { comparisons } = compareCorpus(name);
      const different = comparisons.filter((c) => c.differs.length > 0);
      writeFileSync(join(REPO, '.site', name, 'differences.json'), JSON.stringify(different, null, 1));
      const equal = comparisons.length - different.length;
      console.log(`      ${name}: ${equal} of ${comparisons.length} pages equal (${((100 * equal) / comparisons.length).toFixed(1)}%)`);
      const unexplained: string[] = [];
      for (const c of different) {
        for (const field of c.differs) {
          if (!KNOWN[name].some((k) => k.pages.includes(c.page) && k.fields.includes(field))) unexplained.push(`${c.page}: ${field}`);
        }
      }
      const stale = KNOWN[name].flatMap((k) => k.pages.filter((p) => !different.some((c) => c.page === p && c.differs.some((f) => k.fields.includes(f)))).map((p) => `${p} (${k.cause})`));
      assert.deepEqual({ unexplained, stale }, { unexplained: [], stale: [] });
    });
  }
});
