import { quote } from '../../diagnostics/diagnostic.js';
import { cellSpan, type RowContext } from '../guide-context.js';
import { activityOf, EXAMPLE_TABLE, type RuleCheck, type RuleModule } from '../rule-finding.js';

function sameText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** `section-duplicate-activity`: a second row with the same activity text (case and spacing aside) in one section. */
const sectionDuplicateActivityCheck: RuleCheck = (context) => {
  const seen = new Map<string, RowContext>();
  return context.rows.flatMap((row) => {
    const key = `${row.sectionNumber}\u0000${sameText(row.activity.text)}`;
    const first = seen.get(key);
    if (!first) {
      seen.set(key, row);
      return [];
    }
    return [
      {
        message:
          `${quote(row.activity.text)} is listed twice in section ${row.sectionNumber} ${quote(row.sectionTitle)} ` +
          `(first at line ${first.line}); merge the rows or make each name a distinct activity.`,
        span: row.activitySlice ? cellSpan(row.line, row.activitySlice) : { line: row.line, column: 1, endLine: row.line, endColumn: 2 },
        activity: activityOf(row),
      },
    ];
  });
};

export const sectionDuplicateActivity: RuleModule = {
  id: 'section-duplicate-activity',
  fixable: false,
  why: 'Two rows with the same activity either repeat each other or contradict each other; either way the reader cannot tell which one holds.',
  howToFix: 'Merge the two rows into one, or reword them so that each names a distinct activity. The comparison ignores case and spacing.',
  examples: [
    {
      markdown: `${EXAMPLE_TABLE}\n| Install the vCenter | I | RA |\n| Size infrastructures as needed | RA | I |\n| install the  vCenter | RA | I |`,
      findings: [
        '7:3-7:23: “install the vCenter” is listed twice in section 1 “Before subscription” ' +
          '(first at line 5); merge the rows or make each name a distinct activity.',
      ],
    },
    {
      // The same activity in two sections is two activities.
      markdown:
        `${EXAMPLE_TABLE}\n| Install the vCenter | I | RA |\n\n## 2. Service availability\n\n` +
        `| Activity | Customer | OVHcloud |\n| --- | --- | --- |\n| Install the vCenter | I | RA |`,
      findings: [],
    },
  ],
  check: sectionDuplicateActivityCheck,
};
