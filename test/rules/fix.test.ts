import { describe, expect, it } from 'vitest';
import { checkGuideText } from '../../src/rules/check-guide.js';
import { applyFixes } from '../../src/rules/fix.js';
import type { Finding } from '../../src/schema/finding.js';
import { brief, guide } from '../helpers/check.js';

/** Line of the first row in `guide()`. */
const FIRST_ROW = 16;

describe('a dropped pipe between two party cells', () => {
  const text = guide(['| Choose service location in EU | I RA |', '| Install the vCenter | I | AR |']);

  it('is one error that suggests the split, never a spelling to normalise', () => {
    const findings = checkGuideText(text).findings.map(brief);
    expect(findings.filter((line) => line.startsWith(`${FIRST_ROW}:`))).toEqual([
      `${FIRST_ROW}:1-${FIRST_ROW}:41 warning row-missing-cells Row “Choose service location in EU | I RA” has 2 of the header's 3 cells; ` +
        '“OVHcloud” is read as empty. Close the row with one "|" per column.',
      `${FIRST_ROW}:35-${FIRST_ROW}:39 error role-cells-merged “I RA” in column “Customer” of “Choose service location in EU” ` +
        'looks like 2 cells merged (a "|" is missing between them): did you mean "| I | RA |"? Its letters are not read; ' +
        'so the row has no letter in any party column.',
    ]);
  });

  it('is left as written by --fix, while the other rows are fixed', () => {
    const fixed = applyFixes(text, checkGuideText(text).findings);
    expect(fixed).toEqual({ text: text.replace('| I | AR |', '| I | RA |'), applied: 1 });
  });

  it('keeps the row in the model, with no letter for the merged cell', () => {
    const activity = checkGuideText(text).model.sections[0]!.activities[0]!;
    expect(activity.cells).toEqual({ customer: 'I RA', ovhcloud: '' });
    expect(activity.assignments).toEqual({ customer: [], ovhcloud: [] });
  });
});

describe('--fix in a row whose cell count differs from its header', () => {
  it('offers no fix: the letters may belong to another column', () => {
    for (const row of ['| Decide which versions to use | AR |', '| Decide which versions to use | C | AR | I |']) {
      const findings = checkGuideText(guide([row])).findings;
      expect(findings.filter((finding) => finding.code === 'role-noncanonical')).toHaveLength(1);
      expect(findings.filter((finding) => finding.fix)).toEqual([]);
    }
  });
});

describe('an unknown letter', () => {
  it('is one finding, with what the row is left without in its message', () => {
    expect(checkGuideText(guide(['| Size infrastructures as needed | X | I |'])).findings.map(brief)).toEqual([
      `${FIRST_ROW}:36-${FIRST_ROW}:37 error role-unknown “X” in column “Customer” of “Size infrastructures as needed” has a letter X ` +
        'that is not R, A, C or I; so the row has no accountable party (A) and nobody responsible (R).',
    ]);
  });
});

describe('applyFixes', () => {
  const text = guide(['| Install the vCenter | I | AR |', '| Size infrastructures as needed | RA | I |']);
  const edit = (line: number, column: number, endColumn: number, replacement: string): Finding => ({
    code: 'role-noncanonical',
    severity: 'info',
    message: 'test edit',
    line,
    column,
    endLine: line,
    endColumn,
    fix: [{ line, column, endColumn, text: replacement }],
  });

  it('drops an edit that would change a party’s letters, and applies the others', () => {
    const safe = edit(FIRST_ROW, 29, 31, 'RA');
    const unsafe = edit(FIRST_ROW + 1, 41, 42, 'RA');
    expect(text.split('\n')[FIRST_ROW]!.slice(40, 41)).toBe('I');
    expect(applyFixes(text, [safe, unsafe])).toEqual({ text: text.replace('| I | AR |', '| I | RA |'), applied: 1 });
  });

  it('drops an edit that moves a pipe, even one that looks harmless', () => {
    expect(applyFixes(text, [edit(FIRST_ROW, 29, 31, 'R | A')])).toEqual({ text, applied: 0 });
  });
});

describe('applyFixes on a row whose cell count differs from its header', () => {
  it('applies no edit there, whatever finding proposed it', () => {
    const text = guide(['| Install the vCenter | I | AR |', '| Decide which versions to use | AR |']);
    const edits: Finding[] = [FIRST_ROW, FIRST_ROW + 1].map((line) => {
      const column = text.split('\n')[line - 1]!.lastIndexOf('AR') + 1;
      return {
        code: 'role-noncanonical',
        severity: 'info',
        message: 'test edit',
        line,
        column,
        endLine: line,
        endColumn: column + 2,
        fix: [{ line, column, endColumn: column + 2, text: 'RA' }],
      };
    });
    expect(applyFixes(text, edits)).toEqual({ text: text.replace('| I | AR |', '| I | RA |'), applied: 1 });
  });
});
