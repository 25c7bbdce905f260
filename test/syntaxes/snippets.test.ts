// The snippets write directives the site expands: each body, with its first choice and default values, is
// a directive of the current content model with one filter, and no finding but the value to fill in.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLanguageService } from '../../server/src/service';
import { CURRENT_BASE, MemoryWorkspace } from '../memoryWorkspace';

const SNIPPETS = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'snippets', 'algoritmekader.code-snippets'), 'utf8')) as Record<string, { body: string[] }>;

/** A snippet body as VS Code inserts it when the author accepts every default. */
const expand = (body: string[]) => body.join('\n').replace(/\$\{\d+\|([^,|}]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');

describe('snippets', () => {
  for (const [name, snippet] of Object.entries(SNIPPETS)) {
    it(`${name}: a directive the site expands`, () => {
      const page = 'docs/onderwerpen/governance.md';
      const service = createLanguageService(new MemoryWorkspace({ ...CURRENT_BASE, [page]: `# Governance\n\n${expand(snippet.body)}\n` }));
      const [directive] = service.graph().directives.filter((d) => d.file === page);
      assert.ok(directive, expand(snippet.body));
      assert.equal(directive.expanded, true);
      assert.equal(directive.filters.length, 1);
      assert.equal(directive.filters[0].value, 'waarde');
    });
  }
});
