// `npm run package`: the .vsix is made without a prompt and holds exactly what the extension loads.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** Every file the .vsix must hold, and nothing else (vsce adds the first two and renames LICENSE, README, CHANGELOG). */
const FILES = [
  '[Content_Types].xml',
  'extension.vsixmanifest',
  'extension/LICENSE.txt',
  'extension/changelog.md',
  'extension/dist/client.js',
  'extension/dist/preview/markdown-preview.css',
  'extension/dist/preview/preview-style.css',
  'extension/dist/preview/preview.js',
  'extension/dist/server.js',
  'extension/images/icon.png',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.nl.json',
  'extension/readme.md',
  'extension/schemas/config.schema.json',
  'extension/snippets/algoritmekader.code-snippets',
  'extension/syntaxes/algoritmekader-directives.tmLanguage.json',
];

describe('npm run package', function () {
  this.timeout(180_000);
  let dir: string;
  let vsix: string;
  let output: string;
  let status: number | null;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ak-package-'));
    vsix = join(dir, 'extension.vsix');
    // No terminal and no input: a prompt would fail or hang here instead of passing.
    const run = spawnSync('npm', ['run', 'package', '--silent', '--', '--out', vsix], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 170_000 });
    output = `${run.stdout}${run.stderr}`;
    status = run.status;
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the .vsix without asking anything or warning', () => {
    assert.equal(status, 0, output);
    assert.doesNotMatch(output, /\[y\/N\]|WARNING/i);
    assert.match(output, /Packaged: .*extension\.vsix \(17 files, /);
  });

  it('holds only what the extension loads, under 1 MB', () => {
    const listing = spawnSync('unzip', ['-l', vsix], { encoding: 'utf8' });
    assert.equal(listing.status, 0, listing.stderr);
    // unzip -l: a header, then "  Length  Date  Time  Name" rows between two dashed lines.
    const rows = listing.stdout.split('\n');
    const first = rows.findIndex((r) => /^-{5,}/.test(r));
    const last = rows.findIndex((r, i) => i > first && /^-{5,}/.test(r));
    const names = rows.slice(first + 1, last).map((r) => r.trim().split(/\s+/).slice(3).join(' '));
    assert.deepEqual(names.sort(), FILES);
    assert.ok(statSync(vsix).size < 1024 * 1024, `the .vsix is ${statSync(vsix).size} bytes`);
  });

  it('ships a manifest with what the Marketplace shows', () => {
    const manifest = spawnSync('unzip', ['-p', vsix, 'extension/package.json'], { encoding: 'utf8' });
    const pkg = JSON.parse(manifest.stdout) as Record<string, unknown>;
    const source = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    for (const key of ['icon', 'repository', 'homepage', 'bugs', 'keywords', 'galleryBanner', 'main']) {
      assert.deepEqual(pkg[key], source[key], key);
      assert.ok(pkg[key] !== undefined, `${key} is set`);
    }
  });
});
