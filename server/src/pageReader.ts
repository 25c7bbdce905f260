// Reading a tree's pages ahead, on another thread, for a pass over the whole tree (`ak check`, `graph`,
// `report`). The pass itself is synchronous (the language service is), and opening, reading and closing
// ten thousand files is a tenth of its time; a worker thread does those system calls meanwhile, in the
// order the pass reads the pages, and hands over the bytes without copying them. The pass takes each
// page's bytes when it gets to it, waiting (Atomics.wait) only when the reader is behind.
//
// What the pass gets is exactly what it would have read itself: the same bounded read (diskRead.ts) of the
// same file, a moment earlier. Each page is handed over once; a page the pass reads again, or one that
// changed on disk meanwhile (`forget`), is read from disk as usual, and so is everything when the reader
// cannot start, fails or stalls.
import { existsSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Unreadable } from './diskRead';

/** What the reader thread is given (pageReaderWorker.ts). */
export interface ReaderData {
  files: readonly string[];
  limit: number;
  port: MessagePort;
  /** Int32 [0]: how many messages the reader has posted. */
  posted: SharedArrayBuffer;
}

/** A message of the reader: the results of files `first`, `first + 1`, …, or that it failed. */
export type ReaderMessage = { first: number; results: (Uint8Array | Unreadable)[] } | { failed: string };

/** How many files the reader reads per message. */
export const READER_BATCH = 32;

/** How long the pass waits for the reader's next message before it reads for itself. */
const STALL_MS = 5000;

export class PageReader {
  private readonly position = new Map<string, number>();
  private readonly ready = new Map<number, Uint8Array | Unreadable>();
  /** Files before this position have arrived. */
  private arrived = 0;
  private received = 0;
  private readonly posted: Int32Array;
  private open = true;

  private constructor(
    paths: readonly string[],
    private readonly worker: Worker,
    private readonly port: MessagePort,
    posted: SharedArrayBuffer,
  ) {
    paths.forEach((path, i) => this.position.set(path, i));
    this.posted = new Int32Array(posted);
  }

  /**
   * Starts reading `files` (absolute; `paths` are the names they are taken by) with the reader thread in
   * `script`, or `undefined` when it cannot start (then everything is read as usual).
   */
  static start(script: string, paths: readonly string[], files: readonly string[], limit: number): PageReader | undefined {
    if (paths.length === 0 || !existsSync(script)) return undefined;
    let channel: MessageChannel | undefined;
    try {
      channel = new MessageChannel();
      const posted = new SharedArrayBuffer(4);
      const data: ReaderData = { files, limit, port: channel.port2, posted };
      const worker = new Worker(script, { workerData: data, transferList: [channel.port2] });
      worker.unref(); // a pass that ends early does not wait for it
      worker.on('error', () => undefined); // a failure is seen as silence (see take)
      channel.port1.unref();
      return new PageReader(paths, worker, channel.port1, posted);
    } catch {
      channel?.port1.close();
      return undefined;
    }
  }

  /** The bytes of `path` read ahead, or why they could not be read; `undefined` when the caller should read. */
  take(path: string): Buffer | Unreadable | undefined {
    const at = this.position.get(path);
    if (at === undefined || !this.open) return undefined;
    this.position.delete(path);
    while (this.arrived <= at) {
      if (!this.receive()) {
        this.close();
        return undefined;
      }
    }
    const result = this.ready.get(at);
    this.ready.delete(at);
    if (this.position.size === 0) this.close();
    if (result === undefined) return undefined;
    return typeof result === 'string' ? result : Buffer.from(result.buffer, result.byteOffset, result.byteLength);
  }

  /** `path` changed on disk: it is read anew when asked for. */
  forget(path: string): void {
    const at = this.position.get(path);
    if (at === undefined) return;
    this.position.delete(path);
    this.ready.delete(at);
  }

  /** Stops the reader; everything not taken yet is read as usual. */
  close(): void {
    if (!this.open) return;
    this.open = false;
    this.position.clear();
    this.ready.clear();
    this.port.close();
    void this.worker.terminate();
  }

  /** Takes the reader's next message, waiting for it if need be: false when it failed or stalled. */
  private receive(): boolean {
    for (let spins = 0; spins < 3; spins++) {
      const message = receiveMessageOnPort(this.port)?.message as ReaderMessage | undefined;
      if (message) {
        this.received++;
        if ('failed' in message) return false;
        message.results.forEach((result, k) => this.ready.set(message.first + k, result));
        this.arrived = message.first + message.results.length;
        return true;
      }
      if (Atomics.wait(this.posted, 0, this.received, STALL_MS) === 'timed-out') return false;
    }
    return false;
  }
}
