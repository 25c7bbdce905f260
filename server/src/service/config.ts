// The optional config file at the content root, `.algoritmekader.json`:
//   {
//     "profile": "current",                          // or "2024", "transitional", or "./path/to/profile.json"
//     "schemas": { "maatregel": "./schemas/maatregel.schema.json" }   // per page type: extend or replace
//   }
// A workspace schema is merged into the built-in one: its `properties` are added to or replace the
// built-in keys (`null` removes one), its `required` replaces the built-in list, and any other keyword
// replaces the built-in's. With `"x-replace": true` it replaces the built-in schema wholesale.
import { BUILTIN_PROFILES } from './profile';
import type { JsonSchema } from './schema';
import { stripBom } from './text';

export const CONFIG_FILE = '.algoritmekader.json';

const BUILTIN_PROFILE_NAMES: readonly string[] = BUILTIN_PROFILES.map((p) => p.name);

export interface AkConfig {
  profile?: string;
  schemas?: Record<string, string>;
}

export interface ConfigResult {
  config: AkConfig;
  /** Problems with the file, with a 0-based line where one is known. */
  problems: { line: number; detail: { en: string; nl: string } }[];
  /** Settings left out because the workspace is not trusted (see restrictConfig), with their 0-based line. */
  ignored?: { key: 'profile' | 'schemas'; line: number }[];
}

/** Parses the config file text; never throws. `undefined` text means "no config file". */
export function parseConfig(text: string | undefined): ConfigResult {
  if (text === undefined) return { config: {}, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(stripBom(text));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(detail);
    const line = position ? text.slice(0, Number(position[1])).split('\n').length - 1 : 0;
    return { config: {}, problems: [{ line, detail: { en: `not valid JSON: ${detail}`, nl: `geen geldige JSON: ${detail}` } }] };
  }
  const problems: ConfigResult['problems'] = [];
  const config: AkConfig = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { config, problems: [{ line: 0, detail: { en: 'must be a JSON object', nl: 'moet een JSON-object zijn' } }] };
  }
  const record = raw as Record<string, unknown>;
  const lineOf = (key: string) => Math.max(0, text.split('\n').findIndex((l) => l.includes(`"${key}"`)));
  for (const key of Object.keys(record)) {
    if (key !== 'profile' && key !== 'schemas' && key !== '$schema') {
      problems.push({ line: lineOf(key), detail: { en: `unknown setting "${key}" (known: profile, schemas)`, nl: `onbekende instelling "${key}" (bekend: profile, schemas)` } });
    }
  }
  if (record.profile !== undefined) {
    if (typeof record.profile === 'string') config.profile = record.profile;
    else problems.push({ line: lineOf('profile'), detail: { en: '"profile" must be a string', nl: '"profile" moet een tekst zijn' } });
  }
  if (record.schemas !== undefined) {
    const schemas = record.schemas;
    if (typeof schemas === 'object' && schemas !== null && !Array.isArray(schemas) && Object.values(schemas).every((v) => typeof v === 'string')) {
      config.schemas = schemas as Record<string, string>;
    } else {
      problems.push({ line: lineOf('schemas'), detail: { en: '"schemas" must map page types to file paths', nl: '"schemas" moet paginatypes aan bestandspaden koppelen' } });
    }
  }
  return { config, problems };
}

/**
 * The config as an untrusted workspace may use it (VS Code's Restricted Mode): the workspace's own schema files
 * and profile files are left out, so nothing from the workspace is compiled into a validator (ajv generates code
 * from a schema and runs it); a built-in profile named in `profile` stays. `trusted` undefined means trusted.
 */
export function restrictConfig(result: ConfigResult, text: string | undefined, trusted: boolean | undefined): ConfigResult {
  if (trusted !== false) return result;
  const { profile, schemas } = result.config;
  const lineOf = (key: string) => Math.max(0, (text ?? '').split('\n').findIndex((l) => l.includes(`"${key}"`)));
  const ignored: NonNullable<ConfigResult['ignored']> = [];
  const config: AkConfig = {};
  if (profile !== undefined) {
    if (BUILTIN_PROFILE_NAMES.includes(profile)) config.profile = profile;
    else ignored.push({ key: 'profile', line: lineOf('profile') });
  }
  if (schemas !== undefined && Object.keys(schemas).length > 0) ignored.push({ key: 'schemas', line: lineOf('schemas') });
  return { config, problems: result.problems, ignored };
}

/**
 * Why a file the config names (or the config itself) could not be read, in both languages, from the
 * workspace's answer (see Workspace.whyUnreadable); `undefined` reads as "not found". Never the file's text.
 */
export function unreadableDetail(why: string | undefined): { en: string; nl: string } {
  switch (why) {
    case 'not-a-file':
      return { en: 'is not a regular file', nl: 'is geen gewoon bestand' };
    case 'too-large':
      return { en: 'is larger than the 1 MB read', nl: 'is groter dan de 1 MB die gelezen wordt' };
    case 'outside-root':
      return { en: 'is outside the content root, where files are not read', nl: 'ligt buiten de inhoudsmap, waar geen bestanden gelezen worden' };
    case 'no-permission':
      return { en: 'cannot be read (no permission)', nl: 'kan niet gelezen worden (geen toegang)' };
    default:
      return { en: 'not found', nl: 'niet gevonden' };
  }
}

/** A workspace path named in the config (`./x.json` or `x.json`), as a root-relative path. */
export function configPath(value: string): string {
  return value.replace(/^\.\//, '');
}

/** Merges a workspace schema into a built-in one (see the file comment). */
export function mergeSchema(builtin: JsonSchema, own: JsonSchema): JsonSchema {
  if (own['x-replace'] === true) {
    const { 'x-replace': _replace, ...rest } = own;
    return { ...rest, $id: builtin.$id };
  }
  const merged: JsonSchema = { ...builtin };
  for (const [keyword, value] of Object.entries(own)) {
    if (keyword === 'properties' && typeof value === 'object' && value !== null) {
      const properties: Record<string, unknown> = { ...((builtin.properties as object) ?? {}) };
      for (const [key, schema] of Object.entries(value)) {
        if (schema === null) delete properties[key];
        else properties[key] = schema;
      }
      merged.properties = properties;
    } else if (keyword !== '$id' && keyword !== '$schema') {
      merged[keyword] = value;
    }
  }
  return merged;
}
