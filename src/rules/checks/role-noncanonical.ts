import { quote } from '../../diagnostics/diagnostic.js';
import { repeatedLetters } from '../../roles/role-cell.js';
import type { TextEdit } from '../../schema/finding.js';
import { letterCellEdit } from '../cell-edit.js';
import { cellSpan, type PartyCell, type RowContext } from '../guide-context.js';
import { activityOf, EXAMPLE_TABLE, type RuleCheck, type RuleFinding, type RuleModule } from '../rule-finding.js';

/**
 * `role-noncanonical`: a cell read fine but not written `RACI`-ordered, upper
 * case, without separators. Owned by the rules (the parser's note of the same
 * name is replaced by this finding, which carries the fix). Cells with unknown
 * or repeated letters are left to `role-unknown` and `role-repeated`; letter
 * groups split by spaces (`I RA`) are two cells merged, never a spelling. No
 * fix is offered in a row whose cell count differs from its header's.
 */
const roleNoncanonicalCheck: RuleCheck = (context) =>
  context.rows.flatMap((row) =>
    row.cells.flatMap((cell): RuleFinding[] => {
      const { roles, canonical, unknown, letters } = cell.normalized;
      if (roles.length === 0 || unknown.length > 0 || repeatedLetters(cell.text).length > 0) return [];
      if (letters === canonical) return [];
      // A row with a cell more or less than its header may have lost a pipe: which column a letter belongs to is unsure.
      const fix = context.canFix && row.widthMatchesHeader ? fixFor(row, cell, canonical) : undefined;
      return [
        {
          message:
            `${quote(cell.text)} in column ${quote(cell.label)} of ${quote(row.activity.text)} ` +
            `should be written ${quote(canonical)} (${reasons(cell.text, canonical)}).`,
          span: cell.slice ? cellSpan(row.line, cell.slice) : { line: row.line, column: 1, endLine: row.line, endColumn: 2 },
          activity: activityOf(row),
          ...(fix ? { fix } : {}),
        },
      ];
    }),
  );

function reasons(text: string, canonical: string): string {
  const found: string[] = [];
  const letters = text.replace(/[^\p{L}]/gu, '');
  if (letters.toUpperCase() !== canonical) found.push('letters out of R, A, C, I order');
  if (letters !== letters.toUpperCase()) found.push('lower case');
  if (/[^\p{L}\s]/u.test(text)) found.push('separators');
  return found.join(', ') || 'not canonical';
}

function fixFor(row: RowContext, cell: PartyCell, canonical: string): TextEdit[] | undefined {
  const edit = cell.slice ? letterCellEdit(row.line, row.lineText, cell.slice, canonical) : undefined;
  return edit ? [edit] : undefined;
}

export const roleNoncanonical: RuleModule = {
  id: 'role-noncanonical',
  fixable: true,
  why:
    'The cell is read correctly, but the same assignment written three ways (`AR`, ' +
    '`RA`, `R/A`) makes tables harder to scan and to compare across translations. ' +
    'The parser normalises such a cell and `raci parse` notes it; `raci check` reports it under this rule, with a fix.',
  howToFix:
    'Run `raci check --fix`: it rewrites the letters of the cell in R, A, C, I order, upper case, ' +
    'without separators, and changes no other byte of the file. `--fix --dry-run` shows the diff first.',
  examples: [
    {
      markdown:
        `${EXAMPLE_TABLE}\n| Decide which versions to use | C | AR |\n| Size infrastructures as needed | r/a | I |\n` +
        `| Choose options as needed | **AR** | I |\n| Install the vCenter | I | R, A |\n| Link the offer | [AR](https://example.com) | I |`,
      findings: [
        '5:38-5:40: “AR” in column “OVHcloud” of “Decide which versions to use” should be written “RA” (letters out of R, A, C, I order).',
        '6:36-6:39: “r/a” in column “Customer” of “Size infrastructures as needed” should be written “RA” (lower case, separators).',
        '7:30-7:36: “AR” in column “Customer” of “Choose options as needed” should be written “RA” (letters out of R, A, C, I order).',
        '8:29-8:33: “R, A” in column “OVHcloud” of “Install the vCenter” should be written “RA” (separators).',
        '9:20-9:45: “AR” in column “Customer” of “Link the offer” should be written “RA” (letters out of R, A, C, I order).',
      ],
      // Emphasis is kept; a link is not rewritten.
      fixed:
        `${EXAMPLE_TABLE}\n| Decide which versions to use | C | RA |\n| Size infrastructures as needed | RA | I |\n` +
        `| Choose options as needed | **RA** | I |\n| Install the vCenter | I | RA |\n| Link the offer | [AR](https://example.com) | I |`,
    },
    {
      // A dropped pipe: `I RA` is two cells, not a spelling of `RAI`; and a row that lost a cell is not rewritten.
      markdown:
        `${EXAMPLE_TABLE}\n| Choose service location in EU | I RA |\n| Install the vCenter | I | A I |\n` +
        `| Decide which versions to use | AR |`,
      findings: [
        `5:1-5:41: Row “Choose service location in EU | I RA” has 2 of the header's 3 cells; “OVHcloud” is read as empty. ` +
          'Close the row with one "|" per column. [row-missing-cells]',
        '5:35-5:39: “I RA” in column “Customer” of “Choose service location in EU” looks like 2 cells merged ' +
          '(a "|" is missing between them): did you mean "| I | RA |"? Its letters are not read; so the row has no letter ' +
          'in any party column. [role-cells-merged]',
        '6:29-6:32: “A I” in column “OVHcloud” of “Install the vCenter” looks like 2 cells merged (a "|" is missing between them): ' +
          'did you mean "| A | I |"? Its letters are not read; so the row has no accountable party (A) and nobody responsible (R). ' +
          '[role-cells-merged]',
        `7:1-7:38: Row “Decide which versions to use | AR” has 2 of the header's 3 cells; “OVHcloud” is read as empty. ` +
          'Close the row with one "|" per column. [row-missing-cells]',
        '7:34-7:36: “AR” in column “Customer” of “Decide which versions to use” should be written “RA” (letters out of R, A, C, I order).',
      ],
      fixed:
        `${EXAMPLE_TABLE}\n| Choose service location in EU | I RA |\n| Install the vCenter | I | A I |\n` +
        `| Decide which versions to use | AR |`,
    },
    {
      markdown:
        `${EXAMPLE_TABLE}\n| Decide which versions to use | C | RA |\n` +
        `| Choose options as needed | **RA** | I |\n| Install the vCenter | I |   RA   |`,
      findings: [],
    },
  ],
  check: roleNoncanonicalCheck,
};
