// The incremental workspace model against a fresh full build, the test that makes the model safe.
//
// Over an in-memory copy of each real snapshot, a seeded random sequence of operations (edit a label, set
// one to null or to a string, rename, delete or create a page, change an id, edit a reference, add or
// remove a directive, break and mend the YAML, edit the body, shift lines with a comment) is applied one by
// one, as an editor would. After each, the pages the model says are affected get their diagnostics again,
// as the server publishes them. At checkpoints, for every page, the model's diagnostics, what was published,
// the graph and the card must equal those of a fresh service built on the same files.
//
// On failure it prints the seed and the shortest sequence of operations it could find that still fails.
// `AK_EQUIVALENCE_SEED` and `AK_EQUIVALENCE_OPS` run another seed or a longer sequence (npm run equivalence).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createLanguageService, type LanguageService } from '../../server/src/service';
import { MemoryWorkspace } from '../memoryWorkspace';
import { seeded } from '../seeded';

const CORPORA = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora');

/** The text files of a content root that the service reads (pages, the glossary, the site's hooks), by root-relative path. */
function load(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(md|py|json)$/.test(name)) files[relative(root, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  for (const sub of ['docs', 'includes', 'templates', 'src']) {
    try {
      walk(join(root, sub));
    } catch {
      // not in this snapshot
    }
  }
  return files;
}

/** One operation: the writes it makes (`undefined` deletes), and what it is, for the report. */
interface Op {
  what: string;
  writes: [string, string | undefined][];
}

const LABELS = ['levenscyclus', 'rollen', 'onderwerp', 'bouwblok', 'vereiste', 'maatregel', 'soort-toepassing', 'risicogroep'];

/** The next random operation on the files as they are. */
function nextOp(files: Map<string, string>, random: () => number, pick: <T>(items: readonly T[]) => T, serial: number): Op {
  const pages = [...files.keys()].filter((p) => p.endsWith('.md')).sort();
  const content = pages.filter((p) => /\/(vereisten|maatregelen|hulpmiddelen|instrumenten)\//.test(p));
  const stems = pages.map((p) => p.slice(p.lastIndexOf('/') + 1, -3));
  const path = pick(random() < 0.85 ? content : pages);
  const text = files.get(path)!;
  const lines = text.split('\n');
  const close = lines.indexOf('---', 1);
  const fmLines = lines[0] === '---' && close > 0 ? close : 0;
  const withLines = (edit: (lines: string[]) => void) => {
    const copy = [...lines];
    edit(copy);
    return copy.join('\n');
  };
  const folder = path.slice(0, path.lastIndexOf('/') + 1);
  // Structural operations (rename, delete, create, vocabulary pages) make every page affected: rarer, so
  // that the fine-grained ones are seen on their own between checks.
  const r = random();
  const kind = r < 0.12 ? [3, 4, 5, 13][Math.floor(random() * 4)] : [0, 1, 2, 6, 7, 8, 9, 10, 11, 12][Math.floor(random() * 10)];
  switch (kind) {
    case 0:
    case 1: {
      // Edit a label value: another known value, a typo, or a new item.
      const items = lines.map((l, i) => [l, i] as const).filter(([l, i]) => i < fmLines && /^- \S/.test(l));
      if (items.length === 0) break;
      const [, at] = pick(items);
      const value = random() < 0.3 ? `${lines[at].slice(2)}x` : random() < 0.6 ? pick(stems) : pick(['ontwerp', 'jurist', 'governance', 'transparantie', 'ai-systeem', 'implementatie', 'privacy-en-gegevensbescherming']);
      const next = random() < 0.7 ? withLines((l) => (l[at] = `- ${value}`)) : withLines((l) => l.splice(at + 1, 0, `- ${value}`));
      return { what: `label value in ${path}: ${value}`, writes: [[path, next]] };
    }
    case 2: {
      // A label set to null, to a string, or a list key removed.
      const keys = lines.map((l, i) => [l, i] as const).filter(([l, i]) => i < fmLines && new RegExp(`^(${LABELS.join('|')}):\\s*$`).test(l));
      if (keys.length === 0) break;
      const [line, at] = pick(keys);
      const key = line.slice(0, line.indexOf(':'));
      let end = at + 1;
      while (end < fmLines && /^(- |\s)/.test(lines[end])) end++;
      const r = random();
      const replacement = r < 0.4 ? [`${key}:`] : r < 0.8 ? [`${key}: ${pick(['governance', 'ontwerp', 'jurist', pick(stems)])}`] : [];
      return { what: `${key} in ${path} → ${JSON.stringify(replacement)}`, writes: [[path, withLines((l) => l.splice(at, end - at, ...replacement))]] };
    }
    case 3: {
      // Rename a page (a stale reference may now find it, and its own referrers lose it).
      const stem = random() < 0.5 ? `${stems[Math.floor(random() * stems.length)]}` : `hernoemd-${serial}`;
      const to = `${folder}${stem}.md`;
      if (files.has(to)) break;
      return { what: `rename ${path} → ${to}`, writes: [[path, undefined], [to, text]] };
    }
    case 4:
      return { what: `delete ${path}`, writes: [[path, undefined]] };
    case 5: {
      // Create a page: a copy of another, or a new one with labels.
      const to = `${folder}nieuw-${serial}.md`;
      const body = random() < 0.5 ? text : `---\ntitle: Nieuw ${serial}\nid: urn:nl:ak:mtr:new-${String(serial % 100).padStart(2, '0')}\nonderwerp:\n- governance\nvereiste:\n- ${pick(stems)}\n---\n# Nieuw\n\n<!-- list_vereisten onderwerp/governance -->\n`;
      return { what: `create ${to}`, writes: [[to, body]] };
    }
    case 6: {
      // Change the id: another page's, a new one, or none.
      const at = lines.findIndex((l, i) => i < fmLines && l.startsWith('id:'));
      const others = [...files.values()].map((t) => /^id: (.*)$/m.exec(t)?.[1]).filter((v): v is string => Boolean(v));
      const id = random() < 0.6 && others.length ? pick(others) : `urn:nl:ak:ver:zzz-${String(serial % 100).padStart(2, '0')}`;
      if (at < 0) {
        if (fmLines === 0) break;
        return { what: `add id ${id} to ${path}`, writes: [[path, withLines((l) => l.splice(1, 0, `id: ${id}`))]] };
      }
      if (random() < 0.2) return { what: `remove the id of ${path}`, writes: [[path, withLines((l) => l.splice(at, 1))]] };
      return { what: `id of ${path} → ${id}`, writes: [[path, withLines((l) => (l[at] = `id: ${id}`))]] };
    }
    case 7: {
      // Add a directive (on a random key and value), or remove one.
      const existing = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('<!-- list_'));
      if (existing.length && random() < 0.4) {
        const [, at] = pick(existing);
        return { what: `remove the directive on line ${at} of ${path}`, writes: [[path, withLines((l) => l.splice(at, 1))]] };
      }
      const name = pick(['list_maatregelen', 'list_vereisten', 'list_hulpmiddelen', 'list_instrumenten', 'list_vereisten_on_maatregelen_page']);
      const filter = pick([`vereiste/${pick(stems)}`, `onderwerp/${pick(['governance', 'transparantie', 'data'])}`, `levenscyclus/${pick(['ontwerp', 'implementatie'])}`, `rollen/jurist`, `bouwblok/governance`, `boubwlok/governance`, '', 'maatregel/x']);
      const flags = pick(['', ' no-search', ' no-id add-rol', ' extra/token']);
      const line = name.endsWith('_page') ? `<!-- ${name} -->` : `<!-- ${name} ${filter}${flags} -->`;
      return { what: `add ${line} to ${path}`, writes: [[path, `${text}\n${line}\n`]] };
    }
    case 8: {
      // Break the YAML, or unclose the block.
      if (fmLines === 0) break;
      const at = 1 + Math.floor(random() * (fmLines - 1));
      const broken = random() < 0.5 ? withLines((l) => l.splice(at, 0, 'kapot: [niet dicht')) : withLines((l) => l.splice(fmLines, 1));
      return { what: `break the YAML of ${path}`, writes: [[path, broken]] };
    }
    case 9: {
      // Edit the body only.
      return { what: `body of ${path}`, writes: [[path, `${text}\nEen zin erbij ${serial}.\n`]] };
    }
    case 10: {
      // A comment line in the frontmatter: every range below it moves, the metadata stays.
      if (fmLines === 0) break;
      return { what: `comment in ${path}`, writes: [[path, withLines((l) => l.splice(1, 0, `# opmerking ${serial}`))]] };
    }
    case 11: {
      // Point a reference elsewhere: at an existing stem, a near miss, or another case.
      const at = lines.findIndex((l, i) => i < fmLines && /^(vereiste|maatregel):\s*$/.test(l));
      if (at < 0 || !/^- /.test(lines[at + 1] ?? '')) break;
      const stem = pick(stems);
      const value = random() < 0.5 ? stem : random() < 0.5 ? stem.toUpperCase() : `${stem}-oud`;
      return { what: `reference in ${path} → ${value}`, writes: [[path, withLines((l) => (l[at + 1] = `- ${value}`))]] };
    }
    case 12: {
      // A title change (cards and hovers show it).
      const at = lines.findIndex((l, i) => i < fmLines && l.startsWith('title:'));
      if (at < 0) break;
      return { what: `title of ${path}`, writes: [[path, withLines((l) => (l[at] = `title: Nieuwe titel ${serial}`))]] };
    }
    default: {
      // A vocabulary page created or deleted (the label's values change).
      const vocabulary = pages.filter((p) => /^docs\/(levenscyclus|rollen|onderwerpen)\/[^/]+\.md$/.test(p) && !p.endsWith('index.md'));
      if (vocabulary.length && random() < 0.5) return { what: `delete vocabulary page`, writes: [[pick(vocabulary), undefined]] };
      return { what: `create vocabulary page`, writes: [[`docs/onderwerpen/nieuw-onderwerp-${serial}.md`, `# Nieuw onderwerp ${serial}\n\nOver iets.\n`]] };
    }
  }
  return { what: `body of ${path}`, writes: [[path, `${text}\n`]] };
}

/** A readable form of everything the comparison covers for one page. */
const json = (value: unknown) => JSON.stringify(value);

/** The first difference between the incremental service and a fresh one on the same files, or undefined. */
function difference(files: Map<string, string>, incremental: LanguageService, published: Map<string, string>, withCards: boolean): string | undefined {
  const fresh = createLanguageService(new MemoryWorkspace(Object.fromEntries(files)), { language: 'en' });
  const pages = [...files.keys()].filter((p) => p.endsWith('.md')).sort();
  const a = json(incremental.graph());
  const b = json(fresh.graph());
  if (a !== b) return `graph differs:\n  incremental ${a.slice(0, 400)}\n  fresh       ${b.slice(0, 400)}`;
  const wa = json(incremental.workspaceDiagnostics());
  const wb = json(fresh.workspaceDiagnostics());
  if (wa !== wb) return `workspace diagnostics differ:\n  incremental ${wa}\n  fresh       ${wb}`;
  for (const page of pages) {
    const expected = json(fresh.doValidation(page));
    const actual = json(incremental.doValidation(page));
    if (actual !== expected) return `diagnostics of ${page} differ:\n  incremental ${actual}\n  fresh       ${expected}`;
    const sent = published.get(page) ?? '[]';
    if (sent !== expected) return `published diagnostics of ${page} are stale (the model did not say it was affected):\n  published ${sent}\n  fresh     ${expected}`;
    if (withCards) {
      const ca = json(incremental.card(page));
      const cb = json(fresh.card(page));
      if (ca !== cb) return `card of ${page} differs:\n  incremental ${ca.slice(0, 600)}\n  fresh       ${cb.slice(0, 600)}`;
    }
  }
  return undefined;
}

/**
 * Applies `ops` to a copy of `base` through an incremental service, publishing what the model says is
 * affected after each; compares with a fresh build every `every` operations and at the end. Returns the
 * first failure: after which operation, and what differed.
 */
function replay(base: Record<string, string>, ops: readonly Op[], every: number, cardsEvery: number): { at: number; message: string } | undefined {
  const files = new Map(Object.entries(base));
  const workspace = new MemoryWorkspace(base);
  const service = createLanguageService(workspace, { language: 'en' });
  const published = new Map<string, string>();
  const publish = () => {
    const affected = service.takeAffected();
    const paths = affected === 'all' ? [...files.keys()].filter((p) => p.endsWith('.md')) : [...affected];
    for (const path of paths) {
      if (files.has(path)) published.set(path, json(service.doValidation(path)));
      else published.delete(path);
    }
    if (affected === 'all') for (const path of [...published.keys()]) if (!files.has(path)) published.delete(path);
  };
  publish();
  for (let i = 0; i < ops.length; i++) {
    for (const [path, text] of ops[i].writes) {
      if (text === undefined) files.delete(path);
      else files.set(path, text);
      workspace.set(path, text);
    }
    publish();
    // What an editor shows must be what the model says now: a page it did not call affected must not have changed.
    for (const path of [...files.keys()].filter((p) => p.endsWith('.md'))) {
      const now = json(service.doValidation(path));
      if ((published.get(path) ?? '[]') !== now) return { at: i, message: `published diagnostics of ${path} are stale (the model did not say it was affected):\n  published ${published.get(path)}\n  now       ${now}` };
    }
    const last = i === ops.length - 1;
    if ((i + 1) % every === 0 || last) {
      const message = difference(files, service, published, (i + 1) % cardsEvery === 0 || last);
      if (message) return { at: i, message };
    }
  }
  return undefined;
}

/** The shortest failing sequence found: the shortest failing prefix, then operations dropped while it still fails. */
function shrink(base: Record<string, string>, ops: Op[], budgetMs: number): Op[] {
  const deadline = Date.now() + budgetMs;
  const fails = (candidate: Op[]) => replay(base, candidate, candidate.length, candidate.length) !== undefined;
  let lo = 1;
  let hi = ops.length;
  while (lo < hi && Date.now() < deadline) {
    const mid = (lo + hi) >> 1;
    if (fails(ops.slice(0, mid))) hi = mid;
    else lo = mid + 1;
  }
  let current = ops.slice(0, hi);
  for (let chunk = Math.max(1, current.length >> 1); chunk >= 1 && Date.now() < deadline; chunk >>= 1) {
    for (let start = current.length - 1 - chunk; start >= 0 && Date.now() < deadline; start -= chunk) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      if (candidate.length > 0 && fails(candidate)) current = candidate;
    }
  }
  return current;
}

function run(corpus: string, seed: number, count: number): void {
  const base = load(join(CORPORA, corpus));
  const { random, pick } = seeded(seed);
  const files = new Map(Object.entries(base));
  const ops: Op[] = [];
  for (let i = 0; i < count; i++) {
    const op = nextOp(files, random, pick, i);
    for (const [path, text] of op.writes) {
      if (text === undefined) files.delete(path);
      else files.set(path, text);
    }
    ops.push(op);
  }
  const failure = replay(base, ops, 50, 250);
  if (!failure) return;
  const shortest = shrink(base, ops.slice(0, failure.at + 1), 60_000);
  const again = replay(base, shortest, shortest.length, shortest.length);
  assert.fail(
    `${corpus}, seed ${seed}: after operation ${failure.at + 1} of ${count}: ${failure.message}\n` +
      `shortest failing sequence (${shortest.length} operations):\n${shortest.map((op, i) => `  ${i + 1}. ${op.what}`).join('\n')}\n` +
      (again ? (again.message === failure.message ? 'which fails the same way' : `which fails with: ${again.message}`) : '(it passed when replayed alone)'),
  );
}

describe('incremental model: equivalence with a fresh build', function () {
  this.timeout(600_000);
  const seed = Number(process.env.AK_EQUIVALENCE_SEED ?? 20261206);
  const count = Number(process.env.AK_EQUIVALENCE_OPS ?? 1000);
  for (const corpus of ['algoritmekader-2026-06', 'algoritmekader-2024-08']) {
    it(`${count} random operations on ${corpus} (seed ${seed}): diagnostics, published diagnostics, graph and cards equal a fresh build`, () => {
      run(corpus, seed, count);
    });
  }
});
