import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText, textSimilarity, wordsOf } from '../../src/compare/text-similarity.js';

describe('textSimilarity (Sørensen–Dice over words)', () => {
  it('counts shared words against all words', () => {
    // 4 shared words of 5 + 10: 2·4/15
    expect(
      textSimilarity("Choose the service's sizing 10GB", "Choose the service's sizing (50GB or 300GB) without downgrade option"),
    ).toBeCloseTo(8 / 15, 10);
    // 3 of 6 + 6
    expect(
      textSimilarity(
        'Administrate domain, mailboxes, aliases, external contacts',
        'Administrate domain, mailboxes, distribution groups, etc.',
      ),
    ).toBe(0.5);
  });

  it('ignores case, punctuation and the kind of apostrophe', () => {
    expect(textSimilarity('Manage the customer’s data.', "manage THE customer's data")).toBe(1);
    expect(wordsOf('customer’s (OS, etc.)')).toEqual(["customer's", 'os', 'etc']);
  });

  it('counts a repeated word as often as both texts have it', () => {
    // a: in, in, eu; b: in, eu → 2 shared of 3 + 2
    expect(textSimilarity('in in EU', 'in EU')).toBeCloseTo(4 / 5, 10);
  });

  it('is 0 for texts with no word in common and 1 for two texts without words', () => {
    expect(textSimilarity('Manage backups', 'Gérer sauvegardes')).toBe(0);
    expect(textSimilarity('—', '...')).toBe(1);
  });

  it('is symmetric and between 0 and 1', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const score = textSimilarity(a, b);
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
        expect(textSimilarity(b, a)).toBe(score);
      }),
      { numRuns: 300 },
    );
  });
});

describe('normaliseText', () => {
  it('collapses whitespace and composes accents', () => {
    expect(normaliseText('  Ge\u0301rer   les\n données ')).toBe('Gérer les données');
  });
});
