// The workspace model, kept up to date by delta so that an edit costs what it changes.
//
// Three layers:
// - The structure (`Snapshot`): the file list, profile, config, schemas, vocabularies, and what file names
//   alone decide (page types, stems, case conflicts). Built on first use; rebuilt only when the file set
//   changes (a page created or deleted) or a file other than a page (config, schema, profile) changes.
// - Per-page facts (`PageFacts`), derived once per page version: the parsed page, its id, title and the
//   metadata the site sees, its directives, and the values it names.
// - Indexes over the facts, changed by delta when a page changes: id → pages, per listed page type the
//   candidate set (metadata and an inverted index per key), value → pages naming it in their frontmatter,
//   filter value → pages whose directives filter on it, and which pages have which kinds of directives.
//
// A change to one page yields the pages whose diagnostics may have changed (`takeAffected`): those sharing
// its id, those whose directives may list it or raise on it. A change of the file set or the structure
// affects every page. The whole tree's facts are derived in the background (`indexSome`) or at once
// (`ensureIndexed`); until then only page-local results are complete (`complete`).
import { CONFIG_FILE, configPath, mergeSchema, parseConfig, restrictConfig, unreadableDetail, type ConfigResult } from './config';
import { siteMeta } from './links';
import { CandidateSet, scanDirectives, type PageDirectives, type Target, type TargetList } from './directives';
import { findEntry, parsePage, type ParsedPage } from './frontmatter';
import { BUILTIN_PROFILES, builtinProfile, chooseProfile, foldersOf, HOOK_FILE, pageTypeOf, sitePath, stemOf, type PageTypeData, type ProfileData, type ProfileReason } from './profile';
import { BUILTIN_SCHEMAS, SchemaSet, type JsonSchema } from './schema';
import { LineIndex, stripBom } from './text';
import type { Range, ServiceOptions, Workspace } from './types';
import { buildVocabularies, pageTitle, type Vocabulary } from './vocabulary';

export interface PageModel extends ParsedPage {
  path: string;
  /** File name without `.md`: how the site and the `vereiste:` lists name a page. */
  stem: string;
  /** The content page type, or `undefined` for other pages (vocabulary pages, overviews, ...). */
  pageType: PageTypeData | undefined;
}

/** A problem with the workspace as a whole or with its config, reported on `file`. */
export interface WorkspaceProblem {
  file: string;
  line: number;
  kind: 'unknown-layout' | 'config';
  detail?: { en: string; nl: string };
}

export interface Snapshot {
  /** Every Markdown file, sorted. */
  files: readonly string[];
  fileSet: ReadonlySet<string>;
  folders: ReadonlySet<string>;
  /** `undefined` when the tree matches no profile. */
  profile: ProfileData | undefined;
  profileSource: 'setting' | 'config' | 'detected' | 'none';
  /** Why this profile (for `ak check`'s summary and the status bar). */
  profileReason: ProfileReason;
  config: ConfigResult;
  schemas: SchemaSet;
  vocabularies: Map<string, Vocabulary>;
  /** Page paths per page type, sorted. */
  pagesByType: Map<string, string[]>;
  /** For each page type: stem → paths (more than one when names collide in sub-folders). */
  stems: Map<string, Map<string, string[]>>;
  /** `id` value → paths of the content pages that carry it, sorted; only pages indexed so far (see `complete`). */
  ids: ReadonlyMap<string, readonly string[]>;
  /** Lower-cased path → the files with that path ignoring case. */
  byLowerPath: Map<string, string[]>;
  problems: WorkspaceProblem[];
}

/**
 * What one version of a page contributes to the indexes: small, kept for every page of the tree. The parsed
 * page itself (`page(path)`) is kept only for the pages used last (`MODELS_KEPT`) and parsed again when asked.
 */
export interface PageFacts {
  readonly version: string | number | undefined;
  readonly stem: string;
  readonly pageType: PageTypeData | undefined;
  /** The `id` of a content page, when it is text. */
  readonly id: string | undefined;
  readonly title: string | undefined;
  /** The metadata the site sees (nothing when the frontmatter is not recognised or does not parse). */
  readonly meta: Record<string, unknown>;
  /** Every scalar value of a top-level entry or list item, as text, with its key and range: what names things. */
  readonly named: readonly NamedValue[];
  /** Its directives and near misses (none outside the docs folder). */
  readonly scan: PageDirectives;
  /** Set when deriving the facts failed (a defect of ours): the page then contributes nothing, and says so. */
  readonly failure?: string;
}

/** A scalar value of a top-level entry (or one of its list items), as text. */
export interface NamedValue {
  key: string;
  value: string;
  range: Range;
}

/** How many parsed pages are kept (the pages edited, open or asked about last); the others keep their facts only. */
const MODELS_KEPT = 400;

const NO_DIRECTIVES: PageDirectives = { directives: [], nearMisses: [] };
const EMPTY: ReadonlySet<string> = new Set();

/** Adds `value` to the set under `key`. */
function addTo<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

function removeFrom<K>(map: Map<K, Set<string>>, key: K, value: string): void {
  const set = map.get(key);
  if (!set) return;
  set.delete(value);
  if (set.size === 0) map.delete(key);
}

/**
 * Key → the paths that have it, in the order they came. A key of one path keeps the path itself: most values
 * (titles, ids, explanations) are one page's own, and a set for each is most of what indexing a tree allocates.
 */
class PathIndex {
  private readonly map = new Map<string, string | Set<string>>();

  add(key: string, path: string): void {
    const had = this.map.get(key);
    if (had === undefined) this.map.set(key, path);
    else if (typeof had !== 'string') had.add(path);
    else if (had !== path) this.map.set(key, new Set([had, path]));
  }

  remove(key: string, path: string): void {
    const had = this.map.get(key);
    if (had === undefined) return;
    if (typeof had === 'string') {
      if (had === path) this.map.delete(key);
      return;
    }
    had.delete(path);
    if (had.size === 1) this.map.set(key, had.values().next().value!);
  }

  get(key: string): ReadonlySet<string> | undefined {
    const had = this.map.get(key);
    return typeof had === 'string' ? new Set([had]) : had;
  }
}

/** Inserts `value` into a sorted array (no duplicates). */
function insertSorted(list: string[], value: string): void {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  if (list[lo] !== value) list.splice(lo, 0, value);
}

/** The scalar values of a page's top-level entries and list items, as text, in page order. */
function namedValues(page: ParsedPage): NamedValue[] {
  const out: NamedValue[] = [];
  for (const entry of page.frontmatter?.entries ?? []) {
    const nodes = entry.value.kind === 'seq' ? entry.value.items : [entry.value];
    for (const node of nodes) if (node.kind === 'scalar' && node.value !== null) out.push({ key: entry.key, value: String(node.value), range: node.range });
  }
  return out;
}

/** List members and text values of metadata: what a directive's filter value can match. */
function metaValues(meta: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const key of Object.keys(meta)) {
    const value = meta[key];
    if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') out.push(item);
    if (typeof value === 'string') out.push(value);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) out.push(...Object.keys(value));
  }
  return out;
}

/** Keys whose value a filter cannot look up in an index: text (substring match), null and other scalars (raise), mappings. */
function irregularKeys(meta: Record<string, unknown>): string[] {
  return Object.keys(meta).filter((key) => !Array.isArray(meta[key]));
}

export class WorkspaceIndex {
  private structure: Snapshot | undefined;
  /** Structure layer: the profile the facts were derived with (a new profile derives every page again). */
  private factsProfile: ProfileData | undefined;
  private readonly facts = new Map<string, PageFacts>();
  /** Parsed pages by path, the last used last (a Map keeps insertion order): at most `modelsKept`. */
  private readonly models = new Map<string, { version: string | number | undefined; model: PageModel }>();
  private modelsKept = MODELS_KEPT;
  /** Listed pages whose facts are not derived yet, in file order. */
  private pending = new Set<string>();
  /**
   * Listed pages that could not be read (gone since the listing, too large, not permitted): not pending again
   * until a change names them, or the indexing of a tree with such a page would never end.
   */
  private readonly unreadable = new Set<string>();
  /** Parsed pages by path and version, kept across a change of profile or structure. */
  private schemaCache: { key: string; set: SchemaSet; error: string | undefined } | undefined;

  // Indexes over the facts of indexed pages.
  private readonly ids = new Map<string, string[]>();
  private pools = new Map<string, CandidateSet>();
  private targetLists = new Map<string, TargetList>();
  /**
   * Scalar frontmatter value → pages that have it. Built when first asked (references, rename, code lenses),
   * then kept by delta: a check of the whole tree never asks, and 180,000 values of 10,000 pages cost it a
   * twentieth of its time.
   */
  private valueIndex: PathIndex | undefined;
  /** Directive filter value → pages with a directive filtering on it. */
  private readonly filterIndex = new PathIndex();
  /** Listed page type → pages with a generic list of it. */
  private readonly listPages = new Map<string, Set<string>>();
  /** Listed page type → pages with a generic list of it that has no filter (it lists every candidate). */
  private readonly unfilteredPages = new Map<string, Set<string>>();
  /** Listed page type + NUL + filter key → pages with a generic list of it filtering on the key. */
  private readonly filterKeyPages = new Map<string, Set<string>>();
  /** Pages with an own list (`list_vereisten_on_maatregelen_page`). */
  private readonly ownListPages = new Set<string>();

  /** Pages whose results may have changed since `takeAffected` was last called. */
  private affected: Set<string> | 'all' = 'all';
  /** Bumped by every change of facts or structure: caches of derived results (resolutions) compare it. */
  generation = 0;

  constructor(
    private readonly workspace: Workspace,
    private options: ServiceOptions,
  ) {}

  setOptions(options: ServiceOptions): void {
    const profileChanged = options.profile !== this.options.profile || options.trusted !== this.options.trusted;
    this.options = options;
    if (profileChanged) this.resetStructure();
  }

  /** Forget what is known about `paths` (or everything); the next request reads again. */
  invalidate(paths?: readonly string[]): void {
    if (!paths) {
      this.unreadable.clear();
      this.resetStructure();
    } else this.update(paths);
  }

  /** Whether every listed page is indexed: only then are cross-page results (lists, ids) complete. */
  get complete(): boolean {
    this.snapshot();
    return this.pending.size === 0;
  }

  /** Pages listed but not indexed yet. */
  get pendingCount(): number {
    this.snapshot();
    return this.pending.size;
  }

  /** Indexes every page not indexed yet. */
  ensureIndexed(): void {
    this.indexSome(() => false);
  }

  /** Indexes pending pages until `stop()` says so (checked after each page); returns how many are left. */
  indexSome(stop: () => boolean): number {
    this.snapshot();
    if (this.pending.size === 0) return 0;
    for (const path of this.pending) {
      this.derive(path, undefined);
      if (stop()) break;
    }
    if (this.pending.size === 0) this.affected = 'all';
    return this.pending.size;
  }

  /** The pages whose results may have changed since the last call (every page: `all`), and start anew. */
  takeAffected(): ReadonlySet<string> | 'all' {
    const affected = this.affected;
    this.affected = new Set();
    return affected;
  }

  /** The model of a Markdown file, or `undefined` when it cannot be read. */
  page(path: string): PageModel | undefined {
    const facts = this.factsOf(path);
    if (!facts) return undefined;
    const kept = this.models.get(path);
    if (kept && kept.version === facts.version && facts.version !== undefined) {
      this.models.delete(path);
      this.models.set(path, kept);
      return kept.model;
    }
    const text = this.workspace.readFile(path);
    if (text === undefined) return undefined;
    if (facts.failure !== undefined) return this.keep(path, facts.version, this.failedModel(path, text, facts.pageType));
    return this.keep(path, facts.version, this.parse(path, text, facts.pageType));
  }

  private parse(path: string, text: string, pageType: PageTypeData | undefined): PageModel {
    return { ...parsePage(text), path, stem: stemOf(path), pageType };
  }

  /** Keeps a parsed page among the last used, forgetting the least recently used beyond MODELS_KEPT. */
  private keep(path: string, version: string | number | undefined, model: PageModel): PageModel {
    this.models.delete(path);
    this.models.set(path, { version, model });
    if (this.models.size > this.modelsKept) this.models.delete(this.models.keys().next().value!);
    return model;
  }

  /**
   * Runs `work` keeping every parsed page, then forgets all but the last used: for a pass over the whole tree
   * after indexing it (`checkAll`), which would otherwise parse each page a second time.
   */
  keepingAllModels<T>(work: () => T): T {
    const kept = this.modelsKept;
    this.modelsKept = Infinity;
    try {
      return work();
    } finally {
      this.modelsKept = kept; // a pass inside another keeps everything until the outer one ends
      for (const path of this.models.keys()) {
        if (this.models.size <= this.modelsKept) break;
        this.models.delete(path);
      }
    }
  }

  /** The facts of a page of the tree (derived now if needed), or of another readable file (not indexed). */
  factsOf(path: string): PageFacts | undefined {
    const snapshot = this.snapshot();
    const known = this.facts.get(path);
    const version = this.workspace.version(path);
    if (known && version !== undefined && known.version === version) return known;
    if (known || this.pending.has(path)) return this.derive(path, undefined);
    if (!snapshot.fileSet.has(path) || !path.endsWith('.md')) {
      // Not a page of the tree (an open file outside it, a template read by path): parsed, not indexed.
      const text = this.workspace.readFile(path);
      return text === undefined ? undefined : this.makeFacts(path, text, version, snapshot.profile);
    }
    return this.derive(path, undefined);
  }

  /** The value index (see valueIndex), built from the facts of the indexed pages when first asked. */
  private values(): PathIndex {
    if (!this.valueIndex) {
      const index = new PathIndex();
      for (const [path, facts] of this.facts) for (const { value } of facts.named) index.add(value, path);
      this.valueIndex = index;
    }
    return this.valueIndex;
  }

  /** Paths with `value` as a scalar frontmatter value (indexed pages). */
  pagesWithValue(value: string): ReadonlySet<string> {
    this.ensureIndexed();
    return this.values().get(value) ?? EMPTY;
  }

  /** Paths with a directive filtering on `value` (indexed pages). */
  pagesWithFilterValue(value: string): ReadonlySet<string> {
    this.ensureIndexed();
    return this.filterIndex.get(value) ?? EMPTY;
  }

  /** The candidates a generic list of page type `target` considers, with their metadata (every page indexed first). */
  pool(target: string): CandidateSet {
    this.ensureIndexed();
    let pool = this.pools.get(target);
    if (!pool) {
      pool = new CandidateSet();
      this.pools.set(target, pool);
    }
    return pool;
  }

  /** Every `.md` under the folder of page type `target`, in path order (own lists look up stems in it). */
  targets(target: string): TargetList {
    this.snapshot();
    return this.targetLists.get(target) ?? { all: [], first: () => undefined };
  }

  /**
   * The pages that may list `path` or name it in a directive filter, from the indexes: a superset that the
   * caller checks against each page's resolved directives.
   */
  mayList(path: string): Set<string> {
    this.ensureIndexed();
    const facts = this.facts.get(path);
    const out = new Set<string>();
    const add = (paths: ReadonlySet<string> | undefined) => paths?.forEach((p) => out.add(p));
    add(this.filterIndex.get(stemOf(path)));
    if (facts) for (const type of this.listedTypes(path, facts)) this.listersOf(type, facts, add);
    // Own lists name pages by stem in their own frontmatter.
    for (const page of this.values().get(stemOf(path)) ?? []) if (this.ownListPages.has(page)) out.add(page);
    for (const page of this.ownListPages) {
      const own = this.facts.get(page);
      if (own && Object.values(own.meta).some((v) => typeof v === 'string')) out.add(page);
    }
    return out;
  }

  /** The page types whose generic lists may list `path`: its own, or for an overview page its folder's. */
  private listedTypes(path: string, facts: PageFacts): string[] {
    const type = facts.pageType?.type;
    if (type) return [type];
    return (this.factsProfile?.pageTypes ?? []).filter((t) => path.startsWith(t.folder + '/')).map((t) => t.type);
  }

  /** Pages whose generic lists of `type` may list a page with these facts, or raise on it. */
  private listersOf(type: string, facts: PageFacts, add: (paths: ReadonlySet<string> | undefined) => void): void {
    const listers = this.listPages.get(type);
    if (!listers) return;
    for (const value of metaValues(facts.meta)) {
      const pages = this.filterIndex.get(value);
      if (pages) for (const page of pages) if (listers.has(page)) add(new Set([page]));
    }
    add(this.unfilteredPages.get(type));
    for (const key of irregularKeys(facts.meta)) add(this.filterKeyPages.get(`${type}\0${key}`));
  }

  snapshot(): Snapshot {
    if (this.structure) return this.structure;
    const files = [...this.workspace.listMarkdownFiles()].sort();
    const fileSet = new Set(files);
    const folders = foldersOf(files);
    const configText = this.workspace.readFile(CONFIG_FILE);
    const config = restrictConfig(parseConfig(configText), configText, this.options.trusted);
    const problems: WorkspaceProblem[] = config.problems.map((p) => ({ file: CONFIG_FILE, line: p.line, kind: 'config', detail: p.detail }));
    const configProblem = (en: string, nl: string) => problems.push({ file: CONFIG_FILE, line: 0, kind: 'config', detail: { en, nl } });
    const unreadableConfig = this.workspace.whyUnreadable?.(CONFIG_FILE);
    if (unreadableConfig && unreadableConfig !== 'missing') {
      const why = unreadableDetail(unreadableConfig);
      configProblem(`the file ${why.en}`, `het bestand ${why.nl}`);
    }

    // Profile: an explicit setting wins, then the config file, then the folder layout.
    let profile: ProfileData | undefined;
    let profileSource: Snapshot['profileSource'] = 'none';
    let profileReason: ProfileReason = { by: 'none' };
    const wanted = this.options.profile !== 'auto' ? this.options.profile : config.config.profile;
    if (wanted && wanted !== 'auto') {
      profile = builtinProfile(wanted) ?? this.loadProfileFile(wanted, configProblem);
      if (profile) profileSource = this.options.profile !== 'auto' ? 'setting' : 'config';
      if (profile) profileReason = { by: profileSource as 'setting' | 'config' };
      else if (!/\.json$/.test(wanted)) {
        configProblem(
          `unknown profile "${wanted}" (known: ${BUILTIN_PROFILES.map((p) => p.name).join(', ')}, or a path to a profile file)`,
          `onbekend profiel "${wanted}" (bekend: ${BUILTIN_PROFILES.map((p) => p.name).join(', ')}, of een pad naar een profielbestand)`,
        );
      }
    }
    if (!profile) {
      ({ profile, reason: profileReason } = chooseProfile(folders, this.workspace.readFile(HOOK_FILE)));
      if (profile) profileSource = 'detected';
    }
    if (!profile) problems.push({ file: '.', line: 0, kind: 'unknown-layout' });

    const byLowerPath = new Map<string, string[]>();
    for (const file of files) {
      const key = file.toLowerCase();
      const list = byLowerPath.get(key);
      if (list) list.push(file);
      else byLowerPath.set(key, [file]);
    }
    const snapshot: Snapshot = {
      files,
      fileSet,
      folders,
      profile,
      profileSource,
      profileReason,
      config,
      schemas: new SchemaSet({}, new Map()),
      vocabularies: new Map(),
      pagesByType: new Map(),
      stems: new Map(),
      ids: this.ids,
      byLowerPath,
      problems,
    };
    this.structure = snapshot;
    this.targetLists = new Map();
    if (profile) {
      snapshot.vocabularies = buildVocabularies(profile, files, (path) => this.page(path));
      snapshot.schemas = this.schemaSet(profile, config, snapshot.vocabularies, configProblem);
      for (const type of profile.pageTypes) {
        snapshot.pagesByType.set(type.type, []);
        snapshot.stems.set(type.type, new Map());
        const all: Target[] = [];
        const byStem = new Map<string, Target>();
        for (const path of files) {
          if (!path.startsWith(type.folder + '/')) continue;
          const target = { path, stem: stemOf(path) };
          all.push(target);
          if (!byStem.has(target.stem)) byStem.set(target.stem, target);
        }
        this.targetLists.set(type.type, { all, first: (stem) => byStem.get(stem) });
      }
      for (const path of files) {
        const type = pageTypeOf(profile, path);
        if (!type) continue;
        snapshot.pagesByType.get(type.type)!.push(path);
        const stems = snapshot.stems.get(type.type)!;
        const stem = stemOf(path);
        const list = stems.get(stem);
        if (list) list.push(path);
        else stems.set(stem, [path]);
      }
    }
    this.reconcile(snapshot);
    return snapshot;
  }

  /**
   * Brings the facts in line with a new structure: with the profile they were derived with, pages that left
   * the tree are dropped and new ones wait to be indexed; with another profile, every page is derived again.
   */
  private reconcile(snapshot: Snapshot): void {
    if (snapshot.profile !== this.factsProfile) {
      for (const path of [...this.facts.keys()]) this.drop(path);
      this.pools = new Map();
      this.factsProfile = snapshot.profile;
    }
    for (const path of [...this.facts.keys()]) if (!snapshot.fileSet.has(path)) this.drop(path);
    this.pending = new Set(snapshot.files.filter((path) => !this.facts.has(path) && !this.unreadable.has(path)));
    this.affected = 'all';
    this.generation++;
  }

  /** Forget the structure (the next request builds it again); facts stay where the profile does. */
  private resetStructure(): void {
    this.structure = undefined;
    this.affected = 'all';
    this.generation++;
  }

  /**
   * Takes in changed, created or deleted files. A page whose text changed is derived again at once and
   * its dependants are marked affected; a page created or deleted, or any other file (config, schema),
   * rebuilds the structure.
   */
  update(paths: readonly string[]): void {
    // Named by a change: read again (now, when it is readable and the structure stays).
    const wasUnreadable = new Set(paths.filter((path) => this.unreadable.delete(path)));
    const snapshot = this.structure;
    if (!snapshot) return; // nothing built yet: the first request reads everything fresh
    let structural = false;
    const changed: [string, string][] = [];
    for (const path of paths) {
      if (!path.endsWith('.md')) {
        structural = true;
        continue;
      }
      const text = this.workspace.readFile(path);
      const listed = snapshot.fileSet.has(path);
      if (text === undefined ? listed : !listed) structural = true;
      else if (text !== undefined) changed.push([path, text]);
    }
    if (structural) {
      const wasComplete = this.pending.size === 0;
      this.resetStructure();
      this.snapshot();
      // A few pages created (or a branch checked out) in an indexed tree: index them now, in one batch.
      if (wasComplete) this.ensureIndexed();
    }
    for (const [path, text] of changed) {
      if (this.facts.has(path) || wasUnreadable.has(path)) this.derive(path, text);
      else if (this.affected !== 'all') this.affected.add(path);
    }
  }

  /** Derives the facts of a listed page from its current text, updates the indexes and marks what they affect. */
  private derive(path: string, known: string | undefined): PageFacts | undefined {
    const snapshot = this.snapshot();
    const text = known ?? this.workspace.readFile(path);
    const before = this.facts.get(path);
    this.pending.delete(path);
    if (text === undefined) {
      // Gone without a word: the next request lists the tree again. Should the listing still name it (or it
      // is there but cannot be read), it waits for a change that names it.
      this.unreadable.add(path);
      if (before) this.drop(path);
      this.resetStructure();
      return undefined;
    }
    const version = this.workspace.version(path);
    if (before && before.version === version && version !== undefined) return before;
    let after: PageFacts;
    try {
      after = this.makeFacts(path, text, version, snapshot.profile);
    } catch (error) {
      // Parsers never throw; should one all the same, this page's failure stays this page's: it contributes
      // nothing to the indexes, and its own diagnostics say so, while every other page is checked as usual.
      after = this.failedFacts(path, text, version, snapshot.profile, error);
    }
    if (before) this.unindex(path, before);
    this.facts.set(path, after);
    this.index(path, after);
    this.generation++;
    if (this.affected !== 'all') this.markAffected(path, before, after);
    return after;
  }

  /** A page's text as a page without frontmatter (for a page whose facts could not be derived). */
  private failedModel(path: string, text: string, pageType: PageTypeData | undefined): PageModel {
    let plain = '';
    try {
      plain = stripBom(String(text));
    } catch {
      // not even text
    }
    return { text: plain, lines: new LineIndex(plain), frontmatter: undefined, bodyStart: 0, path, stem: stemOf(path), pageType };
  }

  /** The facts of a page that could not be derived: its text as a page without frontmatter, and the error. */
  private failedFacts(path: string, text: string, version: string | number | undefined, profile: ProfileData | undefined, error: unknown): PageFacts {
    const pageType = profile ? pageTypeOf(profile, path) : undefined;
    this.keep(path, version, this.failedModel(path, text, pageType));
    const failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { version, stem: stemOf(path), pageType, id: undefined, title: undefined, meta: siteMeta(undefined), named: [], scan: NO_DIRECTIVES, failure };
  }

  /** The facts of a page's text (and its parsed model, which is kept among the last used). */
  private makeFacts(path: string, text: string, version: string | number | undefined, profile: ProfileData | undefined): PageFacts {
    const pageType = profile ? pageTypeOf(profile, path) : undefined;
    const kept = this.models.get(path);
    const model = kept && kept.model.text === stripBom(text) ? kept.model : this.parse(path, text, pageType);
    model.pageType = pageType;
    this.keep(path, version, model);
    const idValue = findEntry(model.frontmatter?.entries ?? [], 'id')?.value;
    const named = namedValues(model);
    return {
      version,
      stem: model.stem,
      pageType,
      id: pageType && idValue?.kind === 'scalar' && typeof idValue.value === 'string' ? idValue.value : undefined,
      title: pageTitle(model),
      meta: siteMeta(model),
      named,
      scan: profile && sitePath(profile, path) !== undefined ? scanDirectives(model, path, profile) : NO_DIRECTIVES,
    };
  }

  /** Drops a page from the facts and every index. */
  private drop(path: string): void {
    const facts = this.facts.get(path);
    if (!facts) return;
    this.unindex(path, facts);
    this.facts.delete(path);
  }

  private index(path: string, facts: PageFacts): void {
    this.enter(path, facts, true);
  }

  private unindex(path: string, facts: PageFacts): void {
    this.enter(path, facts, false);
  }

  /** Adds (`add`) or removes the page's entries in every index. */
  private enter(path: string, facts: PageFacts, add: boolean): void {
    const put = add ? addTo : removeFrom;
    if (facts.id !== undefined) {
      const list = this.ids.get(facts.id) ?? [];
      if (add) insertSorted(list, path);
      else list.splice(list.indexOf(path), 1);
      if (list.length > 0) this.ids.set(facts.id, list);
      else this.ids.delete(facts.id);
    }
    const values = this.valueIndex;
    // A text named twice is added and removed twice: both are idempotent for one path.
    if (values && add) for (const { value } of facts.named) values.add(value, path);
    else if (values) for (const { value } of facts.named) values.remove(value, path);
    const profile = this.factsProfile;
    const type = facts.pageType;
    if (profile && type) {
      const isCandidate = profile.directives.indexPagesListed || !path.endsWith('/index.md');
      if (isCandidate && path.startsWith(type.folder + '/')) {
        let pool = this.pools.get(type.type);
        if (!pool) this.pools.set(type.type, (pool = new CandidateSet()));
        if (add) pool.add({ path, stem: facts.stem, meta: facts.meta });
        else pool.remove(path);
      }
    }
    // Candidates are the `.md` files of a type's folder, whatever pageTypeOf says of overview pages.
    if (profile && !type) {
      for (const t of profile.pageTypes) {
        if (!path.startsWith(t.folder + '/') || (!profile.directives.indexPagesListed && path.endsWith('/index.md'))) continue;
        let pool = this.pools.get(t.type);
        if (!pool) this.pools.set(t.type, (pool = new CandidateSet()));
        if (add) pool.add({ path, stem: facts.stem, meta: facts.meta });
        else pool.remove(path);
      }
    }
    let own = false;
    for (const directive of facts.scan.directives) {
      if (directive.kind === 'own') {
        own = true;
        continue;
      }
      put(this.listPages, directive.target, path);
      if (directive.filters.length === 0) put(this.unfilteredPages, directive.target, path);
      for (const filter of directive.filters) {
        if (add) this.filterIndex.add(filter.value, path);
        else this.filterIndex.remove(filter.value, path);
        put(this.filterKeyPages, `${directive.target}\0${filter.key}`, path);
      }
    }
    if (own) {
      if (add) this.ownListPages.add(path);
      else this.ownListPages.delete(path);
    }
  }

  /** The pages a change of `path` from `before` to `after` may affect besides itself. */
  private markAffected(path: string, before: PageFacts | undefined, after: PageFacts): void {
    const affected = this.affected as Set<string>;
    affected.add(path);
    const add = (paths: Iterable<string> | undefined) => {
      if (paths) for (const p of paths) affected.add(p);
    };
    // Pages sharing its id (their duplicate-id findings point at its `id` line).
    for (const id of [before?.id, after.id]) if (id !== undefined) add(this.ids.get(id));
    if (!before) return;
    // Lists of its type that may list it, before or after, or raise on it; their findings also point into it.
    const listedTypes = this.listedTypes(path, after);
    const metaChanged = JSON.stringify(before.meta) !== JSON.stringify(after.meta);
    for (const listed of listedTypes) {
      const adder = (paths: ReadonlySet<string> | undefined) => add(paths);
      if (metaChanged) {
        this.listersOf(listed, before, adder);
        this.listersOf(listed, after, adder);
        // A key that the first candidate gains or the last one loses changes which keys filters may use
        // (and what is suggested for an unknown one). The pool is already up to date.
        const pool = this.pools.get(listed);
        const was = new Set(Object.keys(before.meta));
        const is = new Set(Object.keys(after.meta));
        const gained = [...is].some((k) => !was.has(k) && pool?.keyCount(k) === 1);
        const lost = [...was].some((k) => !is.has(k) && pool?.keyCount(k) === 0);
        if (gained || lost) add(this.listPages.get(listed));
      } else {
        for (const key of new Set([...irregularKeys(before.meta), ...irregularKeys(after.meta)])) add(this.filterKeyPages.get(`${listed}\0${key}`));
      }
    }
  }

  /** Reads a profile data file from the workspace and checks it against profile.schema.json. */
  private loadProfileFile(value: string, problem: (en: string, nl: string) => void): ProfileData | undefined {
    if (!/\.json$/.test(value)) return undefined;
    const path = configPath(value);
    const text = this.workspace.readFile(path);
    if (text === undefined) {
      const why = unreadableDetail(this.workspace.whyUnreadable?.(path));
      problem(`profile file "${value}" ${why.en}`, `profielbestand "${value}" ${why.nl}`);
      return undefined;
    }
    let data: unknown;
    try {
      data = JSON.parse(stripBom(text));
    } catch (error) {
      problem(`profile file "${value}" is not valid JSON: ${String(error)}`, `profielbestand "${value}" is geen geldige JSON: ${String(error)}`);
      return undefined;
    }
    // Loaded only here: a run without a custom profile file does not pay for ajv's compiler.
    const Ajv2020 = (require('ajv/dist/2020') as typeof import('ajv/dist/2020')).default;
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(BUILTIN_SCHEMAS['profile.schema.json']);
    if (!validate(data)) {
      const detail = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message}`).join('; ');
      problem(`profile file "${value}" does not match profile.schema.json: ${detail}`, `profielbestand "${value}" voldoet niet aan profile.schema.json: ${detail}`);
      return undefined;
    }
    return data as ProfileData;
  }

  /**
   * The schemas for these vocabularies. Built-in files use the generated validators; the workspace's own
   * (merged) files are compiled here, once per distinct set of them, so that a schema that does not
   * compile is reported (and the built-ins used instead) on every snapshot.
   */
  private schemaSet(
    profile: ProfileData,
    config: ConfigResult,
    vocabularies: Map<string, Vocabulary>,
    problem: (en: string, nl: string) => void,
  ): SchemaSet {
    const schemas: Record<string, JsonSchema> = { ...BUILTIN_SCHEMAS };
    const readJson = (value: string): JsonSchema | undefined => {
      const text = this.workspace.readFile(configPath(value));
      if (text === undefined) {
        const why = unreadableDetail(this.workspace.whyUnreadable?.(configPath(value)));
        problem(`schema file "${value}" ${why.en}`, `schemabestand "${value}" ${why.nl}`);
        return undefined;
      }
      try {
        return JSON.parse(stripBom(text)) as JsonSchema;
      } catch (error) {
        problem(`schema file "${value}" is not valid JSON: ${String(error)}`, `schemabestand "${value}" is geen geldige JSON: ${String(error)}`);
        return undefined;
      }
    };
    for (const type of profile.pageTypes) {
      if (!(type.schema in schemas)) {
        const own = readJson(type.schema);
        if (own) schemas[type.schema] = own;
      }
    }
    for (const [typeName, value] of Object.entries(config.config.schemas ?? {})) {
      const type = profile.pageTypes.find((t) => t.type === typeName);
      if (!type) {
        problem(`"schemas" names unknown page type "${typeName}"`, `"schemas" noemt onbekend paginatype "${typeName}"`);
        continue;
      }
      const own = readJson(value);
      if (own) schemas[type.schema] = mergeSchema(schemas[type.schema] ?? {}, own);
    }
    const own = Object.entries(schemas).filter(([name, schema]) => BUILTIN_SCHEMAS[name] !== schema);
    const key = JSON.stringify(own);
    if (this.schemaCache?.key !== key) {
      let set = new SchemaSet(schemas, vocabularies);
      const error = own.map(([name]) => set.compileError(name)).find((e) => e !== undefined);
      if (error !== undefined) set = new SchemaSet(BUILTIN_SCHEMAS, vocabularies);
      this.schemaCache = { key, set, error };
    }
    const { set, error } = this.schemaCache;
    if (error !== undefined) problem(`the schemas do not compile: ${error}`, `de schema's zijn niet te compileren: ${error}`);
    return set.withVocabularies(vocabularies);
  }
}
