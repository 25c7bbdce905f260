// Deterministic current-profile workspaces of generated pages for the benchmarks: pages written from the templates,
// and the 2026 snapshot plus renamed copies.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

const CORPORA = join(__dirname, '..', '..', '..', '..', 'shared', 'corpora');

/** A deterministic current-profile workspace of `total` content pages, shaped like the real one. */
export function generate(total: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'ak-bench-'));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(list: readonly T[], n: number) => [...new Set(Array.from({ length: n }, () => list[Math.floor(random() * list.length)]))];
  const phases = ['probleemanalyse', 'ontwerp', 'dataverkenning-en-datapreparatie', 'ontwikkelen', 'verificatie-en-validatie', 'implementatie', 'monitoring-en-beheer', 'uitfaseren'];
  const roles = ['projectleider', 'beleid-en-advies', 'jurist', 'ontwikkelaar'];
  const topics = ['governance', 'transparantie', 'data', 'privacy-en-gegevensbescherming', 'menselijke-controle', 'publieke-inkoop'];
  for (const p of phases) write(`docs/levenscyclus/${p}.md`, `---\ntitle: ${p}\n---\n# ${p}\n\nDe fase ${p}.\n`);
  for (const r of roles) write(`docs/rollen/${r}.md`, `# ${r}\n\nDe rol ${r}.\n<!-- list_vereisten rollen/${r} -->\n`);
  for (const t of topics) write(`docs/onderwerpen/${t}.md`, `# ${t}\n\nOver ${t}.\n<!-- list_maatregelen onderwerp/${t} no-search -->\n`);
  const C = 'docs/voldoen-aan-wetten-en-regels';
  const nReq = Math.round(total * 0.3);
  const nMeasure = Math.round(total * 0.6);
  const nTool = total - nReq - nMeasure;
  const labels = (n: number) =>
    `levenscyclus:\n${pick(phases, n).map((v) => `- ${v}\n`).join('')}onderwerp:\n${pick(topics, n).map((v) => `- ${v}\n`).join('')}rollen:\n${pick(roles, n).map((v) => `- ${v}\n`).join('')}`;
  // Bodies follow the upstream templates (templates/template-*.md), as published pages do: the tags marker,
  // the sections in their order and the own lists in theirs. (Until the body contracts, the pages had only a
  // Toelichting section; with the contracts that gave every page three or four findings that no real page has.)
  const paragraphs = (n: number) => 'Een alinea tekst over verantwoorde inzet van algoritmes, met `code` en [een link](../index.md).\n\n'.repeat(n);
  const body = (title: string, sections: [string, string][]) =>
    `# ${title}\n\n<!-- tags -->\n\n${sections.map(([heading, text]) => `## ${heading}\n\n${text}`).join('\n')}`;
  // Unique URN codes like upstream's: letters, then two digits (`abc-07`); file names start with them.
  const code = (i: number) => {
    let n = Math.floor(i / 100);
    let letters = '';
    for (let k = 0; k < 3; k++, n = Math.floor(n / 26)) letters = String.fromCharCode(97 + (n % 26)) + letters;
    return `${letters}-${String(i % 100).padStart(2, '0')}`;
  };
  const reqs = Array.from({ length: nReq }, (_, i) => `${code(i)}-vereiste-${i}`);
  const measures = Array.from({ length: nMeasure }, (_, i) => `${1 + (i % 8)}-${code(i)}-maatregel-${i}`);
  reqs.forEach((stem, i) =>
    write(
      `${C}/vereisten/${stem}.md`,
      `---\ntitle: Vereiste ${i}\nid: urn:nl:ak:ver:${code(i)}\ntoelichting: Een korte toelichting bij vereiste ${i}.\n${labels(2)}soort-toepassing:\n- ai-systeem\nrisicogroep:\n- hoog-risico-ai-systeem\nhide:\n- navigation\n---\n${body(`Vereiste ${i}`, [
        ['Vereiste', paragraphs(1)],
        ['Toelichting', paragraphs(4)],
        ['Bronnen', '- [Een bron](https://example.org)\n\n'],
        ['Van toepassing op', '<!-- tags-ai-act -->\n\n'],
        ['Risico', paragraphs(1)],
        ['Maatregelen', `<!-- list_maatregelen vereiste/${stem} no-search no-onderwerp -->\n`],
      ])}`,
    ),
  );
  measures.forEach((stem, i) =>
    write(
      `${C}/maatregelen/${stem}.md`,
      `---\ntitle: Maatregel ${i}\nid: urn:nl:ak:mtr:${code(i)}\ntoelichting: Een korte toelichting bij maatregel ${i}.\nvereiste:\n${pick(reqs, 3).map((v) => `- ${v}\n`).join('')}${labels(2)}---\n${body(`Maatregel ${i}`, [
        ['Maatregel', paragraphs(1)],
        ['Toelichting', paragraphs(4)],
        ['Risico', paragraphs(1)],
        ['Bijbehorende vereiste(n)', '<!-- list_vereisten_on_maatregelen_page -->\n\n'],
        ['Bronnen', '- [Een bron](https://example.org)\n'],
      ])}`,
    ),
  );
  for (let i = 0; i < nTool; i++) {
    write(
      `${C}/hulpmiddelen/hulpmiddel-${i}.md`,
      `---\ntitle: Hulpmiddel ${i}\ntoelichting: Een hulpmiddel.\ncategorie:\n- handreiking\nvereiste:\n${pick(reqs, 2).map((v) => `- ${v}\n`).join('')}maatregel:\n${pick(measures, 2).map((v) => `- ${v}\n`).join('')}${labels(1)}---\n${body(`Hulpmiddel ${i}`, [
        ['Hulpmiddel', paragraphs(1)],
        ['Relevantie', paragraphs(4)],
        ['Bijbehorende vereisten', '<!-- list_vereisten_on_maatregelen_page -->\n\n'],
        ['Bijbehorende maatregelen', '<!-- list_maatregelen_on_hulpmiddelen_page -->\n'],
      ])}`,
    );
  }
  write(`${C}/vereisten/index.md`, '# Vereisten\n\n<!-- list_vereisten -->\n');
  write(`${C}/maatregelen/index.md`, '# Maatregelen\n\n<!-- list_maatregelen -->\n');
  write(`${C}/hulpmiddelen/index.md`, '# Hulpmiddelen\n\n<!-- list_hulpmiddelen -->\n');
  return dir;
}

/** Every Markdown file under `dir`, root-relative. */
export function markdownFiles(dir: string, base = dir): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...markdownFiles(path, base));
    else if (name.endsWith('.md')) out.push(relative(base, path));
  }
  return out;
}

/**
 * The 2026 snapshot plus renamed copies of its requirements, measures and tools until the tree has `total`
 * pages: copy k renames every content page's code (`aia-14` → `aiakb-14`) and stem, and every `vereiste:`,
 * `maatregel:` entry and directive parameter naming one, so each copy is a consistent framework beside the
 * original (and every vocabulary page's lists grow with it).
 */
export function generateFromSnapshot(total: number): string {
  const source = join(CORPORA, 'algoritmekader-2026-06');
  const dir = mkdtempSync(join(tmpdir(), 'ak-bench-lsp-'));
  cpSync(source, dir, { recursive: true });
  const content = 'docs/voldoen-aan-wetten-en-regels';
  const pages = markdownFiles(join(source, content)).filter((p) => !p.endsWith('index.md'));
  const texts = new Map(pages.map((p) => [p, readFileSync(join(source, content, p), 'utf8')]));
  const stems = pages.map((p) => p.slice(p.lastIndexOf('/') + 1, -3)).sort((a, b) => b.length - a.length);
  const stemPattern = new RegExp(`(?<![\\w-])(${stems.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\w-])`, 'g');
  const base = markdownFiles(dir).length;
  const copies = Math.max(0, Math.ceil((total - base) / pages.length));
  for (let k = 0; k < copies && base + k * pages.length < total; k++) {
    const tag = `k${String.fromCharCode(97 + (k % 26))}${k >= 26 ? String.fromCharCode(97 + Math.floor(k / 26)) : ''}`;
    // `aia-14` → `aiaka-14`: still letters, a dash and two digits, as the id pattern wants.
    const recode = (stem: string) => stem.replace(/^([0-9]-)?([a-z]+)(-[0-9]{2})/, (_m, digit: string | undefined, letters: string, number: string) => `${digit ?? ''}${letters}${tag}${number}`);
    const renamed = (stem: string) => (recode(stem) === stem ? `${stem}-${tag}` : recode(stem));
    for (const [path, text] of texts) {
      if (base + k * pages.length + pages.indexOf(path) >= total) break;
      const folder = path.slice(0, path.lastIndexOf('/') + 1);
      const stem = path.slice(folder.length, -3);
      const out = text
        .replace(stemPattern, (s) => renamed(s))
        .replace(/^(id:\s*urn:nl:ak:[a-z]+:)([a-z]+)(-[0-9]{2})/m, (_m, prefix: string, letters: string, number: string) => `${prefix}${letters}${tag}${number}`);
      const target = join(dir, content, folder, `${renamed(stem)}.md`);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, out);
    }
  }
  return dir;
}
