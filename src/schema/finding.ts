import { z } from 'zod';
import { DiagnosticSchema } from './model.js';

/** One replacement inside one line: columns are 1-based, `endColumn` exclusive, as in diagnostics. */
export const TextEditSchema = z.object({
  line: z.number().int().min(1),
  column: z.number().int().min(1),
  endColumn: z.number().int().min(1),
  text: z.string(),
});

export const FindingActivitySchema = z.object({
  id: z.string().describe('The activity id, "<section>#<row>" (e.g. "3.1.3#5").'),
  text: z.string(),
});

/**
 * A finding of `raci check`: a diagnostic (parser or rule; `code` is the rule
 * id) with what a tool needs beyond the text: the activity it is about (the
 * baseline key), and the edits of its safe fix, when it has one.
 */
export const FindingSchema = DiagnosticSchema.extend({
  activity: FindingActivitySchema.optional().describe('The activity row the finding is about, when it is about one.'),
  subject: z
    .string()
    .optional()
    .describe('For findings not about an activity: what they are about, stable across edits (the baseline key).'),
  fix: z.array(TextEditSchema).optional().describe('Edits that fix the finding; they change role cells only.'),
});

export type TextEdit = z.infer<typeof TextEditSchema>;
export type FindingActivity = z.infer<typeof FindingActivitySchema>;
export type Finding = z.infer<typeof FindingSchema>;
