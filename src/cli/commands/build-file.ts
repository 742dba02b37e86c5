import { type PreparedGuide, prepareGuide } from '../../datasets/prepare-guide.js';
import { readGuideBytes } from '../../parse/read-bytes.js';
import { describeFsError } from '../inputs.js';
import type { FileTask } from '../worker-pool.js';
import { sourcePathOf } from './build-paths.js';

/** What every task of a build shares: the absolute folder that source paths are relative to. */
export interface BuildFileData {
  root: string;
}

/** A guide prepared for the datasets, or why its file could not be read. Plain data: it comes back from a worker process. */
export type BuildFileResult = PreparedGuideMessage | { file: string; unreadable: string };

/**
 * A prepared guide without its model object: the model travels as its JSON
 * text, which the datasets need anyway, and which the main process reads
 * back faster than it would deserialize the object graph.
 */
export type PreparedGuideMessage = Omit<PreparedGuide, 'model'>;

/**
 * The per-file work of `raci build`, run in a worker process or in-process
 * (see worker-pool.ts): read the guide and prepare it. An I/O failure comes
 * back as data, so that the command reports it as a usage error (exit 2).
 *
 * The task names its guide from the root rather than being handed the name:
 * `data` is copied to the worker for every task, so a table of every file's
 * name would cost as much as the files. runBuild has already checked, with the
 * same function, that every file is inside the root.
 */
export async function buildFile({ file, data }: FileTask<BuildFileData>): Promise<BuildFileResult> {
  let bytes;
  try {
    bytes = await readGuideBytes(file);
  } catch (caught) {
    return { file, unreadable: describeFsError(caught) };
  }
  const path = sourcePathOf(data.root, file);
  if (path === undefined) throw new Error(`outside the build root ${data.root}`);
  const { model: _sentAsJson, ...message } = prepareGuide({ path, bytes });
  return message;
}
