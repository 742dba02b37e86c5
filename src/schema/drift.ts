import { z } from 'zod';
import { RoleLetterSchema } from './model.js';

/**
 * The result of `compareLocales`: where the translations of one guide disagree
 * with the reference locale. `raci drift --format json` prints an array of these.
 */

export const DRIFT_SCHEMA_VERSION = 1 as const;

export const DriftOptionsSchema = z.object({
  reference: z.string().optional().describe('The locale the others are compared with; default en-gb.'),
});

export const DriftRowSchema = z.object({
  line: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe(
      'Where the row is, or for a missing row where it would go (the row before it, or the section heading); null when the file has no such place.',
    ),
  row: z.number().int().min(1).optional().describe('Position of the row within its section in this file.'),
  section: z
    .string()
    .optional()
    .describe('Section number in this file: on section findings, and on a row whose section this file numbers differently.'),
  title: z.string().optional().describe('Section title, for section findings.'),
  text: z.string().optional(),
  assignments: z.record(z.string(), z.array(RoleLetterSchema)).optional(),
});

export const PartyDisagreementSchema = z.object({
  party: z.string().describe('Party id in the reference.'),
  label: z.string().describe('The reference column header.'),
  reference: z.array(RoleLetterSchema),
  translation: z.array(RoleLetterSchema),
});

export const ScopeDisagreementSchema = z.object({
  scope: z.string(),
  label: z.string(),
  reference: z.boolean(),
  translation: z.boolean(),
});

export const DriftFindingSchema = z.object({
  kind: z.enum([
    'letters-differ',
    'scopes-differ',
    'row-order-differs',
    'row-missing',
    'row-extra',
    'section-missing',
    'section-extra',
    'section-number-differs',
    'party-missing',
    'party-extra',
  ]),
  section: z
    .string()
    .nullable()
    .describe(
      'Section number in the reference (in the translation for an extra section); null for a whole-table finding (a party column).',
    ),
  row: z
    .number()
    .int()
    .min(1)
    .nullable()
    .describe('Row position within the section: in the reference, or in the translation for an extra row.'),
  reference: DriftRowSchema,
  translation: DriftRowSchema,
  parties: z.array(PartyDisagreementSchema).describe('For letters-differ: each party whose letters differ.'),
  scopes: z.array(ScopeDisagreementSchema),
  party: z.object({ id: z.string(), label: z.string() }).optional().describe('For party-missing and party-extra.'),
});

export const DriftGuideSchema = z.object({
  locale: z.string(),
  file: z.string().optional(),
  title: z.string(),
  parties: z.array(z.object({ id: z.string(), label: z.string() })).describe('The party columns, to name the ids of `assignments`.'),
});

export const StaleTranslationSchema = z.object({
  source: z
    .enum(['git', 'updated'])
    .describe('git: the last commits that changed each matrix; updated: the guides’ `updated` dates (files not in a git repository).'),
  referenceChanged: z.string().describe('When the reference’s matrix last changed: an ISO date (updated) or date and time (git).'),
  translationChanged: z.string().describe('When the translation’s matrix last changed, in the same form.'),
});

export const UntranslatedSchema = z.object({
  titleMarker: z.string().optional().describe('The language marker that ends the title, as in “… (EN)”.'),
  identical: z.number().int().min(0).describe('Activities whose text is the reference’s, word for word.'),
  activities: z.number().int().min(0).describe('Activities of the translation.'),
});

export const TranslationReportSchema = DriftGuideSchema.extend({
  findings: z.array(DriftFindingSchema),
  stale: StaleTranslationSchema.optional().describe('Set when the reference’s matrix changed after the translation’s last change.'),
  untranslated: UntranslatedSchema.optional().describe(
    'Set (an info) when the file reads as the reference’s language rather than its own locale’s.',
  ),
});

export const LocaleComparisonSchema = z.object({
  driftSchemaVersion: z.literal(DRIFT_SCHEMA_VERSION),
  guides: z.array(DriftGuideSchema).describe('Every guide given that has a locale, in the order given.'),
  reference: DriftGuideSchema.nullable().describe('null when no guide of the group has the reference locale.'),
  translations: z.array(TranslationReportSchema),
  unlocalised: z.array(z.string()).describe('Files of the group with no locale in their name, left out.'),
  disagreements: z.number().int().describe('All findings of all translations.'),
});

export type DriftOptions = z.infer<typeof DriftOptionsSchema>;
export type DriftRow = z.infer<typeof DriftRowSchema>;
export type PartyDisagreement = z.infer<typeof PartyDisagreementSchema>;
export type ScopeDisagreement = z.infer<typeof ScopeDisagreementSchema>;
export type DriftFinding = z.infer<typeof DriftFindingSchema>;
export type DriftGuide = z.infer<typeof DriftGuideSchema>;
export type StaleTranslation = z.infer<typeof StaleTranslationSchema>;
export type Untranslated = z.infer<typeof UntranslatedSchema>;
export type TranslationReport = z.infer<typeof TranslationReportSchema>;
export type LocaleComparison = z.infer<typeof LocaleComparisonSchema>;
