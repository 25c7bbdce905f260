// The fuzzer of issue 11: real corpus pages, mutated at random (seeded, so any finding replays), each put
// through every entry point of the language service. What must hold on every mutated page:
// - no entry point throws, and none takes over a second (of CPU time);
// - every range it returns for the page is inside the page and splits no surrogate pair;
// - every quick fix, and Fix All, leaves frontmatter that reads as the site reads it, if it did before.
// test/fuzz/fuzz.test.ts runs a few thousand mutations in `npm test`; `npm run fuzz` runs many more
// (scripts/fuzz.mjs, arguments: mutations, seed).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { cardToMarkdown, createLanguageService, type AkTextEdit, type Range } from '../../server/src/service';
import { parsePage } from '../../server/src/service/frontmatter';
import { applyTextEdits, stripBom } from '../../server/src/service/text';
import { BASE_2024, CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';
import { seeded } from '../seeded';

export const CORPORA = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora');

function pagesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? pagesUnder(path) : name.endsWith('.md') ? [path] : [];
  });
}

/** The corpus pages a mutation starts from, each with where it sits in its in-memory workspace. */
export function sources(): { text: string; path: string; base: Record<string, string> }[] {
  const current = pagesUnder(join(CORPORA, 'algoritmekader-2026-06', 'docs', 'voldoen-aan-wetten-en-regels'));
  const old = [...pagesUnder(join(CORPORA, 'algoritmekader-2024-08', 'docs', 'maatregelen')), ...pagesUnder(join(CORPORA, 'algoritmekader-2024-08', 'docs', 'vereisten'))];
  return [
    ...current.map((file) => ({ text: readFileSync(file, 'utf8'), path: `docs/voldoen-aan-wetten-en-regels/maatregelen/1-pba-01-x.md`, base: CURRENT_BASE })),
    ...old.map((file) => ({ text: readFileSync(file, 'utf8'), path: 'docs/maatregelen/x.md', base: BASE_2024 })),
  ];
}

const UNICODE = ['\t', '\u200f', '\u202e', '\u0301', '😀', '\u0000', '\ud800', '\udc00', '\r', '\r\n', '\uFEFF', '\u2028', '\u0085', '\u001b[31m', 'é', '\u00a0'];
const YAML_BITS = ['&a ', '*a', '&b [x, *a]', '<<: *a\n', '<<: [*a, *b]\n', '!!omap ', '!!pairs ', '!!set ', '!!binary ', '!custom ', '!!str ', '!!python/object ', '? ', ': ', '- ', '|\n', '>-\n', '"', "'", '[', ']', '{', '}', '#', '%YAML 1.1\n', '---\n', '...\n', '__proto__: x\n', 'constructor:\n- a\n'];
const DIRECTIVES = ['<!-- list_maatregelen ', '<!-- list_vereisten ', '<!--list_hulpmiddelen ', ' -->', ' --', '-->', ' rollen/jurist', ' vereiste/', ' no-search', ' add-', ' a/b/c', ' /', '``` ', '`', '\n    '];

/** One mutation of `text`: 1 to 4 operators, each at a random place (mostly near the top, where the frontmatter is). */
export function mutate(text: string, random: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const at = () => Math.floor(random() * Math.min(text.length + 1, random() < 0.7 ? 1500 : text.length + 1));
  const lineBounds = (offset: number) => {
    const start = text.lastIndexOf('\n', offset - 1) + 1;
    const next = text.indexOf('\n', offset);
    return [start, next < 0 ? text.length : next + 1] as const;
  };
  const insert = (s: string) => {
    const i = at();
    text = text.slice(0, i) + s + text.slice(i);
  };
  for (let k = 1 + Math.floor(random() * 4); k > 0; k--) {
    const r = Math.floor(random() * 20);
    switch (r) {
      case 0: {
        // A character replaced by any UTF-16 code unit (lone surrogates included).
        const i = at();
        text = text.slice(0, i) + String.fromCharCode(Math.floor(random() * 0x10000)) + text.slice(i + 1);
        break;
      }
      case 1: {
        const [s, e] = lineBounds(at());
        text = text.slice(0, s) + text.slice(e);
        break;
      }
      case 2: {
        const [s, e] = lineBounds(at());
        text = text.slice(0, e) + text.slice(s, e).repeat(1 + Math.floor(random() * 3)) + text.slice(e);
        break;
      }
      case 3:
      case 4:
        insert(pick(UNICODE));
        break;
      case 5:
        // Line ends mixed: some \n become \r\n or a lone \r.
        text = text.replace(/\n/g, (m) => (random() < 0.2 ? pick(['\r\n', '\r']) : m));
        break;
      case 6:
        text = '\uFEFF' + text;
        break;
      case 7:
        insert(pick(['x', '"', '[', '- ', '<!-- ', '`', ' ']).repeat(1000 + Math.floor(random() * 30000)));
        break;
      case 8: {
        const depth = 20 + Math.floor(random() * 300);
        insert(random() < 0.5 ? 'nest:\n' + Array.from({ length: depth }, (_, i) => ' '.repeat(i + 1) + 'k:').join('\n') + '\n' : 'nest:\n' + '- '.repeat(depth * 2) + 'x\n');
        break;
      }
      case 9: {
        const depth = 50 + Math.floor(random() * 600);
        insert('[' .repeat(depth) + (random() < 0.5 ? ']'.repeat(depth) : ''));
        break;
      }
      case 10:
      case 11:
        insert(pick(YAML_BITS));
        break;
      case 12:
        // An alias bomb: each level nine times the one before.
        insert('a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n');
        break;
      case 13:
        insert(`${pick(['rollen', 'levenscyclus', 'vereiste', 'hide', 'onderwerp'])}:\n` + Array.from({ length: 100 + Math.floor(random() * 900) }, (_, i) => pick([`- ${i}`, '- ', '- jurist', `- x${i}`, '- ~'])).join('\n') + '\n');
        break;
      case 14: {
        // Unterminated frontmatter: the closing --- removed.
        const close = text.indexOf('\n---', 3);
        if (close >= 0) text = text.slice(0, close + 1) + text.slice(close + 4);
        break;
      }
      case 15:
      case 16: {
        let garbage = pick(DIRECTIVES);
        for (let n = Math.floor(random() * 6); n > 0; n--) garbage += pick([...DIRECTIVES, ...UNICODE, ' ', 'a/b', 'x']);
        insert(garbage);
        break;
      }
      case 17: {
        // Bytes deleted.
        const i = at();
        text = text.slice(0, i) + text.slice(i + 1 + Math.floor(random() * 8));
        break;
      }
      default:
        insert(pick(['-', ':', ' ', '\n', '\t', '"', "'", '[', ']', '{', '}', '#', '&a ', '*a', '!', '|', '>', '? ', '---\n', '<!--', '-->', '`', '```\n', '    ', '- \n', 'vereiste:\n- ']));
    }
  }
  return text;
}

export interface Finding {
  mutation: number;
  entry: string;
  problem: string;
  text: string;
}

/** Whether `range` lies inside `text` (LSP lines: \r\n, \n or \r) and splits no surrogate pair at either end. */
function rangeProblem(range: Range, lines: string[], starts: number[], text: string): string | undefined {
  for (const p of [range.start, range.end]) {
    if (p.line < 0 || p.line >= lines.length || p.character < 0 || p.character > lines[p.line].length) return `position ${p.line}:${p.character} outside the page`;
    const offset = starts[p.line] + p.character;
    const before = text.charCodeAt(offset - 1);
    const after = text.charCodeAt(offset);
    if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return `position ${p.line}:${p.character} splits a surrogate pair`;
  }
  if (range.end.line < range.start.line || (range.end.line === range.start.line && range.end.character < range.start.character)) return 'range ends before it starts';
  return undefined;
}

/** Runs mutations `first` (0) to `first + count` of `seed`, or fewer when `budgetMs` runs out; returns how many ran and what broke. */
export function fuzz(options: { seed: number; count: number; first?: number; budgetMs?: number; slowMs?: number; onProgress?: (n: number) => void }): { ran: number; findings: Finding[] } {
  const all = sources();
  const findings: Finding[] = [];
  const started = Date.now();
  const slowMs = options.slowMs ?? 1000;
  let ran = 0;
  for (let n = options.first ?? 0; n < (options.first ?? 0) + options.count; n++) {
    if (options.budgetMs !== undefined && Date.now() - started > options.budgetMs) break;
    // Each mutation has its own random source, so that one can be replayed alone (`first`, `count: 1`).
    const { random, pick } = seeded(options.seed * 1_000_003 + n);
    const source = pick(all);
    const text = mutate(source.text, random);
    const { path } = source;
    const shown = stripBom(text);
    const lines = shown.split(/\r\n|\r|\n/);
    const starts: number[] = [];
    for (let i = 0, offset = 0; i < lines.length; i++) {
      starts.push(offset);
      offset += lines[i].length + (shown.startsWith('\r\n', offset + lines[i].length) ? 2 : 1);
    }
    const found = (entry: string, problem: string) => findings.push({ mutation: n, entry, problem, text });
    const checkRange = (entry: string, range: Range | undefined) => {
      const problem = range && rangeProblem(range, lines, starts, shown);
      if (problem) found(entry, `${problem}: ${JSON.stringify(range)}`);
    };
    const before = parsePage(text).frontmatter;
    const checkFix = (entry: string, edits: AkTextEdit[]) => {
      for (const e of edits) checkRange(entry, e.range);
      if (!before || before.problems.length > 0 || before.status !== 'closed') return;
      const after = parsePage(applyTextEdits(shown, edits)).frontmatter;
      if (!after || after.status !== 'closed' || after.problems.length > 0) found(entry, `the fix leaves frontmatter the site cannot read: ${JSON.stringify(after?.problems.map((p) => p.code) ?? after?.status)}`);
    };
    // The mutated page is also the workspace's template for a new page of its type.
    const template = 'templates/template-maatregel.md';
    const service = createLanguageService(new MemoryWorkspace({ ...source.base, [path]: text, [template]: text }), { language: n % 2 ? 'nl' : 'en' });
    // Time is the CPU time the process spent on the call, not the wall clock: on a machine shared with other
    // work, a call can wait for the CPU far longer than it runs.
    // A slow call is timed once more: what is slow by itself is slow again, a pause of the machine (a
    // collection of garbage left by earlier mutations, memory paged in) is not.
    const cpu = <T>(f: () => T): [T, number] => {
      const t = process.cpuUsage();
      const result = f();
      const used = process.cpuUsage(t);
      return [result, (used.user + used.system) / 1000];
    };
    const call = <T>(entry: string, f: () => T): T | undefined => {
      try {
        const [result, ms] = cpu(f);
        if (ms > slowMs) {
          const [, again] = cpu(f);
          if (again > slowMs) found(entry, `took ${Math.round(ms)} ms of CPU time, and ${Math.round(again)} ms again`);
        }
        return result;
      } catch (error) {
        found(entry, `threw ${(error as Error).stack ?? error}`);
        return undefined;
      }
    };
    for (const d of call('diagnostics', () => service.doValidation(path)) ?? []) {
      checkRange(`diagnostics ${d.code}`, d.range);
      if (!d.message) found(`diagnostics ${d.code}`, 'empty message');
    }
    const positions = Array.from({ length: 4 }, () => {
      const line = Math.floor(random() * Math.min(lines.length, random() < 0.7 ? 30 : lines.length));
      return { line, character: Math.floor(random() * (lines[line].length + 1)) };
    });
    for (const position of positions) {
      for (const item of call('completion', () => service.complete(path, position))?.items ?? []) checkRange('completion', item.range);
      checkRange('hover', call('hover', () => service.hover(path, position))?.range);
      const definition = call('definition', () => service.definition(path, position));
      checkRange('definition', definition?.origin);
      for (const location of call('references', () => service.references(path, position, true)) ?? []) if (location.path === path) checkRange('references', location.range);
      const prepared = call('prepareRename', () => service.prepareRename(path, position));
      if (prepared && 'range' in prepared) checkRange('prepareRename', prepared.range);
      const renamed = call('rename', () => service.rename(path, position, 'nieuwe-naam'));
      if (renamed && 'edits' in renamed) for (const file of renamed.edits) if (file.path === path) for (const e of file.edits) checkRange('rename', e.range);
    }
    const whole = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    for (const action of call('codeActions', () => service.codeActions(path, whole)) ?? []) checkFix(`codeAction ${action.diagnostic.code}`, action.edits);
    const fixAll = call('fixAll', () => service.fixAllIn(path));
    if (fixAll) checkFix('fixAll', fixAll.edits);
    const card = call('card', () => service.card(path));
    if (card) call('render', () => cardToMarkdown(card, n % 2 ? 'nl' : 'en'));
    call('graph', () => service.graph());
    call('checkAll', () => service.checkAll());
    call('referencesTo', () => service.referencesTo(path));
    for (let offset = 0; offset < shown.length; offset += 97) call('resolveDirective', () => service.resolveDirective(path, offset));
    const made = call('newPage', () => service.newPage({ type: 'maatregel', code: 'pba', title: 'T', slug: 't' }));
    if (made && !('error' in made) && made.text.length === 0) found('newPage', 'an empty page');
    ran++;
    options.onProgress?.(ran);
  }
  return { ran, findings };
}
