import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listTree } from './tree.js';
import type { DatasetFile } from './types.js';

export interface DatasetComparison {
  /** Files whose bytes differ from a fresh build, with the first line that differs. */
  stale: { path: string; line: number }[];
  /** Files a fresh build produces that the folder lacks. */
  missing: string[];
  /** Files in the folder that a fresh build does not produce (removed by the next build). */
  extra: string[];
  unchanged: string[];
}

/** 1-based line of the first difference between two texts. */
export function firstDifferentLine(expected: string, actual: string): number {
  const length = Math.min(expected.length, actual.length);
  let index = 0;
  while (index < length && expected.charCodeAt(index) === actual.charCodeAt(index)) index++;
  let line = 1;
  for (let k = 0; k < index; k++) if (expected.charCodeAt(k) === 10) line++;
  return line;
}

/** Compares a fresh build with a folder, reading only: what `raci build --check` reports. */
export async function compareDatasets(outDir: string, files: readonly DatasetFile[]): Promise<DatasetComparison> {
  const tree = await listTree(outDir);
  const comparison: DatasetComparison = { stale: [], missing: [], extra: [], unchanged: [] };
  for (const file of files) {
    const kind = tree.get(file.path);
    if (kind === undefined) {
      comparison.missing.push(file.path);
      continue;
    }
    const expected = Buffer.from(file.content, 'utf8');
    // A symbolic link is stale even when its target matches: the build writes a real file there.
    const actual = kind === 'file' ? await readFile(join(outDir, file.path)) : undefined;
    if (actual && actual.equals(expected)) comparison.unchanged.push(file.path);
    else comparison.stale.push({ path: file.path, line: actual ? firstDifferentLine(file.content, actual.toString('utf8')) : 1 });
  }
  const produced = new Set(files.map((file) => file.path));
  comparison.extra = [...tree.keys()].filter((path) => !produced.has(path)).sort();
  return comparison;
}
