import { z } from 'zod';
import { ParseOptionsSchema, SeveritySchema } from '../schema/model.js';

/** One guide to build from: its path relative to the build root (POSIX or Windows separators) and its bytes. */
export const DatasetInputSchema = z.object({
  path: z.string().min(1).describe('Path of the guide relative to the build root; it names the guide (see guideIdFromPath).'),
  bytes: z.instanceof(Uint8Array),
});

/** One file of the datasets: a relative POSIX path inside the output folder, and its UTF-8 text (or its bytes, for the workbook). */
export const DatasetFileSchema = z.object({
  path: z.string().min(1),
  content: z.union([z.string(), z.instanceof(Uint8Array)]),
});

/** A license of the guides, as the data package records it (Frictionless `licenses`). */
export const LicenseSchema = z.object({
  name: z.string().optional().describe('An SPDX identifier, such as CC-BY-NC-SA-4.0.'),
  path: z.string().optional().describe('A URL of the license text.'),
  title: z.string().optional(),
});

export const BuildOptionsSchema = z.object({
  escapeFormulas: z
    .boolean()
    .optional()
    .describe('Prefix CSV cells that a spreadsheet would run as a formula with a single quote (default true).'),
  check: ParseOptionsSchema.omit({ file: true, locale: true })
    .optional()
    .describe('Options passed to checkGuideBytes for every guide (limits such as maxBytes).'),
  sourceUrl: z
    .string()
    .regex(/^https?:\/\//i)
    .optional()
    .describe('URL template of the sources, e.g. https://host/{path}#L{line}: links in the workbook and the data package sources.'),
  licenses: z.array(LicenseSchema).optional().describe("The guides' licenses, recorded in datapackage.json (default: none stated)."),
});

/** What the build says about one guide: enough for a summary without reading the files back. */
export const BuiltGuideSchema = z.object({
  id: z.string(),
  source: z.string(),
  product: z.string().describe('The product the guide describes (see productOf); empty when unknown.'),
  locale: z.string().optional(),
  translationGroup: z.string().describe('The folder the translations of the guide share (guides.csv translation_group).'),
  referenceLocale: z.string().optional().describe('The locale its translations are compared with, when its group has that guide.'),
  copyOf: z.array(z.string()).describe('Ids of guides in other folders with the same model (guides.csv copy_of).'),
  title: z.string(),
  sections: z.number().int().min(0),
  activities: z.number().int().min(0),
  findings: z.record(SeveritySchema, z.number().int().min(0)),
});

export const DatasetErrorCodeSchema = z.enum([
  'source-path-unsafe',
  'guide-id-collision',
  'path-conflict',
  'out-not-dataset',
  'out-unusable',
  'out-busy',
  'write-failed',
]);

export type DatasetInput = z.infer<typeof DatasetInputSchema>;
export type DatasetFile = z.infer<typeof DatasetFileSchema>;
export type License = z.infer<typeof LicenseSchema>;
export type BuildOptions = z.infer<typeof BuildOptionsSchema> & {
  /** Called after each guide is read, in build order (for a progress line). */
  onGuide?: (progress: { done: number; total: number; path: string }) => void;
};
export type BuiltGuide = z.infer<typeof BuiltGuideSchema>;
export type DatasetErrorCode = z.infer<typeof DatasetErrorCodeSchema>;

/** A build or write that cannot go on; `paths` names the files involved (relative, as given). */
export class DatasetError extends Error {
  override readonly name = 'DatasetError';
  constructor(
    readonly code: DatasetErrorCode,
    message: string,
    readonly paths: readonly string[] = [],
  ) {
    super(message);
  }
}
