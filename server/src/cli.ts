// `ak`: the command-line twin of the extension, on the same language service.
//   ak check [ROOT] [--format text|json|github] [--profile auto|2024|transitional|current] [--lang nl|en] [--fix]
//   ak graph [ROOT] [--format text|json] [--profile ...]
// Exit status: 0 no errors, 1 errors found (check), 2 usage error or unreadable ROOT.
import { statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { version } from '../../package.json';
import { NodeWorkspace } from './nodeWorkspace';
import { BUILTIN_PROFILES, createLanguageService, UI, type AkDiagnostic, type FileDiagnostics, type GraphModel, type Language } from './service';

const FORMATS = ['text', 'json', 'github'] as const;
type Format = (typeof FORMATS)[number];

interface Args {
  command: string | undefined;
  root: string;
  format: Format;
  profile: string;
  lang: Language;
  help: boolean;
  version: boolean;
  fix: boolean;
}

const USAGE = {
  en: `Usage: ak check [ROOT] [--format text|json|github] [--profile auto|${BUILTIN_PROFILES.map((p) => p.name).join('|')}] [--lang nl|en] [--fix]
       ak graph [ROOT] [--format text|json] [--profile ...]

check  checks every page of the Algoritmekader content tree at ROOT (default: the current folder).
       --fix first applies every fix that leaves no doubt (the editor's preferred quick fixes), in place.
graph  prints the pages, the list directives with the pages they list, and the references.
Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable ROOT.`,
  nl: `Gebruik: ak check [MAP] [--format text|json|github] [--profile auto|${BUILTIN_PROFILES.map((p) => p.name).join('|')}] [--lang nl|en] [--fix]
         ak graph [MAP] [--format text|json] [--profile ...]

check  controleert elke pagina van de Algoritmekader-inhoud in MAP (standaard: de huidige map).
       --fix past eerst elke eenduidige correctie toe (de voorkeurs-snelle-correcties van de editor), in de bestanden zelf.
graph  toont de pagina's, de lijstopdrachten met de pagina's die ze tonen, en de verwijzingen.
Afsluitcode: 0 geen fouten, 1 fouten gevonden, 2 verkeerd gebruik of MAP onleesbaar.`,
};

class UsageError extends Error {}

/** The language of the environment's locale: Dutch when it is Dutch. */
export function environmentLanguage(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return /^nl([_.-]|$)/i.test(locale) ? 'nl' : 'en';
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Args {
  const args: Args = { command: undefined, root: '.', format: 'text', profile: 'auto', lang: environmentLanguage(env), help: false, version: false, fix: false };
  let rootSet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--version' || flag === '-V') args.version = true;
    else if (flag === '--fix') args.fix = true;
    else if (flag === '--format' || flag === '-f') {
      const v = value();
      if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(`unknown format "${v}" (text, json, github)`);
      args.format = v as Format;
    } else if (flag === '--profile') {
      const v = value();
      if (v !== 'auto' && !BUILTIN_PROFILES.some((p) => p.name === v)) throw new UsageError(`unknown profile "${v}" (auto, ${BUILTIN_PROFILES.map((p) => p.name).join(', ')})`);
      args.profile = v;
    } else if (flag === '--lang') {
      const v = value();
      if (v !== 'nl' && v !== 'en') throw new UsageError(`unknown language "${v}" (nl, en)`);
      args.lang = v;
    } else if (flag.startsWith('-')) throw new UsageError(`unknown option "${flag}"`);
    else if (args.command === undefined) args.command = arg;
    else if (!rootSet) {
      args.root = arg;
      rootSet = true;
    } else throw new UsageError(`unexpected argument "${arg}"`);
  }
  return args;
}

const SEVERITY_NAMES: Record<number, string> = {
  [DiagnosticSeverity.Error]: 'error',
  [DiagnosticSeverity.Warning]: 'warning',
  [DiagnosticSeverity.Information]: 'information',
  [DiagnosticSeverity.Hint]: 'hint',
};

function count(results: FileDiagnostics[], severity: DiagnosticSeverity): number {
  return results.reduce((n, r) => n + r.diagnostics.filter((d) => d.severity === severity).length, 0);
}

/** GitHub workflow command escaping: data escapes %, CR, LF; properties also `:` and `,`. */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

function formatText(results: FileDiagnostics[], lang: Language): string {
  const lines: string[] = [];
  for (const { path, diagnostics } of results) {
    for (const d of sorted(diagnostics)) {
      const severity = UI.severity[lang][d.severity ?? 1];
      lines.push(`${path}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severity} ${d.code} ${d.message}`);
    }
  }
  return lines.join('\n');
}

function formatGithub(results: FileDiagnostics[]): string {
  const lines: string[] = [];
  const command: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'notice', 4: 'notice' };
  for (const { path, diagnostics } of results) {
    for (const d of sorted(diagnostics)) {
      const { start, end } = d.range;
      const props = [`file=${path}`, `line=${start.line + 1}`, `col=${start.character + 1}`, `endLine=${end.line + 1}`, `endColumn=${end.character + 1}`, `title=${d.code}`];
      lines.push(`::${command[d.severity ?? 1]} ${props.map(escapeProperty).join(',')}::${escapeData(d.message)}`);
    }
  }
  return lines.join('\n');
}

function formatGraph(graph: GraphModel, lang: Language): string {
  const nl = lang === 'nl';
  const lines: string[] = [];
  lines.push(`${nl ? 'profiel' : 'profile'}: ${graph.profile ?? '-'}; ${graph.pages.length} ${nl ? "pagina's" : 'pages'}, ${graph.directives.length} ${nl ? 'lijstopdrachten' : 'directives'}, ${graph.references.length} ${nl ? 'verwijzingen' : 'references'}`);
  for (const d of graph.directives) {
    const state = d.expanded ? `${d.resolvesTo.length} ${nl ? "pagina's" : 'pages'}` : nl ? 'niet getoond' : 'not shown';
    lines.push(`${d.file}:${d.line + 1} ${d.name}${d.params ? ' ' + d.params : ''} → ${state}${d.resolvesTo.length ? ': ' + d.resolvesTo.join(' ') : ''}`);
  }
  for (const r of graph.references) {
    lines.push(`${r.file}:${r.line + 1} ${r.key}: ${r.value} → ${r.target ?? (nl ? '(bestaat niet)' : '(missing)')}`);
  }
  return lines.join('\n') + '\n';
}

function sorted(diagnostics: AkDiagnostic[]): AkDiagnostic[] {
  return [...diagnostics].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
}

/** Runs `ak` with `argv` (without `node` and the script); returns the exit status. */
export function run(argv: string[], io: CliIo): number {
  let args: Args;
  try {
    args = parseArgs(argv, io.env);
  } catch (error) {
    const lang = environmentLanguage(io.env);
    io.stderr(`ak: ${(error as Error).message}\n\n${USAGE[lang]}\n`);
    return 2;
  }
  if (args.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (args.help || args.command === undefined) {
    io[args.help ? 'stdout' : 'stderr'](`${USAGE[args.lang]}\n`);
    return args.help ? 0 : 2;
  }
  if (args.command !== 'check' && args.command !== 'graph') {
    io.stderr(`ak: ${args.lang === 'nl' ? 'onbekende opdracht' : 'unknown command'} "${args.command}"\n\n${USAGE[args.lang]}\n`);
    return 2;
  }
  const root = resolve(io.cwd, args.root);
  try {
    if (!statSync(root).isDirectory()) throw new Error(args.lang === 'nl' ? 'geen map' : 'not a folder');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? (args.lang === 'nl' ? 'bestaat niet' : 'does not exist') : (error as Error).message;
    io.stderr(`ak: ${args.lang === 'nl' ? 'kan de map niet lezen' : 'cannot read ROOT'}: ${root} (${reason})\n`);
    return 2;
  }

  const workspace = new NodeWorkspace(root);
  const service = createLanguageService(workspace, { language: args.lang, profile: args.profile });
  if (args.command === 'graph') {
    if (args.format === 'github') {
      io.stderr(`ak: graph --format ${args.lang === 'nl' ? 'is text of json' : 'is text or json'}\n`);
      return 2;
    }
    const graph = service.graph();
    if (args.format === 'json') io.stdout(JSON.stringify({ version, root, ...graph }, null, 2) + '\n');
    else io.stdout(formatGraph(graph, args.lang));
    return 0;
  }
  const fixed = args.fix
    ? service.fixAll((path, text) => {
        writeFileSync(join(root, path), text);
        workspace.changedOnDisk([path]);
      })
    : undefined;
  const results = service.checkAll();
  const errors = count(results, DiagnosticSeverity.Error);
  const files = workspace.listMarkdownFiles().length;

  if (args.format === 'json') {
    const diagnostics = results.flatMap(({ path, diagnostics }) =>
      sorted(diagnostics).map((d) => ({
        file: path,
        range: d.range,
        severity: SEVERITY_NAMES[d.severity ?? 1],
        code: d.code,
        message: d.message,
        data: d.data,
        ...(d.relatedInformation ? { related: d.relatedInformation.map((r) => ({ file: workspace.relativePath(fileURLToPath(r.location.uri)), range: r.location.range, message: r.message })) } : {}),
      })),
    );
    io.stdout(JSON.stringify({ version, root, profile: service.profile()?.name ?? null, files, ...(fixed ? { fixed: Object.fromEntries(fixed) } : {}), diagnostics }, null, 2) + '\n');
  } else if (args.format === 'github') {
    const text = formatGithub(results);
    if (text) io.stdout(text + '\n');
  } else {
    const text = formatText(results, args.lang);
    if (text) io.stdout(text + '\n');
    if (fixed) io.stdout(UI.fixed[args.lang]([...fixed.values()].reduce((a, b) => a + b, 0), fixed.size) + '\n');
    io.stdout(UI.summary[args.lang](files, errors, count(results, DiagnosticSeverity.Warning), count(results, DiagnosticSeverity.Hint) + count(results, DiagnosticSeverity.Information)) + '\n');
  }
  return errors > 0 ? 1 : 0;
}

/** Runs `ak` on this process's arguments and streams (dist/cli.js calls this after loading the bundle). */
export function main(): void {
  process.exitCode = run(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
  });
}

if (require.main === module) main();
