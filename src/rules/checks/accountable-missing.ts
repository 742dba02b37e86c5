import { quote } from '../../diagnostics/diagnostic.js';
import { cellsSpan, describeCells } from '../guide-context.js';
import { activityOf, EXAMPLE_TABLE, hasLetter, hasUnreadableCell, isWritten, type RuleModule } from '../rule-finding.js';

/** Rows with letters but no A. A row with no letter at all is `activity-unassigned`'s. */
export const accountableMissing: RuleModule = {
  id: 'accountable-missing',
  fixable: false,
  why:
    'Every activity needs exactly one party that answers for it; a row without an A leaves the customer guessing who owns the outcome. ' +
    'A party that is A is usually also the one doing the work, so OVHcloud guides write it `RA`: `R` alone does not make a party accountable.',
  howToFix: 'Add `A` to the one party that answers for the activity (written `RA` when that party also does the work).',
  examples: [
    {
      markdown: `${EXAMPLE_TABLE}\n| Size infrastructures as needed | RA | I |\n| Monitor physical resource performance | I | R |`,
      findings: [
        '6:43-6:48: No party is accountable (A) for “Monitor physical resource performance”: Customer ' +
          '“I”, OVHcloud “R”. Mark exactly one party A (written “RA” when it also does the work).',
      ],
    },
    {
      markdown:
        `${EXAMPLE_TABLE}\n| Size infrastructures as needed | RA | I |\n` +
        `| Monitor physical resource performance | I | RA |\n| Provide support after deployment | A | RC |`,
      findings: [],
    },
  ],
  check: (context) =>
    context.rows
      .filter((row) => isWritten(row) && !hasUnreadableCell(row) && !hasLetter(row, 'A'))
      .map((row) => ({
        message:
          `No party is accountable (A) for ${quote(row.activity.text)}: ${describeCells(row.cells)}. ` +
          `Mark exactly one party A (written “RA” when it also does the work).`,
        span: cellsSpan(row, row.cells),
        activity: activityOf(row),
      })),
};
