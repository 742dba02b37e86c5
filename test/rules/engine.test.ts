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
