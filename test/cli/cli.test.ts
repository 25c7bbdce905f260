// `ak check` end to end through `run()`: formats, exit codes, usage errors, on the shipped examples.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { run } from '../../server/src/cli';

const ROOT = join(__dirname, '..', '..', '..');

function ak(argv: string[], env: NodeJS.ProcessEnv = { LANG: 'C' }) {
  let stdout = '';
  let stderr = '';
  const status = run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd: ROOT });
  return { status, stdout, stderr };
}

describe('ak check', () => {
  for (const example of ['examples/current', 'examples/2024']) {
    it(`finds no errors in ${example}`, () => {
      const r = ak(['check', example]);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /files checked: 0 errors, 0 warnings, 0 hints\.\n$/);
      assert.equal(r.status, 0);
    });
  }

  it('finds exactly the intended mistakes in examples/mistakes', () => {
    const r = ak(['check', 'examples/mistakes']);
    assert.equal(r.status, 1);
    const M = 'docs/voldoen-aan-wetten-en-regels/maatregelen/';
    const V = 'docs/voldoen-aan-wetten-en-regels/vereisten/';
    assert.deepEqual(
      r.stdout.split('\n').map((line) => line.split(' ').slice(0, 3).join(' ')),
      [
        `${M}2-owp-02-typfouten-in-labels.md:10:3 error frontmatter.unknown-value`,
        `${M}2-owp-02-typfouten-in-labels.md:12:3 error frontmatter.unknown-value`,
        `${M}2-owp-03-verwijzing-naar-niets.md:2:8 hint frontmatter.title-period`,
        `${M}2-owp-03-verwijzing-naar-niets.md:6:3 error reference.unknown-target`,
        `${M}2-owp-04-tekst-in-plaats-van-lijst.md:1:1 error frontmatter.missing-key`,
        `${M}2-owp-04-tekst-in-plaats-van-lijst.md:7:15 error frontmatter.wrong-type`,
        `${M}2-owp-04-tekst-in-plaats-van-lijst.md:10:3 warning frontmatter.duplicate-value`,
        `${M}2-owp-04-tekst-in-plaats-van-lijst.md:11:1 warning frontmatter.unknown-key`,
        `${M}2-owp-05-yaml-fout.md:2:8 error frontmatter.yaml-syntax`,
        `${V}avg-02-gekopieerde-lijst.md:39:32 warning directive.foreign-stem`,
        `${V}avg-02-gekopieerde-lijst.md:41:23 error directive.unknown-filter-key`,
        'Content model: current,',
        '20 files checked:',
        '',
      ],
    );
    assert.match(r.stdout, /\n20 files checked: 7 errors, 3 warnings, 1 hint\.\n$/);
  });

  it('npm run check shows those findings, says they are intended, and exits 0', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'check-examples.mjs')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.match(r.stdout, /\$ ak check examples\/mistakes\nexamples\/mistakes has typical mistakes on purpose .*the findings below are intended:\n.*error frontmatter\.unknown-value "governanse"/);
    assert.match(r.stdout, /20 files checked: 7 errors, 3 warnings, 1 hint\.\n\nnpm run check: the clean samples are clean, and the intended mistakes were found/);
  });

  it('prints JSON with the profile and relative paths', () => {
    const r = ak(['check', 'examples/current', '--format', 'json']);
    const out = JSON.parse(r.stdout);
    assert.equal(out.profile, 'current');
    assert.equal(out.files, 15);
    assert.deepEqual(out.diagnostics, []);
    assert.equal(r.status, 0);
  });

  it('exits 2 with a message for a missing ROOT', () => {
    const r = ak(['check', 'no/such/folder']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^ak: cannot read ROOT: .*no\/such\/folder \(does not exist\)\n$/);
  });

  it('exits 2 for an unknown option and shows the usage, in the language of the locale or --lang', () => {
    const r = ak(['check', '--formaat', 'json']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option "--formaat"/);
    assert.match(r.stderr, /Usage: ak check/);
    const nl = ak(['check', '--format', 'xml'], { LANG: 'nl_NL.UTF-8' });
    assert.match(nl.stderr, /^ak: onbekend formaat "xml" \(text, json, github, markdown, html\)\n\nGebruik: ak check/);
    assert.match(ak(['check', '--lang', 'nl', '--profiel', 'x']).stderr, /^ak: onbekende optie "--profiel"\n/);
  });

  it('speaks Dutch when the locale is Dutch, keeping the severity word English for problem matchers', () => {
    const r = ak(['check', 'examples/2024'], { LANG: 'nl_NL.UTF-8' });
    assert.match(r.stdout, /12 bestanden gecontroleerd/);
    const dir = mkdtempSync(join(tmpdir(), 'ak-nl-'));
    try {
      cpSync(join(ROOT, 'examples', 'current'), dir, { recursive: true });
      const measure = join(dir, 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md');
      writeFileSync(measure, readFileSync(measure, 'utf8').replace('- ontwerp\n', '- implementatie\n'));
      const nl = ak(['check', dir], { LANG: 'nl_NL.UTF-8' });
      assert.match(nl.stdout, /^docs\/voldoen-aan-wetten-en-regels\/maatregelen\/2-owp-01-grondslag-vastleggen\.md:\d+:\d+ error frontmatter\.unknown-value "implementatie" is geen bekende waarde voor levenscyclus/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ak render', () => {
  const MEASURE = 'examples/current/docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md';

  it('prints what the site makes of a page, finding the content root above it', () => {
    const r = ak(['render', MEASURE]);
    assert.equal(r.stderr, '');
    assert.equal(r.status, 0);
    assert.equal(
      r.stdout.split('## Lists on this page')[1].split('## Named by')[0],
      '\n\n### line 30: `<!-- list_vereisten_on_maatregelen_page -->`\n\nThe site lists 1 page here.\n\n' +
        '| ID | Vereiste |\n|---|---|\n' +
        '| avg-01 | Persoonsgegevens worden rechtmatig verwerkt |\n\n',
    );
    assert.match(r.stdout, /^# Leg de grondslag voor de verwerking vast\n\nmeasure · urn:nl:ak:mtr:owp-01 · docs\/voldoen-aan-wetten-en-regels\/maatregelen\/2-owp-01-grondslag-vastleggen.md\n0 errors, 0 warnings, 0 hints\n/);
  });

  it('prints the cards as JSON, in Dutch when asked', () => {
    const r = ak(['render', MEASURE, '--root', 'examples/current', '--format', 'json', '--lang', 'nl']);
    const out = JSON.parse(r.stdout);
    assert.equal(out.profile, 'current');
    assert.deepEqual(out.cards.map((c: { path: string; pageType: { label: string } }) => [c.path, c.pageType.label]), [['docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md', 'maatregel']]);
    assert.equal(out.cards[0].tables[0].note, 'De site toont hier 1 pagina.');
  });

  it('exits 1 when a rendered page has errors, and renders only pages ak check reads', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ak-render-'));
    try {
      cpSync(join(ROOT, 'examples', 'current'), dir, { recursive: true });
      const measure = join(dir, 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md');
      writeFileSync(measure, readFileSync(measure, 'utf8').replace('- ontwerp\n', '- ontwerpp\n'));
      const r = ak(['render', measure]);
      assert.equal(r.status, 1);
      assert.match(r.stdout, /^- line \d+:3 error `frontmatter.unknown-value` "ontwerpp" is not a known levenscyclus value/m);
      writeFileSync(join(dir, 'mkdocs.yml'), '# site\n');
      assert.match(ak(['render', join(dir, 'mkdocs.yml')]).stderr, /^ak: cannot read PAGE: .*mkdocs\.yml \(is not a Markdown page\)\n$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('ends quietly when its reader closes the pipe early (ak render ... | head)', () => {
    // Far more than a pipe holds (64 KB), so the writes after `head` exits meet a closed pipe.
    const page = '../shared/corpora/algoritmekader-2026-06/docs/voldoen-aan-wetten-en-regels/vereisten/aia-14-conformiteitsbeoordeling.md';
    const r = spawnSync('sh', ['-c', `node dist/cli.js render ${Array(60).fill(page).join(' ')} | head -c 10`], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.stdout.length, 10);
    assert.doesNotMatch(r.stderr, /EPIPE|Error/);
  });

  it('exits 2 with a message for a page that is not there, outside any content tree, or missing', () => {
    assert.match(ak(['render', 'examples/current/docs/nope.md']).stderr, /^ak: cannot read PAGE: .*examples\/current\/docs\/nope.md \(does not exist\)\n$/);
    assert.match(ak(['render', 'package.json', '--root', 'examples/current']).stderr, /^ak: cannot read PAGE: .*package.json \(is outside .*examples\/current\)\n$/);
    const none = ak(['render']);
    assert.equal(none.status, 2);
    assert.match(none.stderr, /^ak: render needs a PAGE\n/);
    assert.match(ak(['check', 'examples/current', '--root', 'x']).stderr, /--root is for render/);
  });
});

describe('ak help, per-command help, and errors a newcomer meets', () => {
  /** A throw-away folder with `files` (path → text); removed after `body`. */
  function withTree(files: Record<string, string>, body: (dir: string) => void) {
    const dir = mkdtempSync(join(tmpdir(), 'ak-tree-'));
    try {
      for (const [path, text] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
      body(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('ak help and ak --help print the overview on stdout and exit 0; ak alone prints it on stderr and exits 2', () => {
    const help = ak(['help']);
    assert.equal(help.status, 0);
    assert.equal(help.stderr, '');
    assert.match(help.stdout, /^Usage: ak check \[ROOT\] .*\n {7}ak graph .*\n {7}ak render .*\n {7}ak report .*\n {7}ak help \[COMMAND\]\n/);
    assert.match(help.stdout, /ak help COMMAND \(or ak COMMAND --help\) tells more about one command/);
    assert.deepEqual(ak(['--help']), help);
    const bare = ak([]);
    assert.equal(bare.status, 2);
    assert.equal(bare.stdout, '');
    assert.equal(bare.stderr, help.stdout);
  });

  for (const command of ['check', 'graph', 'render']) {
    it(`ak ${command} --help and ak help ${command} print that command's help and exit 0`, () => {
      const r = ak([command, '--help']);
      assert.equal(r.status, 0);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, new RegExp(`^Usage: ak ${command} (\\[ROOT\\]|PAGE\\.\\.\\.) \\[options\\]\n\n`));
      assert.match(r.stdout, /\n {2}-h, --help {6}this help\n\nExit status: 0 /);
      assert.deepEqual(ak(['help', command]), r);
      assert.match(ak([command, '-h', '--lang', 'nl']).stdout, new RegExp(`^Gebruik: ak ${command} `));
    });
  }

  it('ak help of an unknown command, and an unknown command with --help, exit 2', () => {
    for (const argv of [['help', 'chek'], ['chek', '--help'], ['chek']]) {
      const r = ak(argv);
      assert.equal(r.status, 2, argv.join(' '));
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^ak: unknown command "chek"\n\nUsage: ak check /);
    }
  });

  it('a usage mistake shows the help of the command it was made in', () => {
    const r = ak(['graph', '--format', 'github']);
    assert.equal(r.status, 2);
    assert.equal(r.stderr, 'ak: graph --format is text or json\n');
    const bad = ak(['render', 'x.md', '--formaat', 'json']);
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /^ak: unknown option "--formaat"\n\nUsage: ak render PAGE\.\.\. \[options\]\n/);
  });

  it('ak render of a missing page or of a folder says so, exit 2, whether or not a content root is above it', () => {
    withTree({ 'docs/voldoen-aan-wetten-en-regels/vereisten/a.md': '---\ntitle: A\n---\n' }, (dir) => {
      const cases: [string, string][] = [
        [join(dir, 'docs', 'nope.md'), 'does not exist'],
        [join(dir, 'nowhere', 'nope.md'), 'does not exist'],
        [join(tmpdir(), 'ak-no-such-folder', 'nope.md'), 'does not exist'],
        [join(dir, 'docs'), 'is a folder, not a page; give the pages in it, or check the whole tree with ak check'],
        [dir, 'is a folder, not a page; give the pages in it, or check the whole tree with ak check'],
      ];
      for (const [page, why] of cases) {
        const r = ak(['render', page]);
        assert.equal(r.status, 2, page);
        assert.equal(r.stdout, '');
        assert.equal(r.stderr, `ak: cannot read PAGE: ${page} (${why})\n`);
      }
      assert.equal(ak(['render', join(dir, 'docs'), '--lang', 'nl']).stderr, `ak: kan de pagina niet lezen: ${join(dir, 'docs')} (is een map, geen pagina; geef de pagina's erin, of controleer de hele inhoud met ak check)\n`);
    });
  });

  it('a tree that matches no content model: check, graph, render and report all report it and exit 1', () => {
    withTree({ 'docs/notes/a.md': '# A\n' }, (dir) => {
      const finding = 'error workspace.unknown-layout This folder matches no known content layout (current, transitional, 2024): expected docs/voldoen-aan-wetten-en-regels/, or docs/vereisten/ or docs/maatregelen/. The content root is the folder that holds docs/. To choose a content model, use --profile, the setting algoritmekader.profile or .algoritmekader.json.';
      const check = ak(['check', dir]);
      assert.equal(check.status, 1);
      assert.equal(check.stdout, `.:1:1 ${finding}\nContent model: none; the folders match no known content model.\n1 file checked: 1 error, 0 warnings, 0 hints.\n`);
      for (const argv of [['graph', dir], ['graph', dir, '--format', 'json'], ['render', join(dir, 'docs/notes/a.md')], ['render', join(dir, 'docs/notes/a.md'), '--format', 'json'], ['report', dir], ['report', dir, '--format', 'json']]) {
        const r = ak(argv);
        assert.equal(r.status, 1, argv.join(' '));
        assert.equal(r.stdout, '', argv.join(' '));
        assert.equal(r.stderr, `${dir}:1:1 ${finding}\n`, argv.join(' '));
      }
      // A content model given by hand is used as it is.
      const forced = ak(['graph', dir, '--profile', 'current']);
      assert.equal(forced.status, 0);
      assert.equal(forced.stdout, 'profile: current; 0 pages, 0 directives, 0 references\n');
    });
  });
});

// The installed command: dist/cli.js, the launcher that loads dist/ak.js with the build's code cache.
describe('ak launcher (dist/cli.js)', () => {
  const dist = join(ROOT, 'dist');

  it('runs the bundle as a process, with its exit code', () => {
    const r = spawnSync(process.execPath, [join(dist, 'cli.js'), 'check', 'examples/current', '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.stderr, '');
    assert.equal(JSON.parse(r.stdout).profile, 'current');
    assert.equal(r.status, 0);
    const broken = spawnSync(process.execPath, [join(dist, 'cli.js'), 'check', 'no/such/folder'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(broken.status, 2);
  });

  it('is executable itself, through its #! line', () => {
    const r = spawnSync(join(dist, 'cli.js'), ['check', 'examples/2024'], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(r.error, undefined);
    assert.match(r.stdout, /12 files checked: 0 errors/);
    assert.equal(r.status, 0);
  });

  it('hands V8 the code cache made for this very build', () => {
    const { load } = require(join(dist, 'cli.js')) as typeof import('../../server/src/cliLauncher');
    const { script, exports } = load(join(dist, 'ak.js'));
    assert.equal(script.cachedDataRejected, false);
    assert.equal(typeof exports.run, 'function');
  });

  it('ignores a cache made for another source, without handing it to V8', () => {
    const { load, sourceHash } = require(join(dist, 'cli.js')) as typeof import('../../server/src/cliLauncher');
    const dir = mkdtempSync(join(tmpdir(), 'ak-cache-'));
    try {
      const source = readFileSync(join(dist, 'ak.js'), 'utf8');
      // The real bundle with a cache file whose hash names another source.
      writeFileSync(join(dir, 'ak.js'), source);
      const cache = readFileSync(join(dist, 'ak.js.cache'));
      writeFileSync(join(dir, 'stale.cache'), Buffer.concat([sourceHash('something else'), cache.subarray(20)]));
      const { script } = load(join(dir, 'ak.js'), join(dir, 'stale.cache'));
      assert.equal(script.cachedDataRejected, undefined, 'no cache was given to V8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('ak check --fix', () => {
  const MEASURE = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag-vastleggen.md';

  it('applies every fix that leaves no doubt, in place, keeps the BOM, and reports what is left', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ak-fix-'));
    try {
      cpSync(join(ROOT, 'examples', 'current'), dir, { recursive: true });
      const original = readFileSync(join(dir, MEASURE), 'utf8');
      const broken =
        '\uFEFF' +
        original
          .replace('title: Leg de grondslag voor de verwerking vast\n', 'title: Leg de grondslag voor de verwerking vast.\n')
          .replace('- ontwerp\n', '- Ontwerp\n- implementatie\n')
          .replace('- jurist\n', '- jurist\n- jurist\n')
          .replace('- governance\n', '- governanse\n- gouvernance\n');
      writeFileSync(join(dir, MEASURE), broken);
      const r = ak(['check', dir, '--fix']);
      const after = readFileSync(join(dir, MEASURE), 'utf8');
      // Fixed: the title's period, the case slip, the repeated role, both misspellings of governance, and
      // then (next round) the repetition those two became. "implementatie" has no near value: it stays.
      assert.equal(after, '\uFEFF' + original.replace('- ontwerp\n', '- ontwerp\n- implementatie\n'));
      assert.match(r.stdout, /^Fixed 6 problems in 1 file\.$/m);
      assert.match(r.stdout, /error frontmatter\.unknown-value "implementatie" is not a known levenscyclus value\.$/m);
      assert.equal(r.status, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('changes nothing in a clean tree', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ak-fix-'));
    try {
      cpSync(join(ROOT, 'examples', 'current'), dir, { recursive: true });
      const before = readFileSync(join(dir, MEASURE), 'utf8');
      const r = ak(['check', dir, '--fix', '--format', 'json']);
      assert.deepEqual(JSON.parse(r.stdout).fixed, {});
      assert.equal(readFileSync(join(dir, MEASURE), 'utf8'), before);
      assert.equal(r.status, 0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
