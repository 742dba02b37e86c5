import { compareDiagnostics, countBySeverity } from '../diagnostics/diagnostic.js';
import { looksLikeGuide } from '../model/looks-like-guide.js';
import { type SafeParseResult, safeAnalyseGuide } from '../parse/parse.js';
import { parseGuideBytes } from '../parse/parse-bytes.js';
import { localeFromPath } from '../read/locale.js';
import { DIAGNOSTIC_CODES } from '../schema/codes.js';
import type { Finding } from '../schema/finding.js';
import type { Diagnostic, ParseOptions, ResponsibilityModel } from '../schema/model.js';
import type { ActivityTable } from '../tables/activity-rows.js';
import { stripBom } from '../util/lines.js';
import { applySeverities, type RaciConfig } from './config.js';
import { runRules } from './engine.js';
import { buildRuleContext, type RuleContext } from './guide-context.js';
import { applyDirectives, readDirectives } from './suppressions.js';

export interface CheckOptions extends ParseOptions {
  /** Severities per rule; the defaults of docs/rules.md and docs/diagnostics.md otherwise. */
  config?: RaciConfig;
}

export interface CheckResult {
  /** False when at least one finding is an error. */
  success: boolean;
  /** The best reading of the guide, even when `success` is false. */
  model: ResponsibilityModel;
  /**
   * The parser's diagnostics and the rules' findings, configured, silenced and
   * sorted; each a diagnostic with the activity it is about and its fix.
   */
  findings: Finding[];
  /** The text the findings' positions refer to (decoded, without a byte order mark). */
  text: string;
  /**
   * The file reads as a guide: it has an activity, or a legend and numbered
   * sections (a guide whose tables are all broken). `raci check` skips the
   * others unless they are named.
   */
  looksLikeGuide: boolean;
}

/**
 * The findings of `raci check` for one guide: the parser's structural
 * diagnostics plus the RACI rules, with the configuration's severities and the
 * guide's `raci-disable` comments applied.
 */
export function checkGuideBytes(bytes: Uint8Array, options: CheckOptions = {}): CheckResult {
  const { config, ...parseOptions } = options;
  const { result: parsed, decoded, tables } = parseGuideBytes(bytes, parseOptions);
  // Fixes are written back as UTF-8: offered only when that gives back the same bytes elsewhere.
  const canFix = decoded?.isText === true && decoded.diagnostics.length === 0;
  return finish(parsed, tables, decoded?.text ?? '', options.file, config, canFix);
}

/** The same, from text already decoded (the remark plugin's case). */
export function checkGuideText(text: string, options: CheckOptions = {}): CheckResult {
  return checkGuideTextInContext(text, options).result;
}

/**
 * `checkGuideText` with the rule context it built: every activity row and
 * party cell where the source has it, for tools that point into the text
 * (the language server's hovers and related locations) without a second parse.
 */
export function checkGuideTextInContext(text: string, options: CheckOptions = {}): { result: CheckResult; context: RuleContext } {
  const { config, ...parseOptions } = options;
  const locale = parseOptions.locale ?? (parseOptions.file ? localeFromPath(parseOptions.file) : undefined);
  const { tables, ...parsed } = safeAnalyseGuide(text, { ...parseOptions, ...(locale ? { locale } : {}) });
  const source = stripBom(text);
  return finishInContext(parsed, tables, source, options.file, config, true);
}

function finish(
  parsed: SafeParseResult,
  tables: readonly ActivityTable[],
  text: string,
  file: string | undefined,
  config: RaciConfig | undefined,
  canFix: boolean,
): CheckResult {
  return finishInContext(parsed, tables, text, file, config, canFix).result;
}

function finishInContext(
  parsed: SafeParseResult,
  tables: readonly ActivityTable[],
  text: string,
  file: string | undefined,
  config: RaciConfig | undefined,
  canFix: boolean,
): { result: CheckResult; context: RuleContext } {
  const context = buildRuleContext(parsed.model, text, tables, canFix);
  const located = (finding: Finding): Finding => (file !== undefined ? { ...finding, file } : finding);
  const rowsByLine = new Map(context.rows.map((row) => [row.line, row.activity]));
  const parserFindings = parsed.diagnostics
    // A parser diagnostic with a rule's code (role-noncanonical) is reported by the rule instead, with the fix.
    .filter((diagnostic) => DIAGNOSTIC_CODES[diagnostic.code].source !== 'rule')
    .map((diagnostic): Finding => {
      const activity = rowsByLine.get(diagnostic.line);
      return activity ? { ...diagnostic, activity: { id: activity.id, text: activity.text } } : diagnostic;
    });
  const configured = applySeverities([...parserFindings, ...runRules(context).map(located)], config);
  const findings = applySeverities(applyDirectives(configured, readDirectives(context.lines), file), config).sort(compareDiagnostics);
  const result = {
    success: countBySeverity(findings).error === 0,
    model: parsed.model,
    findings,
    text,
    looksLikeGuide: looksLikeGuide(parsed.model),
  };
  return { result, context };
}

/** A finding as a plain diagnostic, without what only `raci check` needs (activity, subject, fix). */
export function toDiagnostic(finding: Finding): Diagnostic {
  const { code, severity, message, line, column, endLine, endColumn, file } = finding;
  return { code, severity, message, line, column, endLine, endColumn, ...(file !== undefined ? { file } : {}) };
}
