// The page reader's thread (dist/pageReader.js; see pageReader.ts): reads the files it is given, in order,
// and posts their bytes in batches, each buffer handed over without a copy.
import { workerData } from 'node:worker_threads';
import { readRegularFile } from './diskRead';
import { READER_BATCH, type ReaderData, type ReaderMessage } from './pageReader';

const { files, limit, port, posted } = workerData as ReaderData;
const count = new Int32Array(posted);

function post(message: ReaderMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
  Atomics.add(count, 0, 1);
  Atomics.notify(count, 0);
}

try {
  for (let first = 0; first < files.length; first += READER_BATCH) {
    const results: ReaderMessage & { results: unknown } = { first, results: [] };
    const transfer: ArrayBuffer[] = [];
    for (const file of files.slice(first, first + READER_BATCH)) {
      // A buffer of its own per file (never the shared pool), so that it can be handed over.
      const result = readRegularFile(file, limit, Buffer.allocUnsafeSlow);
      results.results.push(result);
      if (typeof result !== 'string') transfer.push(result.buffer as ArrayBuffer);
    }
    post(results, transfer);
  }
} catch (error) {
  post({ failed: String(error) });
}
port.close();
