// The service must stay pure: no editor, no LSP connection, no file system. This reads the sources,
// generated JavaScript (the build-time validators) included.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const SERVICE = join(__dirname, '..', '..', '..', 'server', 'src', 'service');
const FORBIDDEN = /^(vscode|vscode-languageserver|vscode-languageserver\/.*|vscode-languageclient(\/.*)?|fs|node:fs|fs\/promises|node:fs\/promises|child_process|node:child_process)$/;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|js|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

describe('service purity', () => {
  it('imports neither vscode, the LSP connection package nor fs', () => {
    const files = sources(SERVICE);
    assert.ok(files.length > 5, 'service sources found');
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*|^import\s+)['"]([^'"]+)['"]/gm)) {
        if (FORBIDDEN.test(m[1])) offenders.push(`${file}: ${m[1]}`);
      }
    }
    assert.deepEqual(offenders, []);
  });

  it('the check recognises a forbidden import', () => {
    assert.ok(FORBIDDEN.test('vscode-languageserver'));
    assert.ok(FORBIDDEN.test('node:fs'));
    assert.ok(!FORBIDDEN.test('vscode-languageserver-types'));
  });
});
