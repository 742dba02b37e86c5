import { quote } from '../../diagnostics/diagnostic.js';
import { cellsSpan, describeCells } from '../guide-context.js';
import { activityOf, hasLetter, isWritten, type RuleCheck } from '../rule-finding.js';

/** `accountable-missing`: rows with letters but no A. A row with no letter at all is `activity-unassigned`'s. */
export const accountableMissing: RuleCheck = (context) =>
  context.rows
    .filter((row) => isWritten(row) && !hasLetter(row, 'A'))
    .map((row) => ({
      message: `No party is accountable (A) for ${quote(row.activity.text)}: ${describeCells(row.cells)}. Mark exactly one party A (written “RA” when it also does the work).`,
      span: cellsSpan(row, row.cells),
      activity: activityOf(row),
    }));

/** `accountable-multiple`: two or more parties are A. */
export const accountableMultiple: RuleCheck = (context) =>
  context.rows.flatMap((row) => {
    const accountable = row.cells.filter((cell) => cell.normalized.roles.includes('A'));
    if (accountable.length < 2) return [];
    const names = accountable.map((cell) => `${cell.label} “${cell.text}”`);
    const listed = `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
    return [
      {
        message: `${quote(row.activity.text)} has ${accountable.length} accountable parties (A): ${listed}; exactly one party may be A.`,
        span: cellsSpan(row, accountable),
        activity: activityOf(row),
      },
    ];
  });
