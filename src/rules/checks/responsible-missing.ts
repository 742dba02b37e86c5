import { quote } from '../../diagnostics/diagnostic.js';
import { cellsSpan, describeCells } from '../guide-context.js';
import { activityOf, EXAMPLE_TABLE, hasLetter, hasUnreadableCell, isWritten, type RuleModule } from '../rule-finding.js';

/** Letters are written but nobody is R, the accountable party included. */
export const responsibleMissing: RuleModule = {
  id: 'responsible-missing',
  fixable: false,
  why: 'Someone has to do the work. When no party is R, the row says who answers for the activity but not who carries it out.',
  howToFix: 'Add `R` to the party that does the work: often the accountable party itself (`RA`).',
  examples: [
    {
      markdown: `${EXAMPLE_TABLE}\n| Choose the network where the cluster will be created | A | I |\n| Review the contract | C | I |`,
      findings: [
        '5:58-5:59: Nobody is responsible (R) for “Choose the network where the cluster will be created”: Customer “A”, OVHcloud “I”; ' +
          'the accountable party, Customer, is not R either. Add R to the party that does the work (Customer “RA” if it does it itself).',
        '6:25-6:30: No party is accountable (A) for “Review the contract”: Customer “C”, OVHcloud “I”. ' +
          'Mark exactly one party A (written “RA” when it also does the work). [accountable-missing]',
        '6:25-6:30: Nobody is responsible (R) for “Review the contract”: Customer “C”, OVHcloud “I”; add R to the party that does the work.',
      ],
    },
    {
      markdown: `${EXAMPLE_TABLE}\n| Choose the network where the cluster will be created | RA | I |\n| Provide support after deployment | A | RC |`,
      findings: [],
    },
  ],
  check: (context) =>
    context.rows.flatMap((row) => {
      if (!isWritten(row) || hasUnreadableCell(row) || hasLetter(row, 'R')) return [];
      const accountable = row.cells.filter((cell) => cell.normalized.roles.includes('A'));
      const advice =
        accountable.length === 1
          ? `the accountable party, ${accountable[0]!.label}, is not R either. Add R to the party that does the work ` +
            `(${accountable[0]!.label} “${['R', ...accountable[0]!.normalized.roles].join('')}” if it does it itself).`
          : 'add R to the party that does the work.';
      return [
        {
          message: `Nobody is responsible (R) for ${quote(row.activity.text)}: ${describeCells(row.cells)}; ${advice}`,
          span: cellsSpan(row, accountable.length > 0 ? accountable : row.cells),
          activity: activityOf(row),
        },
      ];
    }),
};
