import pMap from 'p-map';
import { fileBytes, folderView, IO_CONCURRENCY, manifestFile } from './owned-folder.js';
import type { DatasetFile } from './types.js';
import { DATASETS_OWNER } from './write.js';

export interface DatasetComparison {
  /** Files whose bytes differ from a fresh build, with the first line that differs (text files only). */
  stale: { path: string; line?: number }[];
  /** Files a fresh build produces that the folder lacks. */
  missing: string[];
  /** Files in the folder that a fresh build does not produce: removed by the next build, or refused when it did not write them. */
  extra: string[];
  unchanged: string[];
}

/** 1-based line of the first difference between two texts. */
function firstDifferentLine(expected: string, actual: string): number {
  const length = Math.min(expected.length, actual.length);
  let index = 0;
  while (index < length && expected.charCodeAt(index) === actual.charCodeAt(index)) index++;
  // The datasets end their lines with LF; a CR inside a quoted CSV cell ends no line.
  return expected.slice(0, index).split('\n').length;
}

/**
 * Compares a fresh build with a folder, reading only: what `raci build
 * --check` reports. The build's manifest (`.raci-build.json`) is compared
 * like the other files; staging folders and the lock are not the datasets'
 * files, and a build killed while replacing files is seen as completed.
 */
export async function compareDatasets(outDir: string, files: readonly DatasetFile[]): Promise<DatasetComparison> {
  const view = await folderView(outDir, DATASETS_OWNER);
  const expected = [...files, manifestFile(DATASETS_OWNER, files)];
  const comparison: DatasetComparison = { stale: [], missing: [], extra: [], unchanged: [] };
  // Many small reads: several in flight at once, results taken in the files' order.
  // A symbolic link is stale even when its target matches: the build writes a real file there.
  const actuals = await pMap(expected, (file) => view.read(file.path), { concurrency: IO_CONCURRENCY });
  expected.forEach((file, index) => {
    if (!view.entries.has(file.path)) {
      comparison.missing.push(file.path);
      return;
    }
    const actual = actuals[index];
    if (actual && Buffer.compare(fileBytes(file), actual) === 0) comparison.unchanged.push(file.path);
    else if (typeof file.content !== 'string') comparison.stale.push({ path: file.path });
    else
      comparison.stale.push({ path: file.path, line: actual ? firstDifferentLine(file.content, Buffer.from(actual).toString('utf8')) : 1 });
  });
  const produced = new Set(expected.map((file) => file.path));
  comparison.extra = [...view.entries.keys()].filter((path) => !produced.has(path));
  return comparison;
}
