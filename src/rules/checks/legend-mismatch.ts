import { quote } from '../../diagnostics/diagnostic.js';
import { cellPlainText, looksLikeTableLine, splitTableRow } from '../../markdown/gfm-row.js';
import { ROLE_LETTERS } from '../../roles/role-cell.js';
import { cellSpan, cellsSpan } from '../guide-context.js';
import { activityOf, EXAMPLE_TABLE, type RuleCheck, type RuleFinding, type RuleModule } from '../rule-finding.js';

/**
 * `legend-mismatch`: letters the tables use that the legend does not define,
 * and legend letters other than R, A, C, I. A guide without a legend is
 * `legend-missing`'s; letters that are not RACI letters in the tables are
 * `role-unknown`'s.
 */
const legendMismatchCheck: RuleCheck = (context) => {
  const { roles } = context.model;
  if (roles.length === 0) return [];
  const defined = new Set(roles.map((role) => role.code.toUpperCase()));
  const findings: RuleFinding[] = [];

  for (const letter of ROLE_LETTERS) {
    if (defined.has(letter)) continue;
    const users = context.rows.filter((row) => row.cells.some((cell) => cell.normalized.roles.includes(letter)));
    const first = users[0];
    if (!first) continue;
    const cell = first.cells.find((candidate) => candidate.normalized.roles.includes(letter))!;
    const others = users.length > 1 ? ` and ${users.length - 1} other row${users.length === 2 ? '' : 's'}` : '';
    findings.push({
      message:
        `The tables use “${letter}” (first in ${quote(first.activity.text)}${others}) but the ` +
        `legend defines only ${[...defined].join(', ')}; add a “${letter}: …” row to the legend.`,
      span: cell.slice ? cellSpan(first.line, cell.slice) : cellsSpan(first, [cell]),
      activity: activityOf(first),
      subject: `uses ${letter}`,
    });
  }

  for (const role of roles) {
    const code = role.code.toUpperCase();
    if ((ROLE_LETTERS as readonly string[]).includes(code)) continue;
    findings.push({
      message: `The legend defines “${role.code}” (${quote(role.label)}), which is not a RACI letter; a legend defines only R, A, C and I.`,
      span: legendRowSpan(context.lines, role.code, role.label),
      subject: `defines ${role.code}`,
    });
  }
  return findings;
};

/** The legend row of a letter: the first table line whose first cell names it and its label. */
function legendRowSpan(lines: readonly string[], code: string, label: string) {
  const codePattern = new RegExp(`^[*_]*${code.replace(/[^\p{L}]/gu, '')}[*_]*(?:\\s*[:：=–—-]|$)`, 'u');
  for (let index = 0; index < lines.length; index++) {
    if (!looksLikeTableLine(lines[index]!)) continue;
    const cells = splitTableRow(lines[index]!);
    const first = cells[0];
    if (!first) continue;
    const text = cellPlainText(first.raw);
    const whole = cells.map((cell) => cellPlainText(cell.raw)).join(' ');
    if (codePattern.test(first.raw.trim()) && whole.includes(label)) return cellSpan(index + 1, first);
    if (text === code && cells.length > 1) return cellSpan(index + 1, first);
  }
  return { line: 1, column: 1, endLine: 1, endColumn: 1 };
}

const LEGEND_WITHOUT_C =
  '| Roles |\n| --- |\n| R: Is in charge of carrying out the process |\n| A: Is accountable for the successful completion of the process |\n' +
  '| I: Is informed of the results of the process |\n| S: Supports the process |';
const LEGEND =
  '| Roles |\n| --- |\n| R: Is in charge of carrying out the process |\n| A: Is accountable for the successful completion of the process |\n' +
  '| C: Is consulted during the process |\n| I: Is informed of the results of the process |';

export const legendMismatch: RuleModule = {
  id: 'legend-mismatch',
  fixable: false,
  why:
    'The legend is how a reader learns what the letters mean; a letter it does not explain, ' +
    'or an explanation of a letter no table can use, leaves the reader without a key.',
  howToFix:
    'Define every letter the tables use in the legend (`C: Is consulted during ' +
    'the process`), and remove legend rows for letters other than R, A, C and I.',
  examples: [
    {
      markdown:
        `${LEGEND_WITHOUT_C}\n\n${EXAMPLE_TABLE}\n| Size infrastructures as needed | RA | I |\n` +
        `| Choose options as needed | RA | C |\n| Install the vCenter | C | RA |`,
      findings: [
        '6:3-6:26: The legend defines “S” (“Supports the process”), which is not a RACI letter; a legend defines only R, A, C and I.',
        '13:35-13:36: The tables use “C” (first in “Choose options as needed” and 1 other ' +
          'row) but the legend defines only R, A, I, S; add a “C: …” row to the legend.',
      ],
    },
    {
      markdown: `${LEGEND}\n\n${EXAMPLE_TABLE}\n| Size infrastructures as needed | RA | I |\n| Choose options as needed | RA | C |`,
      findings: [],
    },
  ],
  check: legendMismatchCheck,
};
