import { accountableMissing } from './checks/accountable-missing.js';
import { accountableMultiple } from './checks/accountable-multiple.js';
import { activityUnassigned } from './checks/activity-unassigned.js';
import { bidiControl } from './checks/bidi-control.js';
import { disableMisplaced } from './checks/disable-misplaced.js';
import { disableUnused } from './checks/disable-unused.js';
import { legendMismatch } from './checks/legend-mismatch.js';
import { partiesInconsistent } from './checks/parties-inconsistent.js';
import { responsibleMissing } from './checks/responsible-missing.js';
import { roleNoncanonical } from './checks/role-noncanonical.js';
import { roleRepeated } from './checks/role-repeated.js';
import { sectionDuplicateActivity } from './checks/section-duplicate-activity.js';
import type { DirectiveModule, RuleModule } from './rule-finding.js';

/** The RACI rules, in the order they run (the order of the code table). */
export const RULES: readonly RuleModule[] = [
  accountableMissing,
  accountableMultiple,
  responsibleMissing,
  activityUnassigned,
  roleRepeated,
  roleNoncanonical,
  legendMismatch,
  partiesInconsistent,
  sectionDuplicateActivity,
  bidiControl,
];

/** The checks of `raci-disable` comments: documented like rules, run by suppressions.ts. */
export const DIRECTIVES: readonly DirectiveModule[] = [disableUnused, disableMisplaced];

/** The module of a rule or comment check that documents `id`, if it has one. */
export function ruleModule(id: string): RuleModule | DirectiveModule | undefined {
  return [...RULES, ...DIRECTIVES].find((rule) => rule.id === id);
}
