import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import picomatch from 'picomatch';
import { glob, isDynamicPattern } from 'tinyglobby';
import { describeFsError } from '../util/fs-error.js';

export { describeFsError };

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
export async function expandInputs(
  inputs: readonly string[],
  options: ExpandOptions = {},
): Promise<{ files: string[]; explicit: Set<string> }> {
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
      const matches = await glob(pattern, {
        cwd: input,
        onlyFiles: true,
        dot: false,
        followSymbolicLinks: false,
        ignore: ['**/node_modules/**'],
      });
      for (const match of matches) files.add(joinPath(input, match));
      for (const match of await symlinkedFiles(input, pattern)) files.add(joinPath(input, match));
    } else {
      files.add(input);
      explicit.add(input);
    }
  }
  return { files: [...files].sort(), explicit };
}

/**
 * The symbolic links under `directory` whose path matches `pattern` and that
 * point at a file, relative to `directory`. The walk itself follows no link
 * (so a link to a parent folder cannot loop), and a glob skips links without
 * a word; here a link to a guide is taken like the guide, and a link that
 * loops or points nowhere is a UsageError naming it.
 */
async function symlinkedFiles(directory: string, pattern: string): Promise<string[]> {
  const matches = picomatch(pattern, { dot: false });
  const found: string[] = [];
  // `folder` is relative to `directory`; dot folders and node_modules are skipped as the glob skips them.
  // Sibling folders are read side by side: a repository of guides has about one folder per guide.
  const visit = async (folder: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(join(directory, folder), { withFileTypes: true });
    } catch (caught) {
      throw new UsageError(`${joinPath(directory, folder)}: ${describeFsError(caught)}`);
    }
    // Every read is started before any is awaited, so that Promise.all handles each failure.
    const pending: Promise<void>[] = [];
    for (const entry of entries) {
      const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') pending.push(visit(path));
      } else if (entry.isSymbolicLink() && matches(path)) {
        pending.push(addIfLinkToFile(path));
      }
    }
    await Promise.all(pending);
  };
  const addIfLinkToFile = async (path: string): Promise<void> => {
    let info;
    try {
      info = await stat(join(directory, path));
    } catch (caught) {
      throw new UsageError(`${joinPath(directory, path)}: ${describeFsError(caught)}`);
    }
    if (info.isFile()) found.push(path);
  };
  await visit('');
  return found.sort();
}

function joinPath(directory: string, file: string): string {
  return directory === '.' || directory === './' ? file : `${directory.replace(/(?<!\/)\/+$/, '')}/${file}`;
}
