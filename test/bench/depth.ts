// `npm run bench:depth`: the authoring-depth requests on a warm language service (as the server holds it), median
// ms, on the 2026 snapshot and a generated workspace of 10,000 pages: a requirement's code lenses, a measure's
// document links and inlay hints, a page's diagnostics (with the body contract, expressions and glossary),
// workspace symbols for an id code, the edits of a file move, and the coverage report (first and warm).
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { NodeWorkspace } from '../../server/src/nodeWorkspace';
import { createLanguageService } from '../../server/src/service';
import { generate } from './generate';

const CORPORA = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora');

function median(n: number, run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = process.hrtime.bigint();
    run();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  return times.sort((a, b) => a - b)[Math.floor(n / 2)];
}

function row(cells: (string | number)[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(24) : String(c).padStart(13))).join('');
}

function figures(root: string): string[] {
  const service = createLanguageService(new NodeWorkspace(root), { language: 'en' });
  service.checkAll(); // warm: every page indexed, as the server has it after its background indexing
  const pages = service.pageSummaries();
  const requirement = pages.find((p) => p.type === 'vereiste')!;
  const measure = pages.find((p) => p.type === 'maatregel' && service.documentLinks(p.path).length > 0)!;
  const code = requirement.code ?? requirement.stem;
  const start = process.hrtime.bigint();
  service.coverage();
  const coverageFirst = Number(process.hrtime.bigint() - start) / 1e6;
  const moved = requirement.path.replace(/[^/]+\.md$/, 'hernoemd.md');
  return [
    median(30, () => service.codeLenses(requirement.path)),
    median(30, () => service.documentLinks(measure.path)),
    median(30, () => service.inlayHints(measure.path)),
    median(30, () => service.doValidation(requirement.path)),
    median(30, () => service.workspaceSymbols(code)),
    median(10, () => service.willRenameFiles([{ from: requirement.path, to: moved }])),
    coverageFirst,
    median(10, () => service.coverage()),
  ].map((ms) => ms.toFixed(2));
}

function main(): void {
  const generated = generate(10_000);
  try {
    console.log('authoring depth: median ms on a warm service (code lens of a requirement; links, hints of a measure;');
    console.log("a requirement's diagnostics; Ctrl+T for its id code; a file move's edits; coverage, first and warm)");
    console.log(row(['workspace', 'code lens', 'links', 'hints', 'diagnostics', 'symbols', 'file move', 'coverage 1', 'coverage']));
    console.log(row(['corpus 2026-06', ...figures(join(CORPORA, 'algoritmekader-2026-06'))]));
    console.log(row(['generated 10,000 pages', ...figures(generated)]));
  } finally {
    rmSync(generated, { recursive: true, force: true });
  }
}

main();
