import { isAbsolute, relative, resolve, sep } from 'node:path';
import { normalizeSourcePath } from '../../datasets/assign-ids.js';

/** True when `child` is `parent` or inside it (both absolute). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
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
