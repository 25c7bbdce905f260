// `ak check --fix` over temporary copies of both corpora and of fuzzed trees (issue 11): only frontmatter and
// directive lines change, the body is otherwise byte-identical and keeps its lines, the fixed frontmatter reads
// as the site reads it, and a second run changes nothing.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { run } from '../../server/src/cli';
import { parsePage } from '../../server/src/service/frontmatter';
import { CORPORA, mutate } from '../fuzz/fuzz';
import { seeded } from '../seeded';

function pages(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pages(path) : name.endsWith('.md') ? [path] : [];
  });
}

function fix(dir: string): { fixed: Record<string, number>; notFixed: Record<string, string> } {
  let stdout = '';
  run(['check', dir, '--fix', '--format', 'json'], { stdout: (t) => (stdout += t), stderr: () => undefined, env: { LANG: 'C' }, cwd: dir });
  return JSON.parse(stdout);
}

/** Why `after` is not an acceptable fix of `before`, or undefined. */
function damage(before: Buffer, after: Buffer): string | undefined {
  if (before.equals(after)) return undefined;
  const old = parsePage(before.toString('utf8'));
  const now = parsePage(after.toString('utf8'));
  if (old.frontmatter && old.frontmatter.problems.length === 0 && (!now.frontmatter || now.frontmatter.problems.length > 0)) return 'frontmatter no longer reads';
  // Lines of comments only (a `<!-- tags -->` the template has) may be added; every other line stays.
  const text = (lines: string[]) => lines.filter((line) => !/^[ \t]*(?:<!--(?:(?!-->).)*-->[ \t]*)?\r?\n?$/.test(line));
  const oldBody = text(old.text.slice(old.bodyStart).split(/(?<=\n)/));
  const newBody = text(now.text.slice(now.bodyStart).split(/(?<=\n)/));
  if (oldBody.length !== newBody.length) return `body has ${newBody.length} lines, was ${oldBody.length}`;
  for (let i = 0; i < oldBody.length; i++) {
    if (oldBody[i] !== newBody[i] && !oldBody[i].includes('<!--')) return `body line ${i + 1} changed: ${JSON.stringify(oldBody[i])} → ${JSON.stringify(newBody[i])}`;
  }
  return undefined;
}

function checkTree(dir: string): number {
  const before = new Map(pages(dir).map((file) => [file, readFileSync(file)]));
  const first = fix(dir);
  let changed = 0;
  for (const [file, bytes] of before) {
    const after = readFileSync(file);
    if (!bytes.equals(after)) changed++;
    const why = damage(bytes, after);
    assert.equal(why, undefined, `${relative(dir, file)}: ${why}`);
  }
  assert.deepEqual(fix(dir).fixed, {}, 'a second run changes nothing');
  assert.ok(Object.keys(first.fixed).length === changed);
  return changed;
}

describe('ak check --fix over copies of the corpora and of fuzzed trees', () => {
  for (const [name, expected] of [['algoritmekader-2024-08', 95], ['algoritmekader-2026-06', 31]] as const) {
    it(`${name}: ${expected} pages fixed, nothing but frontmatter and directive lines changed, a second run changes nothing`, function () {
      this.timeout(120000);
      const dir = mkdtempSync(join(tmpdir(), 'ak-fixtree-'));
      try {
        cpSync(join(CORPORA, name), dir, { recursive: true });
        assert.equal(checkTree(dir), expected);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }

  it('three fuzzed copies of the 2026 snapshot (a third of the pages mutated): the same holds', function () {
    this.timeout(300000);
    for (const seed of [1, 2, 3]) {
      const dir = mkdtempSync(join(tmpdir(), 'ak-fixfuzz-'));
      try {
        cpSync(join(CORPORA, 'algoritmekader-2026-06'), dir, { recursive: true });
        const { random } = seeded(seed);
        for (const file of pages(join(dir, 'docs'))) if (random() < 0.33) writeFileSync(file, mutate(readFileSync(file, 'utf8'), random));
        checkTree(dir);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
