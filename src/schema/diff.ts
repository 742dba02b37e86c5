import { z } from 'zod';
import { RoleLetterSchema, SectionRefSchema } from './model.js';

/**
 * The result of `diffModels`: what changed in who is responsible, as data.
 * `raci diff --format json` prints exactly this (validated against the schema).
 */

export const DIFF_SCHEMA_VERSION = 1 as const;

export const DiffOptionsSchema = z.object({
  oldLabel: z.string().optional().describe('How to name the old guide in the output (a path, or REV:path).'),
  newLabel: z.string().optional(),
  rewordedThreshold: z
    .number()
    .min(0)
    .max(1)
    .optional()
    .describe('Least word similarity (Sørensen–Dice) for two texts of one section to be the same activity reworded; default 0.5.'),
  movedRewordedThreshold: z.number().min(0).max(1).optional().describe('The same across sections (moved and reworded); default 0.7.'),
});

export const WordDiffPartSchema = z.object({
  op: z.enum(['equal', 'delete', 'insert']),
  text: z.string(),
});

export const DiffActivitySideSchema = z.object({
  id: z.string().describe('The activity id in its own guide ("3.1.1#4").'),
  text: z.string(),
  line: z.number().int().min(1),
  section: SectionRefSchema,
  assignments: z.record(z.string(), z.array(RoleLetterSchema)),
});

export const AssignmentChangeSchema = z
  .object({
    party: z.string().describe('Party id (customer, ovhcloud, …).'),
    label: z.string().describe('The column header, from the new guide when it has the party.'),
    old: z.array(RoleLetterSchema).describe('Letters in canonical order; empty for no role.'),
    new: z.array(RoleLetterSchema),
  })
  .describe('One party whose letters differ. Letter order is never a change.');

export const ScopeChangeSchema = z.object({
  scope: z.string(),
  label: z.string(),
  old: z.boolean().nullable().describe('null when the old guide has no such column.'),
  new: z.boolean().nullable(),
});

export const AccountableChangeSchema = z
  .object({
    old: z.array(z.string()).describe('Party ids holding A before.'),
    new: z.array(z.string()),
  })
  .describe('The accountable party changing hands (or appearing, or going).');

export const ActivityChangeSchema = z.object({
  kind: z.enum(['added', 'removed', 'modified']),
  section: SectionRefSchema.describe('Where the activity is now (where it was, when removed).'),
  old: DiffActivitySideSchema.optional(),
  new: DiffActivitySideSchema.optional(),
  reworded: z.boolean().describe('Matched by similarity, not by equal text.'),
  moved: z.boolean().describe('In another section than before.'),
  similarity: z.number().min(0).max(1).optional().describe('Word similarity of a reworded pair.'),
  words: z.array(WordDiffPartSchema).optional().describe('Word diff of a reworded pair.'),
  assignments: z.array(AssignmentChangeSchema),
  accountable: AccountableChangeSchema.optional(),
  scopes: z.array(ScopeChangeSchema),
});

export const SectionChangeSchema = z.object({
  kind: z
    .enum(['added', 'removed', 'renamed', 'renumbered'])
    .describe('renamed: same number, new title; renumbered: same title, new number (its activities are not moved).'),
  number: z.string().describe('The number in the new guide (in the old one, when removed).'),
  oldNumber: z.string().optional().describe('The number in the old guide, when renumbered.'),
  oldTitle: z.string().optional(),
  newTitle: z.string().optional(),
  oldLine: z.number().int().min(1).optional(),
  newLine: z.number().int().min(1).optional(),
});

export const MetaChangeSchema = z.object({
  field: z.enum(['title', 'excerpt', 'updated', 'intro']),
  old: z
    .string()
    .nullable()
    .describe('Whitespace collapsed; null when absent. `updated` is the ISO date, or the date as written when it could not be read.'),
  new: z.string().nullable(),
  words: z.array(WordDiffPartSchema).optional().describe('Word diff, for the intro (too long to read as old → new).'),
});

export const LabelChangeSchema = z
  .object({
    key: z.string().describe('Role code, party id or scope id.'),
    old: z.string().nullable().describe('The label before; null when added.'),
    new: z.string().nullable().describe('The label after; null when removed.'),
  })
  .describe('A legend letter, party column or scope column added, removed or relabelled.');

export const DiffSideSchema = z.object({
  label: z.string(),
  title: z.string(),
  locale: z.string().optional(),
  parties: z.array(z.object({ id: z.string(), label: z.string() })).describe('The party columns, to name the ids used below.'),
});

export const DiffSummarySchema = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  reworded: z.number().int(),
  moved: z.number().int(),
  reassigned: z.number().int().describe('Matched activities whose letters changed.'),
  accountable: z.number().int().describe('Matched activities whose accountable party changed hands.'),
  unchanged: z.number().int(),
  sections: z.number().int(),
  meta: z.number().int().describe('Metadata, legend, party and scope changes.'),
});

export const ModelDiffSchema = z.object({
  diffSchemaVersion: z.literal(DIFF_SCHEMA_VERSION),
  old: DiffSideSchema,
  new: DiffSideSchema,
  identical: z.boolean().describe('True when nothing below reports a change.'),
  summary: DiffSummarySchema,
  meta: z.array(MetaChangeSchema),
  legend: z.array(LabelChangeSchema),
  parties: z.array(LabelChangeSchema),
  scopes: z.array(LabelChangeSchema),
  sections: z.array(SectionChangeSchema),
  activities: z.array(ActivityChangeSchema).describe('In reading order of the new guide; removed ones where they stood.'),
});

export type DiffOptions = z.infer<typeof DiffOptionsSchema>;
export type WordDiffPart = z.infer<typeof WordDiffPartSchema>;
export type DiffActivitySide = z.infer<typeof DiffActivitySideSchema>;
export type AssignmentChange = z.infer<typeof AssignmentChangeSchema>;
export type ScopeChange = z.infer<typeof ScopeChangeSchema>;
export type AccountableChange = z.infer<typeof AccountableChangeSchema>;
export type ActivityChange = z.infer<typeof ActivityChangeSchema>;
export type SectionChange = z.infer<typeof SectionChangeSchema>;
export type MetaChange = z.infer<typeof MetaChangeSchema>;
export type LabelChange = z.infer<typeof LabelChangeSchema>;
export type DiffSide = z.infer<typeof DiffSideSchema>;
export type DiffSummary = z.infer<typeof DiffSummarySchema>;
export type ModelDiff = z.infer<typeof ModelDiffSchema>;
