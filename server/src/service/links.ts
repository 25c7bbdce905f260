// The workspace's links: every page's directives resolved the way the site resolves them, and every
// `vereiste:`/`maatregel:` reference with its target. Read from the workspace model's indexes: a page's
// resolution is computed when asked and kept until the model changes; "who points at this page" is looked
// up in the indexes and checked against the few pages they name, never by walking the tree.
import { resolvePage, type CandidateSet, type Directive, type PageDirectives, type Resolution, type TargetList } from './directives';
import { findEntry, type FmValue } from './frontmatter';
import { nearestIn, prepareCandidates, type PreparedCandidates } from './nearest';
import { stemOf } from './profile';
import type { SchemaSet } from './schema';
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

const byPath = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export class LinkGraph {
  private readonly resolved = new Map<string, Map<Directive, Resolution>>();
  private generation = -1;
  /** referenceKeys per schema set (a new structure makes a new one) and schema name. */
  private readonly referenceKeysMemo = new WeakMap<SchemaSet, Map<string, ReadonlyMap<string, string>>>();
  /** suggestStems' answers per stems map (a new file set makes new maps). */
  private readonly suggested = new WeakMap<Map<string, string[]>, { lower: Map<string, string>; prepared: PreparedCandidates; answers: Map<string, { caseMatch: string | undefined; suggestions: string[] }> }>();

  constructor(private readonly index: WorkspaceIndex) {}

  get snapshot(): Snapshot {
    return this.index.snapshot();
  }

  /** Drops resolutions computed before the model last changed. */
  private fresh(): void {
    if (this.generation === this.index.generation) return;
    this.resolved.clear();
    this.generation = this.index.generation;
  }

  /** The directives and near misses of a page (none outside the docs folder, where the site builds nothing). */
  scan(path: string): PageDirectives {
    return this.index.factsOf(path)?.scan ?? { directives: [], nearMisses: [] };
  }

  /** The workspace files whose path equals `path` ignoring case (`path` itself included). */
  sameNameIgnoringCase(path: string): string[] {
    return this.snapshot.byLowerPath.get(path.toLowerCase()) ?? [];
  }

  /** Every `.md` under the folder of page type `target`. */
  targets(target: string): TargetList {
    return this.index.targets(target);
  }

  /** The pages a generic list of `target` considers (index pages only where the profile's site lists them). */
  candidates(target: string): CandidateSet {
    return this.index.pool(target);
  }

  /** The directives of `path`, resolved. */
  resolve(path: string): Map<Directive, Resolution> {
    this.fresh();
    let result = this.resolved.get(path);
    if (result) return result;
    const profile = this.snapshot.profile;
    const facts = this.index.factsOf(path);
    const directives = facts?.scan.directives ?? [];
    if (!profile || !facts || directives.length === 0) result = new Map();
    else {
      result = resolvePage(
        profile,
        { meta: facts.meta },
        directives,
        (t) => this.candidates(t),
        (t) => this.targets(t),
      );
    }
    this.resolved.set(path, result);
    return result;
  }

  /** The resolved directives of `path`, in page order. */
  private directivesOf(path: string): ResolvedDirective[] {
    return [...this.resolve(path)].sort(([a], [b]) => a.start - b.start).map(([directive, resolution]) => ({ path, directive, resolution }));
  }

  /** Every directive of the workspace, resolved, in file order. */
  allDirectives(): ResolvedDirective[] {
    this.index.ensureIndexed();
    return this.snapshot.files.flatMap((path) => this.directivesOf(path));
  }

  /** Stems of the pages of `type`, for exact lookups. */
  stems(type: string): Map<string, string[]> {
    return this.snapshot.stems.get(type) ?? new Map();
  }

  /**
   * What an unknown page name `value` of page type `type` may have meant: the stem it equals ignoring case,
   * or the nearest stems. Kept per file set (stems change only with it): a tree names the same missing page
   * from many pages, and comparing with every stem is the dear part of a whole-tree check.
   */
  suggestStems(type: string, value: string): { caseMatch: string | undefined; suggestions: string[] } {
    const stems = this.stems(type);
    let memo = this.suggested.get(stems);
    if (!memo) {
      const prepared = prepareCandidates(stems.keys());
      const lower = new Map<string, string>();
      prepared.lower.forEach((l, i) => lower.has(l) || lower.set(l, prepared.names[i]));
      memo = { lower, prepared, answers: new Map() };
      this.suggested.set(stems, memo);
    }
    let answer = memo.answers.get(value);
    if (!answer) {
      const caseMatch = memo.lower.get(value.toLowerCase());
      answer = { caseMatch, suggestions: caseMatch !== undefined ? [caseMatch] : nearestIn(value, memo.prepared) };
      memo.answers.set(value, answer);
    }
    return { caseMatch: answer.caseMatch, suggestions: [...answer.suggestions] };
  }

  /** Page types that the keys of `schemaName` refer to (from the schema's `x-reference`). */
  referenceKeys(schemaName: string): ReadonlyMap<string, string> {
    const schemas = this.snapshot.schemas;
    let bySchema = this.referenceKeysMemo.get(schemas);
    if (!bySchema) this.referenceKeysMemo.set(schemas, (bySchema = new Map()));
    let keys = bySchema.get(schemaName);
    if (!keys) {
      const found = new Map<string, string>();
      for (const [key, target] of schemas.keysWith(schemaName, 'x-reference')) if (typeof target === 'string') found.set(key, target);
      bySchema.set(schemaName, (keys = found));
    }
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

  /** Every reference in the workspace, in file order. */
  references(): Reference[] {
    this.index.ensureIndexed();
    return this.snapshot.files.flatMap((path) => this.referencesOf(path));
  }

  /** Pages whose frontmatter has `value` as a scalar value or list item, sorted (what references by value look in). */
  pagesNaming(value: string): string[] {
    return [...this.index.pagesWithValue(value)].sort(byPath);
  }

  /** Pages with a directive filtering on `value`, sorted. */
  pagesFilteringOn(value: string): string[] {
    return [...this.index.pagesWithFilterValue(value)].sort(byPath);
  }

  /** Who points at `path`: frontmatter references and directives that list it or filter on it, in file order. */
  referencesTo(path: string): { references: Reference[]; directives: ResolvedDirective[] } {
    const stem = stemOf(path);
    const type = this.index.page(path)?.pageType?.type;
    const references = this.pagesNaming(stem).flatMap((p) => this.referencesOf(p).filter((r) => r.target === path));
    const directives = [...this.index.mayList(path)]
      .sort(byPath)
      .flatMap((p) => this.directivesOf(p))
      .filter(({ directive, resolution }) => resolution.paths.includes(path) || (type !== undefined && directive.filters.some((f) => f.key === type && f.value === stem)));
    return { references, directives };
  }
}
