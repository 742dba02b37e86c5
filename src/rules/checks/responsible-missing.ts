import { quote } from '../../diagnostics/diagnostic.js';
import { cellsSpan, describeCells } from '../guide-context.js';
import { activityOf, hasLetter, isWritten, type RuleCheck } from '../rule-finding.js';

/** `responsible-missing`: letters are written but nobody is R, the accountable party included. */
export const responsibleMissing: RuleCheck = (context) =>
  context.rows.flatMap((row) => {
    if (!isWritten(row) || hasLetter(row, 'R')) return [];
    const accountable = row.cells.filter((cell) => cell.normalized.roles.includes('A'));
    const advice =
      accountable.length === 1
        ? `the accountable party, ${accountable[0]!.label}, is not R either. Add R to the party that does the work (${accountable[0]!.label} “${['R', ...accountable[0]!.normalized.roles].join('')}” if it does it itself).`
        : 'add R to the party that does the work.';
    return [
      {
        message: `Nobody is responsible (R) for ${quote(row.activity.text)}: ${describeCells(row.cells)}; ${advice}`,
        span: cellsSpan(row, accountable.length > 0 ? accountable : row.cells),
        activity: activityOf(row),
      },
    ];
  });
