import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { compareStrings } from '../util/strings.js';

/** What sits at a path of the output folder: a regular file, or anything else (symbolic link, socket…). */
export type EntryKind = 'file' | 'other';

/**
 * Every entry below `root` that is not a folder, by relative POSIX path,
 * without following symbolic links (a link is never read through, so it can
 * never lead a write outside the folder). Empty when `root` does not exist.
 */
export async function listTree(root: string): Promise<Map<string, EntryKind>> {
  const entries = new Map<string, EntryKind>();
  const visit = async (folder: string, prefix: string): Promise<void> => {
    let children;
    try {
      children = await readdir(folder, { withFileTypes: true });
    } catch (caught) {
      if (prefix === '' && (caught as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw caught;
    }
    const subfolders: Promise<void>[] = [];
    for (const child of children) {
      const relative = prefix ? `${prefix}/${child.name}` : child.name;
      if (child.isDirectory()) subfolders.push(visit(join(folder, child.name), relative));
      else entries.set(relative, child.isFile() ? 'file' : 'other');
    }
    // Folders are read side by side: guide ids mirror the source folders, so there can be one folder per guide.
    await Promise.all(subfolders);
  };
  await visit(root, '');
  // In path order, whatever order the reads finished in.
  return new Map([...entries].sort(([a], [b]) => compareStrings(a, b)));
}
