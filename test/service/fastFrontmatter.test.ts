// The fast frontmatter reader against the `yaml` path: where it answers, the model must be exactly the
// one the `yaml` package gives (entries, values, ranges, offsets, site data); outside its subset it must
// give up so that `parsePage` falls back. Checked on tricky inline cases, a seeded generator of block
// YAML, and every page of both real corpora, read in place.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsePage, parsePageFast, parsePageWithYaml, type FmValue, type ParsedPage } from '../../server/src/service/frontmatter';
import { hasUnusualCharacter } from '../../server/src/service/fastFrontmatter';
import { seeded } from '../seeded';
import { ordinary } from './harness';

const ROOT = join(__dirname, '..', '..', '..');
const CORPORA = join(ROOT, '..', 'shared', 'corpora');

const page = (...lines: string[]) => ['---', ...lines, '---', '# Body', ''].join('\n');

/** The fast model; fails when the fast path gives up or differs from the `yaml` path. */
function fast(text: string): ParsedPage {
  const reference = parsePageWithYaml(text);
  const result = parsePageFast(text);
  assert.ok(result, `the fast path gave up on ${JSON.stringify(text)}`);
  assert.deepEqual(result, reference);
  assert.deepEqual(parsePage(text), reference);
  return result;
}

/** Asserts that the fast path gives up, and that `parsePage` then gives the `yaml` path's model. */
function bails(text: string): void {
  assert.equal(parsePageFast(text), undefined, `the fast path answered on ${JSON.stringify(text)}`);
  assert.deepEqual(parsePage(text), parsePageWithYaml(text));
}

/** `offset-offset` of a value, and its items' or entries' in brackets: compact range assertions. */
function spans(value: FmValue): string {
  const own = `${value.start}-${value.end}`;
  if (value.kind === 'seq') return `${own}[${value.items.map(spans).join(' ')}]`;
  if (value.kind === 'map') return `${own}{${value.entries.map((e) => `${e.key}@${e.keyStart}-${e.keyEnd}:${spans(e.value)}`).join(' ')}}`;
  return own;
}

const fm = (p: ParsedPage) => p.frontmatter!;
const valueOf = (p: ParsedPage, key: string) => fm(p).entries.find((e) => e.key === key)!.value;

describe('fast frontmatter reader', () => {
  describe('answers, with the yaml model', () => {
    it('scalars typed as PyYAML (1.1) reads them; timestamps stay text', () => {
      const p = fast(
        page(
          'a: text with spaces',
          'b: 12',
          'c: -3',
          'd: 4.03',
          'e: 0',
          'f: yes',
          'g: Off',
          'h: y',
          'i: n',
          'j: ~',
          'k: NULL',
          'l: 2024-08-14',
          'm: urn:nl:ak:ver:aia-01',
          'n: C# and F#',
          'o: http://example.nl/a#b',
          'p: -x',
          "q: 'it''s'",
          'r: "double"',
          "s: ''",
          't: a, b; c (d) && "e"',
          'u: één’s',
        ),
      );
      assert.deepEqual(ordinary(fm(p).siteData), {
        a: 'text with spaces',
        b: 12,
        c: -3,
        d: 4.03,
        e: 0,
        f: true,
        g: false,
        h: 'y',
        i: 'n',
        j: null,
        k: null,
        l: '2024-08-14',
        m: 'urn:nl:ak:ver:aia-01',
        n: 'C# and F#',
        o: 'http://example.nl/a#b',
        p: '-x',
        q: "it's",
        r: 'double',
        s: '',
        t: 'a, b; c (d) && "e"',
        u: 'één’s',
      });
      assert.equal((valueOf(p, 'q') as { source: string }).source, "'it''s'");
    });

    it('empty values, comments, blank lines and trailing spaces', () => {
      const p = fast(page('# leading comment', '', 'a:', 'b:   ', 'c: # only a comment', 'd: value   # comment', '   # indented comment', 'e: "q"  # after a quote', ''));
      assert.deepEqual(ordinary(fm(p).siteData), { a: null, b: null, c: null, d: 'value', e: 'q' });
      // An empty value takes its key's range.
      assert.equal(spans(valueOf(p, 'a')), '23-24');
      assert.equal(spans(valueOf(p, 'd')), '55-60');
    });

    it('lists at the key column and indented, empty items, items that are maps', () => {
      const p = fast(
        page(
          'a:',
          '- x',
          '-   y   # c',
          'b:',
          '  - 1',
          '  -',
          '  - "z"',
          'c:',
          '- impactvol: Ja',
          '  rekenregels:',
          '  - impactvol: Nee',
          '    extra:',
          '- k: v',
          'd:',
          '- ',
        ),
      );
      assert.deepEqual(ordinary(fm(p).siteData), {
        a: ['x', 'y'],
        b: [1, null, 'z'],
        c: [{ impactvol: 'Ja', rekenregels: [{ impactvol: 'Nee', extra: null }] }, { k: 'v' }],
        d: [null],
      });
      // A list runs from its first `-` to the end of its last item; an empty item's range is its `-`.
      assert.equal(spans(valueOf(p, 'a')), '7-16[9-10 15-16]');
      assert.equal(spans(valueOf(p, 'b')), '28-43[30-31 34-35 40-43]');
      assert.equal(spans(valueOf(p, 'd')), '118-119[118-119]');
      // A map ends at its last value, or after the `:` when that value is empty.
      assert.equal(
        spans(valueOf(p, 'c')),
        '47-114[49-107{impactvol@49-58:60-62 rekenregels@65-76:80-107[82-107{impactvol@82-91:93-96 extra@101-106:101-106}]} 110-114{k@110-111:113-114}]',
      );
    });

    it('nested maps (sources) with lists inside', () => {
      const p = fast(page('sources:', '  ADR:', '  - IB.6', '  - IB.7', '  ARK: 4.03', 'hide:', '- navigation'));
      assert.deepEqual(ordinary(fm(p).siteData), { sources: { ADR: ['IB.6', 'IB.7'], ARK: 4.03 }, hide: ['navigation'] });
      assert.equal(spans(valueOf(p, 'sources')), '15-49{ADR@15-18:22-37[24-28 33-37] ARK@40-43:45-49}');
    });

    it('duplicate keys: both entries, the last value in the site data', () => {
      const p = fast(page('hide:', '- toc', 'title: T', 'hide:', '- navigation'));
      assert.deepEqual(
        fm(p).entries.map((e) => e.key),
        ['hide', 'title', 'hide'],
      );
      assert.deepEqual(ordinary(fm(p).siteData), { hide: ['navigation'], title: 'T' });
    });

    it('CRLF, a BOM, unclosed and no-final-newline blocks, an empty block', () => {
      const crlf = fast('\uFEFF' + page('a: b', 'l:', '- x  # c', '-', 'm:', '  k: 1').replace(/\n/g, '\r\n'));
      assert.deepEqual(ordinary(fm(crlf).siteData), { a: 'b', l: ['x', null], m: { k: 1 } });
      assert.equal(spans(valueOf(crlf, 'l')), '15-26[17-18 25-26]');
      assert.equal(fm(fast('---\na: b\nl:\n- x\n\nBody\n')).status, 'unclosed');
      assert.equal(fm(fast('---\na: b\n---')).status, 'no-final-newline');
      assert.deepEqual(ordinary(fm(fast('---\n# nothing\n\n---\n')).siteData), {});
      assert.deepEqual(fm(fast('---\n---\n')).entries, []);
    });
  });

  it('finds the closing line as MkDocs does: --- or ... with trailing blanks, after LF, CRLF or a lone CR', () => {
    const block = (text: string) => {
      const f = parsePage(text).frontmatter!;
      return [f.status, f.contentStart, f.contentEnd, parsePage(text).bodyStart];
    };
    assert.deepEqual(block('---\na: 1\n--- \t\nBody'), ['closed', 4, 9, 15]);
    assert.deepEqual(block('---\r\na: 1\r\n...\r\nBody'), ['closed', 5, 11, 16]);
    assert.deepEqual(block('---\ra: 1\r---\rBody'), ['closed', 4, 9, 13]);
    assert.deepEqual(block('---\na: 1\n----\n ---\nb: 2\n---'), ['no-final-newline', 4, 24, 27]);
    assert.deepEqual(block('---\na: 1\n-- -\n'), ['unclosed', 4, 14, 14]);
  });

  describe('gives up outside its subset, and parsePage falls back to yaml', () => {
    const cases: [string, string[]][] = [
      ['flow list', ['a: [x, y]']],
      ['flow map', ['a: {x: 1}']],
      ['literal block scalar', ['a: |', '  text']],
      ['folded block scalar', ['a: >', '  text']],
      ['multi-line plain scalar', ['a: one', '  two']],
      ['multi-line list item', ['a:', '- one', '  two']],
      ['multi-line double-quoted', ['a: "one', '  two"']],
      ['multi-line single-quoted', ["a: 'one", "  two'"]],
      ['escape in double quotes', ['a: "x\\ty"']],
      ['anchor and alias', ['a: &x 1', 'b: *x']],
      ['tag', ['a: !!str 1']],
      ['tab in indentation', ['a:', '\t- x']],
      ['tab in a value', ['a: x\ty']],
      ['complex key', ['? a', ': b']],
      ['quoted key', ['"a": b']],
      ['single-quoted key', ["'a': b"]],
      ['colon in a value', ['a: b: c']],
      ['colon at the end of a value', ['a: b:']],
      ['text after a closing quote', ['a: "b" c']],
      ['hex number', ['a: 0x1F']],
      ['octal number', ['a: 010']],
      ['underscored number', ['a: 1_000']],
      ['sexagesimal', ['a: 1:20']],
      ['infinity', ['a: .inf']],
      ['exponent', ['a: 1e5']],
      ['plus sign', ['a: +5']],
      ['negative zero', ['a: -0']],
      ['dot-ended float', ['a: 1.']],
      ['very long int', ['a: 12345678901234567890']],
      ['merge key', ['<<: x']],
      ['merge value', ['a: <<']],
      ['boolean key', ['yes: x']],
      ['numeric key', ['1: x']],
      ['null key', ['~: x']],
      ['key with a space before the colon', ['a : x']],
      ['__proto__ key', ['__proto__: x']],
      ['document marker inside', ['a: b', '--- x']],
      ['directive', ['%YAML 1.1']],
      ['nested list in a list', ['a:', '- - x']],
      ['block under a bare dash', ['a:', '-', '  x: 1']],
      ['indented top level', ['  a: b']],
      ['top-level list', ['- a']],
      ['top-level scalar', ['text']],
      ['over-indented key', ['a: b', ' c: d']],
      ['list after a scalar value', ['a: b', '- c']],
      ['item at another column', ['a:', '  - x', ' - y']],
      ['reserved indicator', ['a: @x']],
      ['backtick', ['a: `x`']],
      ['dash value', ['a: -']],
      ['double dash value', ['a: --x']],
      ['lone CR', ['a: b\rc: d']],
      ['comment without a space', ['a: "b"#c']],
    ];
    for (const [name, lines] of cases) it(name, () => bails(page(...lines)));
  });

  it('agrees with yaml on 3000 generated documents (seeded)', () => {
    const { random, pick } = seeded(20260617);
    const scalars = ['a', 'b c', '1', '-5', '4.03', 'yes', 'y', '~', '2024-08-14', 'urn:x:y', 'a #c', 'C#', '"q"', "'it''s'", "''", '-x', 'x  ', 'a: b', '1:20', '010', '[a]', '"a\\"b"', '- x', '&a x'];
    const keys = ['a', 'b', 'hide', 'soort-toepassing', 'a b', 'é', 'yes', '"q"'];
    const comments = ['', '', ' # c', '  #c'];
    // Mostly values inside the subset (the first 16), sometimes one outside it.
    const scalar = () => (random() < 0.85 ? pick(scalars.slice(0, 16)) : pick(scalars));
    function block(depth: number, indent: number, out: string[]): void {
      const column = ' '.repeat(indent + pick([0, 2, 2, 4]));
      const list = random() < 0.6;
      for (let i = 1 + Math.floor(random() * 3); i > 0; i--) {
        if (random() < 0.1) out.push(pick(['', '# c', column + '# c']));
        if (list && random() < 0.15) out.push(column + pick(['-', '- ', '- # c']));
        else if (list && random() < 0.3) {
          out.push(`${column}- ${pick(keys)}: ${scalar()}`);
          if (random() < 0.5) entry(depth, column.length + 2, out);
        } else if (list) out.push(`${column}${pick(['- ', '-  '])}${scalar()}${pick(comments)}`);
        else entry(depth, column.length, out);
      }
    }
    function entry(depth: number, indent: number, out: string[]): void {
      const key = ' '.repeat(indent) + (random() < 0.8 ? pick(keys.slice(0, 6)) : pick(keys)) + ':';
      if (depth < 2 && random() < 0.4) {
        out.push(key + pick(comments));
        block(depth + 1, indent, out);
      } else out.push(`${key}${pick([' ', '  '])}${scalar()}${pick(comments)}`);
    }
    let answered = 0;
    for (let n = 0; n < 3000; n++) {
      const out: string[] = [];
      for (let i = 1 + Math.floor(random() * 4); i > 0; i--) entry(0, 0, out);
      let text = ['---', ...out, '---', ''].join('\n');
      if (random() < 0.2) text = text.replace(/\n/g, '\r\n');
      const result = parsePageFast(text);
      if (!result) continue;
      answered++;
      assert.deepEqual(result, parsePageWithYaml(text), JSON.stringify(text));
    }
    assert.ok(answered > 1500, `the fast path answered only ${answered} of 3000`);
  });

  describe('real corpora: same model as yaml on every page it answers', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((name) => {
        const path = join(dir, name);
        return statSync(path).isDirectory() ? walk(path) : name.endsWith('.md') ? [path] : [];
      });
    const corpora: [string, number][] = [
      // [folder, share of the pages with frontmatter that the fast path must answer: today all, 189 and 247]
      ['algoritmekader-2024-08', 1],
      ['algoritmekader-2026-06', 1],
    ];
    for (const [name, floor] of corpora) {
      it(name, () => {
        let withFrontmatter = 0;
        let answered = 0;
        const gaveUp: string[] = [];
        for (const path of walk(join(CORPORA, name))) {
          const text = readFileSync(path, 'utf8');
          const reference = parsePageWithYaml(text);
          if (!reference.frontmatter) continue;
          withFrontmatter++;
          const result = parsePageFast(text);
          if (!result) {
            gaveUp.push(path);
            continue;
          }
          answered++;
          assert.deepEqual(result, reference, path);
        }
        assert.ok(withFrontmatter > 150, `pages with frontmatter found in ${name}`);
        assert.ok(answered >= floor * withFrontmatter, `fast path answered ${answered}/${withFrontmatter}; gave up on ${gaveUp.join(', ')}`);
      });
    }
  });
});

describe('characters left to the yaml path', () => {
  it('are those the old expression found in the slice, on 20,000 random texts and slices', () => {
    const OLD = /[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]|\r(?!\n)|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
    const chars = ['a', ' ', ':', '-', '\n', '\r', '\r\n', '\t', '\x00', '\x1f', '\x7f', '\x85', '\x9f', '\xa0', 'é', '\u2028', '\u2029', '\ufeff', '\ufffe', '\uffff', '\ud83d', '\ude00', '\ud83d\ude00', '\ue000'];
    const { random, pick } = seeded(11);
    for (let n = 0; n < 20000; n++) {
      let text = '';
      for (let k = Math.floor(random() * 12); k > 0; k--) text += pick(chars);
      const start = Math.floor(random() * (text.length + 1));
      const end = start + Math.floor(random() * (text.length - start + 1));
      assert.equal(hasUnusualCharacter(text, start, end), OLD.test(text.slice(start, end)), JSON.stringify([text, start, end]));
    }
  });
});
