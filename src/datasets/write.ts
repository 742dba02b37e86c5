import { type FolderOwner, type OwnedWriteOptions, type OwnedWriteResult, writeOwnedFolder } from './owned-folder.js';
import type { DatasetFile } from './types.js';

export type WriteOptions = OwnedWriteOptions;
export type WriteResult = OwnedWriteResult;

/** How `raci build` marks its output folder: `.raci-build.json` lists every file it wrote. */
export const DATASETS_OWNER: FolderOwner = {
  tool: 'raci build',
  manifest: '.raci-build.json',
  stagingPrefix: '.raci-build-',
  lock: '.raci-build.lock',
};

/**
 * Writes the datasets into `outDir` so that it holds either the previous
 * datasets or the new ones, even when the process is killed: see
 * owned-folder.ts. Only files a previous build listed in `.raci-build.json`
 * are replaced or removed; a non-empty folder without that manifest, or
 * holding files it does not list, is refused before anything is written, as
 * is a folder another build is writing. Unchanged files are not touched, and
 * nothing is written outside `outDir` or through a symbolic link in it.
 */
export function writeDatasets(outDir: string, files: readonly DatasetFile[], options: WriteOptions = {}): Promise<WriteResult> {
  return writeOwnedFolder(outDir, files, DATASETS_OWNER, options);
}
