import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

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
    for (const child of children) {
      const relative = prefix ? `${prefix}/${child.name}` : child.name;
      if (child.isDirectory()) await visit(join(folder, child.name), relative);
      else entries.set(relative, child.isFile() ? 'file' : 'other');
    }
  };
  await visit(root, '');
  return entries;
}

/** Folders below `root`, deepest first (to remove the empty ones bottom-up). */
export async function listFolders(root: string): Promise<string[]> {
  const folders: string[] = [];
  const visit = async (folder: string, prefix: string): Promise<void> => {
    for (const child of await readdir(folder, { withFileTypes: true })) {
      if (!child.isDirectory()) continue;
      const relative = prefix ? `${prefix}/${child.name}` : child.name;
      await visit(join(folder, child.name), relative);
      folders.push(relative);
    }
  };
  await visit(root, '');
  return folders;
}
