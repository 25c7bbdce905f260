// The workspace's links: every page's directives resolved the way the site resolves them, and every
// `vereiste:`/`maatregel:` reference with its target. Built lazily per snapshot; page scans are cached
// per parsed page, so an edit re-scans one page.
import { CandidateSet, resolvePage, scanDirectives, type Candidate, type Directive, type PageDirectives, type Resolution } from './directives';
import { findEntry, type FmValue } from './frontmatter';
import { sitePath, stemOf } from './profile';
import type { PageModel, Snapshot, WorkspaceIndex } from './workspaceIndex';

export interface Reference {
  /** The page that refers. */
  path: string;
  /** The key (`vereiste`, `maatregel`) and the page type its values name. */
  key: string;
  targetType: string;
  value: string;
  /** The node of the value (a list item, or the whole value when it is a string). */
  node: FmValue;
  /** The referenced file, exact and case-sensitive like the site, or `undefined`. */
  target: string | undefined;
}

export interface ResolvedDirective {
  path: string;
  directive: Directive;
  resolution: Resolution;
}

/** The metadata of a page the site sees none of: no keys, and none inherited (see plainEntries). */
const NO_META: Record<string, unknown> = Object.freeze(Object.create(null));

/** The metadata the site sees on a page: nothing when its frontmatter is not recognised or does not parse. */
export function siteMeta(page: PageModel | undefined): Record<string, unknown> {
  return page?.frontmatter?.siteData ?? NO_META;
}

export class LinkGraph {
  private readonly candidateSets = new Map<string, CandidateSet>();
  private readonly targetLists = new Map<string, Candidate[]>();
  private readonly resolved = new Map<string, Map<Directive, Resolution>>();
  private referenceList: Reference[] | undefined;
  private byLowerPath: Map<string, string[]> | undefined;

  /**
   * @param scans page scans by parsed page, owned by the service: a page that did not change keeps its
   *   scan across snapshots (the resolution, which depends on other pages, is per snapshot).
   */
  constructor(
    private readonly index: WorkspaceIndex,
    readonly snapshot: Snapshot,
    private readonly scans: WeakMap<PageModel, PageDirectives>,
  ) {}

  /** The directives and near misses of a page (cached with the parsed page). */
  scan(path: string): PageDirectives {
    const page = this.index.page(path);
    const profile = this.snapshot.profile;
    // The site builds only the docs folder; templates and includes elsewhere have no directives to it.
    if (!page || !profile || sitePath(profile, path) === undefined) return { directives: [], nearMisses: [] };
    let scan = this.scans.get(page);
    if (!scan) {
      scan = scanDirectives(page, path, profile);
      this.scans.set(page, scan);
    }
    return scan;
  }

  /** The workspace files whose path equals `path` ignoring case (`path` itself included). */
  sameNameIgnoringCase(path: string): string[] {
    if (!this.byLowerPath) {
      this.byLowerPath = new Map();
      for (const file of this.snapshot.files) {
        const key = file.toLowerCase();
        const list = this.byLowerPath.get(key);
        if (list) list.push(file);
        else this.byLowerPath.set(key, [file]);
      }
    }
    return this.byLowerPath.get(path.toLowerCase()) ?? [];
  }

  /** Every `.md` under the folder of page type `target`. */
  targets(target: string): Candidate[] {
    let list = this.targetLists.get(target);
    if (list) return list;
    const folder = this.snapshot.profile?.pageTypes.find((t) => t.type === target)?.folder;
    list = [];
    if (folder) {
      for (const path of this.snapshot.files) {
        if (path.startsWith(folder + '/')) list.push({ path, stem: stemOf(path), meta: siteMeta(this.index.page(path)) });
      }
    }
    this.targetLists.set(target, list);
    return list;
  }

  /** The pages a generic list of `target` considers (index pages only where the profile's site lists them). */
  candidates(target: string): CandidateSet {
    let set = this.candidateSets.get(target);
    if (set) return set;
    const withIndex = this.snapshot.profile?.directives.indexPagesListed ?? false;
    set = new CandidateSet(this.targets(target).filter((c) => withIndex || !c.path.endsWith('/index.md')));
    this.candidateSets.set(target, set);
    return set;
  }

  /** The directives of `path`, resolved. */
  resolve(path: string): Map<Directive, Resolution> {
    let result = this.resolved.get(path);
    if (result) return result;
    const profile = this.snapshot.profile;
    const { directives } = this.scan(path);
    if (!profile || directives.length === 0) result = new Map();
    else {
      const page = this.index.page(path)!;
      result = resolvePage(
        profile,
        { meta: siteMeta(page) },
        directives,
        (t) => this.candidates(t),
        (t) => this.targets(t),
      );
    }
    this.resolved.set(path, result);
    return result;
  }

  /** Every directive of the workspace, resolved, in file order. */
  allDirectives(): ResolvedDirective[] {
    const out: ResolvedDirective[] = [];
    for (const path of this.snapshot.files) {
      const page = [...this.resolve(path)].sort(([a], [b]) => a.start - b.start);
      for (const [directive, resolution] of page) out.push({ path, directive, resolution });
    }
    return out;
  }

  /** Stems of the pages of `type`, for exact lookups. */
  stems(type: string): Map<string, string[]> {
    return this.snapshot.stems.get(type) ?? new Map();
  }

  /** Page types that the keys of `schemaName` refer to (from the schema's `x-reference`). */
  referenceKeys(schemaName: string): Map<string, string> {
    const keys = new Map<string, string>();
    for (const [key, target] of this.snapshot.schemas.keysWith(schemaName, 'x-reference')) if (typeof target === 'string') keys.set(key, target);
    return keys;
  }

  /** The references of one content page. */
  referencesOf(path: string): Reference[] {
    const page = this.index.page(path);
    const type = page?.pageType;
    const entries = page?.frontmatter?.entries;
    if (!page || !type || !entries) return [];
    const out: Reference[] = [];
    for (const [key, targetType] of this.referenceKeys(type.schema)) {
      const value = findEntry(entries, key)?.value;
      if (!value) continue;
      const nodes = value.kind === 'seq' ? value.items : [value];
      for (const node of nodes) {
        if (node.kind !== 'scalar' || typeof node.value !== 'string' || node.value === '') continue;
        const targets = this.stems(targetType).get(node.value);
        out.push({ path, key, targetType, value: node.value, node, target: targets?.[0] });
      }
    }
    return out;
  }

  /** Every reference in the workspace. */
  references(): Reference[] {
    this.referenceList ??= this.snapshot.files.flatMap((path) => this.referencesOf(path));
    return this.referenceList;
  }

  /** Who points at `path`: frontmatter references and directives that list it or filter on it. */
  referencesTo(path: string): { references: Reference[]; directives: ResolvedDirective[] } {
    const stem = stemOf(path);
    const type = this.index.page(path)?.pageType?.type;
    return {
      references: this.references().filter((r) => r.target === path),
      directives: this.allDirectives().filter(
        ({ directive, resolution }) => resolution.paths.includes(path) || (type !== undefined && directive.filters.some((f) => f.key === type && f.value === stem)),
      ),
    };
  }
}
