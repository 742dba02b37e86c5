import { quote } from '../../diagnostics/diagnostic.js';
import { cellSpan, type RowContext } from '../guide-context.js';
import { activityOf, type RuleCheck } from '../rule-finding.js';

function sameText(text: string): string {
  return text.replace(/\s+/g, ' ').trim().toLowerCase();
}

/** `section-duplicate-activity`: a second row with the same activity text (case and spacing aside) in one section. */
export const sectionDuplicateActivity: RuleCheck = (context) => {
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
        message: `${quote(row.activity.text)} is listed twice in section ${row.sectionNumber} ${quote(row.sectionTitle)} (first at line ${first.line}); merge the rows or make each name a distinct activity.`,
        span: row.activitySlice ? cellSpan(row.line, row.activitySlice) : { line: row.line, column: 1, endLine: row.line, endColumn: 2 },
        activity: activityOf(row),
      },
    ];
  });
};
