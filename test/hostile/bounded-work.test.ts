import { describe, expect, it } from 'vitest';
import { dissimilarRows, oneSectionGuide, REPRODUCTION_SIZES, similarRows } from '../../scripts/hostile-repositories.js';
import { matchActivities } from '../../src/compare/match-activities.js';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { safeParseResponsibilityModel } from '../../src/parse/parse.js';
import { matchBaseline } from '../../src/rules/baseline.js';
import type { ActivityRow } from '../../src/schema/model.js';
import { placeFindings } from '../../src/site/guide-figures.js';

// The inputs a hostile pull request once used to make a command quadratic, at
// their reproduction sizes where the library can be called without parsing.
// What each command answers is checked here; its time and memory are measured
// by `npm run bench` (goal 7).

function rowsOf(texts: readonly string[]): ActivityRow[] {
  return texts.map((text, index) => ({
    id: `1#${index + 1}`,
    text,
    assignments: { customer: ['R', 'A'] },
    cells: { customer: 'RA' },
    scopes: {},
    links: [],
    line: index + 1,
    sectionNumber: '1',
    sectionTitle: 'Everything',
    path: [{ number: '1', title: 'Everything' }],
  }));
}

describe('raci diff pairs the rows of a huge section without scoring every pair', () => {
  it(`${REPRODUCTION_SIZES.dissimilarRows.toLocaleString('en')} rows that share no word: all removed and added`, () => {
    const count = REPRODUCTION_SIZES.dissimilarRows;
    const before = rowsOf(dissimilarRows(count).map((row) => row.text));
    const after = rowsOf(dissimilarRows(count, count).map((row) => row.text));
    const { pairs, added, removed } = matchActivities(before, after);
    expect([pairs.length, added.length, removed.length]).toEqual([0, count, count]);
  });

  it(`${REPRODUCTION_SIZES.similarRows.toLocaleString('en')} rows alike but for one word: each paired with its own rewording`, () => {
    const texts = similarRows(REPRODUCTION_SIZES.similarRows).map((row) => row.text);
    const before = rowsOf(texts);
    const after = rowsOf(texts.map((text) => `${text} daily`));
    const { pairs, added, removed } = matchActivities(before, after);
    expect([added.length, removed.length]).toEqual([0, 0]);
    expect(pairs.every((pair) => pair.how === 'reworded' && `${pair.old.text} daily` === pair.new.text)).toBe(true);
  });
});

describe('raci check --baseline', () => {
  it(`matches ${REPRODUCTION_SIZES.baselineEntries.toLocaleString('en')} entries sharing one key, each used once`, () => {
    const entries = REPRODUCTION_SIZES.baselineEntries;
    const entry = { file: 'guide.md', rule: 'accountable-missing', text: 'Do', count: 1 };
    const baseline = { version: 1 as const, findings: Array.from({ length: entries }, () => ({ ...entry })) };
    const finding = {
      ...createDiagnostic('accountable-missing', 'rule', { line: 3, column: 1, endLine: 3, endColumn: 5 }),
      subject: 'Do',
    };
    const findings = Array.from({ length: entries / 2 + 1 }, () => ({ file: 'guide.md', finding }));
    const { fresh, baselined, unusedEntries } = matchBaseline(findings, baseline);
    expect([fresh.length, baselined.length, unusedEntries]).toEqual([0, entries / 2 + 1, entries / 2 - 1]);
  });
});

describe('raci report', () => {
  it(`puts ${REPRODUCTION_SIZES.findingRows.toLocaleString('en')} findings of one row on that row`, () => {
    const { model } = safeParseResponsibilityModel(oneSectionGuide([{ text: 'Do', customer: 'R', provider: 'I' }]));
    const activity = model.sections[0]!.activities[0]!;
    const findings = Array.from({ length: REPRODUCTION_SIZES.findingRows }, () =>
      createDiagnostic('accountable-missing', 'rule', { line: activity.line, column: 1, endLine: activity.line, endColumn: 2 }),
    );
    const placed = placeFindings(model, findings);
    expect(placed.byActivity.get(activity.id)).toHaveLength(findings.length);
    expect(new Set(placed.activityOf.values())).toEqual(new Set([activity.id]));
  });
});
