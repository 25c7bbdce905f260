// The workspace index: a per-document model cache (by path + version) and a snapshot of what the
// whole tree means — its profile, config, schemas, vocabularies, and which stem and id belong to
// which page. The snapshot is rebuilt lazily after a change; unchanged documents are not re-parsed.
import { CONFIG_FILE, configPath, mergeSchema, parseConfig, unreadableDetail, type ConfigResult } from './config';
import { findEntry, parsePage, type ParsedPage } from './frontmatter';
import { BUILTIN_PROFILES, builtinProfile, detectProfile, foldersOf, pageTypeOf, stemOf, type PageTypeData, type ProfileData } from './profile';
import { BUILTIN_SCHEMAS, SchemaSet, type JsonSchema } from './schema';
import { stripBom } from './text';
import type { ServiceOptions, Workspace } from './types';
import { buildVocabularies, type Vocabulary } from './vocabulary';

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
  files: readonly string[];
  folders: ReadonlySet<string>;
  /** `undefined` when the tree matches no profile. */
  profile: ProfileData | undefined;
  profileSource: 'setting' | 'config' | 'detected' | 'none';
  config: ConfigResult;
  schemas: SchemaSet;
  vocabularies: Map<string, Vocabulary>;
  /** Page paths per page type, sorted. */
  pagesByType: Map<string, string[]>;
  /** For each page type: stem → paths (more than one when names collide in sub-folders). */
  stems: Map<string, Map<string, string[]>>;
  /** `id` value → paths of the content pages that carry it. */
  ids: Map<string, string[]>;
  problems: WorkspaceProblem[];
}

export class WorkspaceIndex {
  /** Parsed documents by path; `profile` is the profile their `pageType` was computed with. */
  private readonly models = new Map<string, { version: string | number; model: PageModel; profile: ProfileData | undefined }>();
  private snapshotCache: Snapshot | undefined;
  private schemaCache: { key: string; set: SchemaSet; error: string | undefined } | undefined;

  constructor(
    private readonly workspace: Workspace,
    private options: ServiceOptions,
  ) {}

  setOptions(options: ServiceOptions): void {
    if (options.profile !== this.options.profile) this.snapshotCache = undefined;
    this.options = options;
  }

  /** Forget what is known about `paths` (or everything); the next request reads again. */
  invalidate(paths?: readonly string[]): void {
    this.snapshotCache = undefined;
    if (!paths) this.models.clear();
    else for (const path of paths) this.models.delete(path);
  }

  /** The model of a Markdown file, or `undefined` when it cannot be read. */
  page(path: string): PageModel | undefined {
    const version = this.workspace.version(path);
    const profile = (this.snapshotCache ?? this.snapshot()).profile;
    const cached = this.models.get(path);
    if (cached && version !== undefined && cached.version === version) {
      if (cached.profile !== profile) {
        cached.model.pageType = profile ? pageTypeOf(profile, path) : undefined;
        cached.profile = profile;
      }
      return cached.model;
    }
    const text = this.workspace.readFile(path);
    if (text === undefined) {
      this.models.delete(path);
      return undefined;
    }
    const model: PageModel = { ...parsePage(text), path, stem: stemOf(path), pageType: profile ? pageTypeOf(profile, path) : undefined };
    if (version !== undefined) this.models.set(path, { version, model, profile });
    return model;
  }

  snapshot(): Snapshot {
    if (this.snapshotCache) return this.snapshotCache;
    const files = [...this.workspace.listMarkdownFiles()].sort();
    const folders = foldersOf(files);
    const config = parseConfig(this.workspace.readFile(CONFIG_FILE));
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
    const wanted = this.options.profile !== 'auto' ? this.options.profile : config.config.profile;
    if (wanted && wanted !== 'auto') {
      profile = builtinProfile(wanted) ?? this.loadProfileFile(wanted, configProblem);
      if (profile) profileSource = this.options.profile !== 'auto' ? 'setting' : 'config';
      else if (!/\.json$/.test(wanted)) {
        configProblem(
          `unknown profile "${wanted}" (known: ${BUILTIN_PROFILES.map((p) => p.name).join(', ')}, or a path to a profile file)`,
          `onbekend profiel "${wanted}" (bekend: ${BUILTIN_PROFILES.map((p) => p.name).join(', ')}, of een pad naar een profielbestand)`,
        );
      }
    }
    if (!profile) {
      profile = detectProfile(folders);
      if (profile) profileSource = 'detected';
    }
    if (!profile) problems.push({ file: '.', line: 0, kind: 'unknown-layout' });

    this.snapshotCache = {
      files,
      folders,
      profile,
      profileSource,
      config,
      schemas: undefined as unknown as SchemaSet,
      vocabularies: new Map(),
      pagesByType: new Map(),
      stems: new Map(),
      ids: new Map(),
      problems,
    };
    const snapshot = this.snapshotCache;
    if (!profile) {
      snapshot.schemas = new SchemaSet({}, new Map());
      return snapshot;
    }

    snapshot.vocabularies = buildVocabularies(profile, files, (path) => this.page(path));
    snapshot.schemas = this.schemaSet(profile, config, snapshot.vocabularies, configProblem);
    for (const type of profile.pageTypes) {
      snapshot.pagesByType.set(type.type, []);
      snapshot.stems.set(type.type, new Map());
    }
    for (const path of files) {
      const type = pageTypeOf(profile, path);
      if (!type) continue;
      snapshot.pagesByType.get(type.type)!.push(path);
      const stems = snapshot.stems.get(type.type)!;
      const stem = stemOf(path);
      stems.set(stem, [...(stems.get(stem) ?? []), path]);
      const id = findEntry(this.page(path)?.frontmatter?.entries ?? [], 'id')?.value;
      if (id?.kind === 'scalar' && typeof id.value === 'string') {
        snapshot.ids.set(id.value, [...(snapshot.ids.get(id.value) ?? []), path]);
      }
    }
    return snapshot;
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
