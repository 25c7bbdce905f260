// `npm test` on a machine that cannot install the editor suite's browser: the driver says so and exits 0, so
// that the other tests' result stands; under CI=true a skip fails the run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** test/e2e/run.mjs as on a machine without Chromium where apt-get cannot be used. */
function driverWithoutBrowser(ci: string) {
  const env = { ...process.env, E2E_CHROMIUM: '/nonexistent/chromium', E2E_CAN_INSTALL: '0', CI: ci };
  return spawnSync(process.execPath, [join(ROOT, 'test', 'e2e', 'run.mjs')], { cwd: ROOT, encoding: 'utf8', env, timeout: 60_000 });
}

describe('editor suite without a browser', () => {
  it('says it skipped the editor tests, and why, and exits 0', () => {
    const r = driverWithoutBrowser('');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^\ne2e: SKIPPED — the editor tests did not run: E2E_CHROMIUM=\/nonexistent\/chromium \(not found\) is missing, and this machine cannot install it \(that takes apt-get, as root\)\.\n/);
    assert.match(r.stderr, /then run `npm run test:e2e`\. Every other test above ran\.\n\n$/);
  });

  it('fails under CI=true, where every test must run', () => {
    const r = driverWithoutBrowser('true');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /e2e: SKIPPED .*\n(.*\n)*e2e: CI=true, where a skipped editor suite is a failure\.\n/);
  });
});
