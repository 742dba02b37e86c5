import { stat } from 'node:fs/promises';
import { isDynamicPattern } from 'tinyglobby';
import { glob } from 'tinyglobby';

/** A problem with what the user asked for (a missing path, a bad option): exit code 2, one line, no stack. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export interface ExpandOptions {
  /** Directories are searched recursively for this pattern. */
  pattern?: string;
}

/**
 * Files named on the command line, as given; directories searched recursively
 * for markdown; globs expanded. Sorted and without duplicates, so every command
 * sees the same files in the same order on any machine.
 */
export async function expandInputs(inputs: readonly string[], options: ExpandOptions = {}): Promise<{ files: string[]; explicit: Set<string> }> {
  const pattern = options.pattern ?? '**/*.md';
  const files = new Set<string>();
  const explicit = new Set<string>();
  for (const input of inputs) {
    if (isDynamicPattern(input)) {
      const matches = await glob(input, { onlyFiles: true, dot: false, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
      if (matches.length === 0) throw new UsageError(`${input}: no file matches this pattern`);
      for (const match of matches) files.add(match);
      continue;
    }
    let info;
    try {
      info = await stat(input);
    } catch (caught) {
      throw new UsageError(`${input}: ${describeFsError(caught)}`);
    }
    if (info.isDirectory()) {
      const matches = await glob(pattern, { cwd: input, onlyFiles: true, dot: false, followSymbolicLinks: false, ignore: ['**/node_modules/**'] });
      for (const match of matches) files.add(joinPath(input, match));
    } else {
      files.add(input);
      explicit.add(input);
    }
  }
  return { files: [...files].sort(), explicit };
}

function joinPath(directory: string, file: string): string {
  return directory === '.' || directory === './' ? file : `${directory.replace(/(?<!\/)\/+$/, '')}/${file}`;
}

/** `ENOENT` → "no such file or directory", and so on: the reason a writer can act on. */
export function describeFsError(caught: unknown): string {
  const code = (caught as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENOTDIR':
      return 'a part of the path is not a directory';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return caught instanceof Error ? caught.message : String(caught);
  }
}
