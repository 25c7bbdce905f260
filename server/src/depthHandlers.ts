// LSP handlers for the authoring depth: document links, code lenses (with a peek), inlay hints, workspace
// symbols, file moves (workspace/willRenameFiles), and the requests the extension's status bar and coverage view
// make. Thin: each finds the page's content root, asks its service, and turns paths into URIs.
import {
  CodeLensRefreshRequest,
  SymbolKind,
  type CodeLens,
  type Connection,
  type DocumentLink,
  type InlayHint,
  type ServerCapabilities,
  type SymbolInformation,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { COVERAGE_REQUEST, INLAY_HINTS_CHANGED, PEEK_COMMAND, STATUS_REQUEST, type CoverageParams, type CoverageResponse, type StatusParams, type StatusResponse } from './protocol';
import type { LanguageService, Workspace } from './service';

/** What these handlers need of a content root. */
export interface DepthRoot {
  /** The workspace folder's URI, without a trailing slash. */
  uri: string;
  workspace: Workspace;
  service: LanguageService;
}

export interface DepthContext {
  roots: readonly DepthRoot[];
  /** The root of a file and its root-relative path (the innermost root wins). */
  locate(uri: string): { root: DepthRoot; path: string } | undefined;
  /** The root-relative path of `uri` inside the folder `folderUri` (`''` for the folder itself). */
  relativePath(folderUri: string, uri: string): string | undefined;
  /** Resolves when the root's background indexing has ended: requests that need the whole tree wait for it. */
  whenIndexed(root: DepthRoot): Promise<void>;
}

/** The capabilities these handlers serve, merged into the server's. */
export const DEPTH_CAPABILITIES: ServerCapabilities = {
  documentLinkProvider: { resolveProvider: false },
  codeLensProvider: { resolveProvider: false },
  inlayHintProvider: true,
  workspaceSymbolProvider: true,
  workspace: {
    // Pages and the folders that hold them (a vocabulary folder in 2024's bouwblokken/ is a label value).
    fileOperations: { willRename: { filters: [{ pattern: { glob: '**/*.md', matches: 'file' } }, { pattern: { glob: '**/*', matches: 'folder' } }] } },
  },
};

const SYMBOL_KINDS: Record<string, SymbolKind> = { vereiste: SymbolKind.Interface, maatregel: SymbolKind.Method };

/**
 * Registers the handlers. `renaming` announces a file move that a workspace edit of our own (a rename, F2) makes
 * together with every name's edit: the editor's willRenameFiles for it then adds nothing, where it would clash.
 */
export function registerDepthHandlers(connection: Connection, context: DepthContext): { renaming(oldUri: string, newUri: string): void } {
  const log = (what: string, error: unknown) => connection.console.error(`${what} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);

  // Counts and titles on one page depend on others: after a change anywhere, the editor asks again (debounced).
  const watched = new WeakSet<DepthRoot>();
  let refresh: ReturnType<typeof setTimeout> | undefined;
  const watch = (root: DepthRoot) => {
    if (watched.has(root)) return;
    watched.add(root);
    root.workspace.onDidChange?.(() => {
      clearTimeout(refresh);
      refresh = setTimeout(() => {
        connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
        connection.languages.inlayHint.refresh().catch(() => undefined);
      }, 400);
    });
  };
  const place = (uri: string) => {
    const found = context.locate(uri);
    if (found) watch(found.root);
    return found;
  };

  connection.onDocumentLinks(({ textDocument }): DocumentLink[] => {
    const found = place(textDocument.uri);
    if (!found) return [];
    try {
      return found.root.service.documentLinks(found.path).map((l) => ({ range: l.range, target: found.root.workspace.uri(l.target), tooltip: l.tooltip }));
    } catch (error) {
      log(`document links of ${textDocument.uri}`, error);
      return [];
    }
  });

  connection.onCodeLens(async ({ textDocument }): Promise<CodeLens[]> => {
    const found = place(textDocument.uri);
    if (!found) return [];
    await context.whenIndexed(found.root); // the counts need every page
    try {
      const uri = (path: string) => found.root.workspace.uri(path);
      return found.root.service.codeLenses(found.path).map((lens) => ({
        range: lens.range,
        // A lens without places only informs (VS Code shows a lens with an empty command as plain text).
        command: {
          title: lens.title,
          command: lens.locations.length ? PEEK_COMMAND : '',
          arguments: lens.locations.length ? [textDocument.uri, lens.range.start, lens.locations.map((l) => ({ uri: uri(l.path), range: l.range }))] : undefined,
        },
      }));
    } catch (error) {
      log(`code lenses of ${textDocument.uri}`, error);
      return [];
    }
  });

  connection.languages.inlayHint.on(({ textDocument, range }): InlayHint[] => {
    const found = place(textDocument.uri);
    if (!found) return [];
    try {
      return found.root.service.inlayHints(found.path, range).map((h) => ({ position: h.position, label: h.label, tooltip: h.tooltip, paddingLeft: true }));
    } catch (error) {
      log(`inlay hints of ${textDocument.uri}`, error);
      return [];
    }
  });

  connection.onWorkspaceSymbol(({ query }): SymbolInformation[] => {
    const out: SymbolInformation[] = [];
    for (const root of context.roots) {
      try {
        for (const s of root.service.workspaceSymbols(query)) {
          out.push({ name: s.name, kind: SYMBOL_KINDS[s.type] ?? SymbolKind.Module, containerName: s.container, location: { uri: root.workspace.uri(s.path), range: s.range } });
        }
      } catch (error) {
        log(`workspace symbols of ${root.uri}`, error);
      }
    }
    return out;
  });

  const announced = new Map<string, number>(); // `old → new` → when
  connection.workspace.onWillRenameFiles(({ files }): WorkspaceEdit | null => {
    const now = Date.now();
    for (const [key, at] of announced) if (now - at > 60_000) announced.delete(key);
    const ours = files.every(({ oldUri, newUri }) => announced.has(`${oldUri} → ${newUri}`));
    for (const { oldUri, newUri } of files) announced.delete(`${oldUri} → ${newUri}`);
    if (ours) return null;
    const changes: Record<string, TextEdit[]> = {};
    for (const root of context.roots) {
      const renames: { from: string; to: string }[] = [];
      for (const { oldUri, newUri } of files) {
        const from = context.relativePath(root.uri, oldUri.replace(/\/$/, ''));
        const to = context.relativePath(root.uri, newUri.replace(/\/$/, ''));
        if (from && to) renames.push({ from, to });
      }
      if (renames.length === 0) continue;
      try {
        for (const { path, edits } of root.service.willRenameFiles(renames)) changes[root.workspace.uri(path)] = [...(changes[root.workspace.uri(path)] ?? []), ...edits];
      } catch (error) {
        log(`file moves in ${root.uri}`, error);
      }
    }
    return Object.keys(changes).length ? { changes } : null;
  });

  connection.onRequest(STATUS_REQUEST, ({ uri }: StatusParams): StatusResponse | null => {
    const root = context.roots.find((r) => r.uri === uri.replace(/\/$/, '')) ?? context.locate(uri)?.root;
    return root ? root.service.profileStatus() : null;
  });

  connection.onRequest(COVERAGE_REQUEST, async ({ uri }: CoverageParams): Promise<CoverageResponse | null> => {
    const root = context.roots.find((r) => r.uri === uri.replace(/\/$/, '')) ?? context.locate(uri)?.root;
    if (!root) return null;
    await context.whenIndexed(root);
    try {
      const tree = root.service.coverageView();
      const uris: Record<string, string> = {};
      const walk = (nodes: typeof tree) => nodes.forEach((n) => (n.path && (uris[n.path] = root.workspace.uri(n.path)), walk(n.children ?? [])));
      walk(tree);
      const { name, text } = root.service.profileStatus();
      return { status: { name, text }, tree, uris };
    } catch (error) {
      log(`coverage of ${root.uri}`, error);
      return null;
    }
  });

  connection.onNotification(INLAY_HINTS_CHANGED, () => void connection.languages.inlayHint.refresh().catch(() => undefined));

  return { renaming: (oldUri, newUri) => void announced.set(`${oldUri} → ${newUri}`, Date.now()) };
}
