// The language service facade: the only module the server and the CLI import. Pure and synchronous:
// it reads files only through the `Workspace` it is given, and keeps all state on the object it returns.
import { cardOf, type PageCard } from './features/card';
import { idCodes, newPage, urnPrefix, type IdCode, type NewPageRequest } from './features/newPage';
import { codeActionsFor, compatiblePreferred, fixAllPreferred, togetherVerified, touches, WHOLE, type AkCodeAction, type AkTextEdit, type FixAllResult } from './features/codeActions';
import { DiagnosticBuilder, encodingDiagnostics, frontmatterDiagnostics } from './features/diagnostics';
import { completionsAt, pageDocumentation, type AkCompletionList } from './features/completion';
import { hoverAt, type AkHover } from './features/hover';
import { definitionAt, pageAsTarget, prepareRenameAt, referencesOf, renameAt, targetAt, type AkLocation, type AkRename } from './features/navigation';
import { linkDiagnostics } from './features/links';
import { glossaryDiagnostics, hoverGlossary } from './features/glossary';
import { completeExpression, expressionDiagnostics } from './features/expressions';
import { bodyDiagnostics } from './features/contracts';
import { codeLenses, type AkCodeLens } from './features/codeLens';
import { coverage, coverageTree, type CoverageReport, type CoverageTreeNode } from './features/coverage';
import { documentLinks, type AkDocumentLink } from './features/documentLinks';
import { willRenameFiles } from './features/fileRename';
import { inlayHints, type AkInlayHint } from './features/inlayHints';
import { pageSummaries, type PageSummary } from './features/summaries';
import { workspaceSymbols, type AkSymbol } from './features/workspaceSymbols';
import { GLOSSARY_FILE, parseGlossary, type Glossary } from './glossary';
import type { Directive, Resolution } from './directives';
import { LinkGraph, type Reference, type ResolvedDirective } from './links';
import { CONFIG_FILE } from './config';
import { ACTION_TITLES, PROFILE } from './messages';
import { BUILTIN_PROFILES } from './profile';
import type { AkDiagnostic, FileDiagnostics, Language, Position, Range, ServiceOptions, Workspace } from './types';
import { WorkspaceIndex, type PageModel, type Snapshot } from './workspaceIndex';
import { createPageRenderer, pageRenderData, renderPage, type LinkStyle, type RenderedPage } from './render/page';
import type { PageRenderData } from './render/env';

export * from './types';
export { CONFIG_FILE } from './config';
export { CARD, CLI, MESSAGES, NEW_PAGE, UI, cardStrings, message, type CardStrings } from './messages';
export { BUILTIN_PROFILES } from './profile';
export { applyTextEdits, stripBom } from './text';
export type { Directive, Resolution } from './directives';
export type { Reference, ResolvedDirective } from './links';
export type { AkCodeAction, AkTextEdit, FixAllResult, FixRefusal } from './features/codeActions';
export type { AkHover } from './features/hover';
export type { CardLabel, CardPage, CardReference, CardTable, CardTableState, PageCard } from './features/card';
export { cardToMarkdown } from './features/card';
export type { IdCode, NewPageRequest } from './features/newPage';
export type { AkLocation, AkRename } from './features/navigation';
export type { AkCompletionItem, AkCompletionKind, AkCompletionList } from './features/completion';
export type { AkCodeLens } from './features/codeLens';
export type { CoverageCount, CoverageItem, CoverageReport, CoverageTreeNode } from './features/coverage';
export { COVERAGE_SECTIONS, coverageToMarkdown, coverageToText } from './features/coverage';
export type { AkDocumentLink } from './features/documentLinks';
export type { AkInlayHint } from './features/inlayHints';
export type { PageSummary } from './features/summaries';
export type { AkSymbol } from './features/workspaceSymbols';
export type { LinkStyle, RenderedPage } from './render/page';
export type { DirectiveReplacement, PageRenderData } from './render/env';
export { sanitizeHtml } from './render/sanitize';

/** `ak graph`'s model: pages, directives with what they list, references with their targets. Paths root-relative, lines 0-based. */
export interface GraphModel {
  profile: string | null;
  pages: { file: string; type: string; stem: string; id: string | null; title: string | null }[];
  directives: {
    file: string;
    line: number;
    name: string;
    params: string;
    filters: { key: string; value: string }[];
    flags: string[];
    expanded: boolean;
    resolvesTo: string[];
  }[];
  references: { file: string; line: number; key: string; value: string; target: string | null }[];
}

export interface LanguageService {
  /** Change the options (language, profile); the next request uses them. */
  configure(options: Partial<ServiceOptions>): void;
  /** Tell the service that `paths` changed (or everything, without argument). Not needed when the workspace has `onDidChange`. */
  invalidate(paths?: readonly string[]): void;
  /** The profile in use and how it was chosen; `undefined` when the tree matches none. */
  profile(): { name: string; source: 'setting' | 'config' | 'detected' } | undefined;
  /** The profile in use and why, as one sentence in the language in use (`ak check`'s summary, the status bar). */
  profileStatus(): { name: string | undefined; source: 'setting' | 'config' | 'detected' | 'none'; text: string };
  /**
   * Diagnostics of one root-relative file. With `available`, while the tree is still being indexed (see
   * `indexing`), only what the page itself decides: no findings that need every page (what a list lists,
   * every duplicate id); the default indexes the rest first.
   */
  doValidation(path: string, mode?: 'complete' | 'available'): AkDiagnostic[];
  /** Diagnostics about the workspace itself (its layout, its config file), by file; `.` is the root. */
  workspaceDiagnostics(): FileDiagnostics[];
  /** The whole link graph, for `ak graph`. */
  graph(): GraphModel;
  /** The directive at `offset` of `path` (inside its comment), resolved as the site resolves it. */
  resolveDirective(path: string, offset: number): { directive: Directive; resolution: Resolution } | undefined;
  /** Who points at `path`: frontmatter references and directives that list it or filter on it. */
  referencesTo(path: string): { references: Reference[]; directives: ResolvedDirective[] };
  /** Where the page or label value named at `position` is defined (its file), with the range of the name. */
  definition(path: string, position: Position): { origin: Range; locations: AkLocation[] } | undefined;
  /**
   * Every place that names the page or label value at `position` (frontmatter entries, directive filters);
   * elsewhere on a page, the places that name that page. `includeDeclaration` adds the defining file.
   */
  references(path: string, position: Position, includeDeclaration: boolean): AkLocation[];
  /** Whether the page or label value named at `position` can be renamed: its range and name, or why not. */
  prepareRename(path: string, position: Position): { range: Range; placeholder: string } | { error: string } | undefined;
  /** Renames that page or label value: its file, and every frontmatter entry and directive filter naming it. */
  rename(path: string, position: Position, newName: string): AkRename | undefined;
  /** What may be typed at `position` of `path`: keys, vocabulary values, page stems, directive parts. */
  complete(path: string, position: Position): AkCompletionList;
  /** The documentation of a completion item that names `page` (filled in when the editor shows the item). */
  completionDocumentation(page: string): string;
  /** What the key, value or directive at `position` of `path` means on the site (Markdown), if anything. */
  hover(path: string, position: Position): AkHover | undefined;
  /** The preview card of `path`: what the site makes of the page, and who names or lists it. */
  card(path: string): PageCard | undefined;
  /**
   * The page as the site shows it, as sanitized HTML: title, chips, body, each list's table. `links`: how
   * links to other pages are written (`md`: to their files, `html`: to the `.html` beside them that `ak render` writes);
   * `lineAttributes` adds `data-line` (0-based source line) to block elements. Undefined for a file that is not a page here.
   */
  renderPage(path: string, options?: { links?: LinkStyle; lineAttributes?: boolean }): RenderedPage | undefined;
  /** What VS Code's Markdown preview needs beyond the page's text to draw it as `renderPage` does (chips, tables, glossary). */
  renderData(path: string): PageRenderData | undefined;
  /** The page types of the content model in use, with their labels and the id codes in use under each. */
  pageTypes(): { type: string; label: string; folder: string; codes: IdCode[]; hasIds: boolean }[];
  /** A new page of a type: its path and text (from the workspace's template, or the schema), or why not. Writes nothing. */
  newPage(request: NewPageRequest): { path: string; text: string } | { error: string };
  /** Quick fixes for the diagnostics of `path` that touch `range` (a selection or the cursor). */
  codeActions(path: string, range: Range): AkCodeAction[];
  /**
   * The preferred quick fixes of `path` that can go together, as one action (the editor's *Fix All*, and
   * `source.fixAll` on save); undefined when there are none. One round: what they uncover waits for the next.
   */
  fixAllIn(path: string): { title: string; edits: AkTextEdit[]; count: number } | undefined;
  /**
   * Applies every preferred quick fix of the workspace through `write` (which must update what the
   * workspace reads, or return why it could not write), until none is left; returns the number of fixes
   * per changed file, and the pages left as they were: refused (their fixed text would not verify) or not
   * written. `ak check --fix`.
   */
  fixAll(write: (path: string, text: string) => string | undefined): FixAllResult;
  /** Every file's diagnostics plus the workspace's, for `ak check`; files without findings are included. */
  checkAll(): FileDiagnostics[];
  /**
   * The root-relative paths whose results (diagnostics, card) may have changed since the last call, or
   * `all`; the first call answers `all`. An editor re-checks those it shows and publishes what really changed.
   */
  takeAffected(): ReadonlySet<string> | 'all';
  /** How far indexing of the whole tree is: pages indexed and in all. Until it is done, `doValidation` leaves out what needs every page. */
  indexing(): { done: number; total: number };
  /** Indexes pages not yet indexed until `stop()` says so (checked after each page); returns how many are left. */
  indexSome(stop: () => boolean): number;
  /** Every content page: path, type, stem, id, title (in path order). Workspace symbols and the coverage read these. */
  pageSummaries(): PageSummary[];
  /** The page names on `path` (entries, directive filters) as links to the pages they name. */
  documentLinks(path: string): AkDocumentLink[];
  /** The titles of the pages named on `path`, after each name (only names within `range`, when given). */
  inlayHints(path: string, range?: Range): AkInlayHint[];
  /** Counts above each list directive and above the page's title, with the places they count. */
  codeLenses(path: string): AkCodeLens[];
  /** Content pages whose id code, stem or title matches `query` (every word), for Ctrl+T. */
  workspaceSymbols(query: string): AkSymbol[];
  /** The edits, by page (paths before), that keep every name right when `renames` (files or folders) happen. */
  willRenameFiles(renames: readonly { from: string; to: string }[]): { path: string; edits: AkTextEdit[] }[];
  /** What is left uncovered: requirements without measures, measures without requirements, tools linked to nothing, pages on no list; counts per phase and topic. */
  coverage(): CoverageReport;
  /** The coverage report as the editor's view draws it: sections of pages, then counts per phase and topic. */
  coverageView(): CoverageTreeNode[];
  /** Stop listening to the workspace. */
  dispose(): void;
}

export function createLanguageService(workspace: Workspace, options: Partial<ServiceOptions> = {}): LanguageService {
  let current: ServiceOptions = { language: 'en', profile: 'auto', ...options };
  const index = new WorkspaceIndex(workspace, current);
  const unsubscribe = workspace.onDidChange?.((paths) => index.update(paths));
  const linkGraph = new LinkGraph(index);
  const summaries = new WeakMap<Snapshot, { generation: number; list: PageSummary[] }>();
  /** The content pages' summaries: rebuilt when the structure or any page's facts changed. */
  const summariesOf = (snapshot: Snapshot) => {
    index.ensureIndexed();
    const cached = summaries.get(snapshot);
    if (cached && cached.generation === index.generation) return cached.list;
    const list = pageSummaries(index, snapshot);
    summaries.set(snapshot, { generation: index.generation, list });
    return list;
  };
  let coverageCache: { snapshot: Snapshot; generation: number; language: Language; report: CoverageReport } | undefined;
  const glossaries = new WeakMap<PageModel, Glossary>();
  /** The glossary (includes/begrippenlijst.md) as the site reads it, parsed once per parsed version of the file. */
  const glossary = (): Glossary | undefined => {
    const page = index.page(GLOSSARY_FILE);
    if (!page) return undefined;
    let parsed = glossaries.get(page);
    if (!parsed) glossaries.set(page, (parsed = parseGlossary(page.text, page.lines)));
    return parsed;
  };
  /** markdown-it instances with the site's extensions, per link style and line attributes (made on first use). */
  const renderers = new Map<string, ReturnType<typeof createPageRenderer>>();
  const renderContext = () => ({ index, snapshot: index.snapshot(), links: linkGraph, language: current.language });
  /** The last rendering per page and options: drawn again only when the page's text or its data changed. */
  const rendered = new Map<string, { text: string; data: string; page: RenderedPage }>();
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
    profileStatus() {
      const { profile, profileSource, profileReason: reason } = index.snapshot();
      const lang = current.language;
      if (!profile) return { name: undefined, source: 'none', text: PROFILE.none[lang] };
      const why =
        reason.by === 'hook'
          ? PROFILE.hook[lang](reason.file, reason.rules.map((r) => r[lang]).join('; '), reason.folders)
          : reason.by === 'folders'
            ? PROFILE.folders[lang](reason.file, reason.hook)
            : reason.by === 'config'
              ? PROFILE.config[lang]
              : PROFILE.setting[lang];
      return { name: profile.name, source: profileSource, text: PROFILE.line[lang](profile.name, why) };
    },
    doValidation(path, mode = 'complete') {
      if (mode === 'complete') index.ensureIndexed();
      const page = index.page(path);
      if (!page) return [];
      const out = builder();
      const failed = (reason: string) => {
        const report = builder();
        report.add('file.not-checked', page.lines.lineRange(0), { reason });
        return report.diagnostics;
      };
      const failure = index.factsOf(path)?.failure;
      if (failure !== undefined) return failed(failure);
      try {
        const snapshot = index.snapshot();
        frontmatterDiagnostics(index, snapshot, page, out);
        linkDiagnostics(index, snapshot, linkGraph, page, out);
        expressionDiagnostics(snapshot, page, out);
        bodyDiagnostics(snapshot, linkGraph, page, out);
        if (path === GLOSSARY_FILE) glossaryDiagnostics(glossary()!, out, path);
        encodingDiagnostics(page, workspace.notUtf8?.(path), out);
      } catch (error) {
        // A defect of ours on this page stays on this page (the server and ak check go on with the others).
        return failed(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      }
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
          const looksLikeDocs = snapshot.files.some((f) => /^(?:vereisten|maatregelen|voldoen-aan-wetten-en-regels)\//.test(f));
          out.add('workspace.unknown-layout', range, { root: '.', profiles: BUILTIN_PROFILES.map((p) => p.name), looksLikeDocs });
        } else {
          const detail = problem.detail?.[current.language as Language] ?? '';
          out.add('workspace.config', range, { file: problem.file, detail });
        }
      }
      for (const { key, line } of snapshot.config.ignored ?? []) {
        const out = byFile.get(CONFIG_FILE) ?? builder();
        byFile.set(CONFIG_FILE, out);
        out.add('workspace.untrusted', { start: { line, character: 0 }, end: { line, character: 0 } }, { file: CONFIG_FILE, key });
      }
      for (const twice of workspace.reachedTwice?.() ?? []) {
        const out = byFile.get('.') ?? builder();
        byFile.set('.', out);
        out.add('workspace.folder-reached-twice', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, twice);
      }
      for (const vocabulary of snapshot.vocabularies.values()) {
        if (vocabulary.source !== 'workspace' || vocabulary.values.size > 0 || !vocabulary.folder) continue;
        // On the folder's index page when it has one (a file an editor can open), else on the tree.
        const index = `${vocabulary.folder}/index.md`;
        const file = snapshot.files.includes(index) ? index : '.';
        const out = byFile.get(file) ?? builder();
        byFile.set(file, out);
        const from = snapshot.profile?.vocabularies[vocabulary.name]?.from ?? 'pages';
        out.add('workspace.empty-vocabulary', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, { vocabulary: vocabulary.name, folder: vocabulary.folder, from });
      }
      return [...byFile].map(([path, out]) => ({ path, diagnostics: out.diagnostics }));
    },
    graph() {
      // A pass over the whole tree that reads each page's lines and references: parsed once (see checkAll).
      return index.keepingAllModels(() => {
        index.ensureIndexed();
        const snapshot = index.snapshot();
        const links = linkGraph;
        const pages: GraphModel['pages'] = summariesOf(snapshot).map(({ path, type, stem, id, title }) => ({ file: path, type, stem, id, title }));
        const directives = links.allDirectives().map(({ path, directive, resolution }) => ({
          file: path,
          line: index.page(path)!.lines.positionAt(directive.start).line,
          name: directive.name,
          params: directive.params,
          filters: directive.filters.map(({ key, value }) => ({ key, value })),
          flags: directive.flags,
          expanded: resolution.expanded,
          resolvesTo: resolution.resolvesTo,
        }));
        const references = links.references().map((r) => ({ file: r.path, line: r.node.range.start.line, key: r.key, value: r.value, target: r.target ?? null }));
        return { profile: snapshot.profile?.name ?? null, pages, directives, references };
      });
    },
    resolveDirective(path, offset) {
      for (const [directive, resolution] of linkGraph.resolve(path)) {
        if (offset >= directive.start && offset <= directive.end) return { directive, resolution };
      }
      return undefined;
    },
    referencesTo(path) {
      return linkGraph.referencesTo(path);
    },
    definition(path, position) {
      const page = index.page(path);
      if (!page) return undefined;
      const snapshot = index.snapshot();
      return definitionAt(snapshot, linkGraph, page, page.lines.offsetAt(position));
    },
    references(path, position, includeDeclaration) {
      const page = index.page(path);
      if (!page) return [];
      const snapshot = index.snapshot();
      const links = linkGraph;
      const target = targetAt(snapshot, links, page, page.lines.offsetAt(position)) ?? pageAsTarget(snapshot, page);
      if (!target) return [];
      const declarations = !includeDeclaration ? [] : (target.kind === 'page' ? target.paths : target.path ? [target.path] : []).map((p) => ({ path: p, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }));
      return [...declarations, ...referencesOf(index, snapshot, links, target)];
    },
    prepareRename(path, position) {
      const page = index.page(path);
      if (!page) return undefined;
      const snapshot = index.snapshot();
      return prepareRenameAt(snapshot, linkGraph, page, page.lines.offsetAt(position), current.language);
    },
    rename(path, position, newName) {
      const page = index.page(path);
      if (!page) return undefined;
      const snapshot = index.snapshot();
      return renameAt(index, snapshot, linkGraph, page, page.lines.offsetAt(position), newName, current.language);
    },
    complete(path, position) {
      const page = index.page(path);
      if (!page) return { items: [], isIncomplete: false };
      const offset = page.lines.offsetAt(position);
      const expression = completeExpression(index.snapshot(), page, offset);
      if (expression) return { items: expression, isIncomplete: false };
      return completionsAt(index, index.snapshot(), page, offset, current.language);
    },
    completionDocumentation(page) {
      return pageDocumentation(page, current.language);
    },
    hover(path, position) {
      const page = index.page(path);
      if (!page) return undefined;
      const snapshot = index.snapshot();
      const offset = page.lines.offsetAt(position);
      const uri = (p: string) => workspace.uri(p);
      const terms = path.startsWith(`${snapshot.profile?.docsDir ?? 'docs'}/`) ? glossary() : undefined;
      return hoverAt(index, snapshot, linkGraph, page, offset, current.language, uri) ?? (terms && hoverGlossary(terms, GLOSSARY_FILE, page, offset, current.language, uri));
    },
    card(path) {
      const page = index.page(path);
      if (!page) return undefined;
      const snapshot = index.snapshot();
      // The tree's own findings (no known layout) belong on every page's card, as the editor shows them.
      const tree = service.workspaceDiagnostics().filter((f) => f.path === '.').flatMap((f) => f.diagnostics);
      return cardOf(index, snapshot, linkGraph, page, [...tree, ...service.doValidation(path)], current.language);
    },
    renderPage(path, options = {}) {
      const page = index.page(path);
      if (!page) return undefined;
      const style = options.links ?? 'md';
      const flavour = `${style}:${options.lineAttributes ? 1 : 0}`;
      let md = renderers.get(flavour);
      if (!md) renderers.set(flavour, (md = createPageRenderer(style, options.lineAttributes ?? false)));
      const data = pageRenderData(renderContext(), page, style);
      const dataKey = JSON.stringify(data);
      const key = `${flavour}:${path}`;
      const last = rendered.get(key);
      if (last && last.text === page.text && last.data === dataKey) return last.page;
      const result = renderPage(md, page, data);
      if (rendered.size >= 64) rendered.delete(rendered.keys().next().value!);
      rendered.set(key, { text: page.text, data: dataKey, page: result });
      return result;
    },
    renderData(path) {
      const page = index.page(path);
      return page ? pageRenderData(renderContext(), page) : undefined;
    },
    pageTypes() {
      const snapshot = index.snapshot();
      return (snapshot.profile?.pageTypes ?? []).map((type) => {
        const codes = idCodes(index, snapshot, type.type);
        const hasIds = urnPrefix(snapshot, type) !== undefined;
        return { type: type.type, label: type.label[current.language], folder: type.folder, codes, hasIds };
      });
    },
    newPage(request) {
      return newPage(index, index.snapshot(), request, current.language);
    },
    codeActions(path, range) {
      const page = index.page(path);
      if (!page) return [];
      const diagnostics = service.doValidation(path).filter((d) => touches(d.range, range));
      return codeActionsFor(page, diagnostics, current.language);
    },
    fixAllIn(path) {
      const page = index.page(path);
      const chosen = page ? togetherVerified(page, compatiblePreferred(service.codeActions(path, WHOLE))) : [];
      if (chosen.length === 0) return undefined;
      return { title: ACTION_TITLES.fixAll[current.language]({ count: chosen.length }), edits: chosen.flatMap((a) => a.edits), count: chosen.length };
    },
    fixAll(write) {
      return fixAllPreferred(
        (path, range) => service.codeActions(path, range),
        (path) => index.page(path),
        () => index.snapshot().files,
        (path) => workspace.readFile(path),
        write,
      );
    },
    checkAll() {
      return index.keepingAllModels(() => {
        index.ensureIndexed();
        const snapshot = index.snapshot();
        const results = service.workspaceDiagnostics();
        for (const path of snapshot.files) results.push({ path, diagnostics: service.doValidation(path) });
        return results;
      });
    },
    takeAffected() {
      return index.takeAffected();
    },
    indexing() {
      const total = index.snapshot().files.length;
      return { done: total - index.pendingCount, total };
    },
    indexSome(stop) {
      return index.indexSome(stop);
    },
    pageSummaries() {
      return summariesOf(index.snapshot());
    },
    documentLinks(path) {
      const page = index.page(path);
      if (!page) return [];
      return documentLinks(index, index.snapshot(), linkGraph, page);
    },
    inlayHints(path, range) {
      const page = index.page(path);
      if (!page) return [];
      return inlayHints(index, index.snapshot(), linkGraph, page, range);
    },
    codeLenses(path) {
      const page = index.page(path);
      if (!page) return [];
      index.ensureIndexed();
      return codeLenses(index, index.snapshot(), linkGraph, page, current.language);
    },
    workspaceSymbols(query) {
      const snapshot = index.snapshot();
      return workspaceSymbols(snapshot, summariesOf(snapshot), query, current.language);
    },
    willRenameFiles(renames) {
      index.ensureIndexed();
      return willRenameFiles(index, index.snapshot(), linkGraph, renames);
    },
    coverage() {
      const snapshot = index.snapshot();
      const list = summariesOf(snapshot); // indexes every page first
      // Asked again after every pause in typing (the coverage view): the same model gives the same report.
      const key = { snapshot, generation: index.generation, language: current.language };
      if (coverageCache && coverageCache.snapshot === key.snapshot && coverageCache.generation === key.generation && coverageCache.language === key.language) return coverageCache.report;
      const report = coverage(index, snapshot, linkGraph, list, current.language);
      coverageCache = { ...key, report };
      return report;
    },
    coverageView() {
      return coverageTree(service.coverage(), current.language);
    },
    dispose() {
      unsubscribe?.();
    },
  };
  return service;
}
