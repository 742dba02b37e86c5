import { DIAGNOSTIC_CODES } from '../schema/codes.js';
import type { Finding } from '../schema/finding.js';
import type { RuleContext } from './guide-context.js';
import { RULES } from './rule-table.js';

/** Every rule over one guide, each finding with its rule id and the default severity of the code table. */
export function runRules(context: RuleContext): Finding[] {
  return RULES.flatMap((rule) =>
    rule.check(context).map(
      ({ span, ...finding }): Finding => ({
        code: rule.id,
        severity: DIAGNOSTIC_CODES[rule.id].severity,
        message: finding.message,
        ...span,
        ...(finding.activity ? { activity: finding.activity } : {}),
        ...(finding.subject !== undefined ? { subject: finding.subject } : {}),
        ...(finding.fix ? { fix: finding.fix } : {}),
      }),
    ),
  );
}
