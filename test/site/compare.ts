// The site comparison, shared by its test (site.test.ts) and anyone who wants the figures: builds a copy of a
// corpus with Debian's MkDocs and the corpus's own hooks (build.py), renders the same pages with
// `ak render --format html`, normalises the main content of both (normalize.py) and compares them per page.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { run } from '../../server/src/cli';
import { NodeWorkspace } from '../../server/src/nodeWorkspace';
import { createLanguageService } from '../../server/src/service';

/** The repository (this file runs from out/test/site/). */
export const REPO = join(__dirname, '..', '..', '..');
export const CORPORA = join(REPO, '..', 'shared', 'corpora');
const HERE = join(REPO, 'test', 'site');
/** Builds are kept here (git-ignored) and reused while the corpus and the build script are unchanged. */
const WORK = join(REPO, '.site');
const PYTHON = '/usr/bin/python3';

export interface Normalised {
  title: string;
  chips: [string, string | null][];
  headings: string[];
  sections: { heading: string | null; text: string }[];
  tables: { rows: string[][]; links: (string | null)[] }[];
  glossary: [string, string][];
}

export type Field = keyof Normalised;
export const FIELDS: Field[] = ['title', 'chips', 'headings', 'sections', 'tables', 'glossary'];

export interface PageComparison {
  page: string;
  site: Normalised | null;
  ak: Normalised | null;
  /** The fields that differ. */
  differs: Field[];
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(path));
    else out.push(path);
  }
  return out;
}

/** A hash of what the build depends on: the corpus's files (path, size, time) and the build script. */
function stampOf(corpus: string): string {
  const hash = createHash('sha1');
  for (const file of filesUnder(corpus).sort()) {
    const s = statSync(file);
    hash.update(`${relative(corpus, file)}:${s.size}:${s.mtimeMs}\n`);
  }
  hash.update(readFileSync(join(HERE, 'build.py')));
  return hash.digest('hex');
}

/** Installs MkDocs when needed and builds the site of `name` (a folder of ../shared/corpora); returns its folder. */
export function buildSite(name: string): string {
  execFileSync('bash', [join(HERE, 'install.sh')], { stdio: 'inherit' });
  const out = join(WORK, name);
  const stampFile = join(out, 'stamp');
  const stamp = stampOf(join(CORPORA, name));
  if (existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp && existsSync(join(out, 'site'))) return out;
  mkdirSync(WORK, { recursive: true });
  execFileSync(PYTHON, [join(HERE, 'build.py'), join(CORPORA, name), out], { stdio: 'inherit' });
  writeFileSync(stampFile, stamp);
  return out;
}

/** Compares every requirement, measure and tool page of corpus `name`. */
export function compareCorpus(name: string): { comparisons: PageComparison[]; docsDir: string } {
  const corpus = join(CORPORA, name);
  const built = buildSite(name);
  const service = createLanguageService(new NodeWorkspace(corpus), { language: 'nl' });
  const docsDir = 'docs';
  const pages = service.graph().pages.map((p) => p.file);
  const docs = service.graph().pages.length ? new NodeWorkspace(corpus).listMarkdownFiles().filter((p) => p.startsWith(`${docsDir}/`)).map((p) => p.slice(docsDir.length + 1)) : [];

  const akDir = join(built, 'ak');
  rmSync(akDir, { recursive: true, force: true });
  const errors: string[] = [];
  run(['render', ...pages.map((p) => join(corpus, p)), '--root', corpus, '--format', 'html', '-o', akDir, '--lang', 'nl'], {
    stdout: () => {},
    stderr: (t) => errors.push(t),
    env: {},
    cwd: REPO,
  });
  if (errors.length > 0) throw new Error(errors.join(''));

  const siteUrl = /^site_url:\s*(\S+)/m.exec(readFileSync(join(built, 'src', 'mkdocs.compare.yml'), 'utf8'))?.[1] ?? '';
  const request = JSON.stringify({ pages: pages.map((p) => p.slice(docsDir.length + 1)), docs });
  const normalise = (mode: string, root: string, url: string) =>
    JSON.parse(execFileSync(PYTHON, [join(HERE, 'normalize.py'), mode, root, url], { input: request, maxBuffer: 1 << 28 }).toString('utf8')) as Record<string, Normalised | null>;
  const site = normalise('site', join(built, 'site'), siteUrl);
  const ak = normalise('ak', akDir, '');
  const comparisons = pages.map((path) => {
    const page = path.slice(docsDir.length + 1);
    const s = site[page] ?? null;
    const a = ak[page] ?? null;
    const differs = s && a ? FIELDS.filter((f) => JSON.stringify(s[f]) !== JSON.stringify(a[f])) : FIELDS;
    return { page, site: s, ak: a, differs };
  });
  return { comparisons, docsDir };
}
