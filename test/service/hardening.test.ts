// The cases of issue 11 (a hostile review: no crash, no hang, nothing from a page shown raw), each as the
// reproducer it was found with, at the service level. CLI and disk cases are in test/cli/hardening.test.ts.
import assert from 'node:assert/strict';
import { cardToMarkdown, createLanguageService } from '../../server/src/service';
import { markdownCode, markdownText } from '../../server/src/service/markdownEscape';
import { LineIndex } from '../../server/src/service/text';
import { parsePage } from '../../server/src/service/frontmatter';
import { ordinary } from './harness';
import { BUILTIN_SCHEMAS, SchemaSet } from '../../server/src/service/schema';
import { fixAllPreferred, verifyFix } from '../../server/src/service/features/codeActions';
import { scanDirectives } from '../../server/src/service/directives';
import { builtinProfile } from '../../server/src/service/profile';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';

const C = 'docs/voldoen-aan-wetten-en-regels';
const M = `${C}/maatregelen/1-pba-01-x.md`;
/** A value as plain JSON data (the model's objects have no prototype). */
const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const service = (files: Record<string, string>) => createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, ...files }), { language: 'en' });
/** Findings without the body contracts (sections, markers: issue 10): these cases are about reading the frontmatter. */
const withoutBody = <T extends { code: string }>(found: T[]): T[] => found.filter((d) => !d.code.startsWith('body.'));

/** What a hostile vocabulary page holds: a command link, a remote image (a tracking pixel), HTML and a fake link. */
const HOSTILE = '[klik](command:workbench.action.terminal.new) ![](https://tracker.example/p.png) <img src=x onerror=alert(1)> [docs/x.md](https://evil.example/) *nadruk* &amp; `code`';

describe('hardening: page text shown as text (issue 11, cases 11 and 13)', () => {
  it('markdownText escapes what can start markup, and leaves words, paths and URNs readable', () => {
    assert.equal(markdownText('urn:nl:ak:mtr:owp-01 docs/a_b/c-d.md 1.5 R&D a > b'), 'urn:nl:ak:mtr:owp-01 docs/a_b/c-d.md 1.5 R&D a > b');
    assert.equal(markdownText(HOSTILE), '\\[klik\\](command:workbench.action.terminal.new) !\\[\\](https://tracker.example/p.png) \\<img src=x onerror=alert(1)> \\[docs/x.md\\](https://evil.example/) \\*nadruk\\* \\&amp; \\`code\\`');
    assert.equal(markdownText('# kop\n\n- lijst\r\n> citaat'), '\\# kop - lijst > citaat');
    assert.equal(markdownText('1. een'), '1\\. een');
    assert.equal(markdownText('_nadruk_ en snake_case'), '\\_nadruk\\_ en snake_case');
    assert.equal(markdownText('a\u001b[31mrood\u0007'), 'a\\u001b\\[31mrood\\u0007');
    assert.equal(markdownCode('a ``b`` c'), '```a ``b`` c```');
    assert.equal(markdownCode('`x'), '`` `x ``');
  });

  const vocabulary = {
    'docs/rollen/jurist.md': `---\ntitle: 'Jurist <b>![](https://tracker.example/t.png)'\ntoelichting: '${HOSTILE}'\n---\n# Jurist\n`,
    'docs/rollen/projectleider.md': `# Projectleider\n\n${HOSTILE}\n`,
    [M]: '---\ntitle: T\nid: urn:nl:ak:mtr:pba-01\ntoelichting: t\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\nrollen:\n- jurist\n- projectleider\n- \n---\n# T\n',
  };

  it('hover on a label value: the vocabulary page\'s title and toelichting or first paragraph as text, no link or image made of them', () => {
    const s = service(vocabulary);
    const jurist = s.hover(M, { line: 9, character: 3 })!;
    assert.equal(
      jurist.contents,
      '**Jurist \\<b>!\\[\\](https://tracker.example/t.png)**\n\n' + markdownText(HOSTILE) + '\n\n[docs/rollen/jurist.md](memory:///docs/rollen/jurist.md)',
    );
    const leader = s.hover(M, { line: 10, character: 3 })!;
    assert.equal(leader.contents, '**Projectleider**\n\n' + markdownText(HOSTILE) + '\n\n[docs/rollen/projectleider.md](memory:///docs/rollen/projectleider.md)');
    for (const h of [jurist, leader]) {
      // Every `[`, `<` and backtick from the page is escaped: nothing opens a link, an image, HTML or code.
      assert.doesNotMatch(h.contents.replace(/\n\n\[[^\]]*\]\(memory:[^)]*\)$/, ''), /(?<!\\)[[<`]/);
    }
  });

  it('completion documentation of a label value is the first paragraph as text', () => {
    const s = service({ ...vocabulary, [M]: vocabulary[M].replace('- projectleider\n', '') });
    const { items } = s.complete(M, { line: 10, character: 2 });
    const leader = items.find((i) => i.label === 'projectleider')!;
    assert.equal(leader.documentation, markdownText(HOSTILE));
  });

  it('hover on a directive shows its parameters in a code span they cannot leave', () => {
    const s = service({ [`${C}/vereisten/v.md`]: '---\ntitle: V\n---\n<!-- list_maatregelen rollen/jurist a`<img src=x>`b -->\n' });
    const h = s.hover(`${C}/vereisten/v.md`, { line: 3, character: 6 })!;
    assert.match(h.contents, /^\*\*list_maatregelen\*\* ``rollen\/jurist a`<img src=x>`b``\n/);
  });

  it('ak render\'s Markdown (cardToMarkdown) escapes title, toelichting, label values and messages', () => {
    const s = service({
      ...vocabulary,
      [M]: `---\ntitle: '<script>alert(1)</script> [x](command:y)'\nid: urn:nl:ak:mtr:pba-01\ntoelichting: '${HOSTILE}'\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\nrollen:\n- jurist\n- '![](https://tracker.example/v.png)'\n---\n# T\n`,
    });
    const markdown = cardToMarkdown(s.card(M)!, 'en');
    assert.match(markdown, /^# \\<script>alert\(1\)\\<\/script> \\\[x\\\]\(command:y\)\n/);
    assert.ok(markdown.includes(`\n${markdownText(HOSTILE)}\n`), markdown);
    assert.ok(markdown.includes('- rollen: jurist (Jurist \\<b>!\\[\\](https://tracker.example/t.png)), !\\[\\](https://tracker.example/v.png) (unknown value)'), markdown);
    assert.ok(markdown.includes('error `frontmatter.unknown-value` "!\\[\\](https://tracker.example/v.png)" is not a known'), markdown);
    // Nothing unescaped that opens markup: every `<`, `[` and `` ` `` left is one we wrote.
    assert.doesNotMatch(markdown.replace(/`[a-z]+\.[a-z-]+`/g, ''), /(?<!\\)[<[]|(?<![\\`])`(?!`)/);
  });
});

describe('hardening: ranges an editor can show (issue 11, cases 7 and 8)', () => {
  const codes = (text: string) => service({ [M]: text }).doValidation(M).filter((d) => d.code === 'frontmatter.yaml-syntax');

  it('with CRLF, the too-deep diagnostic ends at its line\'s end, not past the \\r', () => {
    const [deep] = codes('---\r\ntitle: ' + '['.repeat(500) + '\r\nid: x\r\n---\r\n');
    assert.deepEqual(deep.range, { start: { line: 1, character: 7 }, end: { line: 1, character: 507 } });
  });

  it('a one-character YAML error at an emoji covers the whole emoji (both halves of the surrogate pair)', () => {
    const [error] = codes('---\nrollen: ["a"😀]\n---\n');
    assert.deepEqual(error.range, { start: { line: 1, character: 12 }, end: { line: 1, character: 14 } });
  });

  it('LineIndex: an offset inside a \\r\\n or a surrogate pair becomes the nearest edge', () => {
    const lines = new LineIndex('a😀b\r\nc');
    assert.deepEqual(lines.positionAt(2), { line: 0, character: 1 });
    assert.deepEqual(lines.range(2, 2), { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } });
    assert.deepEqual(lines.range(1, 2), { start: { line: 0, character: 1 }, end: { line: 0, character: 3 } });
    assert.deepEqual(lines.range(4, 5), { start: { line: 0, character: 4 }, end: { line: 0, character: 4 } });
    assert.deepEqual(lines.range(5, 7), { start: { line: 0, character: 4 }, end: { line: 1, character: 1 } });
  });
});

describe('hardening: line ends and characters as the site reads them (issue 11, case B)', () => {
  const fm = (text: string) => parsePage(text).frontmatter!;

  it('a lone CR ends a line, as MkDocs (universal newlines) and PyYAML read it', () => {
    const page = fm('---\ntitle: A\r# c\ntoelichting: B\n---\n');
    assert.deepEqual(page.problems, []);
    assert.deepEqual(json(page.siteData), { title: 'A', toelichting: 'B' });
    const list = fm('---\ntitle: A\nhide:\n- navigation\r---\n# x\n');
    assert.equal(list.status, 'closed');
    assert.deepEqual(json(list.siteData), { title: 'A', hide: ['navigation'] });
    const d = service({ [M]: '---\ntitle: A\nhide:\n- navigation\r---\n# x\n' }).doValidation(M);
    assert.deepEqual(withoutBody(d).filter((x) => x.code !== 'frontmatter.missing-key').map((x) => x.code), []);
  });

  it('NEL and the Unicode line and paragraph separators end a line in the YAML, as in PyYAML', () => {
    assert.deepEqual(json(fm('---\ntitle: A\u2028id: B\u0085toelichting: C\u2029\n---\n').siteData), { title: 'A', id: 'B', toelichting: 'C' });
  });

  it('a control character or lone surrogate in the frontmatter is reported at its place: PyYAML refuses the block', () => {
    for (const [char, name] of [['\u001b', 'U+001B'], ['\u0000', 'U+0000'], ['\u009b', 'U+009B'], ['\ud800', 'U+D800'], ['\uffff', 'U+FFFF']]) {
      const page = fm(`---\ntitle: a${char}b\nid: x\n---\n`);
      assert.deepEqual(page.problems, [{ code: 'NON_PRINTABLE', message: name, range: { start: { line: 1, character: 8 }, end: { line: 1, character: 9 } } }], name);
      assert.equal(page.siteData, undefined);
    }
    const [d] = service({ [M]: '---\ntitle: a\u001bb\n---\n' }).doValidation(M);
    assert.equal(d.message, "Invalid YAML: an invisible control character (U+001B) that the site's YAML reader does not accept; remove it. The site ignores all metadata of this page while the YAML is invalid.");
  });
});

describe('hardening: what PyYAML accepts is read, keys never reach a prototype (issue 11, cases 1 and 10)', () => {
  const measure = (extra: string) => `---\ntitle: T\nid: urn:nl:ak:mtr:pba-01\ntoelichting: t\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\nrollen:\n- jurist\n${extra}---\n# T\n`;

  it('!!omap and !!pairs are lists of [key, value], as PyYAML\'s safe loader reads them; !!set a map of its members', () => {
    assert.deepEqual(json((parsePage('---\ntitle: !!omap [a: 1]\n---\n').frontmatter!.siteData)), { title: [['a', 1]] });
    assert.deepEqual(json((parsePage('---\ntitle: !!pairs [a: 1, a: 2]\n---\n').frontmatter!.siteData)), { title: [['a', 1], ['a', 2]] });
    assert.deepEqual(json((parsePage('---\nx: !!omap\n  - a: 1\n  - b:\ntitle: t\n---\n').frontmatter!.siteData)), { x: [['a', 1], ['b', null]], title: 't' });
    assert.deepEqual(json((parsePage('---\ntitle: !!set {a, b}\n---\n').frontmatter!.siteData)), { title: { a: null, b: null } });
    const [item] = (parsePage('---\ntitle: !!omap [a: 1]\n---\n').frontmatter!.entries[0].value as { items: { range: unknown }[] }).items;
    assert.deepEqual(item.range, { start: { line: 1, character: 15 }, end: { line: 1, character: 19 } });
  });

  it('a page with !!omap as its title is checked like any other: the title is reported as a list, not a crash', () => {
    const d = withoutBody(service({ [M]: measure('').replace('title: T', 'title: !!omap [a: 1]') }).doValidation(M));
    assert.deepEqual(d.map((x) => [x.code, x.message]), [['frontmatter.wrong-type', '"title" must be text, not a list.']]);
  });

  it('a top-level __proto__ key is an unknown key like any other and hides no missing key', () => {
    const d = service({ [M]: '---\n__proto__:\n  title: x\n  id: y\n---\n# T\n' }).doValidation(M);
    const codes = d.map((x) => `${x.code} ${x.code === 'frontmatter.missing-key' || x.code === 'frontmatter.unknown-key' ? (x.data as { key: string }).key : ''}`);
    assert.ok(codes.includes('frontmatter.missing-key title') && codes.includes('frontmatter.missing-key id'), codes.join('\n'));
    assert.ok(codes.includes('frontmatter.unknown-key __proto__'), codes.join('\n'));
    assert.equal(Object.getPrototypeOf(parsePage('---\n__proto__:\n  title: x\n---\n').frontmatter!.siteData), null);
  });

  it('a directive filter on a key the page lacks but every object inherits (constructor, toString) matches nothing and raises nothing', () => {
    const s = service({
      [M]: measure(''),
      [`${C}/vereisten/v.md`]: '---\ntitle: V\n---\n<!-- list_maatregelen constructor/x -->\n<!-- list_maatregelen toString/x -->\n<!-- list_maatregelen __proto__/x -->\n',
    });
    const codes = s.doValidation(`${C}/vereisten/v.md`).map((x) => x.code);
    assert.ok(!codes.includes('directive.raises') && !codes.includes('directive.dropped'), codes.join(' '));
    assert.deepEqual(s.graph().directives.map((d) => [d.expanded, d.resolvesTo]), [[true, []], [true, []], [true, []]]);
  });
});

describe('hardening: deep and large YAML is refused unread, with a message at its place (issue 11, case 2)', () => {
  const problems = (yaml: string) => parsePage(`---\n${yaml}---\n`).frontmatter!.problems.map((p) => `${p.code} ${p.range.start.line}:${p.range.start.character}`);

  it('block nesting 4,000 levels deep (each line indented one more, 8 MB): not read, no stack overflow', () => {
    const deep = 'nest:\n' + Array.from({ length: 4000 }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + '\ntitle: T\n';
    assert.deepEqual(problems(deep), ['TOO_LARGE 1:0']);
    // 150 levels (11 KB) are read, as PyYAML reads them.
    assert.deepEqual(problems('nest:\n' + Array.from({ length: 150 }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + '\n'), []);
  });

  it('compact nesting (`- - - …` on one line) past 400 levels: one problem where it passes, its entry left out; so after a merge key', () => {
    assert.deepEqual(problems('x:\n' + '- '.repeat(2000) + 'a\ntitle: T\n'), ['TOO_DEEP_BLOCK 2:800']);
    assert.deepEqual(ordinary(parsePage('---\nx:\n' + '- '.repeat(2000) + 'a\ntitle: T\n---\n').frontmatter!.entries.map((e) => e.key)), ['title']);
    assert.deepEqual(problems('<<: *missing\nx:\n' + '- '.repeat(2000) + 'a\n'), ['MISSING_ANCHOR 1:4', 'TOO_DEEP_BLOCK 3:800']);
    assert.deepEqual(problems('x:\n' + '- '.repeat(399) + 'a\n'), []);
  });

  it('frontmatter longer than 16 KB is not read: one warning at its first line, no missing-key noise', () => {
    const big = 'title: T\nid: urn:nl:ak:mtr:pba-01\n' + Array.from({ length: 3000 }, (_, i) => `k${i}: [a, b, c]`).join('\n') + '\n';
    const d = withoutBody(service({ [M]: `---\n${big}---\n# T\n` }).doValidation(M));
    assert.deepEqual(
      d.map((x) => [x.code, `${x.range.start.line}:${x.range.start.character}-${x.range.end.line}:${x.range.end.character}`, x.message]),
      [['frontmatter.too-large', '1:0-1:8', 'This frontmatter is 49 KB long, more than the 16 KB these checks read, so it is not checked. Real frontmatter is a few KB: is its closing --- missing?']],
    );
  });
});

describe('hardening: work linear in the page (issue 11, case 3; a hang here times the test out)', () => {
  it('a 5 MB page of 128,000 directive lines is scanned in one pass', () => {
    const page = parsePage('---\ntitle: V\n---\n' + '<!-- list_maatregelen rollen/jurist -->\n'.repeat(128000));
    assert.equal(scanDirectives(page, `${C}/vereisten/v.md`, builtinProfile('current')!).directives.length, 128000);
  });

  it('a page of 32,000 directive lines: every directive read and reported', () => {
    const V = `${C}/vereisten/v.md`;
    const s = service({ [V]: '---\ntitle: V\n---\n' + '<!-- list_maatregelen rollen/jurist -->\n'.repeat(32000) });
    assert.equal(s.doValidation(V).filter((d) => d.code === 'directive.unknown-filter-key').length, 32000);
  });

  it('30,000 directives on which the site raises (a candidate with an empty label), each counting what it took down', () => {
    const V = `${C}/vereisten/v.md`;
    const s = service({
      [M]: '---\ntitle: T\nrollen:\n---\n# T\n',
      [`${C}/maatregelen/1-pba-02-y.md`]: '---\ntitle: Y\nrollen:\n- jurist\n---\n# Y\n',
      [V]: '---\ntitle: V\n---\n' + '<!-- list_maatregelen rollen/jurist -->\n'.repeat(30000),
    });
    const raises = s.doValidation(V).filter((x) => x.code === 'directive.raises');
    assert.equal(raises.length, 30000);
    assert.deepEqual(raises.slice(0, 2).map((x) => (x.data as { dropped: number }).dropped), [29999, 0]);
  });

  it('schema errors of a 50,000-item list of numbers and empty items are mapped in linear time', () => {
    const vocabularies = new Map([['rollen', { name: 'rollen', label: { en: 'role', nl: 'rol' }, source: 'workspace' as const, acceptExpressions: false, values: new Map([['jurist', { value: 'jurist' }]]) }]]);
    const rollen = Array.from({ length: 50000 }, (_, i) => (i % 2 ? i : null));
    const problems = new SchemaSet(BUILTIN_SCHEMAS, vocabularies).validate('current/maatregel.schema.json', { title: 'T', rollen });
    assert.equal(problems.filter((p) => p.kind === 'wrong-type').length, 50000);
  });

  it('a line of a million `"` in the page or its frontmatter', () => {
    const V = `${C}/vereisten/v.md`;
    assert.ok(service({ [V]: '---\ntitle: V\n---\n' + '"'.repeat(1e6) + '\n' }).doValidation(V).length > 0);
    assert.deepEqual(withoutBody(service({ [V]: '---\ntitle: ' + '"'.repeat(1e6) + '\n---\n' }).doValidation(V)).map((d) => d.code), ['frontmatter.too-large']);
  });
});

describe('hardening: fixes that cannot damage a page (issue 11, cases A, B, E and F)', () => {
  const V = `${C}/vereisten/v.md`;
  const requirement = (body: string) => `---\ntitle: V\nid: urn:nl:ak:ver:avg-01\ntoelichting: t\nonderwerp:\n- governance\n---\n<!-- tags -->\n${body}`;
  const preferred = (s: ReturnType<typeof service>, path: string) => s.codeActions(path, { start: { line: 0, character: 0 }, end: { line: 10000, character: 0 } }).filter((a) => a.isPreferred).map((a) => [a.diagnostic.code, a.title]);

  it('A: a directive closed with `--` runs on over paragraphs, a heading and a table: "write on one line" is offered, not preferred', () => {
    const body = '<!-- list_maatregelen onderwerp/governance --\n\nEen alinea.\n\n## Kop\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<!-- list_hulpmiddelen onderwerp/governance -->\n';
    const s = service({ [V]: requirement(body) });
    const actions = s.codeActions(V, { start: { line: 8, character: 0 }, end: { line: 8, character: 5 } });
    const writeAs = actions.find((a) => a.title.startsWith('Write it as'))!;
    assert.ok(writeAs, actions.map((a) => a.title).join(', '));
    assert.equal(writeAs.isPreferred, false);
    assert.equal(s.fixAllIn(V), undefined);
  });

  it('A: a directive written over two lines of its own tokens is still rewritten on one line, preferred', () => {
    const s = service({ [V]: requirement('<!-- list_maatregelen\nonderwerp/governance no-search -->\n') });
    assert.deepEqual(preferred(s, V), [['directive.not-expanded', 'Write it as <!-- list_maatregelen onderwerp/governance no-search -->']]);
    const unclosed = service({ [V]: requirement('<!-- list_maatregelen onderwerp/governance\n\nTekst.\n') });
    assert.deepEqual(preferred(unclosed, V), [['directive.not-expanded', 'Close the comment with -->']]);
    const unclosedProse = service({ [V]: requirement('<!-- list_maatregelen onderwerp/governance en verder tekst\n\nTekst.\n') });
    assert.deepEqual(preferred(unclosedProse, V), []);
  });

  it('B: `- navigation\\r---` is fine as the site reads it: nothing to fix, nothing joined', () => {
    const s = service({ [M]: '---\ntitle: T\nhide:\n- navigation\r---\n<!-- tags -->\n# T\n' });
    assert.deepEqual(preferred(s, M), []);
  });

  it('B: a list made of a value keeps the page\'s own line break, a lone CR too', () => {
    const s = service({ [M]: '---\rtitle: T\rhide: navigation\r---\r<!-- tags -->\r# T\r' });
    assert.deepEqual(s.fixAllIn(M)?.edits.map((e) => e.newText), ['\r- navigation']);
  });

  it('F: verifyFix refuses a result that changes the body outside directives, joins lines, or breaks the frontmatter', () => {
    const page = parsePage('---\ntitle: T\nrollen:\n- jurist\n---\n# T\n\nTekst.\nMeer.\n<!-- list_x a/b\nc/d -->\n');
    const edit = (sl: number, sc: number, el: number, ec: number, newText: string) => ({ range: { start: { line: sl, character: sc }, end: { line: el, character: ec } }, newText });
    assert.deepEqual(verifyFix(page, [edit(1, 7, 1, 8, 'X')]), { text: page.text.replace('title: T', 'title: X') });
    assert.deepEqual(verifyFix(page, [edit(7, 0, 7, 1, 'X')]), { reason: 'body' });
    assert.deepEqual(verifyFix(page, [edit(7, 6, 8, 0, ' ')]), { reason: 'body' }, 'joins two lines of text');
    assert.deepEqual(verifyFix(page, [edit(9, 0, 10, 7, '<!-- list_x a/b c/d -->')]), { text: page.text.replace('a/b\nc/d', 'a/b c/d') }, 'joins the lines of one comment');
    assert.deepEqual(verifyFix(page, [edit(9, 15, 9, 15, '\n')]), { reason: 'body' }, 'adds a line');
    assert.deepEqual(verifyFix(page, [edit(1, 5, 1, 6, '')]), { reason: 'frontmatter' }, 'title without its colon');
    assert.deepEqual(verifyFix(page, [edit(2, 0, 2, 7, 'rollen: [')]), { reason: 'frontmatter' });
    assert.deepEqual(verifyFix(page, [edit(4, 0, 4, 3, '')]), { reason: 'frontmatter' }, 'the closing --- removed');
    assert.deepEqual(verifyFix(page, [edit(1, 0, 1, 2, 'x'), edit(1, 1, 1, 3, 'y')]), { reason: 'overlap' });
  });

  it('E: ak check --fix looks at every page once, then only at the pages it wrote, then once more at all', () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 200; i++) files[`${C}/maatregelen/1-pba-${i}-x.md`] = `---\ntitle: T${i}${i % 50 === 0 ? '.' : ''}\n---\n<!-- tags -->\n# T\n`;
    const workspace = new MemoryWorkspace({ ...CURRENT_BASE, ...files });
    const s = createLanguageService(workspace, { language: 'en' });
    let calls = 0;
    const result = fixAllPreferred(
      (path, range) => (calls++, s.codeActions(path, range)),
      (path) => parsePage(workspace.readFile(path)!),
      () => workspace.listMarkdownFiles(),
      (path) => workspace.readFile(path),
      (path, text) => void workspace.set(path, text),
    );
    assert.deepEqual([...result.fixed.values()], [1, 1, 1, 1]);
    const pages = workspace.listMarkdownFiles().length;
    assert.equal(calls, pages + 4 + pages);
  });
});

describe('hardening: a workspace schema\'s regular expressions run in linear time (issue 11, case 6)', () => {
  const schema = (pattern: string) => JSON.stringify({ properties: { eigenaar: { type: 'string', pattern } } });

  it('"^(a+)+$" against 5,000 a\'s and a b: answered at once (V8\'s backtracking engine would take longer than the universe)', () => {
    const s = service({
      '.algoritmekader.json': JSON.stringify({ schemas: { maatregel: './own.schema.json' } }),
      'own.schema.json': schema('^(a+)+$'),
      [M]: `---\ntitle: T\neigenaar: ${'a'.repeat(5000)}b\n---\n# T\n`,
    });
    const d = s.doValidation(M).filter((x) => x.code === 'frontmatter.schema');
    assert.deepEqual(d.map((x) => (x.data as { keyword: string }).keyword), ['pattern']);
    assert.deepEqual(s.workspaceDiagnostics(), []);
  });

  it('a pattern with a backreference does not compile on RE2: reported on the config, the built-in schema used', () => {
    const s = service({
      '.algoritmekader.json': JSON.stringify({ schemas: { maatregel: './own.schema.json' } }),
      'own.schema.json': schema('^(a)\\1$'),
      [M]: '---\ntitle: T\n---\n# T\n',
    });
    const [config] = s.workspaceDiagnostics();
    assert.equal(config.path, '.algoritmekader.json');
    assert.match(config.diagnostics[0].message, /the schemas do not compile: .*invalid escape sequence/);
  });
});
