// `ak`: the command-line twin of the extension, on the same language service.
//   ak check [ROOT] [--format text|json|github] [--profile auto|2024|transitional|current] [--lang nl|en] [--fix]
//   ak graph [ROOT] [--format text|json] [--profile ...]
//   ak render PAGE... [--root ROOT] [--format text|json|html] [-o PATH] [--profile ...] [--lang nl|en]
//   ak report [ROOT] [--format text|json|markdown] [--profile ...] [--lang nl|en]
//   ak help [COMMAND], ak COMMAND --help
// Exit status: 0 no errors, 1 errors found (or a tree that matches no content model), 2 usage error or
// unreadable ROOT or PAGE, or a fix that could not be written.
import { accessSync, chmodSync, constants as fsConstants, existsSync, mkdirSync, readdirSync, realpathSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { version } from '../../package.json';
import { NodeWorkspace } from './nodeWorkspace';
import PAGE_CSS from './service/render/page.css';
import { visibleControl } from './service/markdownEscape';
import { escapeAttribute as escapeHtml } from './service/render/sanitize';
import { BUILTIN_PROFILES, cardToMarkdown, CLI, CONFIG_FILE, coverageToMarkdown, coverageToText, createLanguageService, UI, type AkDiagnostic, type FileDiagnostics, type FixAllResult, type GraphModel, type Language, type LanguageService } from './service';

const FORMATS = ['text', 'json', 'github', 'markdown', 'html'] as const;
type Format = (typeof FORMATS)[number];

interface Args {
  command: string | undefined;
  /** The arguments after the command: ROOT for check and graph, the pages for render. */
  operands: string[];
  /** `--root`: render's content root (otherwise found above the first page). */
  root: string | undefined;
  /** `-o`: render --format html's output file (one page) or folder (several). */
  output: string | undefined;
  format: Format;
  profile: string;
  lang: Language;
  help: boolean;
  version: boolean;
  fix: boolean;
}

const PROFILES = `auto|${BUILTIN_PROFILES.map((p) => p.name).join('|')}`;
const COMMANDS = ['check', 'graph', 'render', 'report'] as const;
type Command = (typeof COMMANDS)[number];
const isCommand = (name: string | undefined): name is Command => (COMMANDS as readonly string[]).includes(name ?? '');

/** `ak help` and `ak --help`: the commands, one line each. */
const USAGE = {
  en: `Usage: ak check [ROOT] [--format text|json|github] [--profile ${PROFILES}] [--lang nl|en] [--fix]
       ak graph [ROOT] [--format text|json] [--profile ...] [--lang nl|en]
       ak render PAGE... [--root ROOT] [--format text|json|html] [-o PATH] [--profile ...] [--lang nl|en]
       ak report [ROOT] [--format text|json|markdown] [--profile ...] [--lang nl|en]
       ak help [COMMAND]

check  checks every page of the Algoritmekader content tree at ROOT (default: the current folder).
graph  prints the pages, the list directives with the pages they list, and the references.
render prints what the site makes of each PAGE, or with --format html the page as the site shows it.
report prints what is left uncovered: requirements without measures, measures naming no requirement, and more.
ak help COMMAND (or ak COMMAND --help) tells more about one command; ak --version prints the version.
Exit status: 0 no errors, 1 errors found, 2 usage error or unreadable ROOT or PAGE.`,
  nl: `Gebruik: ak check [MAP] [--format text|json|github] [--profile ${PROFILES}] [--lang nl|en] [--fix]
         ak graph [MAP] [--format text|json] [--profile ...] [--lang nl|en]
         ak render PAGINA... [--root MAP] [--format text|json|html] [-o PAD] [--profile ...] [--lang nl|en]
         ak report [MAP] [--format text|json|markdown] [--profile ...] [--lang nl|en]
         ak help [OPDRACHT]

check  controleert elke pagina van de Algoritmekader-inhoud in MAP (standaard: de huidige map).
graph  toont de pagina's, de lijstopdrachten met de pagina's die ze tonen, en de verwijzingen.
render toont wat de site van elke PAGINA maakt, of met --format html de pagina zoals de site haar toont.
report toont wat nog niet gedekt is: vereisten zonder maatregelen, maatregelen die geen vereiste noemen, en meer.
ak help OPDRACHT (of ak OPDRACHT --help) vertelt meer over één opdracht; ak --version toont de versie.
Afsluitcode: 0 geen fouten, 1 fouten gevonden, 2 verkeerd gebruik of MAP of PAGINA onleesbaar.`,
};

/** Options every command takes, as the per-command help lists them. */
const COMMON_OPTIONS = {
  en: `  --profile ${PROFILES}
                  the content model (default auto: from the site's hook and the folders, or .algoritmekader.json)
  --lang nl|en    the language of the messages (default: Dutch when the locale is Dutch)
  -h, --help      this help`,
  nl: `  --profile ${PROFILES}
                  het contentmodel (standaard auto: herkend aan de hook van de site en de mappen, of .algoritmekader.json)
  --lang nl|en    de taal van de meldingen (standaard: Nederlands als de locale Nederlands is)
  -h, --help      deze hulp`,
};

/** `ak COMMAND --help` and `ak help COMMAND`. */
const HELP: Record<Command, Record<Language, string>> = {
  check: {
    en: `Usage: ak check [ROOT] [options]

Checks every Markdown page under ROOT, the folder that holds docs/ (default: the current folder), and prints
one line per finding (path:line:col severity code message), then a summary.

  -f, --format text|json|github
                  text (default), JSON with 0-based ranges, or GitHub Actions annotations
  --fix           first apply, in the files, every fix that leaves no doubt (the editor's preferred quick fixes)
${COMMON_OPTIONS.en}

Exit status: 0 no errors (warnings and hints do not count), 1 errors found, 2 usage error or unreadable ROOT.`,
    nl: `Gebruik: ak check [MAP] [opties]

Controleert elke Markdown-pagina onder MAP, de map met docs/ erin (standaard: de huidige map), en toont één
regel per bevinding (pad:regel:kolom ernst code melding), en dan een samenvatting.

  -f, --format text|json|github
                  tekst (standaard), JSON met bereiken vanaf 0, of GitHub Actions-annotaties
  --fix           pas eerst in de bestanden elke eenduidige correctie toe (de voorkeurscorrecties van de editor)
${COMMON_OPTIONS.nl}

Afsluitcode: 0 geen fouten (waarschuwingen en hints tellen niet), 1 fouten gevonden, 2 verkeerd gebruik of MAP onleesbaar.`,
  },
  graph: {
    en: `Usage: ak graph [ROOT] [options]

Prints what links to what, resolved as the site's build resolves it: each list directive with the pages it
lists, and each vereiste:/maatregel: reference with the page it names.

  -f, --format text|json
                  one line per directive and reference (default), or JSON with every page as well
${COMMON_OPTIONS.en}

Exit status: 0 printed, 1 the tree matches no content model, 2 usage error or unreadable ROOT.`,
    nl: `Gebruik: ak graph [MAP] [opties]

Toont wat naar wat verwijst, zoals de bouw van de site het oplost: elke lijstopdracht met de pagina's die ze
toont, en elke vereiste:/maatregel:-verwijzing met de pagina die ze noemt.

  -f, --format text|json
                  één regel per lijstopdracht en verwijzing (standaard), of JSON met ook elke pagina
${COMMON_OPTIONS.nl}

Afsluitcode: 0 getoond, 1 de inhoud past in geen contentmodel, 2 verkeerd gebruik of MAP onleesbaar.`,
  },
  render: {
    en: `Usage: ak render PAGE... [options]

Prints what the site makes of each PAGE: its findings, title, labels, the pages it names, the table of every
list on it (or why there is none), and who names or lists it.

  --root ROOT     the content root (default: the nearest folder above the first PAGE with docs/ or .algoritmekader.json)
  -f, --format text|json|html
                  Markdown (default); JSON: the model the editor's preview draws; html: the page as the site
                  shows it, one standalone HTML file per page (inline CSS, no script)
  -o, --output PATH
                  html: the file to write (one PAGE), or the folder (several: each page at its path under
                  docs/, with .html for .md); without it, one page goes to standard output
${COMMON_OPTIONS.en}

Exit status: 0 no errors on the pages, 1 errors on a page or the tree matches no content model,
2 usage error or an unreadable ROOT or PAGE.`,
    nl: `Gebruik: ak render PAGINA... [opties]

Toont wat de site van elke PAGINA maakt: de bevindingen, titel, labels, de pagina's die ze noemt, de tabel van
elke lijst erop (of waarom die er niet is), en wie haar noemt of toont.

  --root MAP      de map met de inhoud (standaard: de dichtstbijzijnde map boven de eerste PAGINA met docs/ of .algoritmekader.json)
  -f, --format text|json|html
                  Markdown (standaard); JSON: het model dat de voorbeeldweergave van de editor tekent; html: de
                  pagina zoals de site haar toont, één losstaand HTML-bestand per pagina (CSS erin, geen script)
  -o, --output PAD
                  html: het bestand (één PAGINA) of de map (meerdere: elke pagina op haar pad onder docs/, met
                  .html voor .md); zonder -o gaat één pagina naar de standaarduitvoer
${COMMON_OPTIONS.nl}

Afsluitcode: 0 geen fouten op de pagina's, 1 fouten op een pagina of de inhoud past in geen contentmodel,
2 verkeerd gebruik of een onleesbare MAP of PAGINA.`,
  },
  report: {
    en: `Usage: ak report [ROOT] [options]

Prints what is left uncovered, for a pull request comment: requirements without measures, measures naming no
requirement (or only missing ones), tools linked to nothing, pages on no list, and the pages per levenscyclus
phase and onderwerp.

  -f, --format text|json|markdown
                  text (default), JSON (see the README for its shape), or Markdown for a comment
${COMMON_OPTIONS.en}

Exit status: 0 printed, 1 the tree matches no content model, 2 usage error or unreadable ROOT.`,
    nl: `Gebruik: ak report [MAP] [opties]

Toont wat nog niet gedekt is, voor een reactie op een pull request: vereisten zonder maatregelen, maatregelen
die geen (of alleen ontbrekende) vereisten noemen, hulpmiddelen die nergens aan gekoppeld zijn, pagina's op geen
enkele lijst, en de pagina's per levenscyclusfase en onderwerp.

  -f, --format text|json|markdown
                  tekst (standaard), JSON (zie de README voor de vorm), of Markdown voor een reactie
${COMMON_OPTIONS.nl}

Afsluitcode: 0 getoond, 1 de inhoud past in geen contentmodel, 2 verkeerd gebruik of MAP onleesbaar.`,
  },
};

/** The help a mistake or `--help` shows: the command's own when one was named, else the overview. */
const helpFor = (command: string | undefined, lang: Language): string => (isCommand(command) ? HELP[command][lang] : USAGE[lang]);

/** A mistake in the command line, said in the language the rest of the output uses. */
class UsageError extends Error {
  constructor(readonly text: Record<Language, string>) {
    super(text.en);
  }
}

/** Both languages of a catalogue entry that takes arguments. */
const both = <A extends unknown[]>(entry: Record<Language, (...args: A) => string>, ...args: A): Record<Language, string> => ({ en: entry.en(...args), nl: entry.nl(...args) });

/** The language of the environment's locale: Dutch when it is Dutch. */
export function environmentLanguage(env: NodeJS.ProcessEnv): Language {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || env.LANGUAGE || '';
  return /^nl([_.-]|$)/i.test(locale) ? 'nl' : 'en';
}

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): Args {
  const args: Args = { command: undefined, operands: [], root: undefined, output: undefined, format: 'text', profile: 'auto', lang: environmentLanguage(env), help: false, version: false, fix: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(both(CLI.needsValue, flag));
      return v;
    };
    if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--version' || flag === '-V') args.version = true;
    else if (flag === '--fix') args.fix = true;
    else if (flag === '--format' || flag === '-f') {
      const v = value();
      if (!(FORMATS as readonly string[]).includes(v)) throw new UsageError(both(CLI.unknownValue, 'format', v, FORMATS));
      args.format = v as Format;
    } else if (flag === '--profile') {
      const v = value();
      if (v !== 'auto' && !BUILTIN_PROFILES.some((p) => p.name === v)) throw new UsageError(both(CLI.unknownValue, 'profile', v, ['auto', ...BUILTIN_PROFILES.map((p) => p.name)]));
      args.profile = v;
    } else if (flag === '--lang') {
      const v = value();
      if (v !== 'nl' && v !== 'en') throw new UsageError(both(CLI.unknownValue, 'language', v, ['nl', 'en']));
      args.lang = v;
    } else if (flag === '--root') args.root = value();
    else if (flag === '-o' || flag === '--output') args.output = value();
    else if (flag.startsWith('-')) throw new UsageError(both(CLI.unknownOption, flag));
    else if (args.command === undefined) args.command = arg;
    else args.operands.push(arg);
  }
  if (args.output !== undefined && (args.command !== 'render' || args.format !== 'html')) throw new UsageError(CLI.outputIsForHtml);
  if (args.command === 'render') {
    if (args.operands.length === 0 && !args.help) throw new UsageError(CLI.renderNeedsPage);
    if (args.format === 'html' && args.operands.length > 1 && args.output === undefined) throw new UsageError(CLI.severalNeedOutput);
  } else {
    if (args.format === 'html') throw new UsageError(CLI.htmlIsForRender);
    if (args.operands.length > 1) throw new UsageError(both(CLI.unexpectedArgument, args.operands[1]));
    if (args.root !== undefined) throw new UsageError(CLI.rootIsForRender);
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

/** Compiler-style lines. The severity stays English in every language, as problem matchers (VS Code tasks, GitHub) expect; the message is translated. */
function formatText(results: FileDiagnostics[]): string {
  const lines: string[] = [];
  for (const { path, diagnostics } of results) {
    for (const d of sorted(diagnostics)) {
      const severity = SEVERITY_NAMES[d.severity ?? 1];
      lines.push(`${oneLine(path)}:${d.range.start.line + 1}:${d.range.start.character + 1} ${severity} ${d.code} ${oneLine(d.message)}`);
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
  const lines: string[] = [];
  lines.push(CLI.graphSummary[lang](graph.profile ?? '-', graph.pages.length, graph.directives.length, graph.references.length));
  for (const d of graph.directives) {
    const state = d.expanded ? CLI.graphListed[lang](d.resolvesTo.length) : CLI.graphNotShown[lang];
    lines.push(oneLine(`${d.file}:${d.line + 1} ${d.name}${d.params ? ' ' + d.params : ''} → ${state}${d.resolvesTo.length ? ': ' + d.resolvesTo.join(' ') : ''}`));
  }
  for (const r of graph.references) {
    lines.push(oneLine(`${r.file}:${r.line + 1} ${r.key}: ${r.value} → ${r.target ?? CLI.graphMissing[lang]}`));
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

/**
 * Characters a terminal acts on or that rearrange what it shows: the C0 and C1 controls (ESC starts escape
 * sequences that recolour, move the cursor or retitle the window), DEL, the line and paragraph separators and
 * the bidirectional overrides and isolates (which make a line read otherwise than it is). Page text reaches
 * the output in messages, paths and values; it is shown with these as `\uXXXX`, which is also valid JSON.
 */
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const UNSAFE_OR_NEWLINE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with UNSAFE characters escaped; line breaks (the output's own) kept. */
const printable = (text: string): string => text.replace(UNSAFE, visibleControl);
/** `text` on one line: UNSAFE characters and line breaks escaped (a value in a one-line-per-finding output). */
export const oneLine = (text: string): string => text.replace(UNSAFE_OR_NEWLINE, visibleControl);

/** Runs `ak` with `argv` (without `node` and the script); returns the exit status. */
export function run(argv: string[], raw: CliIo): number {
  // Everything written goes through `printable`: nothing from a page or the command line reaches the terminal raw.
  const io: CliIo = { ...raw, stdout: (t) => raw.stdout(printable(t)), stderr: (t) => raw.stderr(printable(t)) };
  let args: Args;
  try {
    args = parseArgs(argv, io.env);
  } catch (error) {
    // The language asked for, even when the mistake comes before or after it on the line.
    const asked = argv.find((a, i) => (argv[i - 1] === '--lang' || a.startsWith('--lang=')) && /(^|=)(nl|en)$/.test(a));
    const lang: Language = asked ? (asked.endsWith('nl') ? 'nl' : 'en') : environmentLanguage(io.env);
    const text = oneLine(error instanceof UsageError ? error.text[lang] : (error as Error).message);
    io.stderr(`ak: ${text}\n\n${helpFor(argv.find((a) => !a.startsWith('-')), lang)}\n`);
    return 2;
  }
  if (args.version) {
    io.stdout(`${version}\n`);
    return 0;
  }
  if (args.command === 'help') {
    const topic = args.operands[0];
    if (topic !== undefined && !isCommand(topic)) {
      io.stderr(`ak: ${CLI.unknownCommand[args.lang](oneLine(topic))}\n\n${USAGE[args.lang]}\n`);
      return 2;
    }
    io.stdout(`${helpFor(topic, args.lang)}\n`);
    return 0;
  }
  if (args.command !== undefined && !isCommand(args.command)) {
    io.stderr(`ak: ${CLI.unknownCommand[args.lang](oneLine(args.command))}\n\n${USAGE[args.lang]}\n`);
    return 2;
  }
  if (args.help || args.command === undefined) {
    io[args.help ? 'stdout' : 'stderr'](`${helpFor(args.command, args.lang)}\n`);
    return args.help ? 0 : 2;
  }
  if (args.command === 'render') return render(args, io);
  if (args.format === 'markdown' && args.command !== 'report') {
    io.stderr(`ak: ${CLI.noMarkdown[args.lang](args.command)}\n`);
    return 2;
  }
  const root = resolve(io.cwd, args.operands[0] ?? '.');
  const unreadable = unreadableRoot(root, args.lang);
  if (unreadable) {
    io.stderr(unreadable);
    return 2;
  }

  const workspace = new NodeWorkspace(root);
  // Every page is read once in what follows: a thread reads them ahead (not for --fix, which reads a page
  // again right before writing it, and must then see the disk).
  if (!args.fix) workspace.readAhead(join(__dirname, 'pageReader.js'));
  const service = createLanguageService(workspace, { language: args.lang, profile: args.profile });
  if (args.command === 'report') {
    if (args.format === 'github') {
      io.stderr(`ak: ${CLI.reportFormats[args.lang]}\n`);
      return 2;
    }
    if (reportUnknownLayout(service, root, io)) return 1;
    const report = service.coverage();
    if (args.format === 'json') io.stdout(JSON.stringify({ version, root, ...report }, null, 2) + '\n');
    else io.stdout((args.format === 'markdown' ? coverageToMarkdown : coverageToText)(report, args.lang));
    return 0;
  }
  if (args.command === 'graph') {
    if (args.format === 'github') {
      io.stderr(`ak: ${CLI.textOrJson[args.lang]('graph')}\n`);
      return 2;
    }
    if (reportUnknownLayout(service, root, io)) return 1;
    const graph = service.graph();
    if (args.format === 'json') io.stdout(JSON.stringify({ version, root, ...graph }, null, 2) + '\n');
    else io.stdout(formatGraph(graph, args.lang));
    return 0;
  }
  const fixing = args.fix ? fixInPlace(workspace, service, args.lang) : undefined;
  const fixed = fixing?.result.fixed;
  for (const [path, why] of fixing?.notFixed ?? []) io.stderr(`ak: ${CLI.notFixed[args.lang](oneLine(path), why)}\n`);
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
    const fixes = fixing ? { fixed: Object.fromEntries(fixing.result.fixed), notFixed: Object.fromEntries(fixing.notFixed) } : {};
    io.stdout(JSON.stringify({ version, root, profile: service.profile()?.name ?? null, profileReason: service.profileStatus().text, files, ...fixes, diagnostics }, null, 2) + '\n');
  } else if (args.format === 'github') {
    const text = formatGithub(results);
    if (text) io.stdout(text + '\n');
  } else {
    const text = formatText(results);
    if (text) io.stdout(text + '\n');
    if (fixed) io.stdout(UI.fixed[args.lang]([...fixed.values()].reduce((a, b) => a + b, 0), fixed.size) + '\n');
    io.stdout(service.profileStatus().text + '\n');
    io.stdout(UI.summary[args.lang](files, errors, count(results, DiagnosticSeverity.Warning), count(results, DiagnosticSeverity.Hint) + count(results, DiagnosticSeverity.Information)) + '\n');
  }
  // A fix that could not be written is a failure of the run, like an unreadable ROOT.
  if (fixing && fixing.writeFailures > 0) return 2;
  return errors > 0 ? 1 : 0;
}

/**
 * `ak check --fix`: the service's fixes (each page's result verified before it is written) written in place.
 * A page is written only when its bytes were valid UTF-8 and are still what was checked, only when it is a
 * regular, writable file inside the content root (after its links are followed: a link leading out is not
 * written through), and atomically: the new text goes to a temporary file beside the real file, which then
 * replaces it (keeping its mode), so an interrupted run leaves each page old or new, never half. Since the
 * bytes decoded exactly, re-encoding changes them only where the fixes are. Per page, why it was not fixed.
 */
function fixInPlace(workspace: NodeWorkspace, service: LanguageService, lang: Language): { result: FixAllResult; notFixed: Map<string, string>; writeFailures: number } {
  const notFixed = new Map<string, string>();
  const written = new Map<string, string>();
  let writeFailures = 0;
  const result = service.fixAll((path, text) => {
    if (workspace.notUtf8(path) !== undefined) return CLI.notUtf8[lang];
    const why = writePage(workspace, path, text, written, lang);
    if (why === undefined) workspace.changedOnDisk([path]);
    else writeFailures++;
    return why;
  });
  for (const [path, reason] of result.refused) notFixed.set(path, CLI.fixRefused[reason][lang]);
  for (const [path, why] of result.failed) notFixed.set(path, why);
  return { result, notFixed: new Map([...notFixed].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), writeFailures };
}

/** Writes the fixed `text` of page `path` (see fixInPlace); why not, or undefined when written. */
function writePage(workspace: NodeWorkspace, path: string, text: string, written: Map<string, string>, lang: Language): string | undefined {
  const cannot = (error: unknown) => CLI.cannotWriteFix[lang](errorText(error, lang));
  let real: string;
  try {
    real = realpathSync(join(workspace.root, path));
  } catch (error) {
    return cannot(error);
  }
  if (!workspace.insideRoot(real)) return CLI.outsideRoot[lang](workspace.root);
  // The same file reached under two paths (a link to a page) is written under the first.
  if ((written.get(real) ?? path) !== path) return undefined;
  const stat = statOr(real);
  if (!stat?.isFile()) return CLI.notARegularFile[lang];
  const mode = Number(stat.mode) & 0o7777;
  try {
    accessSync(real, fsConstants.W_OK);
  } catch (error) {
    return cannot(error);
  }
  const temporary = join(dirname(real), `.${basename(real)}.ak-fix-${process.pid}.tmp`);
  try {
    writeFileSync(temporary, text, { mode, flag: 'wx' });
    chmodSync(temporary, mode); // the umask may have taken bits away
    renameSync(temporary, real);
  } catch (error) {
    try {
      unlinkSync(temporary);
    } catch {
      // nothing was left behind
    }
    return cannot(error);
  }
  written.set(real, path);
  return undefined;
}

function statOr(path: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** An error of the file system in words, without the path (the caller says which file). */
function errorText(error: unknown, lang: Language): string {
  const code = typeof error === 'string' ? error : (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'no-permission' || code === 'EROFS') return CLI.noPermission[lang];
  if (code === 'ENOENT' || code === 'missing') return CLI.doesNotExist[lang];
  if (code === 'too-large') return 'too large';
  return String(code ?? (error as Error).message);
}

/**
 * A tree that matches no content model has no page types, so there is no graph, card or report to show: graph,
 * render and report print the finding `ak check` reports for it (on stderr) and exit 1, as check does. True when it did.
 */
function reportUnknownLayout(service: LanguageService, root: string, io: CliIo): boolean {
  if (service.profile()) return false;
  // Named by the root, which render finds by itself and graph may have been given relative to elsewhere.
  const findings = service.workspaceDiagnostics().map(({ path, diagnostics }) => ({ path: path === '.' ? root : path, diagnostics: diagnostics.filter((d) => d.code === 'workspace.unknown-layout') }));
  io.stderr(formatText(findings) + '\n');
  return true;
}

/** Why `root` cannot serve as the content root (a message for stderr), or undefined when it can. */
function unreadableRoot(root: string, lang: Language): string | undefined {
  let why: string;
  try {
    if (statSync(root).isDirectory()) {
      readdirSync(root); // a folder that cannot be listed (no permission) is unreadable too
      return undefined;
    }
    why = CLI.notAFolder[lang];
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    why = code === 'ENOENT' ? CLI.doesNotExist[lang] : code === 'EACCES' || code === 'EPERM' ? CLI.noPermission[lang] : oneLine((error as Error).message);
  }
  return `ak: ${CLI.cannotReadRoot[lang](oneLine(root), why)}\n`;
}

/** The content root above `file`: the nearest folder holding `docs/` or the config file. */
function contentRootAbove(file: string): string | undefined {
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'docs')) || existsSync(join(dir, CONFIG_FILE))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/** `ak render`: the preview card of each page, as Markdown (text) or JSON; or the page as the site shows it (html). */
function render(args: Args, io: CliIo): number {
  const lang = args.lang;
  if (args.format === 'github' || args.format === 'markdown') {
    io.stderr(`ak: ${CLI.renderFormats[lang]}\n`);
    return 2;
  }
  const files = args.operands.map((p) => resolve(io.cwd, p));
  // Each PAGE is a file that exists, before anything is looked for around it.
  for (const file of files) {
    let why: string | undefined;
    try {
      if (statSync(file).isDirectory()) why = CLI.isAFolder[lang];
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      why = code === 'ENOENT' || code === 'ENOTDIR' ? CLI.doesNotExist[lang] : code === 'EACCES' || code === 'EPERM' ? CLI.noPermission[lang] : (error as Error).message;
    }
    if (why !== undefined) {
      io.stderr(`ak: ${CLI.cannotReadPage[lang](file, why)}\n`);
      return 2;
    }
  }
  const root = args.root !== undefined ? resolve(io.cwd, args.root) : contentRootAbove(files[0]);
  if (root === undefined) {
    io.stderr(`ak: ${CLI.noRootAbove[lang](oneLine(files[0]))}\n`);
    return 2;
  }
  const unreadable = unreadableRoot(root, lang);
  if (unreadable) {
    io.stderr(unreadable);
    return 2;
  }
  const workspace = new NodeWorkspace(root);
  const service = createLanguageService(workspace, { language: lang, profile: args.profile });
  if (reportUnknownLayout(service, root, io)) return 1;
  const pages = new Set(workspace.listMarkdownFiles());
  const cards = [];
  for (const file of files) {
    const path = relative(root, file).split(sep).join('/');
    // Only the pages `ak check` reads (not mkdocs.yml, nor site/ or hidden folders).
    const card = pages.has(path) ? service.card(path) : undefined;
    if (!card) {
      const why = !existsSync(file) ? CLI.doesNotExist[lang] : path.startsWith('..') ? CLI.outside[lang](root) : CLI.notAPage[lang];
      io.stderr(`ak: ${CLI.cannotReadPage[lang](oneLine(file), why)}\n`);
      return 2;
    }
    cards.push(card);
  }
  if (args.format === 'html') {
    const docs = BUILTIN_PROFILES.find((p) => p.name === service.profile()?.name)?.docsDir ?? 'docs';
    for (const card of cards) {
      const page = service.renderPage(card.path, { links: 'html' })!;
      const html = standaloneHtml(page.title, page.html, lang);
      let target: string | undefined;
      if (args.output !== undefined && args.operands.length === 1) target = resolve(io.cwd, args.output);
      else if (args.output !== undefined) {
        const inDocs = card.path.startsWith(docs + '/') ? card.path.slice(docs.length + 1) : card.path;
        target = join(resolve(io.cwd, args.output), inDocs.replace(/\.md$/, '') + '.html');
      }
      if (target === undefined) {
        io.stdout(html);
        continue;
      }
      try {
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, html);
      } catch (error) {
        io.stderr(`ak: ${CLI.cannotWrite[lang](target, (error as Error).message)}\n`);
        return 2;
      }
    }
  } else if (args.format === 'json') io.stdout(JSON.stringify({ version, root, profile: service.profile()?.name ?? null, cards }, null, 2) + '\n');
  else io.stdout(cards.map((card) => cardToMarkdown(card, lang)).join('\n---\n\n'));
  return cards.some((card) => card.problems.errors > 0) ? 1 : 0;
}


/**
 * One page as a standalone HTML file: inline CSS and no script; its content security policy lets nothing
 * run and nothing load but images, so a page that holds hostile HTML stays harmless even if opened as is.
 */
function standaloneHtml(title: string, body: string, lang: Language): string {
  return `<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src https: data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="ak ${escapeHtml(version)}">
<title>${escapeHtml(title)}</title>
<style>
body { margin: 0; padding: 1.5rem 2rem 3rem; background: #fff; }
${PAGE_CSS}</style>
</head>
<body>
<main class="ak-page" data-generated-by="ak render" data-lang="${lang}">
${body}
</main>
</body>
</html>
`;
}

/** Runs `ak` on this process's arguments and streams (dist/cli.js calls this after loading the bundle). */
export function main(): void {
  // Output piped into `head` and the like: a closed pipe ends the output, not with a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(process.exitCode ?? 0);
  });
  process.exitCode = run(process.argv.slice(2), {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    env: process.env,
    cwd: process.cwd(),
  });
}

if (require.main === module) main();
