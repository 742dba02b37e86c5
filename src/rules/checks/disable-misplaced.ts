import { type DirectiveModule, EXAMPLE_TABLE } from '../rule-finding.js';

/** A next-line comment that splits a table. The check is `applyDirectives` (../suppressions.ts). */
export const disableMisplaced: DirectiveModule = {
  id: 'disable-misplaced',
  fixable: false,
  why: 'Markdown ends a table at an HTML line, so every row below the comment stops being a table on the published page and in the data.',
  howToFix: 'Write `<!-- raci-disable-line rule-id -->` inside the row itself, at the end of its activity cell; the page does not show it.',
  examples: [
    {
      markdown:
        `${EXAMPLE_TABLE}\n| Install the vCenter | I | RA |\n` +
        `<!-- raci-disable-next-line accountable-multiple -->\n| Keep logs of the vCenter | RA | RA |`,
      findings: [
        '6:1-6:53: This raci-disable-next-line comment splits the table: markdown ends a table at an HTML line, so the rows below ' +
          "it are no longer a table. Put <!-- raci-disable-line accountable-multiple --> inside the row's activity cell instead.",
      ],
    },
    {
      markdown:
        `${EXAMPLE_TABLE}\n| Install the vCenter | I | RA |\n` +
        `| Keep logs of the vCenter <!-- raci-disable-line accountable-multiple --> | RA | RA |`,
      findings: [],
    },
  ],
};
