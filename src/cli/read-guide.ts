import { readGuideBytes } from '../parse/read-bytes.js';
import { describeFsError, UsageError } from './inputs.js';

/**
 * The bytes of a guide named on the command line, for every command that
 * reads guides. Any I/O problem (missing, a directory, a FIFO or device,
 * unreadable, a symlink loop) becomes a one-line UsageError `path: reason`,
 * exit code 2 (`shown` is the path the message names). At most `maxBytes + 1` bytes are read, so a huge file costs no
 * memory: the parser then reports it as input-too-large.
 */
export async function readGuideFile(path: string, options: { maxBytes?: number; shown?: string } = {}): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return await readGuideBytes(path, options.maxBytes);
  } catch (caught) {
    throw new UsageError(`${options.shown ?? path}: ${describeFsError(caught)}`);
  }
}
