// Language server entry point for the web (github.dev, vscode.dev): a web worker connection, then the same server.
// A web worker has no disk: the client hands over every folder's content (InitializationOptions.content), so this
// host reads nothing itself and only maps URIs.
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from 'vscode-languageserver/browser';
import { startServer, type ServerHost } from './server';
import { relativePathOfUri } from './uris';

/** The worker's global scope (the project's TypeScript settings have no web worker library). */
declare const self: ConstructorParameters<typeof BrowserMessageReader>[0] & {
  addEventListener(type: 'unhandledrejection', listener: (event: { reason: unknown }) => void): void;
};

const host: ServerHost = {
  createWorkspace: () => undefined,
  relativePath: relativePathOfUri,
  displayName: (folderUri) => folderUri,
};

const connection = createConnection(new BrowserMessageReader(self), new BrowserMessageWriter(self));
self.addEventListener('unhandledrejection', (event: { reason: unknown }) => connection.console.error(`unhandled rejection: ${String(event.reason)}`));
startServer(connection, host);
