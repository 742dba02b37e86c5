import { z } from 'zod';
import { DIAGNOSTIC_CODE_IDS } from './codes.js';

/**
 * The zod schemas are the contract of the library: every public type is
 * `z.infer` of one of them, and every model is validated against
 * `ResponsibilityModelSchema` before it leaves the parser.
 */

export const SCHEMA_VERSION = 1 as const;

/** The four RACI letters, in the canonical order used everywhere. */
export const RoleLetterSchema = z.enum(['R', 'A', 'C', 'I']).describe('A RACI letter: Responsible, Accountable, Consulted, Informed.');

export const SeveritySchema = z.enum(['error', 'warning', 'info']);

export const DiagnosticSchema = z
  .object({
    code: z
      .enum(DIAGNOSTIC_CODE_IDS)
      .describe('One of the codes of docs/diagnostics.md (DIAGNOSTIC_CODE_IDS), so a switch over it can be exhaustive.'),
    severity: SeveritySchema,
    message: z.string(),
    line: z.number().int().min(1),
    column: z.number().int().min(1),
    endLine: z.number().int().min(1),
    endColumn: z.number().int().min(1),
    file: z.string().optional(),
  })
  .describe('A problem found in a guide, with its position (1-based lines and columns).');

export const LinkSchema = z.object({ text: z.string(), url: z.string() });

export const RoleDefinitionSchema = z.object({
  code: z.string().describe('The letter as the legend writes it (usually R, A, C or I).'),
  label: z.string().describe('What the letter means, in the language of the guide.'),
});

export const PartySchema = z.object({
  id: z.string().describe('Stable across languages: customer, ovhcloud, or a slug of the header.'),
  label: z.string().describe('The column header as written.'),
});

export const ScopeSchema = z.object({
  id: z.string(),
  label: z.string(),
});

export const ActivitySchema = z.object({
  id: z.string().describe('"<section number>#<row ordinal within that section>", e.g. "3.1.1#4".'),
  text: z.string(),
  assignments: z.record(z.string(), z.array(RoleLetterSchema)).describe('Party id → RACI letters in canonical order (R, A, C, I).'),
  cells: z.record(z.string(), z.string()).describe('Party id → the cell text as written.'),
  scopes: z.record(z.string(), z.boolean()).describe('Scope id → whether the activity applies to it.'),
  links: z.array(LinkSchema),
  notes: z
    .record(z.string(), z.string())
    .optional()
    .describe('Party id → the note in brackets after its letters (`C (Technical Input)`); only when a cell of the row has one.'),
  line: z.number().int().min(1),
});

export const SectionSchema = z.object({
  number: z.string().describe('Dotted number as written, without the final dot: "3.1.1".'),
  title: z.string(),
  line: z.number().int().min(1),
  activities: z.array(ActivitySchema),
  // A getter, so that zod can infer the type of a schema that contains itself.
  get sections(): z.ZodArray<typeof SectionSchema> {
    return z.array(SectionSchema);
  },
});

const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const MetaSchema = z.object({
  title: z.string(),
  excerpt: z.string().optional(),
  updated: IsoDateSchema.optional().describe('YYYY-MM-DD, only when the guide states it unambiguously.'),
  updatedText: z.string().optional().describe('The date as written, when it could not be read as a date.'),
  locale: z.string().optional(),
  frontMatter: z.record(z.string(), z.unknown()),
});

export const ResponsibilityModelSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  meta: MetaSchema,
  intro: z.string(),
  roles: z.array(RoleDefinitionSchema),
  parties: z.array(PartySchema),
  scopes: z.array(ScopeSchema),
  sections: z.array(SectionSchema),
});

/**
 * The options of the parse and check functions, which check them against this
 * schema: a wrong value throws a TypeError or RangeError naming the option.
 */
export const ParseOptionsSchema = z.object({
  locale: z.string().optional().describe('Set as meta.locale; from the file name otherwise.'),
  file: z.string().optional().describe('Set on every diagnostic.'),
  maxBytes: z.number().int().positive().optional().describe('Larger input is a diagnostic (input-too-large), not parsed.'),
  maxColumns: z.number().int().positive().optional().describe('Columns of a table; a wider one is a diagnostic (table-too-wide).'),
  maxDepth: z.number().int().positive().optional().describe('Levels of section numbering (`1.2.3` has 3).'),
  maxNesting: z.number().int().positive().optional().describe('Block quotes and list items inside each other.'),
  maxInlineMarkers: z.number().int().positive().optional().describe('`*`, `_` and `~` in one paragraph or table cell.'),
});

export type RoleLetter = z.infer<typeof RoleLetterSchema>;
export type Severity = z.infer<typeof SeveritySchema>;
export type Diagnostic = z.infer<typeof DiagnosticSchema>;
export type Link = z.infer<typeof LinkSchema>;
export type RoleDefinition = z.infer<typeof RoleDefinitionSchema>;
export type Party = z.infer<typeof PartySchema>;
export type Scope = z.infer<typeof ScopeSchema>;
export type Activity = z.infer<typeof ActivitySchema>;
export type Section = z.infer<typeof SectionSchema>;
export type Meta = z.infer<typeof MetaSchema>;
export type ResponsibilityModel = z.infer<typeof ResponsibilityModelSchema>;
export type ParseOptions = z.infer<typeof ParseOptionsSchema>;

export const SectionRefSchema = z.object({ number: z.string(), title: z.string() });

/** One activity with where it stands: the flat form used by `listActivities` and the datasets. */
export const ActivityRowSchema = ActivitySchema.extend({
  sectionNumber: z.string(),
  sectionTitle: z.string(),
  path: z.array(SectionRefSchema).describe("From the phase down to the activity's own section."),
});

export type SectionRef = z.infer<typeof SectionRefSchema>;
export type ActivityRow = z.infer<typeof ActivityRowSchema>;
