// responsibility-model: a guide (string or bytes) in, a validated model and its diagnostics out; the checks of
// `raci check`; the schemas of what comes out. It imports no Node.js module. The other entries:
// responsibility-model/files (parse a file), /datasets, /diff, /format, /site and /remark.

// The rules the parser follows, and the activities as one flat list, for tools built on the model.
export { listActivities } from './model/list-activities.js';
// Parse a guide from a string or from bytes.
export {
  parseResponsibilityModel,
  ResponsibilityModelError,
  type SafeParseResult,
  safeParseResponsibilityModel,
} from './parse/parse.js';
export { parseResponsibilityModelBytes, safeParseResponsibilityModelBytes } from './parse/parse-bytes.js';
export { localeFromPath } from './read/locale.js';
export { partyIdFor } from './roles/parties.js';
export { type NormalizedRoleCell, normalizeRoleCell } from './roles/role-cell.js';
// Check a guide: the parser's diagnostics and the RACI rules, their configuration, baselines and fixes.
export { type Baseline, type BaselineEntry, BaselineEntrySchema, BaselineSchema, createBaseline, matchBaseline } from './rules/baseline.js';
export { type CheckOptions, type CheckResult, checkGuideBytes, checkGuideText } from './rules/check-guide.js';
export { parseRaciConfig, type RaciConfig, RaciConfigSchema, type RuleSetting, RuleSettingSchema } from './rules/config.js';
export { applyFixes } from './rules/fix.js';
// The schemas of the model, the diagnostics and the findings (each type is `z.infer` of its schema), and the code table.
export { DIAGNOSTIC_CODE_IDS, DIAGNOSTIC_CODES, type DiagnosticCode, type DiagnosticSource } from './schema/codes.js';
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
  type ParseOptions,
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
