import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pMap from 'p-map';
import { listTree } from './tree.js';
import type { DatasetFile } from './types.js';

/** File operations in flight at once: enough to hide the latency of each, few enough for any file-descriptor limit. */
export const IO_CONCURRENCY = 16;

export interface DatasetComparison {
  /** Files whose bytes differ from a fresh build, with the first line that differs (text files only). */
  stale: { path: string; line?: number }[];
  /** Files a fresh build produces that the folder lacks. */
  missing: string[];
  /** Files in the folder that a fresh build does not produce (removed by the next build). */
  extra: string[];
  unchanged: string[];
}

/** The bytes of a dataset file as written. */
export function fileBytes(file: DatasetFile): Uint8Array {
  return typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
}

/** 1-based line of the first difference between two texts. */
function firstDifferentLine(expected: string, actual: string): number {
  const length = Math.min(expected.length, actual.length);
  let index = 0;
  while (index < length && expected.charCodeAt(index) === actual.charCodeAt(index)) index++;
  // The datasets end their lines with LF; a CR inside a quoted CSV cell ends no line.
  return expected.slice(0, index).split('\n').length;
}

/** Compares a fresh build with a folder, reading only: what `raci build --check` reports. */
export async function compareDatasets(outDir: string, files: readonly DatasetFile[]): Promise<DatasetComparison> {
  const tree = await listTree(outDir);
  const comparison: DatasetComparison = { stale: [], missing: [], extra: [], unchanged: [] };
  // Many small reads: several in flight at once, results taken in the files' order.
  const actuals = await pMap(
    files,
    // A symbolic link is stale even when its target matches: the build writes a real file there.
    async (file) => (tree.get(file.path) === 'file' ? await readFile(join(outDir, file.path)) : undefined),
    { concurrency: IO_CONCURRENCY },
  );
  files.forEach((file, index) => {
    if (!tree.has(file.path)) {
      comparison.missing.push(file.path);
      return;
    }
    const actual = actuals[index];
    if (actual?.equals(fileBytes(file))) comparison.unchanged.push(file.path);
    else if (typeof file.content !== 'string') comparison.stale.push({ path: file.path });
    else comparison.stale.push({ path: file.path, line: actual ? firstDifferentLine(file.content, actual.toString('utf8')) : 1 });
  });
  const produced = new Set(files.map((file) => file.path));
  comparison.extra = [...tree.keys()].filter((path) => !produced.has(path)).sort();
  return comparison;
}
