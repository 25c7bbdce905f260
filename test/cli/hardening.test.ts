// The disk and terminal cases of issue 11: `ak check --fix` writes only what it may, where it may, atomically;
// the walk and the reads are bounded; nothing from a page reaches the terminal raw. Each on a temporary copy of
// examples/current (the shipped sample tree).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../server/src/cli';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const MEASURE = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md';
const REQUIREMENT = 'docs/voldoen-aan-wetten-en-regels/vereisten/avg-01-voorbeeldvereiste.md';

function ak(argv: string[], cwd = ROOT) {
  let stdout = '';
  let stderr = '';
  const status = run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env: { LANG: 'C' }, cwd });
  return { status, stdout, stderr };
}

/** A fresh copy of examples/current; `use` gets its path; removed afterwards. */
function withTree(use: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'ak-hard-'));
  try {
    cpSync(join(ROOT, 'examples', 'current'), dir, { recursive: true });
    use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A title with a final period: a fix `--fix` applies. */
const withPeriod = (text: string) => text.replace('vast\n', 'vast.\n');

describe('ak check --fix writes only what it may (issue 11, cases C, D and 9)', () => {
  it('D: an unwritable page is reported by name, the others are fixed, exit 2, no stack trace', function () {
    withTree((dir) => {
      const measure = join(dir, MEASURE);
      const requirement = join(dir, REQUIREMENT);
      writeFileSync(measure, withPeriod(readFileSync(measure, 'utf8')));
      writeFileSync(requirement, readFileSync(requirement, 'utf8').replace(/^title: (.*)$/m, 'title: $1.'));
      // Run as a user who may not write the measure (as root, permissions do not stop a write).
      const root = process.getuid?.() === 0;
      if (root) {
        for (const path of [dir, ...walk(dir)]) chownSync(path, 65534, 65534);
        chownSync(measure, 0, 0);
      }
      chmodSync(measure, 0o444);
      // That user may not be able to reach this checkout (a clone in a private folder): it runs a copy of the
      // built command from a folder anyone may read.
      const bin = mkdtempSync(join(tmpdir(), 'ak-bin-'));
      try {
        for (const file of readdirSync(join(ROOT, 'dist')).filter((f) => /^(cli\.js|ak\.js(\.cache)?)$/.test(f))) cpSync(join(ROOT, 'dist', file), join(bin, file));
        chmodSync(bin, 0o755);
        for (const file of readdirSync(bin)) chmodSync(join(bin, file), 0o755);
        const r = spawnSync(process.execPath, [join(bin, 'cli.js'), 'check', dir, '--fix'], { encoding: 'utf8', env: { LANG: 'C' }, ...(root ? { uid: 65534, gid: 65534 } : {}) });
        assert.equal(r.stderr, `ak: ${MEASURE}: not fixed: cannot write it (no permission)\n`);
        assert.equal(r.status, 2);
        assert.match(r.stdout, /^Fixed 1 problem in 1 file\.$/m);
        assert.match(readFileSync(measure, 'utf8'), /vast\.\n/, 'left as it was');
        assert.doesNotMatch(readFileSync(requirement, 'utf8'), /^title: .*\.$/m, 'fixed');
      } finally {
        rmSync(bin, { recursive: true, force: true });
      }
    });
  });

  it('9: a page that is a link to a file outside the root is not written through; the file it points at is untouched', () => {
    withTree((dir) => {
      const outside = mkdtempSync(join(tmpdir(), 'ak-outside-'));
      try {
        const target = join(outside, 'page.md');
        const text = withPeriod(readFileSync(join(dir, MEASURE), 'utf8'));
        writeFileSync(target, text);
        rmSync(join(dir, MEASURE));
        symlinkSync(target, join(dir, MEASURE));
        const r = ak(['check', dir, '--fix']);
        assert.equal(r.stderr, `ak: ${MEASURE}: not fixed: it leads outside ${dir}\n`);
        assert.equal(r.status, 2);
        assert.equal(readFileSync(target, 'utf8'), text);
      } finally {
        rmSync(outside, { recursive: true, force: true });
      }
    });
  });

  it('9: a page reached through a link inside the root is fixed in the file itself; the link stays a link, the mode is kept', () => {
    withTree((dir) => {
      const real = join(dir, 'pages', 'measure.md');
      mkdirSync(join(dir, 'pages'));
      writeFileSync(real, withPeriod(readFileSync(join(dir, MEASURE), 'utf8')), { mode: 0o640 });
      chmodSync(real, 0o640);
      rmSync(join(dir, MEASURE));
      symlinkSync(real, join(dir, MEASURE));
      const r = ak(['check', dir, '--fix']);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /^Fixed 1 problem in 1 file\.$/m);
      assert.doesNotMatch(readFileSync(real, 'utf8'), /vast\.\n/);
      assert.equal(statSync(real).mode & 0o777, 0o640);
      assert.ok(readdirSync(join(dir, 'pages')).length === 1, 'no temporary file left');
    });
  });

  it('C: a page that is not valid UTF-8 is reported at its first bad byte and never rewritten; a valid page changes only where its fix is', () => {
    withTree((dir) => {
      const measure = join(dir, MEASURE);
      const latin1 = Buffer.concat([Buffer.from(withPeriod(readFileSync(measure, 'utf8'))), Buffer.from('\nCaf'), Buffer.from([0xe9]), Buffer.from('\n')]);
      writeFileSync(measure, latin1);
      const requirement = join(dir, REQUIREMENT);
      const before = Buffer.from(readFileSync(requirement, 'utf8').replace(/^title: (.*)$/m, 'title: $1.') + '\nÉén 😀 ok\n');
      writeFileSync(requirement, before);
      const r = ak(['check', dir, '--fix']);
      assert.deepEqual(readFileSync(measure), latin1, 'byte for byte');
      assert.equal(r.stderr, `ak: ${MEASURE}: not fixed: the file is not valid UTF-8, so it is not rewritten\n`);
      const lines = latin1.toString('latin1').split('\n');
      assert.match(r.stdout, new RegExp(`^${MEASURE}:${lines.length - 1}:4 error file\\.not-utf8 This file is not valid UTF-8 from here on`, 'm'));
      const after = readFileSync(requirement);
      const at = before.indexOf('.\n');
      assert.deepEqual(after, Buffer.concat([before.subarray(0, at), before.subarray(at + 1)]));
      assert.equal(r.status, 1);
    });
  });
});

describe('the walk and the reads are bounded (issue 11, cases 4 and 5)', () => {
  it('4: folders linked two ways per level, 16 levels deep: each real folder read once, the rest reported', () => {
    withTree((dir) => {
      const levels = join(dir, 'docs', 'levels');
      for (let i = 0; i < 16; i++) {
        mkdirSync(join(levels, `l${i}`), { recursive: true });
        writeFileSync(join(levels, `l${i}`, `page-${i}.md`), `# ${i}\n`);
      }
      for (let i = 0; i < 15; i++) {
        symlinkSync(join(levels, `l${i + 1}`), join(levels, `l${i}`, 'a'));
        symlinkSync(join(levels, `l${i + 1}`), join(levels, `l${i}`, 'b'));
      }
      const r = ak(['check', dir, '--format', 'json']);
      const out = JSON.parse(r.stdout);
      assert.equal(out.files, 15 + 16, 'the sample tree and one copy of each level page');
      const twice = out.diagnostics.filter((d: { code: string }) => d.code === 'workspace.folder-reached-twice');
      assert.equal(twice.length, 15 + 15, 'each b link, and each top-level folder first read through an a link');
      const deepest = `docs/levels/l0${'/a'.repeat(14)}`;
      assert.equal(twice[0].message, `The folder ${deepest}/b leads through a symbolic link to the same folder as ${deepest}/a: the site builds its pages twice, under both paths. They are checked once, under ${deepest}/a.`);
    });
  });

  it('5: a config that is a FIFO, or names /dev/zero or /etc/passwd as a schema: no hang, nothing read outside the root, nothing quoted', () => {
    withTree((dir) => {
      const fifo = spawnSync('mkfifo', [join(dir, '.algoritmekader.json')]);
      assert.equal(fifo.status, 0, 'mkfifo');
      // A child process with a time limit: a read that blocks must fail the test, not hang it.
      const fromFifo = spawnSync(process.execPath, [CLI, 'check', dir], { encoding: 'utf8', env: { LANG: 'C' }, timeout: 20000 });
      assert.equal(fromFifo.signal, null, 'ak check returned');
      assert.match(fromFifo.stdout, /^\.algoritmekader\.json:1:1 error workspace\.config \.algoritmekader\.json: the file is not a regular file$/m);
      rmSync(join(dir, '.algoritmekader.json'));
      writeFileSync(join(dir, '.algoritmekader.json'), JSON.stringify({ schemas: { maatregel: '../../../../../../../../dev/zero', vereiste: '/etc/passwd' } }));
      symlinkSync('/etc/passwd', join(dir, 'passwd.json'));
      writeFileSync(join(dir, 'huge.json'), '{"x": "' + 'a'.repeat(2 * 1024 * 1024) + '"}');
      const out = spawnSync(process.execPath, [CLI, 'check', dir], { encoding: 'utf8', env: { LANG: 'C' }, timeout: 20000 });
      assert.equal(out.signal, null, 'ak check returned');
      assert.match(out.stdout, /schema file "\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/\.\.\/dev\/zero" is outside the content root, where files are not read/);
      assert.match(out.stdout, /schema file "\/etc\/passwd" is outside the content root, where files are not read/);
      assert.doesNotMatch(out.stdout, /root:/);
      writeFileSync(join(dir, '.algoritmekader.json'), JSON.stringify({ schemas: { maatregel: 'passwd.json', vereiste: 'huge.json' } }));
      const linked = spawnSync(process.execPath, [CLI, 'check', dir], { encoding: 'utf8', env: { LANG: 'C' }, timeout: 20000 });
      assert.match(linked.stdout, /schema file "passwd\.json" is outside the content root, where files are not read/);
      assert.match(linked.stdout, /schema file "huge\.json" is larger than the 1 MB read/);
      assert.doesNotMatch(linked.stdout, /root:/);
    });
  });
});

describe('nothing from a page reaches the terminal raw (issue 11, case 12)', () => {
  const hostile = (dir: string) => {
    const measure = join(dir, MEASURE);
    // A title ending in an escape sequence, and a label value that carries a forged finding on the next row.
    const text = readFileSync(measure, 'utf8')
      .replace('- jurist\n', '- "jurist\\nfake.md:1:1 error x forged\\r\\u001b[2J\\u009b31m\\u202e"\n')
      .replace('title: Leg de grondslag voor de verwerking vast', 'title: "\\u001b]0;pwned\\u0007Leg de grondslag voor de verwerking vast"');
    writeFileSync(measure, text);
  };

  it('text: control characters, line breaks and bidi controls in messages are shown as \\uXXXX, one line per finding', () => {
    withTree((dir) => {
      hostile(dir);
      const r = ak(['check', dir]);
      assert.doesNotMatch(r.stdout + r.stderr, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      assert.doesNotMatch(r.stdout, /^fake\.md/m);
      assert.match(r.stdout, /error frontmatter\.unknown-value "jurist\\u000afake\.md:1:1 error x forged\\u000d\\u001b\[2J\\u009b31m\\u202e" is not a known rollen value/);
    });
  });

  it('github: GitHub\'s escapes for %, CR, LF (and : , in properties); other controls as \\uXXXX', () => {
    withTree((dir) => {
      hostile(dir);
      const r = ak(['check', dir, '--format', 'github']);
      assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      assert.match(r.stdout, /::error file=docs\/voldoen-aan-wetten-en-regels\/maatregelen\/2-owp-01-grondslag-vastleggen\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=frontmatter\.unknown-value::"jurist%0Afake\.md:1:1 error x forged%0D\\u001b\[2J\\u009b31m\\u202e" is not a known rollen value/);
    });
  });

  it('json stays valid JSON with the same values; render\'s Markdown has no raw controls either', () => {
    withTree((dir) => {
      hostile(dir);
      const r = ak(['check', dir, '--format', 'json']);
      assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      const out = JSON.parse(r.stdout);
      assert.ok(out.diagnostics.some((d: { message: string }) => d.message.includes('jurist\nfake.md:1:1 error x forged\r\u001b[2J\u009b31m\u202e')));
      const rendered = ak(['render', join(dir, MEASURE)]);
      assert.doesNotMatch(rendered.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
      assert.match(rendered.stdout, /^# \\u001b\\\]0;pwned\\u0007Leg/m);
    });
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? [join(dir, e.name), ...walk(join(dir, e.name))] : [join(dir, e.name)]));
}

