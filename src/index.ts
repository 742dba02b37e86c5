// The public API: every export is named here, so nothing becomes public by accident.
export {
  parseResponsibilityModel,
  safeParseResponsibilityModel,
  ResponsibilityModelError,
  type SafeParseResult,
} from './model/parse.js';
export {
  parseResponsibilityModelFile,
  safeParseResponsibilityModelFile,
  safeParseResponsibilityModelBytes,
} from './read/read-file.js';
export { localeFromPath } from './read/locale.js';
export { normalizeRoleCell, type NormalizedRoleCell } from './roles/role-cell.js';
export { partyIdFor } from './roles/parties.js';
export { listActivities } from './exports/list-activities.js';
export { renderPlainText } from './exports/plain-text.js';
export { formatDiagnostic } from './diagnostics/diagnostic.js';
export { DIAGNOSTIC_CODES, type DiagnosticCode } from './diagnostics/codes.js';
export {
  SCHEMA_VERSION,
  ResponsibilityModelSchema,
  MetaSchema,
  RoleDefinitionSchema,
  PartySchema,
  ScopeSchema,
  SectionSchema,
  ActivitySchema,
  ActivityRowSchema,
  SectionRefSchema,
  LinkSchema,
  RoleLetterSchema,
  DiagnosticSchema,
  SeveritySchema,
  ParseOptionsSchema,
  type ResponsibilityModel,
  type Meta,
  type RoleDefinition,
  type Party,
  type Scope,
  type Section,
  type Activity,
  type ActivityRow,
  type SectionRef,
  type Link,
  type RoleLetter,
  type Diagnostic,
  type Severity,
  type Options,
} from './model/schema.js';

// raci build (issue 4): reproducible datasets, written atomically or compared with --check.
export { buildDatasets, renderModelJsonSchema, type DatasetBuild, type DatasetDiagnostic } from './exports/datasets/build.js';
export { writeDatasets, type WriteOptions, type WriteResult } from './exports/datasets/write.js';
export { compareDatasets, type DatasetComparison } from './exports/datasets/compare.js';
export { guideIdFromPath } from './exports/datasets/guide-id.js';
export { unescapeCsvCell } from './exports/datasets/csv.js';
export {
  DatasetInputSchema,
  DatasetFileSchema,
  BuildOptionsSchema,
  BuiltGuideSchema,
  DatasetErrorCodeSchema,
  DatasetError,
  type DatasetInput,
  type DatasetFile,
  type BuildOptions,
  type BuiltGuide,
  type DatasetErrorCode,
} from './exports/datasets/types.js';
// raci check: the RACI rules, their configuration, baselines, fixes and reporters (issue 3).
export { checkGuideBytes, checkGuideText, type CheckOptions, type CheckResult } from './rules/check-guide.js';
export { RULES, DIRECTIVE_RULES, type RuleDoc, type RuleId } from './rules/rule-table.js';
export { RaciConfigSchema, RuleSettingSchema, parseRaciConfig, type RaciConfig, type RuleSetting } from './rules/config.js';
export { FindingSchema, FindingActivitySchema, TextEditSchema, type Finding, type FindingActivity, type TextEdit } from './rules/finding.js';
export { BaselineSchema, BaselineEntrySchema, createBaseline, matchBaseline, type Baseline, type BaselineEntry } from './rules/baseline.js';
export { applyFixes, unifiedDiff } from './rules/fix.js';
export { renderStylish, type StylishOptions } from './report/stylish.js';
export { renderJson, JsonReportSchema, type JsonReport } from './report/json.js';
export { renderGithub } from './report/github.js';
export { renderSarif } from './report/sarif.js';
export type { ReportInput, FileReport } from './report/report-input.js';
// raci diff and raci drift (issue 5): what changed in who is responsible, and where translations disagree.
export { diffModels } from './compare/diff-models.js';
export { compareLocales, DEFAULT_REFERENCE_LOCALE, type LocaleGuide } from './compare/compare-locales.js';
export { textSimilarity, REWORDED_THRESHOLD, MOVED_REWORDED_THRESHOLD } from './compare/text-similarity.js';
export { renderDiffText, type TextRenderOptions } from './compare/render-diff-text.js';
export { renderDiffMarkdown } from './compare/render-diff-markdown.js';
export { renderDriftText, renderDriftMarkdown, type DriftRenderOptions } from './compare/render-drift.js';
export {
  DIFF_SCHEMA_VERSION,
  ModelDiffSchema,
  DiffOptionsSchema,
  DiffSideSchema,
  DiffSummarySchema,
  ActivityChangeSchema,
  DiffActivitySideSchema,
  DiffSectionRefSchema,
  AssignmentChangeSchema,
  AccountableChangeSchema,
  ScopeChangeSchema,
  SectionChangeSchema,
  MetaChangeSchema,
  LabelChangeSchema,
  WordDiffPartSchema,
  type ModelDiff,
  type DiffOptions,
  type DiffSide,
  type DiffSummary,
  type ActivityChange,
  type DiffActivitySide,
  type DiffSectionRef,
  type AssignmentChange,
  type AccountableChange,
  type ScopeChange,
  type SectionChange,
  type MetaChange,
  type LabelChange,
  type WordDiffPart,
} from './compare/diff-schema.js';
export {
  DRIFT_SCHEMA_VERSION,
  LocaleComparisonSchema,
  DriftOptionsSchema,
  DriftFindingSchema,
  DriftRowSchema,
  DriftGuideSchema,
  TranslationReportSchema,
  PartyDisagreementSchema,
  ScopeDisagreementSchema,
  type LocaleComparison,
  type DriftOptions,
  type DriftFinding,
  type DriftRow,
  type DriftGuide,
  type TranslationReport,
  type PartyDisagreement,
  type ScopeDisagreement,
} from './compare/drift-schema.js';

// raci report (issue 8): the static site as files, pure; `raci report` writes them.
export {
  buildReportSite,
  DEFAULT_SITE_TITLE,
  type ReportGuide,
  type ReportSiteOptions,
  type SiteFile,
} from './exports/report/site.js';
export type { SkippedFile } from './exports/report/overview-page.js';
