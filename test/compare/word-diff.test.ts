import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newTextOf, oldTextOf, wordDiff } from '../../src/compare/word-diff.js';

describe('wordDiff', () => {
  it('shows the words that changed', () => {
    expect(
      wordDiff('Administrate domain, mailboxes, aliases, external contacts', 'Administrate domain, mailboxes, distribution groups, etc.'),
    ).toEqual([
      { op: 'equal', text: 'Administrate domain, mailboxes, ' },
      { op: 'delete', text: 'aliases' },
      { op: 'insert', text: 'distribution groups' },
      { op: 'equal', text: ', ' },
      { op: 'delete', text: 'external contacts' },
      { op: 'insert', text: 'etc.' },
    ]);
  });

  it('reads changes separated only by spaces as one replacement', () => {
    expect(wordDiff('The Email Pro service', 'The Hosted Exchange service')).toEqual([
      { op: 'equal', text: 'The ' },
      { op: 'delete', text: 'Email Pro' },
      { op: 'insert', text: 'Hosted Exchange' },
      { op: 'equal', text: ' service' },
    ]);
  });

  it('gives both texts back, whatever they are', () => {
    const words = fc.constantFrom('Manage', 'the', 'service', 'backups', '(OS,', 'etc.)', 'données', ' ', '  ', ',');
    const text = fc.array(words, { maxLength: 12 }).map((parts) => parts.join(' '));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const parts = wordDiff(a, b);
        expect(oldTextOf(parts)).toBe(a);
        expect(newTextOf(parts)).toBe(b);
      }),
      { numRuns: 300 },
    );
  });
});
