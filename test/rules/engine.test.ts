import { describe, expect, it } from 'vitest';
import { checkGuideText } from '../../src/rules/check-guide.js';
import { guide } from '../helpers/check.js';

describe('the rule engine', () => {
  it('findings about a row name its activity (the baseline key)', () => {
    const [finding] = checkGuideText(
      guide(['| Size infrastructures as needed | RA | I |', '| Monitor physical resource performance | I | R |']),
    ).findings;
    expect(finding?.code).toBe('accountable-missing');
    expect(finding?.activity).toEqual({ id: '1#2', text: 'Monitor physical resource performance' });
  });
});

describe('cells with a note after their letters', () => {
  const codes = (cells: string) =>
    checkGuideText(guide([`| Apply engine minor versions | ${cells} |`])).findings.map((finding) => `${finding.code} ${finding.message}`);

  it('are judged on their letters: a canonical cell with a note is no finding, its note no repeated letter', () => {
    expect(codes('C (Technical Input) | RA (Config, Ops)')).toEqual([]);
  });

  it('are non-canonical when their letters are, with no fix that would drop the note', () => {
    const [finding, ...others] = checkGuideText(guide(['| Apply engine minor versions | C | A & R (Config, Ops) |'])).findings;
    expect(others).toEqual([]);
    expect(finding?.code).toBe('role-noncanonical');
    expect(finding?.message).toContain('should be written “RA”');
    expect(finding?.fix).toBeUndefined();
  });
});
