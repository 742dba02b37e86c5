import { type DirectiveModule, EXAMPLE_TABLE } from '../rule-finding.js';

/** A `raci-disable` comment that silences nothing. The check is `applyDirectives` (../suppressions.ts). */
export const disableUnused: DirectiveModule = {
  id: 'disable-unused',
  fixable: false,
  why: 'A stale comment hides the next real problem on that row; an unknown id (a typo) silences nothing while looking as if it did.',
  howToFix: 'Remove the comment, or correct the rule id it names.',
  examples: [
    {
      markdown: `${EXAMPLE_TABLE}\n| Install the vCenter <!-- raci-disable-line accountable-multiple --> | I | RA |`,
      findings: ['5:23-5:70: This raci-disable-line comment silences nothing: line 5 has no accountable-multiple finding.'],
    },
    {
      markdown: `${EXAMPLE_TABLE}\n| Keep logs of the vCenter <!-- raci-disable-line accountable-multiple --> | RA | RA |`,
      findings: [],
    },
  ],
};
