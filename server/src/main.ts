// Language server entry point for Node (the desktop extension): a stdio/IPC connection, workspaces on the
// disk, then the server. Unhandled rejections are logged, never fatal.
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { NodeWorkspace } from './nodeWorkspace';
import { startServer, type ServerHost } from './server';

/** The file path of a `file:` URI without a trailing separator; `undefined` for any other URI. */
const fileOf = (uri: string): string | undefined => (uri.startsWith('file:') ? fileURLToPath(uri).replace(/[\\/]$/, '') : undefined);

const host: ServerHost = {
  createWorkspace(folderUri) {
    const path = fileOf(folderUri);
    return path === undefined ? undefined : new NodeWorkspace(path);
  },
  relativePath(folderUri, uri) {
    const folder = fileOf(folderUri);
    const file = fileOf(uri);
    if (folder === undefined || file === undefined) return undefined;
    if (file === folder) return '';
    return file.startsWith(folder + sep) ? relative(folder, file).split(sep).join('/') : undefined;
  },
  displayName: (folderUri) => fileOf(folderUri) ?? folderUri,
};

const connection = createConnection(ProposedFeatures.all);
process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${String(reason)}`));
startServer(connection, host);
