import { quote } from '../../diagnostics/diagnostic.js';
import { cellsSpan } from '../guide-context.js';
import { activityOf, EXAMPLE_TABLE, hasUnreadableCell, isWritten, type RuleModule } from '../rule-finding.js';

/** A row with activity text and no letter in any party column; such a row is not also `accountable-missing`'s. */
export const activityUnassigned: RuleModule = {
  id: 'activity-unassigned',
  fixable: false,
  why:
    'A row without letters tells the reader nothing about who does what. It is usually a ' +
    'row whose cells were lost (`| Retain logs` with no closing cells) or left to fill in.',
  howToFix: 'Write the letters of each party in its column, or remove the row if the activity does not belong in the guide.',
  examples: [
    {
      markdown:
        `${EXAMPLE_TABLE}\n| Retain logs of the control plane |  |  |\n` +
        `| Retain logs of the information system\n| Size infrastructures as needed | RA | I |`,
      findings: [
        '5:37-5:42: “Retain logs of the control plane” has no letter in any party column (Customer, OVHcloud); write who is R, A, C or I.',
        `6:1-6:40: Row “Retain logs of the information system” has 1 of the header's 3 cells; “Customer”, ` +
          `“OVHcloud” are read as empty. Close the row with one "|" per column. [row-missing-cells]`,
        '6:40-6:41: “Retain logs of the information system” has no letter in any party column ' +
          '(Customer, OVHcloud) (the row has no cell for them); write who is R, A, C or I.',
      ],
    },
    {
      markdown: `${EXAMPLE_TABLE}\n| Retain logs of the control plane | I | RA |\n| Retain logs of the information system | RA | I |`,
      findings: [],
    },
  ],
  check: (context) =>
    context.rows
      .filter((row) => !isWritten(row) && !hasUnreadableCell(row))
      .map((row) => {
        const parties = row.cells.map((cell) => cell.label).join(', ');
        const missing = row.cells.every((cell) => cell.slice === undefined) ? ' (the row has no cell for them)' : '';
        return {
          message: `${quote(row.activity.text)} has no letter in any party column (${parties})${missing}; write who is R, A, C or I.`,
          span: cellsSpan(row, row.cells),
          activity: activityOf(row),
        };
      }),
};
