import type { Finding } from '../schema/finding.js';
import { accountableMissing, accountableMultiple } from './checks/accountable.js';
import { activityUnassigned } from './checks/activity-unassigned.js';
import { legendMismatch } from './checks/legend-mismatch.js';
import { partiesInconsistent } from './checks/parties-inconsistent.js';
import { responsibleMissing } from './checks/responsible-missing.js';
import { roleNoncanonical } from './checks/role-noncanonical.js';
import { roleRepeated } from './checks/role-repeated.js';
import { sectionDuplicateActivity } from './checks/section-duplicate-activity.js';
import type { RuleContext } from './guide-context.js';
import type { RuleCheck } from './rule-finding.js';
import { RULES, type RuleId } from './rule-table.js';

const CHECKS: Record<RuleId, RuleCheck> = {
  'accountable-missing': accountableMissing,
  'accountable-multiple': accountableMultiple,
  'responsible-missing': responsibleMissing,
  'activity-unassigned': activityUnassigned,
  'role-repeated': roleRepeated,
  'role-noncanonical': roleNoncanonical,
  'legend-mismatch': legendMismatch,
  'parties-inconsistent': partiesInconsistent,
  'section-duplicate-activity': sectionDuplicateActivity,
};

/** Every rule over one guide, each finding with its rule id and default severity. */
export function runRules(context: RuleContext): Finding[] {
  return RULES.flatMap((rule) =>
    CHECKS[rule.id](context).map(
      ({ span, ...finding }): Finding => ({
        code: rule.id,
        severity: rule.severity,
        message: finding.message,
        ...span,
        ...(finding.activity ? { activity: finding.activity } : {}),
        ...(finding.subject !== undefined ? { subject: finding.subject } : {}),
        ...(finding.fix ? { fix: finding.fix } : {}),
      }),
    ),
  );
}
