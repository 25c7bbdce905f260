// How YAML syntax problems in the frontmatter are reported: where (exact ranges, never on the closing
// `---`), how often (one fault, one diagnostic), in which words (Dutch and English), and where the `yaml`
// package and the site's reader (PyYAML safe_load) disagree. Also the ranges of block scalars.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parsePage, parsePageFast, parsePageWithYaml, type FmValue } from '../../server/src/service/frontmatter';
import { message } from '../../server/src/service/messages';
import { createLanguageService } from '../../server/src/service';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { at, diagnose, ordinary, seen, type Seen } from './harness';

const M = 'docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-01-grondslag.md';

/** The diagnostics of a measure page with `text`, without the missing-key ones (they only say which keys are absent). */
const scalarValue = (v: FmValue) => (v.kind === 'scalar' ? v.value : undefined);

/** The keys a measure page with `text` is reported to miss (from the findings' data), in order. */
const missingKeys = (text: string): string[] =>
  diagnose({ ...CURRENT_BASE, [M]: text }, M)
    .filter((d) => d.code === 'frontmatter.missing-key')
    .map((d) => (d.data as { key: string }).key);

const check = (text: string, lang: 'en' | 'nl' = 'en'): Seen[] =>
  diagnose({ ...CURRENT_BASE, [M]: text }, M, lang)
    .map(seen)
    .filter((d) => d.code !== 'frontmatter.missing-key');

describe('block scalars', () => {
  it('a folded or literal value ends at its last character, not on the next line', () => {
    const text = '---\ntitle: >-\n  Foo\n  bar.\nid: urn:nl:ak:mtr:owp-01\n---\n';
    assert.deepEqual(check(text), [
      { code: 'frontmatter.title-period', range: '1:7-3:6', message: 'The title ends in a period; the templates say: no period after the title.' },
    ]);
    const title = parsePage(text).frontmatter!.entries[0].value;
    assert.equal(title.kind === 'scalar' && title.source, '>-\n  Foo\n  bar.');
    // Kept blank lines (`|+`) and trailing spaces are not part of the range either.
    const kept = parsePage('---\ntitle: |+\n  Foo.  \n\n\nid: x\n---\n').frontmatter!.entries[0].value;
    assert.deepEqual([kept.range, scalarValue(kept)], [{ start: { line: 1, character: 7 }, end: { line: 2, character: 6 } }, 'Foo.  \n\n\n']);
  });

  it('an empty block scalar is its header (a comment after it is not part of it)', () => {
    const empty = parsePage('---\ntitle: > # c\nid: x\n---\n').frontmatter!.entries[0].value;
    assert.deepEqual([empty.start, empty.end, scalarValue(empty)], [11, 12, '']);
  });

  it('a map or list ends where its last block scalar does', () => {
    const page = parsePage('---\nsources:\n  a: |\n    x\n\nid: x\n---\n');
    assert.deepEqual(page.frontmatter!.entries[0].value.range, { start: { line: 2, character: 2 }, end: { line: 3, character: 5 } });
  });

  it('the fast reader leaves block scalars to yaml, so both paths give the same model', () => {
    const text = '---\ntitle: >-\n  Foo\n  bar.\nid: x\n---\n';
    assert.equal(parsePageFast(text), undefined);
    assert.deepEqual(parsePage(text), parsePageWithYaml(text));
  });
});

/** The YAML syntax diagnostics only, as `range message`. */
const yamlErrors = (text: string, lang: 'en' | 'nl' = 'en'): string[] =>
  diagnose({ ...CURRENT_BASE, [M]: text }, M, lang)
    .filter((d) => d.code === 'frontmatter.yaml-syntax')
    .map((d) => `${seen(d).range} ${d.message}`);

const EN_TAIL = ' The site ignores all metadata of this page while the YAML is invalid.';
const NL_TAIL = ' De site negeert alle metadata van deze pagina zolang de YAML ongeldig is.';
const en = (wording: string) => `Invalid YAML: ${wording}.${EN_TAIL}`;
const nl = (wording: string) => `Ongeldige YAML: ${wording}.${NL_TAIL}`;

const UNCLOSED_QUOTE = {
  en: en('this quote is never closed, so the value runs on to the end of the frontmatter; end the value with the same quote'),
  nl: nl('dit aanhalingsteken wordt niet gesloten, dus de waarde loopt door tot het eind van de frontmatter; zet hetzelfde teken aan het eind van de waarde'),
};
const UNCLOSED_BRACKET = {
  en: en('this bracket is never closed; end the list with the matching ] or }'),
  nl: nl('dit haakje wordt niet gesloten; zet het bijbehorende sluithaakje, ] of }, aan het eind'),
};
const MISPLACED_LIST_ITEM = {
  en: en('a list item (-) where a key is expected: the items of one list start in the same column, under a key without a value (key:)'),
  nl: nl('een lijstitem (-) waar een veld verwacht wordt: de items van één lijst beginnen in dezelfde kolom, onder een veld zonder waarde (veld:)'),
};
const INDENTED_KEY = {
  en: en(
    'this line is indented further than the one above, so it continues that value, which cannot hold a "key:"; start a new key in the same column as the keys above, or put the value in quotes',
  ),
  nl: nl(
    'deze regel springt verder in dan de regel erboven en hoort dus bij die waarde, waarin geen "veld:" kan staan; begin een nieuw veld in dezelfde kolom als de velden erboven, of zet de waarde tussen aanhalingstekens',
  ),
};
const BLOCK_IN_FLOW = {
  en: en('inside brackets [ ] or { } a list with - or a key: value cannot start a line of its own; put such a value in quotes'),
  nl: nl("tussen haken [ ] of { } kan geen lijst met - en geen veld: waarde op een eigen regel staan; zet zo'n waarde tussen aanhalingstekens"),
};
const MISSING_COLON = {
  en: en('this line is not a key with a value: the colon is missing (key: value), or the line continues the value above and must then be indented'),
  nl: nl('deze regel is geen veld met een waarde: de dubbele punt ontbreekt (veld: waarde), of de regel hoort bij de waarde erboven en moet dan inspringen'),
};
const COLON_IN_VALUE = {
  en: en('a colon inside a value; put the value in quotes'),
  nl: nl('een dubbele punt in een waarde; zet de waarde tussen aanhalingstekens'),
};

/** Asserts the YAML diagnostics of `text` in both languages: `[range, wording]` pairs. */
function expectYaml(text: string, expected: [string, { en: string; nl: string }][]): void {
  assert.deepEqual(yamlErrors(text, 'en'), expected.map(([range, m]) => `${range} ${m.en}`));
  assert.deepEqual(yamlErrors(text, 'nl'), expected.map(([range, m]) => `${range} ${m.nl}`));
}

const ID = 'id: urn:nl:ak:mtr:owp-01';

describe('YAML errors: at the fault, once', () => {
  it('an unclosed quote: at the quote (to the end of its line), not on the closing ---; the keys after it are still read', () => {
    const text = `---\ntitle: "Foo\n${ID}\ntoelichting: Kort.\n---\n# T\n`;
    expectYaml(text, [['1:7-1:11', UNCLOSED_QUOTE]]);
    // The broken `title` is left out (and not reported missing); `id` and `toelichting` are in the model.
    assert.deepEqual(
      parsePage(text).frontmatter!.entries.map((e) => e.key),
      ['id', 'toelichting'],
    );
    assert.deepEqual(parsePage(text).frontmatter!.brokenKeys, ['title']);
    assert.deepEqual(missingKeys(text), ['levenscyclus', 'onderwerp', 'rollen']);
    // Single quotes, CRLF, and an unclosed quote on the last line before the closing ---.
    expectYaml(`---\r\n${ID}\r\ntitle: 'Foo\r\n---\r\n`, [['2:7-2:11', UNCLOSED_QUOTE]]);
  });

  it('an unclosed flow list or map: once, at its bracket', () => {
    expectYaml(`---\ntitle: T\nonderwerp: [governance\n${ID}\n---\n`, [['2:11-2:22', UNCLOSED_BRACKET]]);
    expectYaml(`---\ntitle: T\nonderwerp: {a: governance\n---\n`, [['2:11-2:25', UNCLOSED_BRACKET]]);
    // Nested brackets: the outermost; two lists each unclosed: each.
    expectYaml('---\nrollen: [[[jurist\n---\n', [['1:8-1:17', UNCLOSED_BRACKET]]);
    expectYaml('---\na: [x\nb: [y\n---\n', [
      ['1:3-1:5', UNCLOSED_BRACKET],
      ['2:3-2:5', UNCLOSED_BRACKET],
    ]);
    // A list item at column 0 inside closed brackets: one fault, at the item, where PyYAML stops too.
    expectYaml('---\ntitle: T\nk: [ontwerp,\n- a]\n---\n', [['3:0-3:3', BLOCK_IN_FLOW]]);
  });

  it('no YAML diagnostic lies on the closing line or outside the YAML', () => {
    const texts = [
      `---\ntitle: "Foo\n---\n`,
      `---\nk: [a, b\n\n\n---\n`,
      `---\na: b\n\nc\n\n---\n`,
      `---\nk: |\n  x\n y\n---\n`,
      `---\n${ID}\n- a\n---\n`,
    ];
    for (const text of texts) {
      const closing = text.split('\n').lastIndexOf('---');
      for (const d of diagnose({ ...CURRENT_BASE, [M]: text }, M).filter((d) => d.code === 'frontmatter.yaml-syntax')) {
        assert.ok(d.range.start.line >= 1 && d.range.end.line < closing, `${JSON.stringify(text)}: ${seen(d).range}`);
      }
    }
  });

  it('a list item indented unlike the one above: said as such, at the "-", once', () => {
    expectYaml('---\ntitle: T\nlevenscyclus:\n - ontwerp\n- ontwerp\n---\n', [['4:0-4:9', MISPLACED_LIST_ITEM]]);
    // yaml reports it on the blank line above; the fault is the item.
    expectYaml('---\ntitle: T\nlevenscyclus:\n - ontwerp\n\n- ontwerp\n---\n', [['5:0-5:9', MISPLACED_LIST_ITEM]]);
    expectYaml('---\ntitle: T\nrollen:\n  - a\n - b\n---\n', [['4:1-4:4', MISPLACED_LIST_ITEM]]);
    // A list after a key that already has a value.
    expectYaml('---\ntitle: x\n- y\n---\n', [['2:0-2:3', MISPLACED_LIST_ITEM]]);
  });

  it('a colon inside a value keeps its wording; a key indented too far gets one about indentation', () => {
    expectYaml(`---\ntitle: Een: twee\n${ID}\n---\n`, [['1:7-1:8', COLON_IN_VALUE]]);
    expectYaml(`---\ntitle: T\n id: x\n---\n`, [['2:1-2:6', INDENTED_KEY]]);
    expectYaml(`---\ntitle: T\nlevenscyclus:\n- ontwerp\n onderwerp:\n- a\n---\n`, [['4:1-4:11', INDENTED_KEY]]);
    // A continuation line is where the colon is.
    expectYaml(`---\ntoelichting: Dit is\n  een zin: met\n${ID}\n---\n`, [['2:2-2:14', INDENTED_KEY]]);
  });

  it('a line without a colon: says so, once', () => {
    expectYaml(`---\ntoelichting: Dit is\neen zin\n${ID}\n---\n`, [['2:0-2:7', MISSING_COLON]]);
    expectYaml('---\ntitle: T\n\nc\n---\n', [['3:0-3:1', MISSING_COLON]]);
  });

  it('a list followed by a key: one diagnostic, not three', () => {
    assert.equal(yamlErrors('---\n- a\nk: b\n---\n').length, 1);
  });

  it('text after a closing quote, a bad escape and a bad first character name the fault', () => {
    expectYaml('---\ntitle: "Privacy" by design\n---\n', [
      [
        '1:17-1:26',
        {
          en: en('text after the closing quote; put the whole value in quotes'),
          nl: nl('tekst na het afsluitende aanhalingsteken; zet de hele waarde tussen aanhalingstekens'),
        },
      ],
    ]);
    expectYaml('---\ntitle: `x`\n---\n', [
      ['1:7-1:8', { en: en('a value cannot start with `; put it in quotes'), nl: nl('een waarde mag niet met ` beginnen; zet haar tussen aanhalingstekens') }],
    ]);
  });
});

describe('YAML errors: words in both languages', () => {
  // Every code of the `yaml` package, read from its own type declaration so that a new one fails here.
  const declared = readFileSync(join(dirname(require.resolve('yaml')), 'errors.d.ts'), 'utf8');
  const codes = [...(/export type ErrorCode = ([^;]+);/.exec(declared)?.[1] ?? '').matchAll(/'([A-Z_0-9]+)'/g)].map((m) => m[1]);
  const ours = [
    'TOO_DEEP',
    'UNCLOSED_QUOTE',
    'UNCLOSED_BRACKET',
    'MISPLACED_LIST_ITEM',
    'INDENTED_KEY',
    'MISSING_COLON',
    'MISSING_SPACE_AFTER_COLON',
    'MISSING_SPACE_AFTER_DASH',
    'TEXT_AFTER_QUOTE',
    'MISSING_ANCHOR',
    'UNKNOWN_TAG',
    'BAD_MERGE',
    'TAB',
    'PAGE_TEXT',
  ];

  it('every yaml error code has a Dutch wording (no English sentence inside a Dutch one)', () => {
    assert.ok(codes.length >= 23, codes.join());
    for (const yamlCode of [...codes, ...ours]) {
      // `{detail}` is the package's message only where a language has no wording of its own.
      const text = message('frontmatter.yaml-syntax', { yamlCode }, 'nl', 'The package message');
      assert.notEqual(text, nl('The package message'), yamlCode);
      assert.match(text, /^Ongeldige YAML: \S.*[^.]\. De site negeert alle metadata/, yamlCode);
    }
  });

  it('English: an own wording except where the package says it plainly (MISSING_CHAR)', () => {
    for (const yamlCode of [...codes, ...ours]) {
      const text = message('frontmatter.yaml-syntax', { yamlCode }, 'en', 'The package message');
      assert.equal(text === en('The package message'), yamlCode === 'MISSING_CHAR', yamlCode);
    }
  });

  it('an invalid escape: named in both languages, the range on the escape', () => {
    expectYaml('---\ntitle: "a\\qb"\n---\n', [
      [
        '1:9-1:11',
        {
          en: en('the backslash in \\q starts an escape code that does not exist; inside double quotes write \\\\ for a backslash, or use single quotes'),
          nl: nl('de backslash in \\q begint een escape-code die niet bestaat; schrijf tussen dubbele aanhalingstekens \\\\ voor een backslash, of gebruik enkele aanhalingstekens'),
        },
      ],
    ]);
  });

  it('other faults in Dutch: a tab, a comment glued to a quote, a second document, a stray bracket', () => {
    assert.deepEqual(yamlErrors('---\ntitle: T\n\tid: x\n---\n', 'nl'), ['2:0-2:1 ' + nl('een tab als inspringing; gebruik spaties')]);
    assert.deepEqual(yamlErrors('---\ntitle: "a"#c\n---\n', 'nl'), [
      '1:10-1:12 ' + nl('er ontbreekt een teken: een spatie voor #, een komma tussen items tussen haken, of een spatie na een anker (&) of tag (!)'),
    ]);
    assert.deepEqual(yamlErrors('---\ntitle: "a"#c\n---\n', 'en'), ['1:10-1:12 ' + en('Comments must be separated from other tokens by white space characters')]);
    assert.deepEqual(yamlErrors('---\ntitle: T\n--- x\n---\n', 'nl'), [
      '2:0-2:5 ' + nl('een regel die met "--- " begint, opent een tweede YAML-document; haal hem weg, of zet zo\'n waarde tussen aanhalingstekens'),
    ]);
    assert.deepEqual(yamlErrors('---\nk: [a, b]]\n---\n', 'nl'), [
      '1:9-1:10 ' + nl('onverwachte tekst hier; controleer de inspringing, en zet een waarde met leestekens als : # [ ] { } tussen aanhalingstekens'),
    ]);
  });
});

describe('YAML that PyYAML (the site) reads differently from the yaml package', () => {
  const site = (text: string) => ordinary(parsePage(text).frontmatter!.siteData);
  const MISSING_ANCHOR = (alias: string) => ({
    en: en(`${alias} refers to an anchor (&name) that does not exist: a value that starts with * is a reference; put the value in quotes if the * is just text`),
    nl: nl(`${alias} verwijst naar een anker (&naam) dat er niet is: een waarde die met * begint, is een verwijzing; zet de waarde tussen aanhalingstekens als de * gewoon tekst is`),
  });

  it('an alias without its anchor: PyYAML fails, so the site has no metadata; reported at the alias', () => {
    const text = `---\ntitle: T\nk: *x\n${ID}\n---\n`;
    expectYaml(text, [['2:3-2:5', MISSING_ANCHOR('*x')]]);
    assert.equal(site(text), undefined);
    // Markdown emphasis at the start of a value is the usual cause; one diagnostic, not also the text after it.
    expectYaml(`---\ntoelichting: *Let op* dit\n${ID}\n---\n`, [['1:13-1:17', MISSING_ANCHOR('*Let')]]);
  });

  it('an alias with its anchor: the anchored value, a scalar at the alias', () => {
    const text = '---\ntitle: &t T\nid: *t\n---\n';
    const id = parsePage(text).frontmatter!.entries[1].value;
    assert.deepEqual([id.kind === 'scalar' && id.value, id.range], ['T', { start: { line: 2, character: 4 }, end: { line: 2, character: 6 } }]);
    assert.deepEqual(site(text), { title: 'T', id: 'T' });
  });

  it('a tag PyYAML does not know: reported at the tag; standard tags and timestamps are fine', () => {
    expectYaml('---\ntitle: !custom x\n---\n', [
      [
        '1:7-1:14',
        {
          en: en("the site's YAML reader does not know the tag !custom; remove it, or put the value in quotes if the ! is just text"),
          nl: nl('de YAML-lezer van de site kent de tag !custom niet; haal hem weg, of zet de waarde tussen aanhalingstekens als de ! gewoon tekst is'),
        },
      ],
    ]);
    assert.deepEqual(yamlErrors('---\ntitle: !!map [a]\n---\n', 'nl'), [
      '1:7-1:12 ' + nl('de tag past niet bij de waarde: een tag voor een lijst of voor velden op het verkeerde soort waarde'),
    ]);
    for (const ok of ['title: !!str 12', 'title: ! x', 'title: !!timestamp 2020-01-01']) assert.deepEqual(yamlErrors(`---\n${ok}\n---\n`), [], ok);
  });

  it('a detail with $-patterns is quoted as written (a tag like !a$&)', () => {
    assert.deepEqual(yamlErrors('---\ntitle: !a$& x\n---\n'), ['1:7-1:11 ' + en("the site's YAML reader does not know the tag !a$&; remove it, or put the value in quotes if the ! is just text")]);
  });

  it('merge keys merge as in PyYAML: no key "Symbol(<<)", no false missing key', () => {
    const text = `---\n<<: {title: Leg de grondslag vast, toelichting: Kort.}\n${ID}\nlevenscyclus:\n- ontwerp\nonderwerp:\n- governance\nrollen:\n- jurist\n---\n`;
    assert.deepEqual(diagnose({ ...CURRENT_BASE, [M]: text }, M).map(seen), []);
    const title = parsePage(text).frontmatter!.entries.find((e) => e.key === 'title')!;
    assert.deepEqual(title.keyRange, { start: { line: 1, character: 5 }, end: { line: 1, character: 10 } });
    // Own keys win over merged ones; a later << over an earlier one; in a list, the earlier map.
    assert.deepEqual(site('---\na: 1\n<<: {a: 2, b: 2}\n<<: {b: 3, c: 3}\n---\n'), { a: 1, b: 3, c: 3 });
    assert.deepEqual(site('---\n<<: [{t: A}, {t: B, u: C}]\n---\n'), { t: 'A', u: 'C' });
    const anchored = '---\nbase: &b {t: A, u: B}\n<<: *b\nu: C\n---\n';
    assert.deepEqual(site(anchored), { base: { t: 'A', u: 'B' }, t: 'A', u: 'C' });
    assert.deepEqual(
      parsePage(anchored).frontmatter!.entries.map((e) => e.key),
      ['base', 't', 'u'],
    );
  });

  it('a merge of something that is not a map: PyYAML fails; reported at the value', () => {
    expectYaml('---\n<<: x\n---\n', [
      ['1:4-1:5', { en: en('<< (merge) takes a map or a list of maps, such as <<: *anchor'), nl: nl('<< (samenvoegen) verwacht velden of een lijst van velden, bijvoorbeeld <<: *anker') }],
    ]);
  });

  it('aliases of aliases stay bounded (billion laughs), and an anchor that merges itself ends', () => {
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 12; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill('*' + String.fromCharCode(96 + i)).join(', ')}]`);
    const started = Date.now();
    parsePage(`---\n${laughs.join('\n')}\n---\n`);
    parsePage('---\na: &a {t: x, <<: *a}\n<<: *a\n---\n');
    assert.ok(Date.now() - started < 2000);
  });
});

describe('a frontmatter block that runs on into the page text', () => {
  const PAGE_TEXT = (line: number) => ({
    en: en(`this looks like page text, not frontmatter: the frontmatter is probably not closed where intended and runs on to the --- on line ${line}; put a --- line after the last key`),
    nl: nl(
      `dit lijkt paginatekst, geen frontmatter: de frontmatter is waarschijnlijk niet afgesloten waar dat bedoeld was en loopt door tot de --- op regel ${line}; zet een ---regel na het laatste veld`,
    ),
  });

  it('a heading and prose before a Markdown rule: one hint at the heading, not errors in the prose', () => {
    const text = `---\ntitle: T\n${ID}\n\n# Grondslag\n\nDit is tekst over de grondslag.\n\nNog een alinea.\n\n---\n\nMeer tekst.\n`;
    expectYaml(text, [['4:0-4:11', PAGE_TEXT(11)]]);
    // The YAML above the text is still read.
    assert.deepEqual(
      parsePage(text).frontmatter!.entries.map((e) => e.key),
      ['title', 'id'],
    );
  });

  it('paragraphs of prose separated by blank lines: at the first', () => {
    const text = `---\ntitle: T\n${ID}\n\nDit is tekst over de grondslag.\n\nNog een alinea, met: een dubbele punt.\n\nEn nog een.\n---\n`;
    expectYaml(text, [['4:0-4:31', PAGE_TEXT(10)]]);
  });

  it('not for one stray line, nor for comments above keys as the templates have them', () => {
    expectYaml('---\ntitle: T\n\nDit is tekst.\n---\n', [['3:0-3:13', MISSING_COLON]]);
    expectYaml('---\n# Template\n\ntitle: T\n\n# vul in:\ncategorie: [a\n\nlevenscyclus:\n- ontwerp\n---\n', [['6:11-6:13', UNCLOSED_BRACKET]]);
  });

  it('a real fault above the text is still reported', () => {
    expectYaml(`---\ntitle: "T\n${ID}\n\n# Kop\n\nTekst hier.\n\n---\n`, [
      ['1:7-1:9', UNCLOSED_QUOTE],
      ['4:0-4:5', PAGE_TEXT(9)],
    ]);
  });
});

describe('a missing space after the colon of a key or the dash of a list item', () => {
  const MISSING_SPACE_AFTER_COLON = {
    en: en('a space is missing after "title:"; without it the line is plain text, not a key with a value (key: value)'),
    nl: nl('er ontbreekt een spatie na "title:"; zonder spatie is de regel gewone tekst, geen veld met een waarde (veld: waarde)'),
  };
  const MISSING_SPACE_AFTER_DASH = {
    en: en('a space is missing after the -; without it the line is plain text, not a list item (- item)'),
    nl: nl('er ontbreekt een spatie na de -; zonder spatie is de regel gewone tekst, geen lijstitem (- item)'),
  };

  it('key:value is said as a missing space, at the colon; the key is not also reported missing', () => {
    // PyYAML reads `title:Geen spatie` as plain text and then fails (could not find expected ':').
    const cases: [string, string[]][] = [
      [`---\ntitle:Geen spatie\n${ID}\n---\n`, ['toelichting', 'levenscyclus', 'onderwerp', 'rollen']],
      [`---\n${ID}\ntitle:Geen spatie\ntoelichting: x\n---\n`, ['levenscyclus', 'onderwerp', 'rollen']],
    ];
    for (const [text, missing] of cases) {
      const line = text.split('\n').findIndex((l) => l.startsWith('title'));
      expectYaml(text, [[`${line}:5-${line}:6`, MISSING_SPACE_AFTER_COLON]]);
      assert.deepEqual(missingKeys(text), missing, text);
    }
  });

  it('-item is said as a missing space, at the dash', () => {
    expectYaml(`---\n${ID}\nrollen:\n- jurist\n-projectleider\n---\n`, [['4:0-4:1', MISSING_SPACE_AFTER_DASH]]);
    expectYaml(`---\n${ID}\nrollen:\n-projectleider\ntitle: T\n---\n`, [['3:0-3:1', MISSING_SPACE_AFTER_DASH]]);
    expectYaml(`---\n${ID}\nrollen:\n  - jurist\n  -projectleider\ntitle: T\n---\n`, [['4:2-4:3', MISSING_SPACE_AFTER_DASH]]);
  });

  it('a line with a colon that is no key keeps its wording', () => {
    expectYaml(`---\ntitle: T\nhttps://example.org\n---\n`, [['2:0-2:19', MISSING_COLON]]);
  });
});

describe('tabs, which PyYAML (the site) rejects outside quotes, comments and block text', () => {
  const TAB = {
    en: en("a tab character; the site's YAML reader accepts tabs only inside quotes, in comments and in block text (| or >): replace it with a space"),
    nl: nl('een tab; de YAML-lezer van de site accepteert tabs alleen tussen aanhalingstekens, in commentaar en in bloktekst (| of >): vervang de tab door een spatie'),
  };
  const TAB_AS_INDENT = { en: en('a tab as indentation; use spaces'), nl: nl('een tab als inspringing; gebruik spaties') };

  it('after a colon, after a list dash, inside a plain value, at the end of a line: at the tab, and the site sees no metadata', () => {
    // PyYAML: "found character '\t' that cannot start any token", at the tab, in each of these.
    const texts: [string, string][] = [
      [`---\ntitle:\tAlgoritme\n${ID}\n---\n`, '1:6-1:7'],
      [`---\n${ID}\nrollen:\n-\tjurist\n---\n`, '3:1-3:2'],
      [`---\ntitle: Aan\tbieders\n${ID}\n---\n`, '1:10-1:11'],
      [`---\ntitle: x\t\n${ID}\n---\n`, '1:8-1:9'],
    ];
    for (const [text, range] of texts) {
      expectYaml(text, [[range, TAB]]);
      assert.equal(parsePage(text).frontmatter!.siteData, undefined, text);
    }
  });

  it('the entry stays in the model (yaml reads it as if the tab were a space), so no key is reported missing', () => {
    const text = `---\ntitle:\tAlgoritme\n${ID}\n---\n`;
    const title = parsePage(text).frontmatter!.entries[0];
    assert.deepEqual([title.key, scalarValue(title.value)], ['title', 'Algoritme']);
    assert.deepEqual(missingKeys(text), ['toelichting', 'levenscyclus', 'onderwerp', 'rollen']);
  });

  it('tabs between spaces are one fault; tabs on two lines are two', () => {
    expectYaml(`---\ntitle: x \t \t # c\n${ID}\n---\n`, [['1:9-1:12', TAB]]);
    expectYaml(`---\ntitle:\tx\n${ID}\t\n---\n`, [
      ['1:6-1:7', TAB],
      ['2:24-2:25', TAB],
    ]);
  });

  it('fine inside quotes, in comments and in block text past its indentation, as in PyYAML', () => {
    const text = `---\n# een\tcommentaar\ntitle: "a\tb" # c\td\n${ID}\ntoelichting: 'c\td'\nrollen:\n- jurist # x\ty\nbron: |\n  a\tb\n  \tc\n---\n`;
    assert.deepEqual(yamlErrors(text), []);
    // PyYAML: {'title': 'a\tb', 'toelichting': 'c\td', 'rollen': ['jurist'], 'bron': 'a\tb\n\tc\n', ...}
    const site = parsePage(text).frontmatter!.siteData!;
    assert.deepEqual([site.title, site.toelichting, site.rollen, site.bron], ['a\tb', 'c\td', ['jurist'], 'a\tb\n\tc\n']);
  });

  it('a tab before the indentation of block text, or after its header: at the tab', () => {
    // PyYAML stops at the tab ("cannot start any token"); yaml calls the first a bad indentation.
    expectYaml(`---\n${ID}\ntoelichting: |\n  a\n\tb\n---\n`, [['4:0-4:1', TAB_AS_INDENT]]);
    expectYaml(`---\n${ID}\ntoelichting: |\t\n  a\n---\n`, [['2:14-2:15', TAB]]);
  });

  it('a tab inside brackets: at the tab', () => {
    expectYaml(`---\n${ID}\nrollen: [jurist,\tprojectleider]\n---\n`, [['2:16-2:17', TAB]]);
  });

  it('the fast reader leaves tabs to yaml, so both paths give the same model', () => {
    for (const text of [`---\ntitle:\tAlgoritme\n${ID}\n---\n`, `---\ntitle: "a\tb"\n---\n`]) {
      assert.equal(parsePageFast(text), undefined);
      assert.deepEqual(parsePage(text), parsePageWithYaml(text));
    }
  });
});

describe('a quoted value or bracketed list that runs on over lines not indented: read as PyYAML (the site) reads it', () => {
  const site = (text: string) => ordinary(parsePage(text).frontmatter!.siteData);
  const valueOf = (text: string, key: string) => parsePage(text).frontmatter!.entries.find((e) => e.key === key)!.value;

  it('a quoted value continued at the start of the next line: the folded text, its range over both lines', () => {
    for (const quote of ['"', "'"]) {
      const text = `---\ntitle: ${quote}Lange tekst\ndie doorloopt${quote}\ntoelichting: x\n---\n`;
      assert.deepEqual(yamlErrors(text), [], text);
      // PyYAML: {'title': 'Lange tekst die doorloopt', 'toelichting': 'x'}
      assert.deepEqual(site(text), { title: 'Lange tekst die doorloopt', toelichting: 'x' });
      const title = valueOf(text, 'title');
      assert.deepEqual([at(title.range), title.kind === 'scalar' && title.source], ['1:7-2:14', `${quote}Lange tekst\ndie doorloopt${quote}`]);
    }
  });

  it('folds as PyYAML folds: blank lines, spaces around line breaks, escaped line breaks, doubled single quotes', () => {
    // Each value as PyYAML 6.0.3 reads it.
    assert.deepEqual(site('---\ntitle: "a  \n\n   b\t\n c"\n---\n'), { title: 'a\nb c' });
    assert.deepEqual(site('---\ntitle: "a\\\n  b"\n---\n'), { title: 'ab' });
    assert.deepEqual(site("---\ntitle: 'it''s\nok'\n---\n"), { title: "it's ok" });
    assert.deepEqual(site('---\ntitle: "\nabc"\n---\n'), { title: ' abc' });
  });

  it('a list item, and a bracketed list or map continued at a lower indentation', () => {
    assert.deepEqual(site('---\nrollen:\n  - "a\nb"\n  - c\n---\n'), { rollen: ['a b', 'c'] });
    const text = '---\nrollen: [jurist,\nprojectleider]\nlevenscyclus: {a: 1,\nb: "x\ny"}\n---\n';
    assert.deepEqual(yamlErrors(text), []);
    assert.deepEqual(site(text), { rollen: ['jurist', 'projectleider'], levenscyclus: { a: 1, b: 'x y' } });
    const rollen = valueOf(text, 'rollen');
    assert.deepEqual(
      [at(rollen.range), rollen.kind === 'seq' && rollen.items.map((i) => at(i.range))],
      ['1:8-2:14', ['1:9-1:15', '2:0-2:13']],
    );
  });

  it('a fault inside it is reported where PyYAML finds it, not as a quote never closed', () => {
    expectYaml('---\ntitle: "Lange tekst\ndie doorloopt" en meer\n---\n', [
      ['2:15-2:22', { en: en('text after the closing quote; put the whole value in quotes'), nl: nl('tekst na het afsluitende aanhalingsteken; zet de hele waarde tussen aanhalingstekens') }],
    ]);
    expectYaml('---\ntitle: "a\\q\nb"\n---\n', [
      [
        '1:9-1:11',
        {
          en: en('the backslash in \\q starts an escape code that does not exist; inside double quotes write \\\\ for a backslash, or use single quotes'),
          nl: nl('de backslash in \\q begint een escape-code die niet bestaat; schrijf tussen dubbele aanhalingstekens \\\\ voor een backslash, of gebruik enkele aanhalingstekens'),
        },
      ],
    ]);
  });

  it('still a quote never closed when the quote that would close it opens a later value', () => {
    expectYaml(`---\ntitle: "Foo\nid: "x"\n---\n`, [['1:7-1:11', UNCLOSED_QUOTE]]);
  });

  it('with an anchor or tag before it: both kept', () => {
    assert.deepEqual(site('---\nrollen: &r [jurist,\nprojectleider]\nzelfde: *r\ntitle: !!str "a\nb"\n---\n'), {
      rollen: ['jurist', 'projectleider'],
      zelfde: ['jurist', 'projectleider'],
      title: 'a b',
    });
  });

  it('brackets nested 200 deep are read; nested thousands deep, they are left to yaml, which says so', () => {
    assert.deepEqual(yamlErrors(`---\nrollen: ${'['.repeat(200)}\n${']'.repeat(200)}\n---\n`), []);
    const deep = yamlErrors(`---\nrollen: ${'['.repeat(7000)}\n${']'.repeat(7000)}\n---\n`);
    assert.match(deep[0], /^1:\d+-1:\d+ Invalid YAML: brackets nested too deeply to read\./);
    // Past 16 KB the block is not read at all (hardening.test.ts).
    const huge = diagnose({ ...CURRENT_BASE, 'docs/x.md': `---\nrollen: ${'['.repeat(20000)}\n${']'.repeat(20000)}\n---\n` }, 'docs/x.md');
    assert.deepEqual(huge.map((d) => d.code), ['frontmatter.too-large']);
  });

  it('the fast reader leaves these to yaml, so both paths give the same model', () => {
    for (const text of ['---\ntitle: "Lange tekst\ndie doorloopt"\n---\n', '---\nrollen: [jurist,\nprojectleider]\n---\n']) {
      assert.equal(parsePageFast(text), undefined);
      assert.deepEqual(parsePage(text), parsePageWithYaml(text));
    }
  });
});

describe('YAML nested too deep for the site', () => {
  it('is refused unread past 400 levels, in every page of one run, without taking the process down', () => {
    // Several pages like this in one process used to abort V8 (a regexp compiled with the stack nearly spent).
    const page = (n: number, id: string) => `---\ntitle: ${'['.repeat(n)}"x"\nid: urn:nl:ak:mtr:${id}\n---\n# x\n`;
    const files: Record<string, string> = { ...CURRENT_BASE };
    const sizes = [300, 401, 1000, 5000, 15000, 999, 999, 999];
    sizes.forEach((n, i) => (files[`docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-${10 + i}-d.md`] = page(n, `owp-${10 + i}`)));
    const service = createLanguageService(new MemoryWorkspace(files));
    const yamlCodes = sizes.map((_, i) =>
      service
        .doValidation(`docs/voldoen-aan-wetten-en-regels/maatregelen/2-owp-${10 + i}-d.md`)
        .filter((d) => d.code === 'frontmatter.yaml-syntax')
        .map((d) => (d.data as { yamlCode: string }).yamlCode),
    );
    assert.deepEqual(yamlCodes, [['UNCLOSED_BRACKET'], ['TOO_DEEP'], ['TOO_DEEP'], ['TOO_DEEP'], ['TOO_DEEP'], ['TOO_DEEP'], ['TOO_DEEP'], ['TOO_DEEP']]);
  });
});

describe('The closing line of the frontmatter', () => {
  it('is the first later line of exactly --- or ... plus spaces and tabs, after any kind of line break (5,000 random pages)', () => {
    // What the site's reader takes as the end (and what this service used to find with one search).
    const CLOSING = /(?<=[\r\n])(?:-{3}|\.{3})[ \t]*(?=[\r\n]|$)/g;
    const pieces = ['---', '...', '----', '-- -', '.. .', ' ', '\t', '\n', '\r\n', '\r', 'a: b', '- x', '#', '\u2028', '\u0085'];
    let seed = 7;
    const random = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) >>> 0) % n;
    for (let i = 0; i < 5000; i++) {
      let text = '---\n';
      for (let k = random(14); k > 0; k--) text += pieces[random(pieces.length)];
      const page = parsePage(text);
      CLOSING.lastIndex = 4;
      const closing = CLOSING.exec(text);
      const fm = page.frontmatter!;
      assert.equal(fm.status === 'unclosed', closing === null, JSON.stringify(text));
      if (closing) assert.equal(fm.contentEnd, page.lines.lineStart(page.lines.positionAt(closing.index).line), JSON.stringify(text));
    }
  });
});
