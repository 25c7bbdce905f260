// The frontmatter schemas: the validators generated at build time (generated/validators.js) and the ones
// compiled at run time give the same problems, `x-vocabulary` checks values against the vocabularies a
// set is made with, and a workspace's own schema (run-time path) works with it. The exact problems below
// are the ones the former implementation (vocabularies injected as `enum`s, compiled at run time) gave.
import assert from 'node:assert/strict';
import { validators } from '../../server/src/service/generated/validators';
import { builtinProfile } from '../../server/src/service/profile';
import { BUILTIN_SCHEMAS, SchemaSet, vocabularyAccepts, type JsonSchema, type SchemaProblem } from '../../server/src/service/schema';
import { buildVocabularies, type Vocabulary } from '../../server/src/service/vocabulary';
import { WorkspaceIndex } from '../../server/src/service/workspaceIndex';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';

/** Workspace files per profile: the vocabularies the samples are checked against. */
const FILES: Record<string, string[]> = {
  current: [
    'docs/levenscyclus/ontwerp.md',
    'docs/levenscyclus/monitoring-en-beheer.md',
    'docs/rollen/jurist.md',
    'docs/rollen/projectleider.md',
    'docs/onderwerpen/governance.md',
    'docs/onderwerpen/transparantie.md',
  ],
  transitional: ['docs/levenscyclus/ontwerp.md', 'docs/rollen/jurist.md', 'docs/onderwerpen/transparantie/index.md', 'docs/onderwerpen/governance/index.md'],
  '2024': ['docs/levenscyclus/ontwerp.md', 'docs/levenscyclus/implementatie.md', 'docs/rollen/jurist.md', 'docs/bouwblokken/transparantie/index.md', 'docs/bouwblokken/privacy-en-gegevensbescherming/index.md'],
};

interface Sample {
  name: string;
  profile: 'current' | 'transitional' | '2024';
  schema: string;
  data: Record<string, unknown>;
}

const mtr = { id: 'urn:nl:ak:mtr:owp-01', title: 'Leg de grondslag vast', toelichting: 'Kort.', levenscyclus: ['ontwerp'], onderwerp: ['governance'], rollen: ['jurist'] };
const ver = { id: 'urn:nl:ak:ver:aia-04', title: 'Een vereiste', toelichting: 'Kort.', levenscyclus: ['ontwerp'], onderwerp: ['transparantie'], rollen: ['projectleider'] };
const hlp = { title: 'Een hulpmiddel', toelichting: 'Kort.', categorie: ['handreiking'], levenscyclus: ['ontwerp'], onderwerp: ['governance'], rollen: ['jurist'] };
const ver24 = { title: 'Vereiste', toelichting: 'Kort.', status_vereiste: ['geldend'], levenscyclus: ['ontwerp'], bouwblok: ['transparantie'] };
const mtr24 = { title: 'Maatregel', toelichting: 'Kort.', vereiste: ['a-b'], levenscyclus: ['implementatie'], bouwblok: ['privacy-en-gegevensbescherming'], rollen: ['jurist'] };
const ins24 = { title: 'Instrument', toelichting: 'Kort.', levenscyclus: ['ontwerp'], bouwblok: ['transparantie'] };
const mtrT = { title: 'Maatregel', toelichting: 'Kort.', vereiste: ['a-b'], levenscyclus: ['ontwerp'], onderwerp: ['governance'], rollen: ['jurist'] };

const SAMPLES: Sample[] = [
  // current
  { name: 'valid measure', profile: 'current', schema: 'current/maatregel.schema.json', data: { ...mtr, hide: ['toc', 'navigation'], sources: { ADR: 'x', ARK: [1, '2'] }, vereiste: ['aia-04-x'] } },
  { name: 'no keys', profile: 'current', schema: 'current/maatregel.schema.json', data: {} },
  { name: 'unknown keys', profile: 'current', schema: 'current/maatregel.schema.json', data: { ...mtr, levenscylus: ['ontwerp'], Rollen: ['jurist'], sources: { ADR: 'x', XYZ: 1 } } },
  {
    name: 'wrong types',
    profile: 'current',
    schema: 'current/maatregel.schema.json',
    data: { ...mtr, id: 7, title: 5, levenscyclus: 'ontwerp', onderwerp: null, hide: 'toc', rollen: [1, 'jurist', { a: 1 }], sources: { ADR: true, ARK: [null] }, vereiste: {} },
  },
  {
    name: 'unknown vocabulary values',
    profile: 'current',
    schema: 'current/maatregel.schema.json',
    data: { ...mtr, levenscyclus: ['Ontwerp', 'ontwrp', 'monitoring-en-beheer'], rollen: ['onbekend', ''], onderwerp: ['GOVERNANCE'], hide: ['tocc', 'toc'] },
  },
  { name: 'duplicates and empty lists', profile: 'current', schema: 'current/maatregel.schema.json', data: { ...mtr, levenscyclus: ['ontwerp', 'ontwerp'], onderwerp: [], rollen: ['jurist', 'projectleider', 'jurist'], hide: ['toc', 'toc'] } },
  { name: 'id pattern and empty strings', profile: 'current', schema: 'current/maatregel.schema.json', data: { ...mtr, id: 'urn:nl:ak:mtr:OWP-1', title: '', toelichting: '' } },
  {
    name: 'AI Act labels and expressions',
    profile: 'current',
    schema: 'current/vereiste.schema.json',
    data: {
      ...ver,
      'soort-toepassing': ['ai-systeem', 'ai-sisteem'],
      risicogroep: ['hoog-risico-ai-systeem', 'Verboden-AI'],
      'rol-ai-act': ['aanbieder', 'importeur', 'gebruiker'],
      transparantieverplichting: ['niet-van-toepassing'],
      systeemrisico: ['geen-systeemrisico', 'systeemrisico'],
      'open-source': ['open-source', 'open source'],
      uitzondering: ["'risicogroep-uitzondering-van-toepassing' && !x", '(a || b)', 'risicogroep-uitzondering-van-toepassing', 'geen-label', 'Risicogroep-uitzondering-van-toepassing'],
    },
  },
  { name: 'expressions, wrong types', profile: 'current', schema: 'current/vereiste.schema.json', data: { ...ver, uitzondering: [3, "'a' && 'b'"], 'soort-toepassing': [true] } },
  { name: 'requirement id', profile: 'current', schema: 'current/vereiste.schema.json', data: { ...ver, id: 'urn:nl:ak:mtr:aia-04', extra: 1 } },
  { name: 'valid tool', profile: 'current', schema: 'current/hulpmiddel.schema.json', data: { ...hlp, id: 'urn:nl:ak:hlp:dpi-01', maatregel: ['owp-01-x'], vereiste: ['aia-04-x'] } },
  { name: 'tool problems', profile: 'current', schema: 'current/hulpmiddel.schema.json', data: { ...hlp, id: 'hlp-01', categorie: ['a', 'a'], maatregel: 'owp-01', rollen: ['jurist', 'juristt'], sources: {} } },
  // transitional
  { name: 'valid transitional measure', profile: 'transitional', schema: 'transitional/maatregel.schema.json', data: { ...mtrT, id: 'urn:nl:ak:mtr:owp-01' } },
  { name: 'transitional problems', profile: 'transitional', schema: 'transitional/maatregel.schema.json', data: { ...mtrT, onderwerp: ['governanse', 'transparantie'], levenscyclus: ['ontwerp', 'ontwerp'], bouwblok: ['x'] } },
  { name: 'transitional requirement', profile: 'transitional', schema: 'transitional/vereiste.schema.json', data: { title: 'V', toelichting: 'K', levenscyclus: ['ontwerp'], onderwerp: ['transparantie'], rollen: [] } },
  {
    name: 'transitional keeps the 2024 status and applicability keys',
    profile: 'transitional',
    schema: 'transitional/vereiste.schema.json',
    data: { title: 'V', toelichting: 'K', levenscyclus: ['ontwerp'], onderwerp: ['transparantie'], rollen: ['jurist'], status_vereiste: ['Geldend'], rekenregels: [{ impactvol: 'ja' }] },
  },
  { name: 'transitional instrument', profile: 'transitional', schema: 'transitional/instrument.schema.json', data: { title: 'I', toelichting: 'K', levenscyclus: ['ontwerpp'], onderwerp: 'governance', hide: ['footer', 'feet'] } },
  // 2024
  { name: 'valid 2024 requirement', profile: '2024', schema: '2024/vereiste.schema.json', data: { ...ver24, rekenregels: [{ impactvol: 'Ja' }, { 'niet-impactvol': 'Nee' }], 'machine-learning': [{ 'hoog-risico': 'Ja' }] } },
  {
    name: '2024 applicability problems',
    profile: '2024',
    schema: '2024/vereiste.schema.json',
    data: { ...ver24, status_vereiste: ['geldig', 'geldend', 'geldend'], rekenregels: [{ impactvol: 'ja' }, { 'hoog-risk': 'Nee' }, { impactvol: 'Misschien' }, {}, 'Ja'], 'generatieve-ai': { impactvol: 'Ja' } },
  },
  { name: '2024 measure', profile: '2024', schema: '2024/maatregel.schema.json', data: { ...mtr24, bouwblok: ['Transparantie', 'privacy'], onderwerp: ['x'], vereiste: [] } },
  { name: '2024 instrument', profile: '2024', schema: '2024/instrument.schema.json', data: { ...ins24, levenscyclus: ['implementatie', 'ontwerp', 'beheer'], hide: ['navigation', 7], title: ['a'] } },
];


const vocabulariesOf = (profile: string): Map<string, Vocabulary> => buildVocabularies(builtinProfile(profile)!, FILES[profile], () => undefined);

/** The built-in schema files as copies: equal, but not the built-in objects, so they take the run-time path. */
const COPIES: Record<string, JsonSchema> = Object.fromEntries(Object.entries(BUILTIN_SCHEMAS).map(([name, schema]) => [name, structuredClone(schema)]));

const problems = (name: string): SchemaProblem[] => {
  const sample = SAMPLES.find((s) => s.name === name)!;
  return new SchemaSet(BUILTIN_SCHEMAS, vocabulariesOf(sample.profile)).validate(sample.schema, sample.data);
};

describe('schemas: generated and run-time validators', () => {
  it('the built-in page schemas use the generated validators; copies are compiled at run time', () => {
    const set = new SchemaSet(BUILTIN_SCHEMAS, vocabulariesOf('current'));
    const copies = new SchemaSet(COPIES, vocabulariesOf('current'));
    for (const name of Object.keys(BUILTIN_SCHEMAS).filter((n) => n !== 'profile.schema.json' && n !== 'common.schema.json')) {
      assert.ok(validators[name], `generated validator for ${name}`);
      assert.equal(set.validator(name), validators[name], name);
      assert.ok(copies.validator(name), `run-time validator for ${name}`);
      assert.notEqual(copies.validator(name), validators[name], name);
    }
    assert.equal(set.validator('profile.schema.json'), undefined);
    assert.equal(set.validator('nope.schema.json'), undefined);
  });

  for (const sample of SAMPLES) {
    it(`same problems either way: ${sample.profile} ${sample.name}`, () => {
      const vocabularies = vocabulariesOf(sample.profile);
      const generated = new SchemaSet(BUILTIN_SCHEMAS, vocabularies).validate(sample.schema, sample.data);
      const runtime = new SchemaSet(COPIES, vocabularies).validate(sample.schema, sample.data);
      assert.deepEqual(generated, runtime);
      if (sample.name.startsWith('valid')) assert.deepEqual(generated, []);
      else assert.notDeepEqual(generated, []);
    });
  }

  it('transitional: status_vereiste and the applicability keys are checked as in 2024, not unknown', () => {
    assert.deepEqual(
      problems('transitional keeps the 2024 status and applicability keys').map((p) => [p.kind, (p as { path: unknown }).path, (p as { caseOnly?: boolean }).caseOnly]),
      [
        ['unknown-value', ['status_vereiste', 0], true],
        ['unknown-value', ['rekenregels', 0, 'impactvol'], true],
      ],
    );
  });

  it('unknown vocabulary values: suggestions and case-only mismatches', () => {
    assert.deepEqual(problems('unknown vocabulary values'), [
      { kind: 'unknown-value', path: ['levenscyclus', 0], value: 'Ontwerp', vocabulary: 'levenscyclus', suggestions: ['ontwerp'], caseOnly: true },
      { kind: 'unknown-value', path: ['levenscyclus', 1], value: 'ontwrp', vocabulary: 'levenscyclus', suggestions: ['ontwerp'], caseOnly: false },
      { kind: 'unknown-value', path: ['onderwerp', 0], value: 'GOVERNANCE', vocabulary: 'onderwerp', suggestions: ['governance'], caseOnly: true },
      { kind: 'unknown-value', path: ['rollen', 0], value: 'onbekend', vocabulary: 'rollen', suggestions: [], caseOnly: false },
      { kind: 'unknown-value', path: ['rollen', 1], value: '', vocabulary: 'rollen', suggestions: [], caseOnly: false },
      { kind: 'unknown-value', path: ['hide', 0], value: 'tocc', vocabulary: 'hide', suggestions: ['toc'], caseOnly: false },
    ]);
  });

  it('uitzondering accepts expressions; other AI Act labels must be values', () => {
    assert.deepEqual(problems('AI Act labels and expressions'), [
      { kind: 'unknown-value', path: ['soort-toepassing', 1], value: 'ai-sisteem', vocabulary: 'soort-toepassing', suggestions: ['ai-systeem'], caseOnly: false },
      { kind: 'unknown-value', path: ['risicogroep', 1], value: 'Verboden-AI', vocabulary: 'risicogroep', suggestions: ['verboden-ai'], caseOnly: true },
      { kind: 'unknown-value', path: ['rol-ai-act', 2], value: 'gebruiker', vocabulary: 'rol-ai-act', suggestions: [], caseOnly: false },
      { kind: 'unknown-value', path: ['open-source', 1], value: 'open source', vocabulary: 'open-source', suggestions: ['open-source'], caseOnly: false },
      { kind: 'unknown-value', path: ['uitzondering', 3], value: 'geen-label', vocabulary: 'uitzondering', suggestions: [], caseOnly: false },
      {
        kind: 'unknown-value',
        path: ['uitzondering', 4],
        value: 'Risicogroep-uitzondering-van-toepassing',
        vocabulary: 'uitzondering',
        suggestions: ['risicogroep-uitzondering-van-toepassing'],
        caseOnly: true,
      },
    ]);
  });

  it('wrong types: one problem per value, anyOf branches merged, x-severity tolerated', () => {
    assert.deepEqual(problems('wrong types'), [
      { kind: 'wrong-type', path: ['id'], expected: 'string', actual: 'number', tolerated: false },
      { kind: 'wrong-type', path: ['title'], expected: 'string', actual: 'number', tolerated: false },
      { kind: 'wrong-type', path: ['vereiste'], expected: 'array', actual: 'object', tolerated: false },
      { kind: 'wrong-type', path: ['levenscyclus'], expected: 'array', actual: 'string', tolerated: false },
      { kind: 'wrong-type', path: ['onderwerp'], expected: 'array', actual: 'null', tolerated: false },
      { kind: 'wrong-type', path: ['rollen', 0], expected: 'string', actual: 'number', tolerated: false },
      { kind: 'wrong-type', path: ['rollen', 2], expected: 'string', actual: 'object', tolerated: false },
      { kind: 'wrong-type', path: ['sources', 'ADR'], expected: 'string,number,array', actual: 'boolean', tolerated: false },
      { kind: 'wrong-type', path: ['sources', 'ARK'], expected: 'string,number', actual: 'array', tolerated: false },
      { kind: 'wrong-type', path: ['sources', 'ARK', 0], expected: 'string,number', actual: 'null', tolerated: false },
      { kind: 'wrong-type', path: ['hide'], expected: 'array', actual: 'string', tolerated: true },
    ]);
  });

  it('unknown keys, duplicates, empty lists, id patterns', () => {
    assert.deepEqual(problems('unknown keys'), [
      { kind: 'unknown-key', path: [], key: 'levenscylus', suggestions: ['levenscyclus'] },
      { kind: 'unknown-key', path: [], key: 'Rollen', suggestions: ['rollen'] },
      { kind: 'unknown-key', path: ['sources'], key: 'XYZ', suggestions: [] },
    ]);
    assert.deepEqual(problems('duplicates and empty lists'), [
      { kind: 'duplicate-value', path: ['levenscyclus'] },
      { kind: 'empty-list', path: ['onderwerp'] },
      { kind: 'duplicate-value', path: ['rollen'] },
      { kind: 'duplicate-value', path: ['hide'] },
    ]);
    assert.deepEqual(problems('requirement id'), [
      { kind: 'unknown-key', path: [], key: 'extra', suggestions: [] },
      { kind: 'pattern', path: ['id'], value: 'urn:nl:ak:mtr:aia-04', code: 'frontmatter.id-format', expected: 'urn:nl:ak:ver:<code>-<nn>', example: 'urn:nl:ak:ver:aia-04' },
    ]);
  });

  it('2024 applicability lists: value, key and shape problems', () => {
    assert.deepEqual(problems('2024 applicability problems'), [
      { kind: 'duplicate-value', path: ['status_vereiste'] },
      { kind: 'unknown-value', path: ['status_vereiste', 0], value: 'geldig', vocabulary: 'status_vereiste', suggestions: [], caseOnly: false },
      { kind: 'unknown-value', path: ['rekenregels', 0, 'impactvol'], value: 'ja', vocabulary: 'toepasbaarheid', suggestions: ['Ja'], caseOnly: true },
      { kind: 'unknown-key', path: ['rekenregels', 1], key: 'hoog-risk', suggestions: ['hoog-risico'] },
      { kind: 'unknown-value', path: ['rekenregels', 2, 'impactvol'], value: 'Misschien', vocabulary: 'toepasbaarheid', suggestions: [], caseOnly: false },
      { kind: 'other', path: ['rekenregels', 3], keyword: 'minProperties', detail: 'must NOT have fewer than 1 properties' },
      { kind: 'wrong-type', path: ['rekenregels', 4], expected: 'object', actual: 'string', tolerated: false },
      { kind: 'wrong-type', path: ['generatieve-ai'], expected: 'array', actual: 'object', tolerated: false },
    ]);
  });
});

describe('schemas: x-vocabulary at validation time', () => {
  const measure = { id: 'urn:nl:ak:mtr:owp-01', title: 'T', toelichting: 'K', levenscyclus: ['nieuw'], onderwerp: ['governance'], rollen: ['jurist'] };

  it('the same validators follow the vocabularies a set is made with', () => {
    const before = new SchemaSet(BUILTIN_SCHEMAS, vocabulariesOf('current'));
    assert.deepEqual(
      before.validate('current/maatregel.schema.json', measure).map((p) => p.kind === 'unknown-value' && p.value),
      ['nieuw'],
    );
    const vocabularies = buildVocabularies(builtinProfile('current')!, [...FILES.current, 'docs/levenscyclus/nieuw.md'], () => undefined);
    assert.deepEqual(before.withVocabularies(vocabularies).validate('current/maatregel.schema.json', measure), []);
    assert.deepEqual(new SchemaSet(COPIES, vocabularies).validate('current/maatregel.schema.json', measure), []);
  });

  it('a vocabulary without values, or an unknown one, accepts everything', () => {
    const vocabularies = vocabulariesOf('current');
    vocabularies.get('levenscyclus')!.values.clear();
    vocabularies.delete('onderwerp');
    const data = { ...measure, onderwerp: ['wat-dan-ook'] };
    assert.deepEqual(new SchemaSet(BUILTIN_SCHEMAS, vocabularies).validate('current/maatregel.schema.json', data), []);
    assert.deepEqual(new SchemaSet(COPIES, vocabularies).validate('current/maatregel.schema.json', data), []);
  });

  it('a validator called without a vocabulary context checks structure only', () => {
    const validate = validators['current/maatregel.schema.json']!;
    assert.equal(validate.call(undefined, measure), true);
    assert.equal(validate.call(undefined, { ...measure, extra: 1 }), false);
  });

  it('the rule: values, and expressions where the vocabulary accepts them', () => {
    const vocabularies = vocabulariesOf('current');
    const uitzondering = vocabularies.get('uitzondering')!;
    const rollen = vocabularies.get('rollen')!;
    assert.equal(vocabularyAccepts(uitzondering, 'risicogroep-uitzondering-van-toepassing'), true);
    assert.equal(vocabularyAccepts(uitzondering, "'a' && 'b'"), true);
    assert.equal(vocabularyAccepts(uitzondering, 'a || b'), true);
    assert.equal(vocabularyAccepts(uitzondering, '(a)'), true);
    // Any mark of an expression hands the value to the expression checks (features/expressions.ts), which
    // report a single | and unknown labels at their place.
    assert.equal(vocabularyAccepts(uitzondering, 'a | b'), true);
    assert.equal(vocabularyAccepts(uitzondering, '!a'), true);
    assert.equal(vocabularyAccepts(uitzondering, 'a b'), false);
    assert.equal(vocabularyAccepts(uitzondering, 7), false);
    assert.equal(vocabularyAccepts(rollen, 'jurist'), true);
    assert.equal(vocabularyAccepts(rollen, "'jurist' || 'x'"), false);
    assert.equal(vocabularyAccepts(rollen, 'Jurist'), false);
    assert.equal(vocabularyAccepts(undefined, 'x'), true);
  });
});

describe('schemas: the workspace’s own schemas (run-time path)', () => {
  const M = 'docs/voldoen-aan-wetten-en-regels/maatregelen/owp-01-grondslag.md';
  const page = ['---', 'id: urn:nl:ak:mtr:owp-01', 'title: T', 'toelichting: K', 'levenscyclus: [ontwerp]', 'onderwerp: [governance]', 'rollen: [jurist]', 'thema: [transparantie, transparantei]', '---', ''].join('\n');
  const own = { properties: { thema: { type: 'array', items: { type: 'string', 'x-vocabulary': 'onderwerp' }, uniqueItems: true } } };
  const snapshotOf = (files: Record<string, string>) => new WorkspaceIndex(new MemoryWorkspace({ ...CURRENT_BASE, [M]: page, ...files }), { language: 'en', profile: 'auto' }).snapshot();
  const data = (extra: Record<string, unknown> = {}) => ({ id: 'urn:nl:ak:mtr:owp-01', title: 'T', toelichting: 'K', levenscyclus: ['ontwerp'], onderwerp: ['governance'], rollen: ['jurist'], ...extra });

  it('a config override is merged and compiled with x-vocabulary; the other page types keep the generated validators', () => {
    const snapshot = snapshotOf({
      '.algoritmekader.json': JSON.stringify({ schemas: { maatregel: './schemas/maatregel.schema.json' } }),
      'schemas/maatregel.schema.json': JSON.stringify(own),
    });
    assert.deepEqual(snapshot.problems, []);
    const schemas = snapshot.schemas;
    assert.notEqual(schemas.validator('current/maatregel.schema.json'), validators['current/maatregel.schema.json']);
    assert.equal(schemas.validator('current/vereiste.schema.json'), validators['current/vereiste.schema.json']);
    assert.deepEqual(schemas.validate('current/maatregel.schema.json', data({ thema: ['transparantie', 'transparantei', 'transparantie'] })), [
      { kind: 'unknown-value', path: ['thema', 1], value: 'transparantei', vocabulary: 'onderwerp', suggestions: ['transparantie'], caseOnly: false },
      { kind: 'duplicate-value', path: ['thema'] },
    ]);
    assert.deepEqual(schemas.validate('current/maatregel.schema.json', data({ levenscyclus: ['ontwerpp'], extra: 1 })), [
      { kind: 'unknown-key', path: [], key: 'extra', suggestions: [] },
      { kind: 'unknown-value', path: ['levenscyclus', 0], value: 'ontwerpp', vocabulary: 'levenscyclus', suggestions: ['ontwerp'], caseOnly: false },
    ]);
  });

  it('a plain enum in a workspace schema gives unknown-value problems too', () => {
    const snapshot = snapshotOf({
      '.algoritmekader.json': JSON.stringify({ schemas: { maatregel: './own.json' } }),
      'own.json': JSON.stringify({ properties: { kleur: { enum: ['rood', 'groen'] } } }),
    });
    assert.deepEqual(snapshot.schemas.validate('current/maatregel.schema.json', data({ kleur: 'Rood' })), [
      { kind: 'unknown-value', path: ['kleur'], value: 'Rood', vocabulary: 'kleur', suggestions: ['rood'], caseOnly: true },
    ]);
  });

  it('a schema that does not compile is reported on every snapshot, and the built-in one is used', () => {
    const workspace = new MemoryWorkspace({
      ...CURRENT_BASE,
      [M]: page,
      '.algoritmekader.json': JSON.stringify({ schemas: { maatregel: './own.json' } }),
      'own.json': JSON.stringify({ properties: { thema: { type: 'array', items: { $ref: '#/$defs/nergens' } } } }),
    });
    const index = new WorkspaceIndex(workspace, { language: 'en', profile: 'auto' });
    for (let round = 0; round < 2; round++) {
      const snapshot = index.snapshot();
      assert.equal(snapshot.problems.length, 1);
      assert.match(snapshot.problems[0].detail!.en, /^the schemas do not compile: .*nergens/);
      assert.equal(snapshot.schemas.validator('current/maatregel.schema.json'), validators['current/maatregel.schema.json']);
      index.invalidate();
    }
  });
});
