// responsibility-model/diff: `raci diff` and `raci drift` as functions. What changed in who is responsible between
// two versions of a guide, where translations disagree with the reference locale (and the fix of their letters),
// their schemas and renderers.
export { compareLocales, DEFAULT_REFERENCE_LOCALE, type LocaleGuide } from '../compare/compare-locales.js';
export { diffModels } from '../compare/diff-models.js';
export { type DriftFixResult, type DriftRowPlace, fixDrift, type LocaleText, type SkippedDriftRow } from '../compare/fix-drift.js';
export type { MatrixChange } from '../compare/translation-notes.js';
export { renderDiffMarkdown } from '../format/diff-markdown.js';
export { type DiffTextOptions, renderDiffText } from '../format/diff-text.js';
export { type DriftTextOptions, renderDriftMarkdown, renderDriftText } from '../format/drift.js';
export {
  type AccountableChange,
  AccountableChangeSchema,
  type ActivityChange,
  ActivityChangeSchema,
  type AssignmentChange,
  AssignmentChangeSchema,
  DIFF_SCHEMA_VERSION,
  type DiffActivitySide,
  DiffActivitySideSchema,
  type DiffOptions,
  type DiffSide,
  DiffSideSchema,
  type DiffSummary,
  DiffSummarySchema,
  type LabelChange,
  LabelChangeSchema,
  type MetaChange,
  MetaChangeSchema,
  type ModelDiff,
  ModelDiffSchema,
  type ScopeChange,
  ScopeChangeSchema,
  type SectionChange,
  SectionChangeSchema,
  type WordDiffPart,
  WordDiffPartSchema,
} from '../schema/diff.js';
export {
  DRIFT_SCHEMA_VERSION,
  type DriftFinding,
  DriftFindingSchema,
  type DriftGuide,
  DriftGuideSchema,
  type DriftOptions,
  type DriftRow,
  DriftRowSchema,
  type LocaleComparison,
  LocaleComparisonSchema,
  type PartyDisagreement,
  PartyDisagreementSchema,
  type ScopeDisagreement,
  ScopeDisagreementSchema,
  type StaleTranslation,
  StaleTranslationSchema,
  type TranslationReport,
  TranslationReportSchema,
  type Untranslated,
  UntranslatedSchema,
} from '../schema/drift.js';
