import { quote } from '../../diagnostics/diagnostic.js';
import { ROLE_LETTERS, repeatedLetters } from '../../roles/role-cell.js';
import { cellSpan, cellsSpan } from '../guide-context.js';
import { activityOf, type RuleCheck } from '../rule-finding.js';

/** `role-repeated`: a RACI letter twice in one cell. Unknown letters are `role-unknown`'s. */
export const roleRepeated: RuleCheck = (context) =>
  context.rows.flatMap((row) =>
    row.cells.flatMap((cell) => {
      const repeated = repeatedLetters(cell.text).filter((letter) => (ROLE_LETTERS as readonly string[]).includes(letter));
      if (repeated.length === 0) return [];
      return [
        {
          message: `${quote(cell.text)} in column ${quote(cell.label)} of ${quote(row.activity.text)} repeats ${repeated.join(', ')}; write each letter once, and check that the repeat was not meant to be another letter.`,
          span: cell.slice ? cellSpan(row.line, cell.slice) : cellsSpan(row, [cell]),
          activity: activityOf(row),
        },
      ];
    }),
  );
