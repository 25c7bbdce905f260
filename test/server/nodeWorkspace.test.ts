// The disk side of the workspace: which files are pages, as MkDocs finds them.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NodeWorkspace } from '../../server/src/nodeWorkspace';
import { WorkspaceIndex } from '../../server/src/service/workspaceIndex';

describe('NodeWorkspace', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'ak-ws-'));
    const file = (path: string) => {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), '# x\n');
    };
    file('docs/a.md');
    file('docs/site/in-docs.md'); // a folder named site inside docs/ holds pages
    file('site/built.md'); // MkDocs' output at the root does not
    file('docs/.hidden/h.md');
    file('docs/node_modules/n.md');
    file('elsewhere/shared.md');
    file('elsewhere/sub/deep.md');
    symlinkSync(join(dir, 'elsewhere/shared.md'), join(dir, 'docs/linked-page.md'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'docs/linked-folder'));
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'elsewhere/sub/loop')); // a loop back up
    symlinkSync(join(dir, 'nowhere.md'), join(dir, 'docs/dangling.md'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('follows symbolic links as MkDocs does, reads each real folder once (a loop too), and skips only the root site/ folder', () => {
    const workspace = new NodeWorkspace(dir);
    const files = [...workspace.listMarkdownFiles()].sort();
    assert.deepEqual(files, ['docs/a.md', 'docs/linked-folder/shared.md', 'docs/linked-folder/sub/deep.md', 'docs/linked-page.md', 'docs/site/in-docs.md']);
    // Reached again: the loop back up, and the folder the link points at, whose pages were listed under the link.
    assert.deepEqual(workspace.reachedTwice(), [
      { path: 'docs/linked-folder/sub/loop', first: 'docs/linked-folder' },
      { path: 'elsewhere', first: 'docs/linked-folder' },
    ]);
  });
});

describe('Indexing a tree with a page that cannot be read', () => {
  it('ends (the page waits for a change that names it) and takes the page in again once it is back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ak-unreadable-'));
    try {
      mkdirSync(join(dir, 'docs'));
      for (const name of ['a', 'b', 'c']) writeFileSync(join(dir, 'docs', `${name}.md`), `---\ntitle: ${name.toUpperCase()}\n---\n`);
      writeFileSync(join(dir, 'docs', 'huge.md'), Buffer.alloc(17 * 1024 * 1024, 0x61)); // over the 16 MB a page may be
      const workspace = new NodeWorkspace(dir);
      workspace.listMarkdownFiles();
      unlinkSync(join(dir, 'docs', 'b.md')); // gone after the listing, and no watcher said so
      const index = new WorkspaceIndex(workspace, { language: 'en', profile: 'auto' });
      // The server indexes in slices until nothing is left: both pages used to be pending again after each slice,
      // so its indexing never ended (and code lenses, which wait for it, never came).
      assert.equal(index.indexSome(() => false), 0);
      assert.equal(index.factsOf('docs/a.md')?.title, 'A');
      writeFileSync(join(dir, 'docs', 'b.md'), '---\ntitle: B\n---\n');
      workspace.changedOnDisk(['docs/b.md']);
      index.invalidate(['docs/b.md']); // as the service does for each change the workspace reports
      assert.equal(index.pendingCount, 0); // read at once
      assert.equal(index.factsOf('docs/b.md')?.title, 'B');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
