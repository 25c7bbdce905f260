// `ak render --format html` through `run()`: one page to standard output or to a file, several into a folder
// at their paths under docs/ (links between them work), and the usage errors around it.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../server/src/cli';

const ROOT = join(__dirname, '..', '..', '..');
const C = 'examples/current/docs/voldoen-aan-wetten-en-regels';
const REQUIREMENT = `${C}/vereisten/avg-01-voorbeeldvereiste.md`;
const MEASURE = `${C}/maatregelen/2-owp-01-grondslag-vastleggen.md`;

function ak(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'C' }, cwd: ROOT });
  return { status, stdout, stderr };
}

describe('ak render --format html', () => {
  it('one page to standard output: a standalone document with inline CSS, no script, a strict policy', () => {
    const r = ak(['render', REQUIREMENT, '--format', 'html']);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /^<!DOCTYPE html>\n<html lang="nl">\n<head>\n<meta charset="utf-8">\n<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: data:">/);
    assert.match(r.stdout, /<title>Persoonsgegevens worden rechtmatig verwerkt<\/title>/);
    // The page has an h1 of its own: that is the title (the site's theme adds one only to a page without).
    assert.match(r.stdout, /<main class="ak-page"[^>]*>\n<h1 id="persoonsgegevens-worden-rechtmatig-verwerkt">Persoonsgegevens worden rechtmatig verwerkt<\/h1>/);
    assert.match(r.stdout, /<table data-list="list_maatregelen" data-state="table">/);
    assert.doesNotMatch(r.stdout, /<script/);
  });

  it('several pages into a folder, each at its path under docs/, linking to each other', () => {
    const out = mkdtempSync(join(tmpdir(), 'ak-html-'));
    try {
      const r = ak(['render', REQUIREMENT, MEASURE, '--format', 'html', '-o', out]);
      assert.deepEqual([r.status, r.stderr, r.stdout], [0, '', '']);
      const requirement = join(out, 'voldoen-aan-wetten-en-regels/vereisten/avg-01-voorbeeldvereiste.html');
      const measure = join(out, 'voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.html');
      assert.ok(existsSync(requirement) && existsSync(measure));
      // The requirement's table links to the measure's file, relative, as written beside it.
      assert.match(readFileSync(requirement, 'utf8'), /<a href="..\/maatregelen\/2-owp-01-grondslag-vastleggen.html">/);
      // One page and -o: that file.
      const single = join(out, 'een.html');
      assert.equal(ak(['render', MEASURE, '--format', 'html', '-o', single]).status, 0);
      assert.match(readFileSync(single, 'utf8'), /^<!DOCTYPE html>/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('usage errors: several pages without -o, -o without html, html for another command', () => {
    assert.match(ak(['render', REQUIREMENT, MEASURE, '--format', 'html']).stderr, /^ak: several pages as HTML need -o FOLDER \(one file per page\)\n/);
    assert.match(ak(['render', REQUIREMENT, '-o', 'x.html']).stderr, /^ak: -o is for render --format html\n/);
    assert.match(ak(['check', 'examples/current', '--format', 'html']).stderr, /^ak: --format html is for render\n/);
    assert.equal(ak(['render', REQUIREMENT, MEASURE, '--format', 'html']).status, 2);
  });
});
