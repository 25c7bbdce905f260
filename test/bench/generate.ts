// A deterministic current-profile workspace of generated pages, shaped like the real one, for the benchmarks.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

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
  const body = '\n## Toelichting\n\n' + 'Een alinea tekst over verantwoorde inzet van algoritmes, met `code` en [een link](../index.md).\n\n'.repeat(6);
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
      `---\ntitle: Vereiste ${i}\nid: urn:nl:ak:ver:${code(i)}\ntoelichting: Een korte toelichting bij vereiste ${i}.\n${labels(2)}soort-toepassing:\n- ai-systeem\nrisicogroep:\n- hoog-risico-ai-systeem\nhide:\n- navigation\n---\n# Vereiste ${i}\n${body}\n## Maatregelen\n<!-- list_maatregelen vereiste/${stem} no-search no-onderwerp -->\n`,
    ),
  );
  measures.forEach((stem, i) =>
    write(
      `${C}/maatregelen/${stem}.md`,
      `---\ntitle: Maatregel ${i}\nid: urn:nl:ak:mtr:${code(i)}\ntoelichting: Een korte toelichting bij maatregel ${i}.\nvereiste:\n${pick(reqs, 3).map((v) => `- ${v}\n`).join('')}${labels(2)}---\n# Maatregel ${i}\n${body}\n## Vereisten\n<!-- list_vereisten_on_maatregelen_page -->\n`,
    ),
  );
  for (let i = 0; i < nTool; i++) {
    write(
      `${C}/hulpmiddelen/hulpmiddel-${i}.md`,
      `---\ntitle: Hulpmiddel ${i}\ntoelichting: Een hulpmiddel.\ncategorie:\n- handreiking\nvereiste:\n${pick(reqs, 2).map((v) => `- ${v}\n`).join('')}maatregel:\n${pick(measures, 2).map((v) => `- ${v}\n`).join('')}${labels(1)}---\n# Hulpmiddel ${i}\n${body}\n<!-- list_maatregelen_on_hulpmiddelen_page -->\n`,
    );
  }
  write(`${C}/vereisten/index.md`, '# Vereisten\n\n<!-- list_vereisten -->\n');
  write(`${C}/maatregelen/index.md`, '# Maatregelen\n\n<!-- list_maatregelen -->\n');
  write(`${C}/hulpmiddelen/index.md`, '# Hulpmiddelen\n\n<!-- list_hulpmiddelen -->\n');
  return dir;
}
