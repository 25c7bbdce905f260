// The language service facade: the only module the server and the CLI import. Pure and synchronous:
// it reads files only through the `Workspace` it is given, and keeps all state on the object it returns.
import { DiagnosticBuilder, frontmatterDiagnostics } from './features/diagnostics';
import { BUILTIN_PROFILES } from './profile';
import type { AkDiagnostic, FileDiagnostics, Language, ServiceOptions, Workspace } from './types';
import { WorkspaceIndex } from './workspaceIndex';

export * from './types';
export { CONFIG_FILE } from './config';
export { MESSAGES, UI, message } from './messages';
export { BUILTIN_PROFILES } from './profile';

export interface LanguageService {
  /** Change the options (language, profile); the next request uses them. */
  configure(options: Partial<ServiceOptions>): void;
  /** Tell the service that `paths` changed (or everything, without argument). Not needed when the workspace has `onDidChange`. */
  invalidate(paths?: readonly string[]): void;
  /** The profile in use and how it was chosen; `undefined` when the tree matches none. */
  profile(): { name: string; source: 'setting' | 'config' | 'detected' } | undefined;
  /** Diagnostics of one root-relative file. */
  doValidation(path: string): AkDiagnostic[];
  /** Diagnostics about the workspace itself (its layout, its config file), by file; `.` is the root. */
  workspaceDiagnostics(): FileDiagnostics[];
  /** Every file's diagnostics plus the workspace's, for `ak check`; files without findings are included. */
  checkAll(): FileDiagnostics[];
  /** Stop listening to the workspace. */
  dispose(): void;
}

export function createLanguageService(workspace: Workspace, options: Partial<ServiceOptions> = {}): LanguageService {
  let current: ServiceOptions = { language: 'en', profile: 'auto', ...options };
  const index = new WorkspaceIndex(workspace, current);
  const unsubscribe = workspace.onDidChange?.((paths) => index.invalidate(paths));

  const builder = () => new DiagnosticBuilder(current.language, (path) => workspace.uri(path));

  const service: LanguageService = {
    configure(next) {
      current = { ...current, ...next };
      index.setOptions(current);
    },
    invalidate(paths) {
      index.invalidate(paths);
    },
    profile() {
      const snapshot = index.snapshot();
      return snapshot.profile && snapshot.profileSource !== 'none' ? { name: snapshot.profile.name, source: snapshot.profileSource } : undefined;
    },
    doValidation(path) {
      const page = index.page(path);
      if (!page) return [];
      const out = builder();
      frontmatterDiagnostics(index, index.snapshot(), page, out);
      return out.diagnostics;
    },
    workspaceDiagnostics() {
      const snapshot = index.snapshot();
      const byFile = new Map<string, DiagnosticBuilder>();
      for (const problem of snapshot.problems) {
        const out = byFile.get(problem.file) ?? builder();
        byFile.set(problem.file, out);
        const range = { start: { line: problem.line, character: 0 }, end: { line: problem.line, character: 0 } };
        if (problem.kind === 'unknown-layout') {
          out.add('workspace.unknown-layout', range, { root: '.', profiles: BUILTIN_PROFILES.map((p) => p.name) });
        } else {
          const detail = problem.detail?.[current.language as Language] ?? '';
          out.add('workspace.config', range, { file: problem.file, detail });
        }
      }
      return [...byFile].map(([path, out]) => ({ path, diagnostics: out.diagnostics }));
    },
    checkAll() {
      const snapshot = index.snapshot();
      const results = service.workspaceDiagnostics();
      for (const path of snapshot.files) results.push({ path, diagnostics: service.doValidation(path) });
      return results;
    },
    dispose() {
      unsubscribe?.();
    },
  };
  return service;
}
