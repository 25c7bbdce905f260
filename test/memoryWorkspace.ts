// An in-memory `Workspace` for service tests: files are a plain object, versions bump on every write.
import type { Workspace } from '../server/src/service';

export class MemoryWorkspace implements Workspace {
  private readonly files = new Map<string, string>();
  private readonly versions = new Map<string, number>();
  private readonly listeners = new Set<(paths: readonly string[]) => void>();

  constructor(files: Record<string, string> = {}) {
    for (const [path, text] of Object.entries(files)) this.files.set(path, text);
  }

  listMarkdownFiles(): readonly string[] {
    return [...this.files.keys()].filter((p) => p.endsWith('.md'));
  }
  readFile(path: string): string | undefined {
    return this.files.get(path);
  }
  version(path: string): number {
    return this.versions.get(path) ?? 0;
  }
  uri(path: string): string {
    return `memory:///${path}`;
  }
  onDidChange(listener: (paths: readonly string[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Write (or with `undefined`, delete) a file and tell the listeners. */
  set(path: string, text: string | undefined): void {
    if (text === undefined) this.files.delete(path);
    else this.files.set(path, text);
    this.versions.set(path, this.version(path) + 1);
    for (const listener of this.listeners) listener([path]);
  }
}

/** A small but complete current-profile tree; tests add or override pages. */
export const CURRENT_BASE: Record<string, string> = {
  'docs/levenscyclus/index.md': '# Levenscyclus\n',
  'docs/levenscyclus/ontwerp.md': '---\ntitle: Ontwerp\n---\n# Ontwerp\n\nDe ontwerpfase.\n',
  'docs/levenscyclus/monitoring-en-beheer.md': '# Monitoring en beheer\n\nBewaken na ingebruikname.\n',
  'docs/rollen/jurist.md': '# Jurist\n\nBeoordeelt rechtmatigheid.\n',
  'docs/rollen/projectleider.md': '# Projectleider\n',
  'docs/onderwerpen/governance.md': '# Governance\n',
  'docs/onderwerpen/transparantie.md': '# Transparantie\n',
  'docs/voldoen-aan-wetten-en-regels/vereisten/index.md': '# Vereisten\n',
  'docs/voldoen-aan-wetten-en-regels/maatregelen/index.md': '# Maatregelen\n',
  'docs/voldoen-aan-wetten-en-regels/hulpmiddelen/index.md': '# Hulpmiddelen\n',
};

/** A small 2024-profile tree. */
export const BASE_2024: Record<string, string> = {
  'docs/levenscyclus/ontwerp.md': '# Ontwerp\n',
  'docs/levenscyclus/implementatie.md': '# Implementatie\n',
  'docs/rollen/jurist.md': '# Jurist\n',
  'docs/bouwblokken/transparantie/index.md': '# Transparantie\n',
  'docs/bouwblokken/privacy-en-gegevensbescherming/index.md': '# Privacy\n',
  'docs/vereisten/index.md': '# Vereisten\n',
  'docs/maatregelen/index.md': '# Maatregelen\n',
};
