// The public API: every export is named here, so nothing becomes public by accident.

export { compareLocales, DEFAULT_REFERENCE_LOCALE, type LocaleGuide } from './compare/compare-locales.js';
// raci diff and raci drift (issue 5): what changed in who is responsible, and where translations disagree.
export { diffModels } from './compare/diff-models.js';
export { MOVED_REWORDED_THRESHOLD, REWORDED_THRESHOLD, textSimilarity } from './compare/text-similarity.js';
// raci build (issue 4): reproducible datasets, written atomically or compared with --check.
export { buildDatasets, type DatasetBuild, type DatasetDiagnostic, renderModelJsonSchema } from './datasets/build.js';
export { compareDatasets, type DatasetComparison } from './datasets/compare.js';
export { unescapeCsvCell } from './datasets/csv.js';
export { guideIdFromPath } from './datasets/guide-id.js';
export {
  type BuildOptions,
  BuildOptionsSchema,
  type BuiltGuide,
  BuiltGuideSchema,
  DatasetError,
  type DatasetErrorCode,
  DatasetErrorCodeSchema,
  type DatasetFile,
  DatasetFileSchema,
  type DatasetInput,
  DatasetInputSchema,
} from './datasets/types.js';
export { type WriteOptions, type WriteResult, writeDatasets } from './datasets/write.js';
export { formatDiagnostic } from './diagnostics/diagnostic.js';
export { renderDiffMarkdown } from './format/diff-markdown.js';
export { renderDiffText, type TextRenderOptions } from './format/diff-text.js';
export { type DriftRenderOptions, renderDriftMarkdown, renderDriftText } from './format/drift.js';
export { renderGithub } from './format/github.js';
export { type JsonReport, JsonReportSchema, renderJson } from './format/json.js';
export { renderPlainText } from './format/plain-text.js';
export type { FileReport, ReportInput } from './format/report-input.js';
export { renderSarif } from './format/sarif.js';
export { renderStylish, type StylishOptions } from './format/stylish.js';
export { listActivities } from './model/list-activities.js';
export {
  parseResponsibilityModel,
  ResponsibilityModelError,
  type SafeParseResult,
  safeParseResponsibilityModel,
} from './parse/parse.js';
export {
  parseResponsibilityModelFile,
  safeParseResponsibilityModelBytes,
  safeParseResponsibilityModelFile,
} from './parse/read-file.js';
export { localeFromPath } from './read/locale.js';
export { partyIdFor } from './roles/parties.js';
export { type NormalizedRoleCell, normalizeRoleCell } from './roles/role-cell.js';
export { type Baseline, type BaselineEntry, BaselineEntrySchema, BaselineSchema, createBaseline, matchBaseline } from './rules/baseline.js';
// raci check: the RACI rules, their configuration, baselines, fixes and reporters (issue 3).
export { type CheckOptions, type CheckResult, checkGuideBytes, checkGuideText } from './rules/check-guide.js';
export { parseRaciConfig, type RaciConfig, RaciConfigSchema, type RuleSetting, RuleSettingSchema } from './rules/config.js';
export { applyFixes, unifiedDiff } from './rules/fix.js';
export { DIAGNOSTIC_CODE_IDS, DIAGNOSTIC_CODES, type DiagnosticCode, type DiagnosticSource } from './schema/codes.js';
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
  DiffOptionsSchema,
  type DiffSectionRef,
  DiffSectionRefSchema,
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
} from './schema/diff.js';
export {
  DRIFT_SCHEMA_VERSION,
  type DriftFinding,
  DriftFindingSchema,
  type DriftGuide,
  DriftGuideSchema,
  type DriftOptions,
  DriftOptionsSchema,
  type DriftRow,
  DriftRowSchema,
  type LocaleComparison,
  LocaleComparisonSchema,
  type PartyDisagreement,
  PartyDisagreementSchema,
  type ScopeDisagreement,
  ScopeDisagreementSchema,
  type TranslationReport,
  TranslationReportSchema,
} from './schema/drift.js';
export {
  type Finding,
  type FindingActivity,
  FindingActivitySchema,
  FindingSchema,
  type TextEdit,
  TextEditSchema,
} from './schema/finding.js';
export {
  type Activity,
  type ActivityRow,
  ActivityRowSchema,
  ActivitySchema,
  type Diagnostic,
  DiagnosticSchema,
  type Link,
  LinkSchema,
  type Meta,
  MetaSchema,
  type Options,
  ParseOptionsSchema,
  type Party,
  PartySchema,
  type ResponsibilityModel,
  ResponsibilityModelSchema,
  type RoleDefinition,
  RoleDefinitionSchema,
  type RoleLetter,
  RoleLetterSchema,
  SCHEMA_VERSION,
  type Scope,
  ScopeSchema,
  type Section,
  type SectionRef,
  SectionRefSchema,
  SectionSchema,
  type Severity,
  SeveritySchema,
} from './schema/model.js';
export type { SkippedFile } from './site/overview-page.js';
// raci report (issue 8): the static site as files, pure; `raci report` writes them.
export {
  buildReportSite,
  DEFAULT_SITE_TITLE,
  type ReportGuide,
  type ReportSiteOptions,
  type SiteFile,
} from './site/site.js';
