import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { fileSystemPath } from '../util/file-names.js';
import { DEFAULT_LIMITS } from './limits.js';

/**
 * The bytes of a guide file, never more than `maxBytes + 1` of them: a file
 * past the limit is reported by `safeParseResponsibilityModelBytes` without
 * being read whole. Only regular files are read; a directory is refused with
 * code `EISDIR`, a FIFO, socket or device (which could block or never end)
 * with code `ENOTREG`. Other failures throw the Node.js error. A name
 * holding bytes that are not UTF-8 is read by its bytes (see file-names.ts).
 *
 * Synchronous calls: for the thousands of small files of a walk they cost a
 * fraction of the promise-based ones, whose every step is a trip through
 * libuv's thread pool.
 */
export function readGuideBytesSync(path: string, maxBytes: number = DEFAULT_LIMITS.maxBytes): Uint8Array<ArrayBuffer> {
  // Non-blocking, so that opening a FIFO returns at once and is then refused.
  const descriptor = openSync(fileSystemPath(path), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = fstatSync(descriptor);
    if (info.isDirectory()) throw fileError('EISDIR', `${path} is a directory`);
    if (!info.isFile()) throw fileError('ENOTREG', `${path} is not a regular file`);
    const limit = maxBytes + 1;
    let buffer = Buffer.alloc(Math.min(limit, info.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length >= limit) break;
        const grown = Buffer.alloc(Math.min(limit, buffer.length * 2));
        buffer.copy(grown);
        buffer = grown;
      }
      const bytesRead = readSync(descriptor, buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    closeSync(descriptor);
  }
}

/** `readGuideBytesSync` as a promise, for callers that read among other asynchronous work. */
export async function readGuideBytes(path: string, maxBytes: number = DEFAULT_LIMITS.maxBytes): Promise<Uint8Array<ArrayBuffer>> {
  return readGuideBytesSync(path, maxBytes);
}

function fileError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}
