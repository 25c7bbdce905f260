// Frontmatter schemas: the JSON Schema files in `schemas/` are the single source of truth for the
// structure of each page type; the workspace supplies the values. The built-in schemas are compiled at
// build time into ajv standalone code (generated/validators.js, written by scripts/gen-validators.mjs);
// only the workspace's own schemas are compiled at run time (schemaCompiler.ts, loaded when needed).
// A node marked `x-vocabulary: <name>` is checked while validating against the vocabularies the set was
// made with, and ajv's errors are mapped to typed problems with stable codes.
import type { ErrorObject } from 'ajv/dist/2020';
import { BUILTIN_SCHEMAS, type JsonSchema } from './builtinSchemas';
import { valueText, type FmPath } from './frontmatter';
import { validators as GENERATED, type StandaloneValidate } from './generated/validators';
import { nearest } from './nearest';
import type { Vocabulary } from './vocabulary';

export { BUILTIN_SCHEMAS, type JsonSchema } from './builtinSchemas';

/** A logical expression over labels (accepted as-is where a vocabulary allows expressions). */
export const EXPRESSION_PATTERN = `["'()|&!,]`;
const EXPRESSION = new RegExp(EXPRESSION_PATTERN, 'u');

export type SchemaProblem =
  | { kind: 'unknown-key'; path: FmPath; key: string; suggestions: string[] }
  | { kind: 'missing-key'; key: string }
  | { kind: 'wrong-type'; path: FmPath; expected: string; actual: string; tolerated: boolean }
  | { kind: 'unknown-value'; path: FmPath; value: string; vocabulary: string; suggestions: string[]; caseOnly: boolean }
  | { kind: 'duplicate-value'; path: FmPath }
  | { kind: 'empty-list'; path: FmPath }
  | { kind: 'pattern'; path: FmPath; value: string; code: string | undefined; expected: string; example: string }
  | { kind: 'other'; path: FmPath; keyword: string; detail: string };

/**
 * What the `x-vocabulary` keyword calls while validating: validators run with this object as `this`
 * (ajv `passContext`; see schemaCompiler.ts for the keyword).
 */
export interface VocabularyContext {
  /** Whether `value` may stand where a value of vocabulary `name` is expected. */
  vocabularyAccepts(name: string, value: unknown): boolean;
}

/**
 * The rule the keyword applies: an unknown vocabulary, or one without values, accepts everything; otherwise
 * the value must be one of its values, or, where the vocabulary allows expressions, match EXPRESSION_PATTERN.
 */
export function vocabularyAccepts(vocabulary: Vocabulary | undefined, value: unknown): boolean {
  if (!vocabulary || vocabulary.values.size === 0) return true;
  if (typeof value !== 'string') return false;
  return vocabulary.values.has(value) || (vocabulary.acceptExpressions && EXPRESSION.test(value));
}

type SchemaCompiler = ReturnType<typeof import('./schemaCompiler').schemaCompiler>;

/**
 * What depends only on the schema files, shared by the sets that differ only in vocabularies: the validators
 * compiled at run time and the resolved nodes.
 */
/** A step into a list's items in nodeAt's memo (any index: they share one schema node). */
const ITEM = Symbol('item');

/** nodeAt's memo: the node at this place (when `known`) and the places one step further. */
interface NodeMemo {
  known: boolean;
  node: JsonSchema | undefined;
  next: Map<string | typeof ITEM, NodeMemo> | undefined;
}

class SchemaFiles {
  /** nodeAt results by schema name, then step by step along the path (every list index as ITEM). */
  readonly nodes = new Map<string, NodeMemo>();
  /** keysWith results by schema name and keyword. */
  readonly keysWith = new Map<string, Map<string, Map<string, unknown>>>();
  /** Whether schema file `name` is exactly the built-in one, and so is every file it refers to. */
  readonly builtin = new Map<string, boolean>();
  private compiler: SchemaCompiler | undefined;
  private readonly compiled = new Map<string, { validate: StandaloneValidate | undefined; error: string | undefined }>();

  constructor(readonly schemas: Readonly<Record<string, JsonSchema>>) {}

  /** The run-time compiled validator of `name`, or why it does not compile. */
  compile(name: string): { validate: StandaloneValidate | undefined; error: string | undefined } {
    let entry = this.compiled.get(name);
    if (!entry) {
      try {
        // Required here, not imported: only workspaces with their own schemas pay for ajv's compiler.
        this.compiler ??= (require('./schemaCompiler') as typeof import('./schemaCompiler')).schemaCompiler(this.schemas);
        entry = { validate: this.compiler.compile(name), error: undefined };
      } catch (error) {
        entry = { validate: undefined, error: String(error) };
      }
      this.compiled.set(name, entry);
    }
    return entry;
  }
}

/** The validators of one service for the given schema files and vocabularies; cheap to make. */
export class SchemaSet {
  private readonly context: VocabularyContext;
  private readonly files: SchemaFiles;

  /**
   * @param schemas schema files by name (built-in ones plus the workspace's own), already merged
   * @param vocabularies the values `x-vocabulary` nodes accept
   * @param files what another set with the same `schemas` already worked out (see withVocabularies)
   */
  constructor(
    private readonly schemas: Readonly<Record<string, JsonSchema>>,
    private readonly vocabularies: ReadonlyMap<string, Vocabulary>,
    files?: SchemaFiles,
  ) {
    this.context = { vocabularyAccepts: (name, value) => vocabularyAccepts(vocabularies.get(name), value) };
    this.files = files?.schemas === schemas ? files : new SchemaFiles(schemas);
  }

  /** The same schemas with other vocabularies; what was compiled or resolved is shared. */
  withVocabularies(vocabularies: ReadonlyMap<string, Vocabulary>): SchemaSet {
    return new SchemaSet(this.schemas, vocabularies, this.files);
  }

  /**
   * The validator of a schema file: the generated one for a built-in file, otherwise compiled on first use.
   * `undefined` when the file is unknown or does not compile (see compileError). Call it on a VocabularyContext.
   */
  validator(name: string): StandaloneValidate | undefined {
    if (!Object.hasOwn(this.schemas, name)) return undefined;
    if (this.isGenerated(name)) return GENERATED[name];
    return this.files.compile(name).validate;
  }

  /** Why schema file `name` does not compile, or `undefined` when it does (or is unknown). */
  compileError(name: string): string | undefined {
    if (!Object.hasOwn(this.schemas, name) || this.isGenerated(name)) return undefined;
    return this.files.compile(name).error;
  }

  validate(name: string, data: unknown): SchemaProblem[] {
    const validate = this.validator(name);
    if (!validate || validate.call(this.context, data)) return [];
    return this.mapErrors(name, data, validate.errors ?? []);
  }

  /**
   * The schema node that describes `path` in schema `name` (references resolved), for hover, completion and
   * checks. Memoized: the same object for the same place, so do not change it.
   */
  nodeAt(name: string, path: FmPath): JsonSchema | undefined {
    // Memoized along the path (a trie, not a string key: this runs for every entry of every page).
    let memo = this.files.nodes.get(name);
    if (!memo) this.files.nodes.set(name, (memo = { known: false, node: undefined, next: undefined }));
    for (const step of path) {
      const key = typeof step === 'number' ? ITEM : step;
      memo.next ??= new Map();
      let further = memo.next.get(key);
      if (!further) memo.next.set(key, (further = { known: false, node: undefined, next: undefined }));
      memo = further;
    }
    if (memo.known) return memo.node;
    let node: JsonSchema | undefined = this.resolve(name, this.schemas[name]);
    for (const step of path) {
      if (!node) break;
      // Own properties only: a page's key `__proto__` or `constructor` names no schema node.
      const properties = node.properties as Record<string, unknown> | undefined;
      const next: unknown =
        typeof step === 'number' ? node.items : (properties && Object.hasOwn(properties, step) ? properties[step] : undefined) ?? node.additionalProperties;
      node = typeof next === 'object' && next !== null ? this.resolve(name, next as JsonSchema) : undefined;
    }
    memo.known = true;
    memo.node = node;
    return node;
  }

  /** Whether top-level `key` of schema `name` takes a list: its schema says `array`, or has `items`. */
  isList(name: string, key: string): boolean {
    return this.nodeAt(name, [key])?.type === 'array' || this.nodeAt(name, [key, 0]) !== undefined;
  }

  /** Names of the keys schema `name` knows at top level. */
  keys(name: string): string[] {
    return Object.keys((this.nodeAt(name, []) ?? {}).properties ?? {});
  }

  /** Keys of schema `name` whose schema carries `keyword` (on the key or its items), with its value. */
  keysWith(name: string, keyword: string): Map<string, unknown> {
    let byKeyword = this.files.keysWith.get(name);
    if (!byKeyword) this.files.keysWith.set(name, (byKeyword = new Map()));
    let found = byKeyword.get(keyword);
    if (!found) {
      found = new Map<string, unknown>();
      for (const key of this.keys(name)) {
        const node = this.nodeAt(name, [key]);
        const value = node?.[keyword] ?? this.nodeAt(name, [key, 0])?.[keyword];
        if (value !== undefined) found.set(key, value);
      }
      byKeyword.set(keyword, found);
    }
    return new Map(found);
  }

  required(name: string): string[] {
    return ((this.nodeAt(name, []) ?? {}).required as string[] | undefined) ?? [];
  }

  /**
   * Maps ajv's errors to problems. Errors carry no schema (no `verbose`): the node an error is about is
   * looked up with nodeAt by its instance path, the value in `data` by the same path.
   */
  private mapErrors(name: string, data: unknown, errors: ErrorObject[]): SchemaProblem[] {
    const problems: SchemaProblem[] = [];
    const seen = new Set<string>();
    const push = (problem: SchemaProblem) => {
      const key = JSON.stringify(problem);
      if (!seen.has(key)) {
        seen.add(key);
        problems.push(problem);
      }
    };
    const unknownValue = (path: FmPath, value: string, vocabulary: string, allowed: string[]) => {
      const caseMatch = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
      push({ kind: 'unknown-value', path, value, vocabulary, suggestions: caseMatch ? [caseMatch] : nearest(value, allowed), caseOnly: caseMatch !== undefined });
    };
    // A type error makes every other error under the same value noise; the branches of an `anyOf`
    // report one type error each, merged here into one problem that names every accepted type.
    const typesByPath = new Map<string, { types: string[]; error: ErrorObject }>();
    for (const error of errors) {
      if (error.keyword !== 'type') continue;
      const entry = typesByPath.get(error.instancePath) ?? { types: [], error };
      entry.types.push(...[error.params.type].flat().map(String));
      typesByPath.set(error.instancePath, entry);
    }
    // Whether the value at `pointer`, or one it is part of, has the wrong type: a lookup per step of the
    // pointer, not a scan of every type error (a list of thousands of numbers has thousands of them).
    const underWrongType = (pointer: string): boolean => {
      for (let end = pointer.length; end > 0; end = pointer.lastIndexOf('/', end - 1)) if (typesByPath.has(pointer.slice(0, end))) return true;
      return typesByPath.has('');
    };
    for (const error of errors) {
      const path = pointerToPath(error.instancePath);
      const node = () => this.nodeAt(name, path) ?? {};
      const value = () => valueAt(data, path);
      if (error.keyword !== 'type' && underWrongType(error.instancePath)) continue;
      // ajv reports a bad property name twice: as the inner `enum` (with `propertyName`) and as `propertyNames`.
      if ((error as ErrorObject & { propertyName?: string }).propertyName !== undefined) continue;
      switch (error.keyword) {
        case 'required':
          push({ kind: 'missing-key', key: String(error.params.missingProperty) });
          break;
        case 'additionalProperties':
          push({ kind: 'unknown-key', path, key: String(error.params.additionalProperty), suggestions: nearest(String(error.params.additionalProperty), Object.keys((node().properties as object) ?? {})) });
          break;
        case 'propertyNames': {
          const key = String(error.params.propertyName);
          const allowed = ((node().propertyNames as JsonSchema | undefined)?.enum as string[] | undefined) ?? [];
          push({ kind: 'unknown-key', path, key, suggestions: nearest(key, allowed) });
          break;
        }
        case 'type': {
          const { types } = typesByPath.get(error.instancePath)!;
          const tolerated = node()['x-severity'] === 'warning';
          push({ kind: 'wrong-type', path, expected: [...new Set(types)].join(','), actual: jsonType(value()), tolerated });
          break;
        }
        case 'x-vocabulary': {
          const vocabulary = String(error.params.vocabulary);
          unknownValue(path, valueText(value()), vocabulary, [...(this.vocabularies.get(vocabulary)?.values.keys() ?? [])]);
          break;
        }
        case 'enum':
          // A plain `enum` in a workspace schema.
          unknownValue(path, valueText(value()), String(node()['x-vocabulary'] ?? path[0]), (error.params.allowedValues as unknown[]).map(valueText));
          break;
        case 'uniqueItems':
          push({ kind: 'duplicate-value', path });
          break;
        case 'minItems': {
          const list = value();
          if (Array.isArray(list) && list.length === 0) push({ kind: 'empty-list', path });
          else push({ kind: 'other', path, keyword: error.keyword, detail: error.message ?? error.keyword });
          break;
        }
        case 'pattern': {
          const at = node();
          push({
            kind: 'pattern',
            path,
            value: valueText(value()),
            code: typeof at['x-code'] === 'string' ? at['x-code'] : undefined,
            expected: String(at['x-expected'] ?? error.params.pattern),
            example: String(at['x-example'] ?? ''),
          });
          break;
        }
        case 'if':
        case 'anyOf':
        case 'oneOf':
          // The failing branch reports the specific error itself.
          break;
        default:
          push({ kind: 'other', path, keyword: error.keyword, detail: error.message ?? error.keyword });
      }
    }
    return problems;
  }

  /** Whether schema file `name` has a generated validator that fits: the file and what it refers to are the built-in ones. */
  private isGenerated(name: string): boolean {
    return Object.hasOwn(GENERATED, name) && GENERATED[name] !== undefined && this.isBuiltin(name);
  }

  private isBuiltin(name: string, seen = new Set<string>()): boolean {
    const known = this.files.builtin.get(name);
    if (known !== undefined) return known;
    if (seen.has(name)) return true;
    seen.add(name);
    const result = this.schemas[name] === BUILTIN_SCHEMAS[name] && refFiles(name, this.schemas[name]).every((file) => this.isBuiltin(file, seen));
    this.files.builtin.set(name, result);
    return result;
  }

  /** Merges a node with what its `$ref` points at (the node's own keywords win), recursively. */
  private resolve(name: string, node: JsonSchema | undefined, depth = 0): JsonSchema | undefined {
    if (!node || typeof node.$ref !== 'string' || depth > 10) return node;
    const target = this.lookup(name, node.$ref);
    const { $ref: _ref, ...own } = node;
    const resolved = this.resolve(name, target, depth + 1) ?? {};
    const merged: JsonSchema = { ...resolved, ...own };
    if (resolved.items && own.items && typeof resolved.items === 'object' && typeof own.items === 'object') {
      merged.items = { ...(resolved.items as JsonSchema), ...(own.items as JsonSchema) };
    }
    return merged;
  }

  /** Finds the node a `$ref` (relative to schema file `name`) points at. */
  private lookup(name: string, ref: string): JsonSchema | undefined {
    const [file, pointer = ''] = ref.split('#');
    const targetName = file ? joinSchemaPath(name, file) : name;
    let node: unknown = this.schemas[targetName];
    for (const part of pointer.split('/').filter(Boolean)) {
      node = (node as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    }
    return typeof node === 'object' && node !== null ? (node as JsonSchema) : undefined;
  }
}

/** Resolves a relative schema file reference (`../common.schema.json`) against the file it appears in. */
function joinSchemaPath(from: string, relative: string): string {
  const parts = from.split('/').slice(0, -1);
  for (const part of relative.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

/** The other schema files schema file `name` refers to with `$ref`. */
function refFiles(name: string, schema: unknown): string[] {
  const files = new Set<string>();
  const visit = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    if (Array.isArray(node)) return node.forEach(visit);
    for (const [keyword, value] of Object.entries(node)) {
      if (keyword === '$ref' && typeof value === 'string') {
        const file = value.split('#')[0];
        if (file) files.add(joinSchemaPath(name, file));
      } else visit(value);
    }
  };
  visit(schema);
  files.delete(name);
  return [...files];
}

function pointerToPath(pointer: string): FmPath {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The part of `data` at `path` (what ajv's `verbose` errors would carry as `data`). */
function valueAt(data: unknown, path: FmPath): unknown {
  let value = data;
  for (const step of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[step] : undefined;
  return value;
}

export function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}
