import { z } from 'zod';
import { FindingSchema } from '../schema/finding.js';
import { stringifyJson } from '../util/control-characters.js';
import { type ReportInput, totals } from './report-input.js';

export const JsonReportSchema = z
  .object({
    version: z.literal(1),
    files: z.array(z.object({ file: z.string(), findings: z.array(FindingSchema.omit({ file: true })) })),
    summary: z.object({
      files: z.number().int(),
      skipped: z.number().int(),
      baselined: z.number().int(),
      errors: z.number().int(),
      warnings: z.number().int(),
      infos: z.number().int(),
      fixable: z.number().int(),
    }),
  })
  .describe('The output of `raci check --format json`.');

export type JsonReport = z.infer<typeof JsonReportSchema>;

/** Every checked file (with or without findings) and the totals, as one JSON document. */
export function renderJson(input: ReportInput): string {
  const count = totals(input);
  const report: JsonReport = {
    version: 1,
    files: input.files.map((file) => ({ file: file.file, findings: file.findings.map(({ file: _file, ...finding }) => finding) })),
    summary: {
      files: input.files.length,
      skipped: input.skipped,
      baselined: input.baselined,
      errors: count.error,
      warnings: count.warning,
      infos: count.info,
      fixable: count.fixable,
    },
  };
  return stringifyJson(report);
}
