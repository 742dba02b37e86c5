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
