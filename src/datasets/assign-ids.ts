import { compareStrings } from '../util/strings.js';
import { guideIdFromPath } from './guide-id.js';
import { DatasetError } from './types.js';

/** Why a source path cannot name a guide, or undefined when it can. */
function sourcePathProblem(path: string): string | undefined {
  const posix = path.replace(/\\/g, '/');
  if (posix.startsWith('/') || /^[a-z]:/i.test(posix)) return 'is absolute; give paths relative to the build root';
  if (posix.split('/').includes('..')) return 'goes outside the build root (..)';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this test looks for
  if (/[\u0000-\u001f]/.test(posix)) return 'contains control characters';
  return undefined;
}

/** The source path as the datasets record it: NFC, POSIX separators, no leading `./`. */
export function normalizeSourcePath(path: string): string {
  return path
    .normalize('NFC')
    .replace(/\\/g, '/')
    .replace(/^(\.\/)+/, '');
}

/**
 * Names every guide from its path alone, sorted by id (the build order), with
 * its path normalized. Needs no guide's content, so a bad path or two paths
 * naming the same guide fail before anything is read or parsed. Throws
 * DatasetError.
 */
export function assignIds<Item extends { path: string }>(items: readonly Item[]): { id: string; item: Item }[] {
  const byId = new Map<string, Item>();
  for (const given of items) {
    const item = { ...given, path: normalizeSourcePath(given.path) };
    const problem = sourcePathProblem(item.path);
    if (problem) throw new DatasetError('source-path-unsafe', `${item.path}: the path ${problem}`, [item.path]);
    const id = guideIdFromPath(item.path);
    const other = byId.get(id);
    if (other) {
      const same = other.path === item.path;
      throw new DatasetError(
        'guide-id-collision',
        same
          ? `${item.path}: the same guide is given twice`
          : `${other.path} and ${item.path} would both be the guide "${id}" (ids ` +
              `ignore case, accents and punctuation); rename or leave out one of them`,
        [other.path, item.path],
      );
    }
    byId.set(id, item);
  }
  return [...byId].map(([id, item]) => ({ id, item })).sort((a, b) => compareStrings(a.id, b.id));
}
