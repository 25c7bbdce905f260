// `node:assert/strict` for the web suite, whose tests run in the browser's web worker (no Node modules there):
// the few functions the editor tests use, with the same meaning. esbuild puts it in place of node:assert/strict.
class AssertionError extends Error {
  override name = 'AssertionError';
}

const show = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (v === undefined ? '<undefined>' : v));

function fail(message: string | undefined, fallback: string): never {
  throw new AssertionError(message ?? fallback);
}

function ok(value: unknown, message?: string): asserts value {
  if (!value) fail(message, `expected a truthy value, got ${show(value)}`);
}

const assert = Object.assign(ok, {
  ok,
  equal(actual: unknown, expected: unknown, message?: string) {
    if (!Object.is(actual, expected)) fail(message, `${show(actual)} !== ${show(expected)}`);
  },
  notEqual(actual: unknown, expected: unknown, message?: string) {
    if (Object.is(actual, expected)) fail(message, `${show(actual)} === ${show(expected)}`);
  },
  /** Structural equality of JSON-like values (what the editor tests compare). */
  deepEqual(actual: unknown, expected: unknown, message?: string) {
    if (show(actual) !== show(expected)) fail(message, `not deep-equal:\n  actual:   ${show(actual)}\n  expected: ${show(expected)}`);
  },
  match(text: string, pattern: RegExp, message?: string) {
    if (!pattern.test(text)) fail(message, `${show(text)} does not match ${String(pattern)}`);
  },
  doesNotMatch(text: string, pattern: RegExp, message?: string) {
    if (pattern.test(text)) fail(message, `${show(text)} matches ${String(pattern)}`);
  },
});

export default assert;
