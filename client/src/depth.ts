// The extension's share of the authoring depth: the peek a code lens opens, the setting that turns inlay hints
// off, the status bar item that says which content model is in use and why, and the coverage view in the
// Explorer. Everything it shows comes from the server (depthHandlers.ts); this only draws it.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { COVERAGE_REQUEST, INLAY_HINTS_CHANGED, PEEK_COMMAND, STATUS_REQUEST, type CoverageResponse, type StatusResponse } from '../../server/src/protocol';
import type { CoverageTreeNode } from '../../server/src/service';
import { HOOK_FILE } from '../../server/src/service/profile';

/** Whether inlay hints are on (`algoritmekader.inlayHints.enabled`, default on). */
export function inlayHintsEnabled(document?: vscode.TextDocument): boolean {
  return vscode.workspace.getConfiguration('algoritmekader', document).get<boolean>('inlayHints.enabled', true);
}

type Node = CoverageTreeNode & { uri?: string };
type LspPosition = { line: number; character: number };

/** The coverage view: what is left uncovered, from the server; refreshed after changes (debounced) and on request. */
export class CoverageView implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  /** The top nodes last drawn, for the editor tests. */
  last: Node[] = [];
  private view: vscode.TreeView<Node> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private drawn: (() => void)[] = [];
  /** Each node's parent (top nodes have none): reveal needs it. */
  private readonly parents = new WeakMap<Node, Node>();

  constructor(private readonly client: BaseLanguageClient) {}

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
  }

  /** Redraw soon (several changes in a row: once). */
  refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.changed.fire(undefined), 500);
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** Shows the view with its first sections that have pages opened (the editor tests take a screenshot of it). */
  async reveal(): Promise<void> {
    await vscode.commands.executeCommand('algoritmekader.coverage.focus');
    for (const node of this.last.filter((n) => n.children?.length).slice(0, 2)) await this.view?.reveal(node, { expand: true, focus: false, select: false });
  }

  /** Resolves after the next time the tree's top nodes were fetched. */
  whenDrawn(): Promise<void> {
    return new Promise((resolve) => this.drawn.push(resolve));
  }

  getTreeItem(node: Node): vscode.TreeItem {
    const collapsible = node.children === undefined ? vscode.TreeItemCollapsibleState.None : node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    const item = new vscode.TreeItem(node.label, collapsible);
    item.description = node.description;
    item.tooltip = node.tooltip;
    if (node.uri) {
      const uri = vscode.Uri.parse(node.uri);
      item.resourceUri = uri;
      item.command = { title: node.label, command: 'vscode.open', arguments: [uri] };
      item.iconPath = vscode.ThemeIcon.File;
    }
    return item;
  }

  getParent(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) return node.children ?? [];
    const folders = vscode.workspace.workspaceFolders ?? [];
    const answers = await Promise.all(folders.map((f) => this.client.sendRequest<CoverageResponse | null>(COVERAGE_REQUEST, { uri: f.uri.toString() }).catch(() => null)));
    const withUris = (nodes: CoverageTreeNode[], uris: Record<string, string>, parent?: Node): Node[] =>
      nodes.map((n) => {
        const node: Node = { ...n, uri: n.path ? uris[n.path] : undefined };
        if (parent) this.parents.set(node, parent);
        node.children = n.children && withUris(n.children, uris, node);
        return node;
      });
    const roots = answers.flatMap((a, i) => (a ? [{ folder: folders[i], answer: a }] : []));
    let top: Node[];
    if (roots.length === 1) top = withUris(roots[0].answer.tree, roots[0].answer.uris);
    else
      top = roots.map(({ folder, answer }) => {
        const node: Node = { label: folder.name, description: answer.status.name, tooltip: answer.status.text };
        node.children = withUris(answer.tree, answer.uris, node);
        return node;
      });
    // The content model in the view's title; why it is that one, in the status bar item's tooltip.
    if (this.view) this.view.description = roots.length === 1 ? roots[0].answer.status.name : undefined;
    this.last = top;
    this.drawn.splice(0).forEach((resolve) => resolve());
    return top;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
  }
}

/**
 * Registers the peek command, the inlay hint setting's effect, the status bar item and the coverage view.
 * Returns the coverage view (the editor tests read what it shows).
 */
export function registerDepth(context: vscode.ExtensionContext, client: BaseLanguageClient): CoverageView {
  const p2c = client.protocol2CodeConverter;
  // The command a code lens runs: its places (LSP types) shown in a peek, as references are.
  context.subscriptions.push(
    // Resolves with the places shown (the editor tests read them).
    vscode.commands.registerCommand(PEEK_COMMAND, async (uri: string, position: LspPosition, locations: { uri: string; range: { start: LspPosition; end: LspPosition } }[]) => {
      const places = locations.map((l) => new vscode.Location(vscode.Uri.parse(l.uri), new vscode.Range(p2c.asPosition(l.range.start), p2c.asPosition(l.range.end))));
      await vscode.commands.executeCommand('editor.action.peekLocations', vscode.Uri.parse(uri), p2c.asPosition(position), places, 'peek');
      return places;
    }),
  );

  // The status bar: the content model in use, and why (the tooltip).
  const status = vscode.window.createStatusBarItem('algoritmekader.profile', vscode.StatusBarAlignment.Right, 100);
  status.name = 'Algoritmekader';
  const showStatus = async () => {
    const folder = vscode.window.activeTextEditor ? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri) : vscode.workspace.workspaceFolders?.[0];
    const answer = folder ? await client.sendRequest<StatusResponse | null>(STATUS_REQUEST, { uri: folder.uri.toString() }).catch(() => null) : null;
    if (!answer?.name) {
      status.hide();
      return;
    }
    status.text = `$(law) ${answer.name}`;
    status.tooltip = answer.text;
    status.show();
  };
  void showStatus();

  const coverage = new CoverageView(client);
  const view = vscode.window.createTreeView('algoritmekader.coverage', { treeDataProvider: coverage, showCollapseAll: true });
  coverage.attach(view);
  const changed = () => {
    coverage.refreshSoon();
    void showStatus();
  };
  const watcher = vscode.workspace.createFileSystemWatcher(`**/{*.md,${HOOK_FILE}}`);
  context.subscriptions.push(
    status,
    coverage,
    view,
    watcher,
    watcher.onDidCreate(changed),
    watcher.onDidChange(changed),
    watcher.onDidDelete(changed),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document.languageId === 'markdown' && e.contentChanges.length) coverage.refreshSoon();
    }),
    vscode.window.onDidChangeActiveTextEditor(() => void showStatus()),
    vscode.commands.registerCommand('algoritmekader.refreshCoverage', () => coverage.refresh()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('algoritmekader.inlayHints')) void client.sendNotification(INLAY_HINTS_CHANGED);
      // After the server read the new settings (language, profile).
      if (e.affectsConfiguration('algoritmekader')) setTimeout(changed, 300);
    }),
  );
  return coverage;
}
