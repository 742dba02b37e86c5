import { describe, expect, it } from 'vitest';
import { checkGuideText } from '../../src/rules/check-guide.js';
import { brief, guide } from '../helpers/check.js';

// guide(rows): rows start at line 16 (front matter 1-3, legend 5-10, heading 12, header 14, delimiter 15).
describe('raci-disable comments', () => {
  it('raci-disable-line inside the activity cell silences the rule on that row and keeps the table whole', () => {
    const result = checkGuideText(
      guide(['| Keep logs <!-- raci-disable-line accountable-multiple --> | RA | RA |', '| Install the vCenter | I | RA |']),
    );
    expect(result.findings.map(brief)).toEqual([]);
    expect(result.model.sections[0]!.activities.map((activity) => activity.text)).toEqual(['Keep logs', 'Install the vCenter']);
  });

  it('silences only the rules it names', () => {
    const result = checkGuideText(guide(['| Keep logs <!-- raci-disable-line role-repeated --> | RRA | RA |']));
    expect(result.findings.map((finding) => finding.code)).toEqual(['accountable-multiple']);
  });

  it('takes several ids, separated by commas or spaces, and a -- reason', () => {
    const result = checkGuideText(
      guide(['| Keep logs <!-- raci-disable-line accountable-multiple, role-repeated -- both keep them --> | RRA | RA |']),
    );
    expect(result.findings).toEqual([]);
  });

  it('raci-disable-next-line silences findings on the next non-blank line (a table header)', () => {
    const text = guide(
      ['| Place the order | RA | I |'],
      '\n## 2. Order\n\n<!-- raci-disable-next-line parties-inconsistent -->\n\n| Activity | Client | OVHcloud |\n| --- | --- | --- |\n| Pay | RA | I |\n',
    );
    expect(checkGuideText(text).findings.map(brief)).toEqual([]);
    const without = checkGuideText(text.replace('<!-- raci-disable-next-line parties-inconsistent -->', ''));
    expect(without.findings.map((finding) => finding.code)).toEqual(['parties-inconsistent']);
  });

  it('parser diagnostics can be silenced too', () => {
    const result = checkGuideText(guide(['| Retain logs <!-- raci-disable-line row-missing-cells activity-unassigned -->']));
    expect(result.findings).toEqual([]);
  });

  it('a comment that silences nothing is reported, at the comment', () => {
    const result = checkGuideText(guide(['| Install the vCenter <!-- raci-disable-line accountable-multiple --> | I | RA |']));
    expect(result.findings.map(brief)).toEqual([
      '16:23-16:70 warning disable-unused This raci-disable-line comment silences nothing: line 16 has no accountable-multiple finding.',
    ]);
  });

  it('an unknown rule id is reported with a suggestion', () => {
    const result = checkGuideText(guide(['| Keep logs <!-- raci-disable-line acountable-multiple --> | RA | RA |']));
    expect(result.findings.map((finding) => `${finding.code}: ${finding.message}`)).toEqual([
      'disable-unused: This raci-disable-line comment silences nothing: “acountable-multiple” is not a rule id; did you mean “accountable-multiple”?',
      'accountable-multiple: “Keep logs” has 2 accountable parties (A): Customer “RA” and OVHcloud “RA”; exactly one party may be A.',
    ]);
  });

  it('a comment with no rule id is reported', () => {
    const result = checkGuideText(guide(['| Keep logs <!-- raci-disable-line --> | RI | RA |']));
    expect(result.findings.map((finding) => finding.message)).toEqual([
      'This raci-disable-line comment names no rule, so it silences nothing; name the rule ids to silence.',
    ]);
  });

  it('a next-line comment between two rows is disable-misplaced (it splits the table)', () => {
    const result = checkGuideText(
      guide(['| Install the vCenter | I | RA |', '<!-- raci-disable-next-line accountable-multiple -->', '| Keep logs | RA | RA |']),
    );
    expect(result.findings.filter((finding) => finding.code.startsWith('disable')).map(brief)).toEqual([
      "17:1-17:53 error disable-misplaced This raci-disable-next-line comment splits the table: markdown ends a table at an HTML line, so the rows below it are no longer a table. Put <!-- raci-disable-line accountable-multiple --> inside the row's activity cell instead.",
    ]);
  });

  it('config severities apply to comment findings, and off drops them', () => {
    const text = guide(['| Install the vCenter <!-- raci-disable-line accountable-multiple --> | I | RA |']);
    expect(checkGuideText(text, { config: { rules: { 'disable-unused': 'off' } } }).findings).toEqual([]);
    expect(checkGuideText(text, { config: { rules: { 'disable-unused': 'error' } } }).findings.map((finding) => finding.severity)).toEqual([
      'error',
    ]);
  });
});
