import { mkdir, mkdtemp, writeFile as nodeWriteFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import pMap from 'p-map';
import { compareDatasets, fileBytes, IO_CONCURRENCY } from './compare.js';
import { isSafeDatasetPath } from './guide-id.js';
import { listFolders } from './tree.js';
import { DatasetError, type DatasetFile } from './types.js';

export interface WriteOptions {
  /** Replaces fs.writeFile (tests use it to make a write fail midway). */
  writeFile?: (path: string, data: Uint8Array) => Promise<void>;
}

export interface WriteResult {
  written: string[];
  removed: string[];
  unchanged: string[];
}

const STAGING_PREFIX = '.raci-build-';

function reason(caught: unknown): string {
  // With stopOnError: false, p-map waits for every operation (none is left running after a failure) and gathers the failures.
  const error = (caught instanceof AggregateError ? caught.errors[0] : caught) as NodeJS.ErrnoException;
  return error?.code ? `${error.code}: ${error.message}` : String(caught);
}

async function ensureOutFolder(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
    if (!(await stat(outDir)).isDirectory()) throw Object.assign(new Error('not a directory'), { code: 'ENOTDIR' });
  } catch (caught) {
    throw new DatasetError('out-unusable', `${outDir}: cannot be used as the output folder (${reason(caught)})`, [outDir]);
  }
}

/**
 * Writes the datasets into `outDir` so that a failure leaves the previous ones
 * as they were: the changed files are first written to a staging folder
 * inside `outDir` (same file system, so the final moves are renames), and
 * only once all of them are written are stale files replaced and files the
 * build no longer produces removed. Unchanged files are not touched. Nothing
 * is written outside `outDir`, and a non-empty folder without a
 * datapackage.json is refused rather than emptied.
 */
export async function writeDatasets(outDir: string, files: readonly DatasetFile[], options: WriteOptions = {}): Promise<WriteResult> {
  for (const file of files) {
    if (!isSafeDatasetPath(file.path))
      throw new DatasetError('path-conflict', `${file.path}: not a safe relative path inside the output folder`, [file.path]);
  }
  await ensureOutFolder(outDir);
  const comparison = await compareDatasets(outDir, files);
  // Leftovers of an interrupted build are ours: they do not make the folder foreign.
  const extraNotOurs = comparison.extra.filter((path) => !path.startsWith(STAGING_PREFIX));
  const existing = comparison.unchanged.length + comparison.stale.length + extraNotOurs.length;
  const hasDescriptor =
    comparison.unchanged.includes('datapackage.json') ||
    comparison.stale.some((s) => s.path === 'datapackage.json') ||
    comparison.extra.includes('datapackage.json');
  if (existing > 0 && !hasDescriptor) {
    throw new DatasetError(
      'out-not-dataset',
      `${outDir}: the folder is not empty and holds no datapackage.json, so it does not look like datasets built by raci;` +
        ' its files would be removed. Choose an empty or new folder.',
      [outDir],
    );
  }

  const toWrite = [...comparison.missing, ...comparison.stale.map((s) => s.path)].sort();
  const contents = new Map(files.map((file) => [file.path, file]));
  let staging: string;
  try {
    staging = await mkdtemp(join(outDir, STAGING_PREFIX));
  } catch (caught) {
    throw new DatasetError('out-unusable', `${outDir}: cannot write in the output folder (${reason(caught)})`, [outDir]);
  }
  const write = options.writeFile ?? ((path: string, data: Uint8Array) => nodeWriteFile(path, data));
  try {
    let failed = false;
    await pMap(
      toWrite,
      async (path) => {
        // After a failure nothing new is started; what is in flight finishes before the staging folder is removed.
        if (failed) return;
        const target = join(staging, path);
        try {
          await mkdir(dirname(target), { recursive: true });
          await write(target, fileBytes(contents.get(path)!));
        } catch (caught) {
          failed = true;
          throw caught;
        }
      },
      { concurrency: IO_CONCURRENCY, stopOnError: false },
    );
  } catch (caught) {
    await rm(staging, { recursive: true, force: true });
    throw new DatasetError('write-failed', `${outDir}: writing the datasets failed, the previous files are unchanged (${reason(caught)})`, [
      outDir,
    ]);
  }

  // Everything is written: from here on only removals and renames inside outDir.
  const stagingName = basename(staging);
  await pMap(comparison.extra, (path) => rm(join(outDir, path), { force: true }), { concurrency: IO_CONCURRENCY, stopOnError: false });
  // Folders left empty go, deepest first; those of one depth side by side (a parent only empties once its children are gone).
  const folders = (await listFolders(outDir)).filter((folder) => folder !== stagingName && !folder.startsWith(`${stagingName}/`));
  const depthOf = (folder: string): number => folder.split('/').length;
  for (const depth of [...new Set(folders.map(depthOf))].sort((a, b) => b - a)) {
    await pMap(
      folders.filter((folder) => depthOf(folder) === depth),
      (folder) => rmdir(join(outDir, folder)).catch(() => undefined), // only succeeds when empty
      { concurrency: IO_CONCURRENCY },
    );
  }
  await pMap(
    toWrite,
    async (path) => {
      const target = join(outDir, path);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(staging, path), target);
    },
    { concurrency: IO_CONCURRENCY, stopOnError: false },
  );
  await rm(staging, { recursive: true, force: true });
  return { written: toWrite, removed: comparison.extra, unchanged: comparison.unchanged };
}
