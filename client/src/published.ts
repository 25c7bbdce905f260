// Which findings the editor shows, and of which text: every publishDiagnostics the server sends carries the
// document version it was computed for (LSP's `version`), which the language client drops. This records it when
// the message arrives (a message strategy sees every message) and when the client hands the findings to VS Code
// (the diagnostics middleware), so that a caller can wait until the editor shows the server's answer to an edit.
// The editor tests use it; it costs a map entry per document.
import * as vscode from 'vscode';
import { Message, PublishDiagnosticsNotification, type MessageStrategy, type Middleware, type PublishDiagnosticsParams } from 'vscode-languageclient';

/** One publish: its place in the order messages arrived, and the version of the text it is about (if any). */
export interface Published {
  seq: number;
  version: number | undefined;
}

export class PublishTracker {
  private seq = 0;
  /** The last publish that arrived per document URI (as `Uri.toString()` writes it). */
  private readonly arrived = new Map<string, Published>();
  /** The last publish whose findings are in VS Code, per document URI. */
  private readonly shown = new Map<string, Published>();
  private readonly waiters = new Set<() => void>();

  readonly messageStrategy: MessageStrategy = {
    handleMessage: (message, next) => {
      if (Message.isNotification(message) && message.method === PublishDiagnosticsNotification.method) {
        const params = message.params as PublishDiagnosticsParams;
        this.arrived.set(vscode.Uri.parse(params.uri).toString(), { seq: ++this.seq, version: params.version });
      }
      return next(message);
    },
  };

  /**
   * The client keeps only the newest publish per document while it converts one, so the findings it hands over
   * are those of the last one that arrived for that document.
   */
  readonly handleDiagnostics: NonNullable<Middleware['handleDiagnostics']> = (uri, diagnostics, next) => {
    next(uri, diagnostics);
    const published = this.arrived.get(uri.toString());
    if (published) this.shown.set(uri.toString(), published);
    for (const waiter of [...this.waiters]) waiter();
  };

  /**
   * Resolves, with that publish, once VS Code shows the findings of `uri` from a publish for document version
   * `version` or later, or (with `after`) from a publish that arrived after publish number `after` — one the
   * server computed after it had handled everything that came before.
   */
  until(uri: vscode.Uri, condition: { version?: number; after?: number }): Promise<Published> {
    const key = uri.toString();
    const holds = (p: Published | undefined): p is Published =>
      p !== undefined && (condition.version === undefined || (p.version ?? -1) >= condition.version) && (condition.after === undefined || p.seq > condition.after);
    return new Promise((resolve) => {
      const check = () => {
        const shown = this.shown.get(key);
        if (!holds(shown)) return;
        this.waiters.delete(check);
        resolve(shown);
      };
      this.waiters.add(check);
      check();
    });
  }
}
