import { describe, expect, it } from 'vitest';
import { analyseGuide } from '../../src/parse/analyse-guide.js';
import { checkGuideText } from '../../src/rules/check-guide.js';
import { applyFixes } from '../../src/rules/fix.js';

const LEGEND = ['| Roles |', '| --- |', '| R: Does it |', '| A: Answers for it |', '| C: Is consulted |', '| I: Is informed |'];

/** A guide whose one activity table is written with `prefix` in front of each line (`first` in front of its first line). */
function guideWith(table: readonly string[], prefix: string, first = prefix, before: readonly string[] = []): string {
  const lines = table.map((line, index) => `${index === 0 ? first : prefix}${line}`);
  return ['---', 'title: T', '---', '', ...LEGEND, '', '## 1. Before subscription', '', ...before, ...lines, ''].join('\n');
}

/** The table starts on line 14 of `guideWith`. */
const COLLAPSED = ['| Activity | Customer | OVHcloud |', '| --- | --- |', '| Place the order | RA | I |', '| Pay | I | RA |'];

describe('a collapsed table is read inside any container', () => {
  it.each([
    ['a block quote', '> ', '> ', [], 14],
    ['a list item', '  ', '- ', [], 14],
    ['a footnote definition', '    ', '    ', ['[^1]: A note.', ''], 16],
  ] as const)('in %s: its rows are activities, and it is reported as table-collapsed', (_where, prefix, first, before, line) => {
    const { model, diagnostics } = analyseGuide(guideWith(COLLAPSED, prefix, first, before));
    expect(model.sections[0]!.activities.map((activity) => [activity.text, activity.cells, activity.line])).toEqual([
      ['Place the order', { customer: 'RA', ovhcloud: 'I' }, line + 2],
      ['Pay', { customer: 'I', ovhcloud: 'RA' }, line + 3],
    ]);
    expect(diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.line, diagnostic.column])).toEqual([
      ['table-collapsed', line, first.length + 1],
    ]);
  });
});

describe('raci check inside a block quote', () => {
  const table = ['| Activity | Customer | OVHcloud |', '| --- | --- | --- |', '| Keep logs | RA | RA |', '| Install | ir | A |'];

  it('points rule findings at the cells, after the `>`', () => {
    const findings = checkGuideText(guideWith(table, '> ')).findings;
    expect(findings.map((finding) => `${finding.line}:${finding.column}-${finding.endColumn} ${finding.code}`)).toEqual([
      '16:17-24 accountable-multiple',
      '17:15-17 role-noncanonical',
    ]);
  });

  it('fixes the cell where it is written', () => {
    const text = guideWith(table, '> ');
    const fixed = applyFixes(text, checkGuideText(text).findings);
    expect(fixed.applied).toBe(1);
    expect(fixed.text).toBe(text.replace('> | Install | ir | A |', '> | Install | RI | A |'));
  });

  it('points the findings of a collapsed table at its cells, and fixes them', () => {
    const text = guideWith(['| Activity | Customer | OVHcloud |', '| --- | --- |', '| Install | ir | A |'], '> ');
    const findings = checkGuideText(text).findings;
    expect(findings.map((finding) => `${finding.line}:${finding.column}-${finding.endColumn} ${finding.code}`)).toEqual([
      '14:3-23 table-collapsed',
      '16:15-17 role-noncanonical',
    ]);
    expect(applyFixes(text, findings).text).toBe(text.replace('> | Install | ir | A |', '> | Install | RI | A |'));
  });

  it('a raci-disable-line comment in the activity cell silences the row', () => {
    const silenced = [...table.slice(0, 2), '| Keep logs <!-- raci-disable-line accountable-multiple --> | RA | RA |'];
    expect(checkGuideText(guideWith(silenced, '> ')).findings).toEqual([]);
  });

  it('a raci-disable-next-line comment between two rows is reported as splitting the table', () => {
    const split = [...table.slice(0, 3), '<!-- raci-disable-next-line role-noncanonical -->', table[3]!];
    const findings = checkGuideText(guideWith(split, '> ')).findings;
    expect(
      findings.filter((finding) => finding.code === 'disable-misplaced').map((finding) => `${finding.line}:${finding.column}`),
    ).toEqual(['17:3']);
  });

  it('a raci-disable-next-line comment skips the blank `>` line under it', () => {
    const text = guideWith(table.slice(0, 3), '> ', '> ', ['> <!-- raci-disable-next-line accountable-multiple -->', '>']);
    const unused = checkGuideText(text).findings.find((finding) => finding.code === 'disable-unused');
    expect(unused?.message).toBe('This raci-disable-next-line comment silences nothing: line 16 has no accountable-multiple finding.');
  });
});
