import { assertOptions } from '../util/options.js';
import { assembleDatasets, type DatasetBuild } from './assemble.js';
import { assignIds } from './assign-ids.js';
import { prepareGuide } from './prepare-guide.js';
import { type BuildOptions, BuildOptionsSchema, type DatasetInput } from './types.js';

// The build is two steps, preparing each guide then assembling them, so that `raci build` can prepare guides in worker processes.
export { type DatasetBuild, type DatasetDiagnostic, renderModelJsonSchema } from './assemble.js';

/**
 * Builds every dataset file in memory from guides already read. Pure apart
 * from CPU (asynchronous because the workbook is zipped so): the same inputs, in any order, give byte-identical files (sorted
 * guides and columns, fixed key order, LF, final newline, nothing about the
 * machine or the time). Guides with error findings are built like the others.
 * Throws DatasetError when two paths would name the same guide, before any
 * guide is parsed. Options that do not match `BuildOptionsSchema` throw a
 * TypeError or RangeError.
 */
export async function buildDatasets(inputs: readonly DatasetInput[], options: BuildOptions = {}): Promise<DatasetBuild> {
  assertOptions(BuildOptionsSchema, options);
  const ordered = assignIds(inputs);
  const prepared = ordered.map(({ id, item }, index) => {
    const guide = { id, ...prepareGuide(item, options.check) };
    options.onGuide?.({ done: index + 1, total: ordered.length, path: item.path });
    return guide;
  });
  return assembleDatasets(prepared, options);
}
