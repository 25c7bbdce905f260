// The language server: wires LSP to the language service. One language service per workspace folder
// (each is a content root); handlers find the document's service, call it, and return.
import { sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeActionKind, CompletionItemKind, ErrorCodes, ResponseError, DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind, MarkupKind, type CodeAction, type CompletionItem, type Connection, type Hover, type InitializeParams, type Location, type LocationLink, type WorkspaceEdit } from 'vscode-languageserver/node';
import { NodeWorkspace } from './nodeWorkspace';
import { registerRenderHandlers } from './renderHandlers';
import { CARD_REQUEST, NEW_PAGE_REQUEST, PAGE_TYPES_REQUEST, type CardParams, type CardResponse, type NewPageParams, type NewPageResponse, type PageTypesParams, type PageTypesResponse } from './protocol';
import { CARD, CONFIG_FILE, NEW_PAGE, cardStrings, createLanguageService, type AkCompletionKind, type Language, type LanguageService, type PageCard } from './service';

/** Our *Fix All* action's kind: `editor.codeActionsOnSave: { "source.fixAll.algoritmekader": "explicit" }` runs it on save. */
const FIX_ALL = `${CodeActionKind.SourceFixAll}.algoritmekader`;

const COMPLETION_KINDS: Record<AkCompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  value: CompletionItemKind.EnumMember,
  page: CompletionItemKind.Reference,
  directive: CompletionItemKind.Function,
  'filter-key': CompletionItemKind.Field,
  flag: CompletionItemKind.Constant,
};

/** Editor settings under `algoritmekader.*`. */
interface Settings {
  language: 'auto' | Language;
  profile: string;
  /** `open`: findings of open pages; `workspace`: of every page, so the Problems view lists the whole tree. */
  validate: 'open' | 'workspace';
}

interface Root {
  path: string;
  workspace: NodeWorkspace;
  service: LanguageService;
  /** This folder's `algoritmekader.*` settings (a multi-root workspace may set them per folder). */
  settings: Settings;
}

export function startServer(connection: Connection): void {
  const roots: Root[] = [];
  const open = new Map<string, { root: Root; path: string }>();
  let editorLanguage = 'en';
  let canWatch = false;

  const DEFAULTS: Settings = { language: 'auto', profile: 'auto', validate: 'open' };
  const language = (settings: Settings): Language => (settings.language === 'auto' ? (/^nl\b/i.test(editorLanguage) ? 'nl' : 'en') : settings.language);

  /** The content root of a file and its root-relative path (the innermost root wins). */
  const locate = (uri: string): { root: Root; path: string } | undefined => {
    if (!uri.startsWith('file:')) return undefined;
    const file = fileURLToPath(uri);
    const root = roots.filter((r) => file.startsWith(r.path + sep)).sort((a, b) => b.path.length - a.path.length)[0];
    return root ? { root, path: root.workspace.relativePath(file) } : undefined;
  };

  let pending: ReturnType<typeof setTimeout> | undefined;
  /** Re-validates the other open documents (a change in one page can change their findings), debounced. */
  const revalidateOpen = (changed?: string) => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      for (const [uri] of open) if (uri !== changed) void publish(uri);
      for (const root of roots) void publishWorkspace(root);
    }, 150);
  };

  /** Whether a folder means to hold Algoritmekader content: it has docs/ pages, a config file, or a profile set. */
  const claimsContent = (root: Root): boolean =>
    root.settings.profile !== 'auto' || root.workspace.readFile(CONFIG_FILE) !== undefined || root.workspace.listMarkdownFiles().some((p) => p.startsWith('docs/'));

  /** URIs of files that are not open and have findings published, per root. */
  const published = new Map<Root, Set<string>>();

  /**
   * Findings beyond the open pages. Those about the root itself on a file (the config file, a schema file) go to
   * that file; those on the tree (no known layout) have no file of their own, so every open page shows them
   * (see publish). With `validate: workspace`, every page that is not open gets its findings too.
   */
  const publishWorkspace = async (root: Root) => {
    try {
      const before = published.get(root) ?? new Set<string>();
      const now = new Set<string>();
      const results = root.settings.validate === 'workspace' ? root.service.checkAll() : root.service.workspaceDiagnostics();
      for (const { path, diagnostics } of results) {
        const uri = path === '.' ? undefined : root.workspace.uri(path);
        if (!uri || open.has(uri) || (diagnostics.length === 0 && !before.has(uri))) continue;
        if (diagnostics.length > 0) now.add(uri);
        await connection.sendDiagnostics({ uri, diagnostics });
      }
      for (const uri of before) if (!now.has(uri) && !open.has(uri)) await connection.sendDiagnostics({ uri, diagnostics: [] });
      published.set(root, now);
    } catch (error) {
      connection.console.error(`workspace validation of ${root.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  const publish = async (uri: string) => {
    const place = open.get(uri);
    if (!place) return;
    try {
      // The extension starts in any Markdown workspace: findings about the tree only where it claims to be content.
      const tree = claimsContent(place.root) ? place.root.service.workspaceDiagnostics().filter((f) => f.path === '.').flatMap((f) => f.diagnostics) : [];
      const diagnostics = [...tree, ...place.root.service.doValidation(place.path)];
      await connection.sendDiagnostics({ uri, diagnostics });
    } catch (error) {
      connection.console.error(`validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  /** Resolves once the settings were read the first time: before that, a profile set in them is not known. */
  let settingsRead!: () => void;
  const settingsApplied = new Promise<void>((resolve) => (settingsRead = resolve));

  /** Reads the settings of every root, scoped to its folder, and hands them to its service. */
  const applySettings = async () => {
    for (const root of roots) {
      try {
        const value = (await connection.workspace.getConfiguration({ scopeUri: pathToFileURL(root.path).href, section: 'algoritmekader' })) as Partial<Settings> | null;
        root.settings = { language: value?.language ?? 'auto', profile: value?.profile ?? 'auto', validate: value?.validate === 'workspace' ? 'workspace' : 'open' };
      } catch {
        // A client without workspace/configuration: keep the defaults.
      }
      root.service.configure({ language: language(root.settings), profile: root.settings.profile });
    }
    settingsRead();
    revalidateOpen();
  };

  connection.onInitialize((params: InitializeParams) => {
    editorLanguage = params.locale ?? 'en';
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    for (const folder of folders) {
      if (!folder.uri.startsWith('file:')) continue;
      const path = fileURLToPath(folder.uri).replace(/[\\/]$/, '');
      const workspace = new NodeWorkspace(path);
      roots.push({ path, workspace, service: createLanguageService(workspace, { language: language(DEFAULTS) }), settings: DEFAULTS });
    }
    canWatch = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Full },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        // Markdown has no quick suggestions by default: these open the list where a value is due.
        completionProvider: { triggerCharacters: ['/', ' ', '-', '_'] },
      },
    };
  });

  connection.onInitialized(async () => {
    if (canWatch) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/.algoritmekader.json' }, { globPattern: '**/*.schema.json' }] });
    }
    await applySettings();
  });

  connection.onDidChangeConfiguration(() => void applySettings());

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const place = locate(textDocument.uri);
    if (!place) return;
    open.set(textDocument.uri, place);
    place.root.workspace.setOpenDocument(place.path, textDocument.text, textDocument.version);
    void publish(textDocument.uri);
    revalidateOpen(textDocument.uri);
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const place = open.get(textDocument.uri);
    const last = contentChanges[contentChanges.length - 1];
    if (!place || !last || 'range' in last) return;
    place.root.workspace.setOpenDocument(place.path, last.text, textDocument.version);
    void publish(textDocument.uri);
    revalidateOpen(textDocument.uri);
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const place = open.get(textDocument.uri);
    if (!place) return;
    open.delete(textDocument.uri);
    place.root.workspace.closeDocument(place.path);
    void connection.sendDiagnostics({ uri: textDocument.uri, diagnostics: [] });
    revalidateOpen();
  });

  connection.onCompletion(({ textDocument, position }): CompletionItem[] => {
    const place = open.get(textDocument.uri);
    if (!place) return [];
    return place.root.service.complete(place.path, position).map((item, i) => ({
      label: item.label,
      kind: COMPLETION_KINDS[item.kind],
      detail: item.detail,
      documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
      textEdit: { range: item.range, newText: item.newText },
      filterText: item.label,
      // The service's order (vocabulary order, required keys first in the schema), not the alphabet.
      sortText: String(i).padStart(5, '0'),
      command: item.retrigger ? { title: '', command: 'editor.action.triggerSuggest' } : undefined,
    }));
  });

  connection.onDefinition(({ textDocument, position }): LocationLink[] | null => {
    const place = open.get(textDocument.uri);
    const found = place?.root.service.definition(place.path, position);
    if (!place || !found) return null;
    return found.locations.map((l) => ({
      originSelectionRange: found.origin,
      targetUri: place.root.workspace.uri(l.path),
      targetRange: l.range,
      targetSelectionRange: l.range,
    }));
  });

  connection.onReferences(({ textDocument, position, context }): Location[] => {
    const place = open.get(textDocument.uri);
    if (!place) return [];
    return place.root.service.references(place.path, position, context.includeDeclaration).map((l) => ({ uri: place.root.workspace.uri(l.path), range: l.range }));
  });

  connection.onPrepareRename(({ textDocument, position }) => {
    const place = open.get(textDocument.uri);
    const found = place?.root.service.prepareRename(place.path, position);
    if (!found) return null;
    if ('error' in found) throw new ResponseError(ErrorCodes.InvalidRequest, found.error);
    return found;
  });

  connection.onRenameRequest(({ textDocument, position, newName }): WorkspaceEdit | null => {
    const place = open.get(textDocument.uri);
    const found = place?.root.service.rename(place.path, position, newName);
    if (!place || !found) return null;
    if ('error' in found) throw new ResponseError(ErrorCodes.InvalidRequest, found.error);
    const uri = (path: string) => place.root.workspace.uri(path);
    // The file renames first, then the edits, a renamed file's under its new name: VS Code applies file
    // operations before text edits, so an edit of the old name would find no file.
    const moved = new Map(found.renames.map(({ from, to }) => [from, to]));
    return {
      documentChanges: [
        ...found.renames.map(({ from, to }) => ({ kind: 'rename' as const, oldUri: uri(from), newUri: uri(to) })),
        ...found.edits.map(({ path, edits }) => ({ textDocument: { uri: uri(moved.get(path) ?? path), version: null }, edits })),
      ],
    };
  });

  connection.onHover(({ textDocument, position }): Hover | null => {
    const place = open.get(textDocument.uri);
    const hover = place?.root.service.hover(place.path, position);
    return hover ? { contents: { kind: MarkupKind.Markdown, value: hover.contents }, range: hover.range } : null;
  });

  connection.onCodeAction(({ textDocument, range, context }): CodeAction[] => {
    const place = open.get(textDocument.uri);
    if (!place) return [];
    // Quick fixes, and on request (Source Action…, or editor.codeActionsOnSave) one action that fixes all that
    // leaves no doubt; nothing for other kinds (refactor, ...).
    const asked = (kind: string) => !context.only || context.only.some((k) => k === kind || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (context.only && asked(FIX_ALL)) {
      const all = place.root.service.fixAllIn(place.path);
      if (all) actions.push({ title: all.title, kind: FIX_ALL, edit: { changes: { [textDocument.uri]: all.edits } } });
    }
    if (!asked(CodeActionKind.QuickFix)) return actions;
    return [...actions, ...place.root.service.codeActions(place.path, range).map((action) => ({
      title: action.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [action.diagnostic],
      isPreferred: action.isPreferred,
      edit: { changes: { [textDocument.uri]: action.edits } },
    }))];
  });

  connection.onRequest(CARD_REQUEST, ({ uri }: CardParams): CardResponse | null => {
    const place = open.get(uri) ?? locate(uri);
    const card = place?.root.service.card(place.path);
    if (!place || !card) return null;
    const lang = language(place.root.settings);
    const uris: Record<string, string> = {};
    for (const path of pathsOf(card)) uris[path] = place.root.workspace.uri(path);
    const { errors, warnings, hints } = card.problems;
    return { card, strings: cardStrings(lang, card.pageTypes), summary: CARD.problems[lang](errors, warnings, hints), title: CARD.title[lang](card.title), uris };
  });

  registerRenderHandlers(connection, (uri) => {
    const place = open.get(uri) ?? locate(uri);
    return place && { service: place.root.service, path: place.path };
  });

  /** The content root of a file or folder URI (a root's own folder included). */
  const rootOf = (uri: string): Root | undefined => {
    if (!uri.startsWith('file:')) return roots.length === 1 ? roots[0] : undefined;
    const file = fileURLToPath(uri).replace(/[\\/]$/, '');
    return roots.find((r) => r.path === file) ?? locate(uri)?.root;
  };

  connection.onRequest(PAGE_TYPES_REQUEST, async ({ uri }: PageTypesParams): Promise<PageTypesResponse | null> => {
    await settingsApplied;
    const root = rootOf(uri);
    return root ? { root: pathToFileURL(root.path).href, types: root.service.pageTypes() } : null;
  });

  connection.onRequest<NewPageResponse, unknown>(NEW_PAGE_REQUEST, ({ uri, ...request }: NewPageParams): NewPageResponse => {
    const root = rootOf(uri);
    if (!root) return { error: NEW_PAGE.noRoot[language(DEFAULTS)] };
    const made = root.service.newPage(request);
    return 'error' in made ? made : { uri: root.workspace.uri(made.path), text: made.text };
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) {
      const place = locate(change.uri);
      if (!place || open.has(change.uri)) continue;
      place.root.workspace.changedOnDisk([place.path], change.type === FileChangeType.Created);
    }
    revalidateOpen();
  });

  connection.listen();
}

/** Every root-relative path a card names. */
function pathsOf(card: PageCard): Set<string> {
  const paths = new Set<string>([card.path]);
  for (const label of card.labels) for (const v of label.values) if (v.path) paths.add(v.path);
  for (const reference of card.references) for (const item of reference.items) if (item.page) paths.add(item.page.path);
  for (const table of card.tables) for (const row of table.rows) paths.add(row.page.path);
  for (const { page } of card.namedBy) paths.add(page.path);
  for (const page of card.listedOn) paths.add(page.path);
  return paths;
}
