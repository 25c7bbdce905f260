// Reading the pages ahead on another thread (pageReader.ts) gives exactly what reading them as the pass goes
// gives: the same text, the same invalid UTF-8, the same reasons, fresh text after a change on disk; and a
// whole check of the 2026 snapshot read ahead equals one read as it goes.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeWorkspace } from '../../server/src/nodeWorkspace';
import { createLanguageService } from '../../server/src/service';

const ROOT = join(__dirname, '..', '..', '..');
const SCRIPT = join(ROOT, 'dist', 'pageReader.js');
const CORPUS = join(ROOT, '..', 'shared', 'corpora', 'algoritmekader-2026-06');

function whatIsRead(workspace: NodeWorkspace, paths: readonly string[]) {
  return paths.map((path) => ({ path, text: workspace.readFile(path), notUtf8: workspace.notUtf8(path), why: workspace.whyUnreadable(path) }));
}

describe('Reading pages ahead', () => {
  let dir: string;
  before(function () {
    if (!existsSync(SCRIPT)) this.skip(); // built by `node esbuild.mjs`, which npm test runs first
    dir = mkdtempSync(join(tmpdir(), 'ak-ahead-'));
    mkdirSync(join(dir, 'docs', 'sub'), { recursive: true });
    for (let i = 0; i < 150; i++) writeFileSync(join(dir, 'docs', i % 3 ? 'sub' : '', `p${String(i).padStart(3, '0')}.md`), `---\ntitle: P${i}\n---\n${'tekst '.repeat(i * 7)}\n`);
    writeFileSync(join(dir, 'docs', 'empty.md'), '');
    writeFileSync(join(dir, 'docs', 'bom.md'), '\uFEFF---\ntitle: bom\n---\n');
    writeFileSync(join(dir, 'docs', 'latin1.md'), Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0x74, 0xe9, 0x0a]));
    writeFileSync(join(dir, 'docs', 'gone.md'), 'x');
  });
  after(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('gives each page as it is read without it: text, invalid UTF-8 and why a page is unreadable, in any order', () => {
    const plain = new NodeWorkspace(dir);
    const ahead = new NodeWorkspace(dir);
    const paths = plain.listMarkdownFiles();
    ahead.listMarkdownFiles();
    unlinkSync(join(dir, 'docs', 'gone.md')); // listed, then gone before it is read
    ahead.readAhead(SCRIPT, 0);
    const order = [...paths].reverse(); // the reader goes in listing order; the pass waits for what it asks
    assert.deepEqual(whatIsRead(ahead, order), whatIsRead(plain, order));
    assert.equal(ahead.whyUnreadable('docs/gone.md'), 'missing');
    assert.equal(typeof ahead.notUtf8('docs/latin1.md'), 'number');
    // A second read of a page goes to the disk again.
    writeFileSync(join(dir, 'docs', 'p001.md'), 'changed');
    assert.equal(ahead.readFile('docs/sub/p001.md'), plain.readFile('docs/sub/p001.md'));
  });

  it('reads a page that changed on disk after the reader started anew, and reads as usual when stopped or without the reader', () => {
    const ahead = new NodeWorkspace(dir);
    const paths = ahead.listMarkdownFiles();
    ahead.readAhead(SCRIPT, 0);
    assert.match(ahead.readFile(paths[0])!, /title/);
    writeFileSync(join(dir, 'docs', 'sub', 'p149.md'), 'nieuw');
    ahead.changedOnDisk(['docs/sub/p149.md']);
    assert.equal(ahead.readFile('docs/sub/p149.md'), 'nieuw');
    ahead.stopReadingAhead();
    assert.equal(ahead.readFile('docs/sub/p148.md'), new NodeWorkspace(dir).readFile('docs/sub/p148.md'));
    const none = new NodeWorkspace(dir);
    none.readAhead(join(dir, 'no-such-reader.js'), 0);
    assert.equal(none.readFile('docs/bom.md'), '\uFEFF---\ntitle: bom\n---\n');
  });

  it('a whole check of the 2026 snapshot read ahead equals one read as it goes', () => {
    const check = (readAhead: boolean) => {
      const workspace = new NodeWorkspace(CORPUS);
      if (readAhead) workspace.readAhead(SCRIPT, 0);
      return JSON.stringify(createLanguageService(workspace, { language: 'en' }).checkAll());
    };
    const ahead = check(true);
    assert.ok(ahead.length > 10_000);
    assert.equal(ahead, check(false));
  });
});
