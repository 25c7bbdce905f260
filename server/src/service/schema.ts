// Frontmatter schemas: the JSON Schema files in `schemas/` are the single source of truth for the
// structure of each page type; the workspace supplies the values. At load time every node marked
// `x-vocabulary: <name>` gets the vocabulary's values injected as an `enum`; the result is compiled
// with ajv (JSON Schema 2020-12) and its errors are mapped to typed problems with stable codes.
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import common from '../../../schemas/common.schema.json';
import instrument2024 from '../../../schemas/2024/instrument.schema.json';
import maatregel2024 from '../../../schemas/2024/maatregel.schema.json';
import vereiste2024 from '../../../schemas/2024/vereiste.schema.json';
import hulpmiddelCurrent from '../../../schemas/current/hulpmiddel.schema.json';
import maatregelCurrent from '../../../schemas/current/maatregel.schema.json';
import vereisteCurrent from '../../../schemas/current/vereiste.schema.json';
import instrumentTransitional from '../../../schemas/transitional/instrument.schema.json';
import maatregelTransitional from '../../../schemas/transitional/maatregel.schema.json';
import vereisteTransitional from '../../../schemas/transitional/vereiste.schema.json';
import profileSchema from '../../../schemas/profile.schema.json';
import type { FmPath } from './frontmatter';
import { nearest } from './nearest';
import type { Vocabulary } from './vocabulary';

export type JsonSchema = { [keyword: string]: unknown };

/** Built-in schema files by their path relative to `schemas/`. */
export const BUILTIN_SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  'common.schema.json': common,
  'profile.schema.json': profileSchema,
  '2024/vereiste.schema.json': vereiste2024,
  '2024/maatregel.schema.json': maatregel2024,
  '2024/instrument.schema.json': instrument2024,
  'transitional/vereiste.schema.json': vereisteTransitional,
  'transitional/maatregel.schema.json': maatregelTransitional,
  'transitional/instrument.schema.json': instrumentTransitional,
  'current/vereiste.schema.json': vereisteCurrent,
  'current/maatregel.schema.json': maatregelCurrent,
  'current/hulpmiddel.schema.json': hulpmiddelCurrent,
};

/** Our annotation keywords (see the description of common.schema.json). */
const ANNOTATIONS = [
  'x-vocabulary',
  'x-reference',
  'x-description-nl',
  'x-code',
  'x-expected',
  'x-example',
  'x-severity',
  'x-no-final-period',
  'x-max-words',
];

/** A logical expression over labels (accepted as-is where a vocabulary allows expressions). */
export const EXPRESSION_PATTERN = `["'()]|\\|\\||&&`;

export type SchemaProblem =
  | { kind: 'unknown-key'; path: FmPath; key: string; suggestions: string[] }
  | { kind: 'missing-key'; key: string }
  | { kind: 'wrong-type'; path: FmPath; expected: string; actual: string; tolerated: boolean }
  | { kind: 'unknown-value'; path: FmPath; value: string; vocabulary: string; suggestions: string[]; caseOnly: boolean }
  | { kind: 'duplicate-value'; path: FmPath }
  | { kind: 'empty-list'; path: FmPath }
  | { kind: 'pattern'; path: FmPath; value: string; code: string | undefined; expected: string; example: string }
  | { kind: 'other'; path: FmPath; keyword: string; detail: string };

/** The compiled validators of one service, rebuilt only when the vocabularies' values change. */
export class SchemaSet {
  private readonly ajv: Ajv2020;
  private readonly validators = new Map<string, ValidateFunction>();

  /**
   * @param schemas schema files by name (built-in ones plus the workspace's own), already merged
   * @param vocabularies the values to inject
   */
  constructor(
    private readonly schemas: Readonly<Record<string, JsonSchema>>,
    vocabularies: ReadonlyMap<string, Vocabulary>,
  ) {
    this.ajv = new Ajv2020({ allErrors: true, verbose: true, strictTypes: false, allowUnionTypes: true, validateSchema: false });
    this.ajv.addVocabulary(ANNOTATIONS);
    for (const [name, schema] of Object.entries(schemas)) {
      if (name === 'profile.schema.json') continue;
      this.ajv.addSchema(injectVocabularies(schema, vocabularies), schemaId(name, schema));
    }
  }

  /** The validator of a schema file, compiled on first use; `undefined` when the file is unknown or does not compile. */
  validator(name: string): ValidateFunction | undefined {
    if (this.validators.has(name)) return this.validators.get(name);
    let validate: ValidateFunction | undefined;
    try {
      validate = this.ajv.getSchema(schemaId(name, this.schemas[name] ?? {}));
    } catch {
      validate = undefined;
    }
    if (validate) this.validators.set(name, validate);
    return validate;
  }

  validate(name: string, data: unknown): SchemaProblem[] {
    const validate = this.validator(name);
    if (!validate || validate(data)) return [];
    return mapErrors(validate.errors ?? []);
  }

  /** The schema node that describes `path` in schema `name` (references resolved), for hover, completion and checks. */
  nodeAt(name: string, path: FmPath): JsonSchema | undefined {
    let node: JsonSchema | undefined = this.resolve(name, this.schemas[name]);
    for (const step of path) {
      if (!node) return undefined;
      const next: unknown =
        typeof step === 'number' ? node.items : (node.properties as Record<string, unknown> | undefined)?.[step] ?? node.additionalProperties;
      node = typeof next === 'object' && next !== null ? this.resolve(name, next as JsonSchema) : undefined;
    }
    return node;
  }

  /** Names of the keys schema `name` knows at top level. */
  keys(name: string): string[] {
    return Object.keys((this.nodeAt(name, []) ?? {}).properties ?? {});
  }

  /** Keys of schema `name` whose schema carries `keyword` (on the key or its items), with its value. */
  keysWith(name: string, keyword: string): Map<string, unknown> {
    const found = new Map<string, unknown>();
    for (const key of this.keys(name)) {
      const node = this.nodeAt(name, [key]);
      const value = node?.[keyword] ?? this.nodeAt(name, [key, 0])?.[keyword];
      if (value !== undefined) found.set(key, value);
    }
    return found;
  }

  required(name: string): string[] {
    return ((this.nodeAt(name, []) ?? {}).required as string[] | undefined) ?? [];
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

function schemaId(name: string, schema: JsonSchema): string {
  return typeof schema.$id === 'string' ? schema.$id : `https://algoritmekader.invalid/schemas/${name}`;
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

/** A deep copy of `schema` with every `x-vocabulary` node given its known values. Unknown vocabularies stay open. */
export function injectVocabularies(schema: JsonSchema, vocabularies: ReadonlyMap<string, Vocabulary>): JsonSchema {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (typeof node !== 'object' || node === null) return node;
    const copy: JsonSchema = {};
    for (const [k, v] of Object.entries(node)) copy[k] = visit(v);
    const name = copy['x-vocabulary'];
    const vocabulary = typeof name === 'string' ? vocabularies.get(name) : undefined;
    if (vocabulary && vocabulary.values.size > 0) {
      const values = [...vocabulary.values.keys()];
      if (vocabulary.acceptExpressions) {
        copy.if = { pattern: EXPRESSION_PATTERN };
        copy.else = { enum: values, 'x-vocabulary': name };
      } else {
        copy.enum = values;
      }
    }
    return copy;
  };
  return visit(schema) as JsonSchema;
}

function pointerToPath(pointer: string): FmPath {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

export function jsonType(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value === 'object' ? 'object' : typeof value;
}

function mapErrors(errors: ErrorObject[]): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  const push = (problem: SchemaProblem) => {
    const key = JSON.stringify(problem);
    if (!seen.has(key)) {
      seen.add(key);
      problems.push(problem);
    }
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
  const wrongTyped = [...typesByPath.keys()];
  for (const error of errors) {
    const path = pointerToPath(error.instancePath);
    const parent = (error.parentSchema ?? {}) as JsonSchema;
    if (error.keyword !== 'type' && wrongTyped.some((p) => error.instancePath === p || error.instancePath.startsWith(p + '/'))) continue;
    // ajv reports a bad property name twice: as the inner `enum` (with `propertyName`) and as `propertyNames`.
    if ((error as ErrorObject & { propertyName?: string }).propertyName !== undefined) continue;
    switch (error.keyword) {
      case 'required':
        push({ kind: 'missing-key', key: String(error.params.missingProperty) });
        break;
      case 'additionalProperties':
        push({ kind: 'unknown-key', path, key: String(error.params.additionalProperty), suggestions: nearest(String(error.params.additionalProperty), Object.keys((parent.properties as object) ?? {})) });
        break;
      case 'propertyNames': {
        const key = String(error.params.propertyName);
        const allowed = ((parent.propertyNames as JsonSchema | undefined)?.enum as string[] | undefined) ?? [];
        push({ kind: 'unknown-key', path, key, suggestions: nearest(key, allowed) });
        break;
      }
      case 'type': {
        const { types, error: first } = typesByPath.get(error.instancePath)!;
        const tolerated = ((first.parentSchema ?? {}) as JsonSchema)['x-severity'] === 'warning';
        push({ kind: 'wrong-type', path, expected: [...new Set(types)].join(','), actual: jsonType(error.data), tolerated });
        break;
      }
      case 'enum': {
        const value = String(error.data);
        const allowed = (error.params.allowedValues as unknown[]).map(String);
        const caseMatch = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
        push({
          kind: 'unknown-value',
          path,
          value,
          vocabulary: String(parent['x-vocabulary'] ?? path[0]),
          suggestions: caseMatch ? [caseMatch] : nearest(value, allowed),
          caseOnly: caseMatch !== undefined,
        });
        break;
      }
      case 'uniqueItems':
        push({ kind: 'duplicate-value', path });
        break;
      case 'minItems':
        if (Array.isArray(error.data) && error.data.length === 0) push({ kind: 'empty-list', path });
        else push({ kind: 'other', path, keyword: error.keyword, detail: error.message ?? error.keyword });
        break;
      case 'pattern':
        push({
          kind: 'pattern',
          path,
          value: String(error.data),
          code: typeof parent['x-code'] === 'string' ? parent['x-code'] : undefined,
          expected: String(parent['x-expected'] ?? error.params.pattern),
          example: String(parent['x-example'] ?? ''),
        });
        break;
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
