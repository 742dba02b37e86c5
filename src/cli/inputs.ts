import { describeFsError } from '../util/fs-error.js';

export { describeFsError };

/** A problem with what the user asked for (a missing path, a bad option): exit code 2, one line, no stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
