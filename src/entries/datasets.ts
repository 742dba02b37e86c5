// responsibility-model/datasets: `raci build` and `raci query` as functions. Build the dataset files in memory (pure), write them
// atomically or compare them with a folder (Node.js), and the ids and schemas they use.
export { buildDatasets, type DatasetBuild, type DatasetDiagnostic, renderModelJsonSchema } from '../datasets/build.js';
export { compareDatasets, type DatasetComparison } from '../datasets/compare.js';
export { unescapeCsvCell } from '../datasets/csv.js';
export { guideIdFromPath } from '../datasets/guide-id.js';
export {
  type BuildOptions,
  type BuiltGuide,
  BuiltGuideSchema,
  DatasetError,
  type DatasetErrorCode,
  DatasetErrorCodeSchema,
  type DatasetFile,
  DatasetFileSchema,
  type DatasetInput,
  DatasetInputSchema,
  type License,
  LicenseSchema,
} from '../datasets/types.js';
export { type WriteOptions, type WriteResult, writeDatasets } from '../datasets/write.js';
export { productOf } from '../model/product.js';
export { type ActivityMatch, type QueryFilters, type QueryGuide, queryActivities } from '../model/query-activities.js';
