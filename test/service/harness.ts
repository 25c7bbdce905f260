// Shared helpers for service tests: run the service on in-memory files and describe diagnostics compactly.
import type { AkDiagnostic, Range } from '../../server/src/service';
import { createLanguageService } from '../../server/src/service';
import { MemoryWorkspace } from '../memoryWorkspace';

/** `l:c-l:c`, 0-based, like LSP. */
export const at = (r: Range) => `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character}`;

export interface Seen {
  code: string;
  range: string;
  message: string;
}

export const seen = (d: AkDiagnostic): Seen => ({ code: d.code, range: at(d.range), message: d.message });

/**
 * Whether a finding is about the body's contract (sections, hook comments, own lists). Test pages are written for
 * the feature they test, mostly without the template's body; contracts.test.ts tests these findings.
 */
export const isContract = (d: AkDiagnostic) => d.code.startsWith('body.');

/** The diagnostics of `path` in a workspace of `files` (body contracts left out), sorted by position. */
export function diagnose(files: Record<string, string>, path: string, language: 'en' | 'nl' = 'en'): AkDiagnostic[] {
  const service = createLanguageService(new MemoryWorkspace(files), { language });
  return service.doValidation(path).filter((d) => !isContract(d)).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/**
 * `value` with its objects made ordinary: the model's objects have no prototype (so that a page's keys never
 * reach one), which deepEqual tells apart from an object literal.
 */
export function ordinary(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(ordinary);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, ordinary(v)]));
}
