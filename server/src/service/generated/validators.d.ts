// Types of validators.js beside this file: the built-in frontmatter schemas as ajv standalone code.
// scripts/gen-validators.mjs writes it on every `node esbuild.mjs` (so it is git-ignored and never stale);
// this declaration is committed so that `tsc` works on a fresh clone.
import type { ErrorObject } from 'ajv/dist/2020';

/** A generated validator: call it on a `VocabularyContext` (schema.ts) so `x-vocabulary` can check values. */
export interface StandaloneValidate {
  (this: unknown, data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** Validators by schema file name relative to `schemas/` (`current/maatregel.schema.json`, ...). */
export declare const validators: Readonly<Record<string, StandaloneValidate | undefined>>;
