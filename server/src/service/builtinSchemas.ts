// The schema files shipped in `schemas/`, as data. Kept apart from schema.ts so that the build-time
// generator (scripts/gen-validators.mjs) can load them without the generated validators it produces.
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

/** Whether schema file `name` describes frontmatter (every file but the format of profile files). */
export function isFrontmatterSchema(name: string): boolean {
  return name !== 'profile.schema.json';
}

/** The id ajv knows schema file `name` by. */
export function schemaId(name: string, schema: JsonSchema): string {
  return typeof schema.$id === 'string' ? schema.$id : `https://algoritmekader.invalid/schemas/${name}`;
}
