import { quote } from '../../diagnostics/diagnostic.js';
import { ROLE_LETTERS, repeatedLetters } from '../../roles/role-cell.js';
import { cellSpan, cellsSpan } from '../guide-context.js';
import { activityOf, EXAMPLE_TABLE, type RuleModule } from '../rule-finding.js';

/** A RACI letter twice in one cell. Unknown letters are `role-unknown`'s, merged cells `role-cells-merged`'s. */
export const roleRepeated: RuleModule = {
  id: 'role-repeated',
  fixable: false,
  why: 'A repeated letter is almost always a typo for another letter (`RR` for `RA`), so `--fix` does not guess: a writer has to decide.',
  howToFix: 'Write each letter once, and check whether the repeated one was meant to be another letter.',
  examples: [
    {
      markdown: `${EXAMPLE_TABLE}\n| Size infrastructures as needed | RRA | I |`,
      findings: [
        '5:36-5:39: “RRA” in column “Customer” of “Size infrastructures as needed” repeats R; ' +
          'write each letter once, and check that the repeat was not meant to be another letter.',
      ],
    },
    { markdown: `${EXAMPLE_TABLE}\n| Size infrastructures as needed | RA | I |`, findings: [] },
  ],
  check: (context) =>
    context.rows.flatMap((row) =>
      row.cells.flatMap((cell) => {
        // A merged cell (`R R`) is role-cells-merged's: the repeat is two cells' letters.
        if (cell.normalized.merged) return [];
        const repeated = repeatedLetters(cell.text).filter((letter) => (ROLE_LETTERS as readonly string[]).includes(letter));
        if (repeated.length === 0) return [];
        return [
          {
            message:
              `${quote(cell.text)} in column ${quote(cell.label)} of ${quote(row.activity.text)} repeats ` +
              `${repeated.join(', ')}; write each letter once, and check that the repeat was not meant to be another letter.`,
            span: cell.slice ? cellSpan(row.line, cell.slice) : cellsSpan(row, [cell]),
            activity: activityOf(row),
          },
        ];
      }),
    ),
};
