// The language server: wires LSP to the language service. One language service per workspace folder
// (each is a content root); handlers find the document's service, call it, and return.
// It imports nothing of Node or the browser: what differs (how a folder is read, how URIs map to paths) comes
// in as a `ServerHost`, from main.ts (Node) or browserMain.ts (web worker).
import { CodeActionKind, CompletionItemKind, ErrorCodes, ResponseError, DidChangeWatchedFilesNotification, FileChangeType, TextDocumentSyncKind, MarkupKind, type CodeAction, type CompletionItem, type CompletionList, type Connection, type Diagnostic, type Hover, type InitializeParams, type Location, type LocationLink, type WorkspaceEdit } from 'vscode-languageserver';
import { CARD_REQUEST, CONTENT_NOTIFICATION, NEW_PAGE_REQUEST, PAGE_TYPES_REQUEST, READ_FILES_REQUEST, TRUST_NOTIFICATION, type CardParams, type CardResponse, type ContentParams, type InitializationOptions, type NewPageParams, type NewPageResponse, type PageTypesParams, type PageTypesResponse, type ReadFilesParams, type ReadFilesResponse, type TrustParams } from './protocol';
import { PushedWorkspace } from './pushedWorkspace';
import { registerRenderHandlers } from './renderHandlers';
import { DEPTH_CAPABILITIES, registerDepthHandlers } from './depthHandlers';
import { HOOK_FILE } from './service/profile';
import { CARD, CONFIG_FILE, NEW_PAGE, UI, cardStrings, createLanguageService, type AkCompletionKind, type Language, type LanguageService, type PageCard, type Workspace } from './service';

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

/** A content root's files as the server keeps them: the service's `Workspace`, told about the editor's documents and file events. */
export interface ServerWorkspace extends Workspace {
  /** An editor opened or changed the document at root-relative `path`. */
  setOpenDocument(path: string, text: string, version: number): void;
  /** The editor closed it: the stored file is the truth again. */
  closeDocument(path: string): void;
  /** Files were created, changed or deleted outside the editor. */
  changedOnDisk(paths: readonly string[], created?: boolean): void;
}

/** What differs between the environments the server runs in (Node, a browser's web worker). */
export interface ServerHost {
  /**
   * A workspace over the workspace folder `folderUri`; `undefined` when this host cannot read that kind of URI.
   * Not asked for a folder whose content the client handed over (InitializationOptions.content).
   */
  createWorkspace(folderUri: string): ServerWorkspace | undefined;
  /** The root-relative POSIX path of `uri` inside the folder `folderUri`: `''` for the folder itself, `undefined` when it is not inside. */
  relativePath(folderUri: string, uri: string): string | undefined;
  /** How the folder is named in the server's log (a file path on disk, else its URI). */
  displayName(folderUri: string): string;
}

interface Root {
  /** The workspace folder's URI, without a trailing slash. */
  uri: string;
  /** The folder for log messages (see ServerHost.displayName). */
  path: string;
  workspace: ServerWorkspace;
  service: LanguageService;
  /** This folder's `algoritmekader.*` settings (a multi-root workspace may set them per folder). */
  settings: Settings;
  /** The root's own findings (on every open page), until the tree changes; see treeFindings. */
  tree?: Diagnostic[];
  /** Whether the tree is being indexed in the background (open pages get what they decide on their own). */
  indexing?: boolean;
  /** Called once the background indexing under way ends (see whenIndexed). */
  onIndexed?: (() => void)[];
}

export function startServer(connection: Connection, host: ServerHost): void {
  const roots: Root[] = [];
  /** Open documents: their root, root-relative path and editor version. */
  const open = new Map<string, { root: Root; path: string; version?: number }>();
  let editorLanguage = 'en';
  /** Whether the workspace is trusted: without trust only built-in schemas and profiles are used (ServiceOptions.trusted). */
  let trusted = true;
  let canWatch = false;
  let canShowProgress = false;

  const DEFAULTS: Settings = { language: 'auto', profile: 'auto', validate: 'open' };
  const language = (settings: Settings): Language => (settings.language === 'auto' ? (/^nl\b/i.test(editorLanguage) ? 'nl' : 'en') : settings.language);

  /** The content root of a file and its root-relative path (the innermost root wins). */
  const locate = (uri: string): { root: Root; path: string } | undefined => {
    let best: { root: Root; path: string } | undefined;
    for (const root of roots) {
      const path = host.relativePath(root.uri, uri);
      if (path && (!best || root.uri.length > best.root.uri.length)) best = { root, path };
    }
    return best;
  };

  /** Whether a folder means to hold Algoritmekader content: it has docs/ pages, a config file, or a profile set. */
  const claimsContent = (root: Root): boolean =>
    root.settings.profile !== 'auto' || root.workspace.readFile(CONFIG_FILE) !== undefined || root.workspace.listMarkdownFiles().some((p) => p.startsWith('docs/'));

  /** The diagnostics last sent per URI, as JSON: a page is sent again only when they really changed. */
  const sent = new Map<string, string>();
  const send = async (uri: string, diagnostics: Diagnostic[], version?: number, always = false) => {
    const json = JSON.stringify(diagnostics);
    if (!always && sent.get(uri) === json) return;
    sent.set(uri, json);
    await connection.sendDiagnostics({ uri, version, diagnostics });
  };

  /** What the root says about itself (no known layout: on every open page), recomputed when the tree changes. */
  const treeFindings = (root: Root): Diagnostic[] => {
    if (!root.tree) {
      // The extension starts in any Markdown workspace: findings about the tree only where it claims to be content.
      root.tree = claimsContent(root) ? root.service.workspaceDiagnostics().filter((f) => f.path === '.').flatMap((f) => f.diagnostics) : [];
    }
    return root.tree;
  };

  /** Publishes an open page's findings: always for the page just edited (`always`), else only when they changed. */
  const publish = async (uri: string, always = false) => {
    const place = open.get(uri);
    if (!place) return;
    try {
      const { root, path } = place;
      // Until the tree is indexed (in the background), what the page decides on its own; the rest follows.
      const diagnostics = [...treeFindings(root), ...root.service.doValidation(path, 'available')];
      await send(uri, diagnostics, place.version, always);
    } catch (error) {
      connection.console.error(`validation of ${uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  /** URIs of files that are not open and have findings published, per root. */
  const published = new Map<Root, Set<string>>();

  /**
   * Findings beyond the open pages, for `paths` (every file: `all`). Those about the root itself on a file
   * (the config file, a schema file) go to that file; with `validate: workspace`, every page that is not
   * open gets its findings too.
   */
  const publishWorkspace = async (root: Root, paths: ReadonlySet<string> | 'all') => {
    if (!indexed(root)) return; // once the tree is indexed (it then publishes everything)
    try {
      const before = published.get(root) ?? new Set<string>();
      const now = paths === 'all' ? new Set<string>() : new Set(before);
      const results =
        paths === 'all'
          ? root.settings.validate === 'workspace'
            ? root.service.checkAll()
            : root.service.workspaceDiagnostics()
          : root.settings.validate === 'workspace'
            ? [...paths].map((path) => ({ path, diagnostics: root.service.doValidation(path) }))
            : [];
      for (const { path, diagnostics } of results) {
        const uri = path === '.' ? undefined : root.workspace.uri(path);
        if (!uri || open.has(uri)) continue;
        if (diagnostics.length > 0) now.add(uri);
        else now.delete(uri);
        if (diagnostics.length > 0 || before.has(uri)) await send(uri, diagnostics);
      }
      if (paths === 'all') for (const uri of before) if (!now.has(uri) && !open.has(uri)) await send(uri, []);
      published.set(root, now);
    } catch (error) {
      connection.console.error(`workspace validation of ${root.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  };

  /**
   * After a change: the open pages whose findings may have changed (the model says which) are checked again
   * at once and sent when they differ; with `validate: workspace`, the other pages too.
   */
  const publishAffected = async (root: Root) => {
    const affected = root.service.takeAffected();
    if (affected === 'all') root.tree = undefined;
    for (const [uri, place] of open) {
      if (place.root !== root) continue;
      if (affected === 'all' || affected.has(place.path)) await publish(uri);
    }
    await publishWorkspace(root, affected);
  };

  const indexed = (root: Root) => {
    const { done, total } = root.service.indexing();
    return done >= total;
  };

  /** Indexes a root's tree in slices that leave room for requests, with progress in the status bar; then publishes everything. */
  const indexInBackground = async (root: Root) => {
    if (root.indexing || indexed(root)) return;
    root.indexing = true;
    const progress = canShowProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin(UI.indexing[language(root.settings)], 0, undefined, false);
    try {
      let left = Infinity;
      while (left > 0) {
        const deadline = performance.now() + 15;
        left = root.service.indexSome(() => performance.now() > deadline);
        const { done, total: all } = root.service.indexing();
        progress?.report(Math.floor((done / Math.max(1, all)) * 100), `${done} / ${all}`);
        await new Promise((resolve) => setTimeout(resolve, 0)); // room for requests (setImmediate is Node's only)
      }
    } catch (error) {
      connection.console.error(`indexing ${root.path} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    } finally {
      root.indexing = false;
      progress?.done();
      for (const done of root.onIndexed?.splice(0) ?? []) done();
    }
    await publishAffected(root);
  };

  /**
   * Resolves when the root's tree is indexed, by the background indexing (started here if the settings were
   * read and it has not started yet). A request that needs the whole tree (code lenses, the coverage view)
   * waits for it rather than indexing the rest in one go, which would hold every other request up at start-up.
   */
  const whenIndexed = async (root: Root): Promise<void> => {
    await settingsApplied; // the indexing starts once the settings (a profile among them) are known
    if (indexed(root)) return;
    const done = new Promise<void>((resolve) => (root.onIndexed ??= []).push(resolve));
    void indexInBackground(root); // joins the one under way, if any
    await done;
  };

  /** Resolves once the settings were read the first time: before that, a profile set in them is not known. */
  let settingsRead!: () => void;
  const settingsApplied = new Promise<void>((resolve) => (settingsRead = resolve));

  /** Reads the settings of every root, scoped to its folder, and hands them to its service. */
  const applySettings = async () => {
    for (const root of roots) {
      try {
        const value = (await connection.workspace.getConfiguration({ scopeUri: root.uri, section: 'algoritmekader' })) as Partial<Settings> | null;
        root.settings = { language: value?.language ?? 'auto', profile: value?.profile ?? 'auto', validate: value?.validate === 'workspace' ? 'workspace' : 'open' };
      } catch {
        // A client without workspace/configuration: keep the defaults.
      }
      root.service.configure({ language: language(root.settings), profile: root.settings.profile });
      root.tree = undefined;
    }
    settingsRead();
    for (const root of roots) {
      // Every message may be in another language now: every open page is checked and sent again.
      for (const [uri, place] of open) if (place.root === root) await publish(uri);
      await publishWorkspace(root, 'all');
      void indexInBackground(root);
    }
  };

  connection.onInitialize((params: InitializeParams) => {
    editorLanguage = params.locale ?? 'en';
    const options = (params.initializationOptions ?? {}) as InitializationOptions;
    trusted = options.trusted !== false;
    const folders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    for (const folder of folders) {
      const uri = folder.uri.replace(/\/$/, '');
      const content = options.content?.[folder.uri] ?? options.content?.[uri];
      const workspace = content ? new PushedWorkspace(uri, content, (paths) => void fetchFiles(uri, paths)) : host.createWorkspace(uri);
      if (!workspace) continue;
      roots.push({ uri, path: host.displayName(uri), workspace, service: createLanguageService(workspace, { language: language(DEFAULTS), trusted }), settings: DEFAULTS });
    }
    canWatch = Boolean(params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration);
    canShowProgress = Boolean(params.capabilities.window?.workDoneProgress);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Full },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        renameProvider: { prepareProvider: true },
        // Markdown has no quick suggestions by default: these open the list where a value is due.
        completionProvider: { triggerCharacters: ['/', ' ', '-', '_'], resolveProvider: true },
        ...DEPTH_CAPABILITIES,
      },
    };
  });

  connection.onInitialized(async () => {
    if (canWatch) {
      await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: '**/*.md' }, { globPattern: '**/.algoritmekader.json' }, { globPattern: '**/*.schema.json' }, { globPattern: `**/${HOOK_FILE}` }] });
    }
    await applySettings();
  });

  connection.onDidChangeConfiguration(() => void applySettings());

  // Document links, code lenses, inlay hints, workspace symbols, file moves, status and coverage (depthHandlers.ts).
  const depth = registerDepthHandlers(connection, {
    roots,
    locate,
    relativePath: (folder, uri) => host.relativePath(folder, uri),
    whenIndexed: (root) => whenIndexed(root as Root),
  });

  connection.onDidOpenTextDocument(({ textDocument }) => {
    const place = locate(textDocument.uri);
    if (!place) return;
    open.set(textDocument.uri, { ...place, version: textDocument.version });
    place.root.workspace.setOpenDocument(place.path, textDocument.text, textDocument.version);
    void publish(textDocument.uri, true).then(() => publishAffected(place.root));
  });

  connection.onDidChangeTextDocument(({ textDocument, contentChanges }) => {
    const place = open.get(textDocument.uri);
    const last = contentChanges[contentChanges.length - 1];
    if (!place || !last || 'range' in last) return;
    place.version = textDocument.version;
    place.root.workspace.setOpenDocument(place.path, last.text, textDocument.version);
    void publish(textDocument.uri, true).then(() => publishAffected(place.root));
  });

  connection.onDidCloseTextDocument(({ textDocument }) => {
    const place = open.get(textDocument.uri);
    if (!place) return;
    open.delete(textDocument.uri);
    place.root.workspace.closeDocument(place.path);
    void send(textDocument.uri, [], undefined, true).then(() => publishAffected(place.root));
  });

  connection.onCompletion(({ textDocument, position }): CompletionList => {
    const place = open.get(textDocument.uri);
    if (!place) return { isIncomplete: false, items: [] };
    const { items, isIncomplete } = place.root.service.complete(place.path, position);
    return {
      // Capped page names: the editor asks again as the author types.
      isIncomplete,
      items: items.map((item, i) => ({
        label: item.label,
        kind: COMPLETION_KINDS[item.kind],
        detail: item.detail,
        documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
        textEdit: { range: item.range, newText: item.newText },
        filterText: item.label,
        // The service's order (vocabulary order, required keys first in the schema, best page matches), not the alphabet.
        sortText: String(i).padStart(5, '0'),
        command: item.retrigger ? { title: '', command: 'editor.action.triggerSuggest' } : undefined,
        data: item.page ? { uri: textDocument.uri, page: item.page } : undefined,
      })),
    };
  });

  // A page item's documentation is filled in when the editor shows it, not for every item of the list.
  connection.onCompletionResolve((item: CompletionItem): CompletionItem => {
    const data = item.data as { uri?: string; page?: string } | undefined;
    const place = data?.uri ? open.get(data.uri) : undefined;
    if (place && data?.page && !item.documentation) item.documentation = { kind: MarkupKind.Markdown, value: place.root.service.completionDocumentation(data.page) };
    return item;
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
    // This edit already renames every name: the editor's willRenameFiles for its file move adds nothing.
    for (const { from, to } of found.renames) depth.renaming(uri(from), uri(to));
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
    const found = roots.find((r) => host.relativePath(r.uri, uri) === '') ?? locate(uri)?.root;
    // A document of another kind (untitled, say) belongs to the only root there is.
    return found ?? (roots.length === 1 && schemeOf(uri) !== schemeOf(roots[0].uri) ? roots[0] : undefined);
  };

  connection.onRequest(PAGE_TYPES_REQUEST, async ({ uri }: PageTypesParams): Promise<PageTypesResponse | null> => {
    await settingsApplied;
    const root = rootOf(uri);
    return root ? { root: root.uri, types: root.service.pageTypes() } : null;
  });

  connection.onRequest<NewPageResponse, unknown>(NEW_PAGE_REQUEST, ({ uri, ...request }: NewPageParams): NewPageResponse => {
    const root = rootOf(uri);
    if (!root) return { error: NEW_PAGE.noRoot[language(DEFAULTS)] };
    const made = root.service.newPage(request);
    return 'error' in made ? made : { uri: root.workspace.uri(made.path), text: made.text };
  });

  connection.onDidChangeWatchedFiles(({ changes }) => {
    // One batch per root (a branch checked out changes hundreds of files at once): one update of the model.
    const batches = new Map<Root, { paths: string[]; created: boolean }>();
    for (const change of changes) {
      const place = locate(change.uri);
      if (!place || open.has(change.uri)) continue;
      const batch = batches.get(place.root) ?? { paths: [], created: false };
      batches.set(place.root, batch);
      batch.paths.push(place.path);
      batch.created ||= change.type !== FileChangeType.Changed;
    }
    for (const [root, { paths, created }] of batches) {
      root.workspace.changedOnDisk(paths, created);
      void publishAffected(root);
    }
  });

  /** New text of files in a folder the client handed over (a `null` deletes); the pages are checked again. */
  const updateContent = (folder: string, files: Record<string, string | null>) => {
    const root = roots.find((r) => r.uri === folder.replace(/\/$/, ''));
    if (root?.workspace instanceof PushedWorkspace && root.workspace.update(files).length > 0) void publishAffected(root);
  };
  connection.onNotification(CONTENT_NOTIFICATION, ({ folder, files }: ContentParams) => updateContent(folder, files));

  /** Asks the client for files of a handed-over folder that the service read but was not given. */
  const fetchFiles = async (folder: string, paths: string[]) => {
    let files: ReadFilesResponse;
    try {
      files = await connection.sendRequest<ReadFilesResponse>(READ_FILES_REQUEST, { folder, paths } satisfies ReadFilesParams);
    } catch (error) {
      connection.console.error(`reading ${paths.join(', ')} from the client failed: ${error instanceof Error ? error.message : String(error)}`);
      files = {};
    }
    // What the client did not answer is absent, so that it is not asked for again and again.
    updateContent(folder, Object.fromEntries(paths.map((path) => [path, files[path] ?? null])));
  };

  connection.onNotification(TRUST_NOTIFICATION, (params: TrustParams) => {
    trusted = params.trusted;
    for (const root of roots) {
      root.service.configure({ trusted });
      void publishAffected(root);
    }
  });

  connection.listen();
}

const schemeOf = (uri: string) => uri.slice(0, uri.indexOf(':'));

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
