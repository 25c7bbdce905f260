// Entry point of the web suite (extensionTestsPath), run in the browser's web worker extension host, where the
// extension runs as in github.dev: mocha's browser build, the suite's test files, a screenshot after each test.
// The worker's console does not reach the driver, so what the tests print is posted to it (its /log endpoint).
import { runInfo, screenshot, shotName, type RunInfo } from '../driver';

/** The driver prints the workbench's log from this line on (see test/e2e/run.mjs). */
const MARKER = 'e2e: editor tests start';

/** console.log's `%s`-style formatting, which mocha's reporters use. */
function format(args: unknown[]): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : value instanceof Error ? (value.stack ?? value.message) : JSON.stringify(value));
  if (typeof args[0] !== 'string') return args.map(text).join(' ');
  let rest = args.slice(1);
  const head = args[0].replace(/%[sdifjoOc%]/g, (spec) => {
    if (spec === '%%') return '%';
    if (rest.length === 0) return spec;
    const [value] = rest;
    rest = rest.slice(1);
    return spec === '%c' ? '' : text(value);
  });
  return [head, ...rest.map(text)].join(' ');
}

/** Lines printed so far, posted in order once the driver's address is known. */
let driver: RunInfo | undefined;
const waiting: string[] = [];
let delivered: Promise<unknown> = Promise.resolve();
const post = (line: string) => {
  if (!driver?.driver) {
    waiting.push(line);
    return;
  }
  const url = `${driver.driver}/log`;
  delivered = delivered.then(() => fetch(url, { method: 'POST', body: line }).catch(() => undefined));
};
const original = console.log.bind(console);
console.log = (...args: unknown[]) => {
  original(...args);
  post(format(args));
};

export async function run(): Promise<void> {
  // Loaded now, so that mocha's reporters print through the console.log above.
  require('mocha/mocha.js');
  driver = await runInfo();
  for (const line of waiting.splice(0)) post(line);
  console.log(MARKER);
  mocha.setup({ ui: 'bdd', timeout: 60_000, color: false });
  mocha.reporter('spec');
  let shots = 0;
  const info = driver;
  mocha.suite.afterEach(async function () {
    await screenshot(info, shotName(++shots, this.currentTest?.title ?? 'test'));
  });
  // The suite's test files, loaded once mocha has defined describe/it.
  require('./extension.web.e2e');
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  await delivered;
  if (failures > 0) throw new Error(`${failures} editor test(s) failed`);
}
