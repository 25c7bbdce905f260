// Reading one file from disk with bounds: shared by the workspace (nodeWorkspace.ts) and the page reader
// thread that reads a whole tree ahead of a pass over it (pageReader.ts).
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Why a file could not be read. */
export type Unreadable = 'missing' | 'not-a-file' | 'too-large' | 'outside-root' | 'no-permission';

/**
 * The bytes of the regular file at `absolute`, at most `limit` of them, or why not. Opened non-blocking, so
 * that a FIFO does not wait for a writer; what is opened is checked (fstat), not what the name pointed at.
 * `allocate` makes the buffer (the page reader wants buffers of their own, to hand them over without a copy).
 */
export function readRegularFile(absolute: string, limit: number, allocate: (size: number) => Buffer = Buffer.allocUnsafe): Buffer | Unreadable {
  let fd: number;
  try {
    fd = openSync(absolute, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return errorReason(error);
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return 'not-a-file';
    if (stat.size > limit) return 'too-large';
    const buffer = allocate(Math.min(limit + 1, Math.max(stat.size, 0) + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) return 'too-large'; // grew past the limit while being read
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return buffer.subarray(0, length);
  } catch (error) {
    return errorReason(error);
  } finally {
    closeSync(fd);
  }
}

export function errorReason(error: unknown): Unreadable {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' ? 'no-permission' : code === 'EISDIR' ? 'not-a-file' : 'missing';
}
