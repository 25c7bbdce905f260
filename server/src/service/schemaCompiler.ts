// Compiles frontmatter schemas with ajv (JSON Schema 2020-12). Used twice, with the same options and
// keywords so that both give the same errors:
//   - at build time, by scripts/gen-validators.mjs, which turns the built-in schemas into standalone
//     code (generated/validators.js);
//   - at run time, only for the workspace's own schemas (config overrides, profile files naming their
//     own schema). schema.ts requires this module lazily: the common path never loads ajv's compiler.
import Ajv2020, { _, str, type CodeKeywordDefinition, type Options, type ValidateFunction } from 'ajv/dist/2020';
import type { RegExpEngine } from 'ajv/dist/types';
import { RE2JS } from 're2js';
import { isFrontmatterSchema, schemaId, type JsonSchema } from './builtinSchemas';

/** Our annotation keywords (see the description of common.schema.json); `x-vocabulary` is a real keyword below. */
const ANNOTATIONS = ['x-reference', 'x-description-nl', 'x-code', 'x-expected', 'x-example', 'x-severity', 'x-text-membership', 'x-no-final-period', 'x-max-words'];

/**
 * `x-vocabulary: <name>`: the value must be one of the vocabulary's values. The values are the
 * workspace's and change while the schemas do not, so the generated code asks the object the
 * validator is called on (ajv `passContext`), a `VocabularyContext` (schema.ts), at validation time.
 * Called without one, every value is accepted. The error's params name the vocabulary; the allowed
 * values and suggestions are taken from the vocabulary when the error is mapped.
 */
const vocabularyKeyword: CodeKeywordDefinition = {
  keyword: 'x-vocabulary',
  code(cxt) {
    if (typeof cxt.schema !== 'string') return;
    cxt.fail(_`this != null && typeof this.vocabularyAccepts == "function" && !this.vocabularyAccepts(${cxt.schema}, ${cxt.data})`);
  },
  error: {
    message: ({ schema }) => str`must be a value of vocabulary ${String(schema)}`,
    params: ({ schema }) => _`{vocabulary: ${String(schema)}}`,
  },
};

/**
 * The regular expressions of a workspace's schemas (`pattern`, `patternProperties`) run on RE2's linear-time
 * engine (re2js, a pure-JS port), never on V8's backtracking one: a workspace schema is input like a page, and
 * `"pattern": "^(a+)+$"` would otherwise take time doubling with each character of a value. RE2 has no
 * backreferences or lookaround: a pattern with them does not compile, which is reported like any schema
 * that does not compile. The built-in schemas' patterns are ours and compiled to native code at build time.
 */
const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string) => {
    const compiled = RE2JS.compile(pattern, flags.includes('i') ? RE2JS.CASE_INSENSITIVE : 0);
    return { test: (text: string) => compiled.test(text) };
  },
  { code: 'linearRegExp' },
);

/** The ajv instance both paths compile with; `code` is set by the generator only (the run-time path uses RE2). */
function createAjv(code?: Options['code']): Ajv2020 {
  const ajv = new Ajv2020({
    allErrors: true,
    passContext: true,
    strictTypes: false,
    allowUnionTypes: true,
    validateSchema: false,
    code: code ?? { regExp: linearRegExp },
  });
  ajv.addVocabulary(ANNOTATIONS);
  ajv.addKeyword(vocabularyKeyword);
  return ajv;
}

/** An ajv instance that knows every frontmatter schema of `schemas` (by its id), compiling each on first use. */
export function schemaCompiler(schemas: Readonly<Record<string, JsonSchema>>, code?: Options['code']): { ajv: Ajv2020; compile(name: string): ValidateFunction | undefined } {
  const ajv = createAjv(code);
  for (const [name, schema] of Object.entries(schemas)) {
    if (isFrontmatterSchema(name)) ajv.addSchema(schema, schemaId(name, schema));
  }
  return {
    ajv,
    /** Throws when the schema does not compile; `undefined` when there is no schema file `name`. */
    compile: (name) => (Object.hasOwn(schemas, name) && isFrontmatterSchema(name) ? ajv.getSchema(schemaId(name, schemas[name])) : undefined),
  };
}
