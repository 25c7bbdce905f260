// `ak check` end to end through `run()`: formats, exit codes, usage errors, on the shipped examples.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { run } from '../../server/src/cli';

const ROOT = join(__dirname, '..', '..', '..');

function ak(argv: string[], env: NodeJS.ProcessEnv = { LANG: 'C' }) {
  let stdout = '';
  let stderr = '';
  const status = run(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), env, cwd: ROOT });
  return { status, stdout, stderr };
}

describe('ak check', () => {
  for (const example of ['examples/current', 'examples/2024']) {
    it(`finds no errors in ${example}`, () => {
      const r = ak(['check', example]);
      assert.equal(r.stderr, '');
      assert.match(r.stdout, /files checked: 0 errors, 0 warnings, 0 hints\.\n$/);
      assert.equal(r.status, 0);
    });
  }

  it('prints JSON with the profile and relative paths', () => {
    const r = ak(['check', 'examples/current', '--format', 'json']);
    const out = JSON.parse(r.stdout);
    assert.equal(out.profile, 'current');
    assert.equal(out.files, 15);
    assert.deepEqual(out.diagnostics, []);
    assert.equal(r.status, 0);
  });

  it('exits 2 with a message for a missing ROOT', () => {
    const r = ak(['check', 'no/such/folder']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^ak: cannot read ROOT: .*no\/such\/folder \(does not exist\)\n$/);
  });

  it('exits 2 for an unknown option and shows the usage', () => {
    const r = ak(['check', '--formaat', 'json']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /unknown option "--formaat"/);
    assert.match(r.stderr, /Usage: ak check/);
  });

  it('speaks Dutch when the locale is Dutch', () => {
    const r = ak(['check', 'examples/2024'], { LANG: 'nl_NL.UTF-8' });
    assert.match(r.stdout, /12 bestanden gecontroleerd/);
  });
});
