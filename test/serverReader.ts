// The reader of a language server's stdout, for the LSP tests and bench:lsp.
//
// Without vscode-jsonrpc's partial-message timer: when a test stops a server in the middle of a message (the
// rest of a large publishDiagnostics still in the pipe), the reader keeps that part and its timer re-arms every
// 10 s for ever, also after the connection is disposed, which kept mocha from exiting after all its tests.
import type { Readable } from 'node:stream';
import { StreamMessageReader } from 'vscode-jsonrpc/node';

export function serverReader(stdout: Readable): StreamMessageReader {
  const reader = new StreamMessageReader(stdout);
  reader.partialMessageTimeout = 0;
  return reader;
}
