import { realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { normalizeSourcePath } from '../../datasets/assign-ids.js';
import { isInside } from '../is-inside.js';

/** The path with every symbolic link resolved; for a path that does not exist yet, its nearest existing folder's. */
async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    return parent === absolute ? absolute : join(await realPathOf(parent), basename(absolute));
  }
}

/**
 * The first input inside the output folder, by their paths as given and by
 * their real paths (an output folder that is a link to the inputs' folder
 * holds them too): replacing the output would delete it.
 */
export async function inputInsideOutput(inputs: readonly string[], out: string): Promise<string | undefined> {
  const realOut = await realPathOf(out);
  for (const input of inputs) {
    if (isInside(resolve(input), resolve(out)) || isInside(await realPathOf(input), realOut)) return input;
  }
  return undefined;
}

/**
 * The source path of a guide file: relative to the build root (absolute),
 * POSIX, normalized as the datasets record it; undefined outside the root.
 * `raci build` names and checks every guide with it before the build, and each
 * per-file task names its guide with it again (see build-file.ts). Kept apart
 * from both so that neither loads what only the other needs.
 */
export function sourcePathOf(root: string, file: string): string | undefined {
  const path = relative(root, resolve(file));
  if (path.startsWith('..') || isAbsolute(path)) return undefined;
  return normalizeSourcePath(path.split(sep).join('/'));
}
