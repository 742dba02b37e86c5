import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  listActivities,
  normalizeRoleCell,
  ResponsibilityModelSchema,
  type SafeParseResult,
  safeParseResponsibilityModel,
} from '../../src/index.js';
import { isCanonicalRoleCell } from '../../src/roles/role-cell.js';
import { checkGuideText } from '../../src/rules/check-guide.js';
import { applyFixes } from '../../src/rules/fix.js';
import { lineStarts } from '../../src/util/lines.js';
import { expectedPlainTextTail, lostRows, mutate, mutationArbitrary, plainTextTail, SEED, sampleGuides } from '../helpers/hostile.js';
import { bundledGuides, ROOT } from '../helpers/paths.js';
import { editRows, type RowEdit, rowEditArbitrary } from '../helpers/row-edits.js';

/**
 * Properties with fast-check: a fixed seed and a bounded number of runs, so
 * the suite is repeatable and stays within seconds.
 */

const GUIDES = sampleGuides();

/** Pieces that mean something to markdown, to YAML or to the parser, and some that mean trouble. */
const TOKENS = [
  '|',
  '||',
  ' | ',
  '#',
  '## 1. ',
  '### 2.1. ',
  '#### 99999999999999999999.1 ',
  '*',
  '**',
  '_',
  '---',
  '| --- |',
  '|:-:|',
  '\\',
  '\\|',
  '\n',
  '\r\n',
  '\r',
  '\n\n',
  ' ',
  '\t',
  '> ',
  '- ',
  '1. ',
  '[^1]: ',
  '    ',
  '`',
  '```',
  '[',
  ']',
  '(',
  ')',
  '<!--',
  '-->',
  'R',
  'A',
  'C',
  'I',
  'RA',
  'MP',
  'x',
  '✓',
  'Customer',
  'OVHcloud',
  '__proto__',
  'constructor',
  'R: label',
  'title: T',
  '\ud800',
  '\udc00',
  '\u0000',
  '\ufeff',
  'â€™',
  'Ã©',
  '\u2028',
  '&amp;',
  '<br>',
  'é',
];
const markdownish = fc
  .array(
    fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) }),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

function checkResult(text: string, result: SafeParseResult): void {
  expect(ResponsibilityModelSchema.safeParse(result.model).success).toBe(true);
  expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'internal-error')).toEqual([]);
  const lineCount = text.split(/\r\n|\r|\n/).length;
  for (const diagnostic of result.diagnostics) {
    expect(diagnostic.line).toBeGreaterThanOrEqual(1);
    expect(diagnostic.endLine).toBeGreaterThanOrEqual(diagnostic.line);
    expect(diagnostic.endLine).toBeLessThanOrEqual(lineCount);
    expect(diagnostic.message).not.toContain('\n');
  }
  expect(() => JSON.stringify(result.model)).not.toThrow();
}

describe('safeParseResponsibilityModel on any string', () => {
  it('never throws, never fails inside, and gives a valid model (arbitrary unicode, lone surrogates)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        checkResult(text, safeParseResponsibilityModel(text));
      }),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('never throws on markdown-like noise, and every table row it contains is accounted for', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        const result = safeParseResponsibilityModel(text);
        checkResult(text, result);
        expect(lostRows(text, result)).toEqual([]);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('mutated real guides', () => {
  const mutated = fc
    .tuple(fc.nat({ max: GUIDES.length - 1 }), fc.array(mutationArbitrary, { minLength: 1, maxLength: 6 }))
    .map(([guide, mutations]) => ({
      name: GUIDES[guide]!.name,
      mutations,
      text: mutate(GUIDES[guide]!.text, mutations),
    }));

  it('never throw, and every table body row is an activity or is quoted by a diagnostic', () => {
    fc.assert(
      fc.property(mutated, ({ text }) => {
        const result = safeParseResponsibilityModel(text);
        checkResult(text, result);
        expect(lostRows(text, result)).toEqual([]);
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('the unmutated guides pass the same check (the checker is not vacuous)', () => {
    for (const { text } of GUIDES) {
      const result = safeParseResponsibilityModel(text);
      expect(lostRows(text, result)).toEqual([]);
      expect(result.model.sections.length).toBeGreaterThan(0);
    }
  });

  it('renderPlainText and the model agree: every section and every activity once, in order', () => {
    fc.assert(
      fc.property(mutated, ({ text }) => {
        const { model } = safeParseResponsibilityModel(text);
        const expected = expectedPlainTextTail(model);
        expect(plainTextTail(model, expected.length)).toEqual(expected);
      }),
      { seed: SEED, numRuns: 100 },
    );
  });
});

describe('role cells', () => {
  const cell = fc.string({
    unit: fc.constantFrom('R', 'A', 'C', 'I', 'r', 'a', 'c', 'i', 'M', 'P', 'x', '/', ',', ' ', '+', '-', '*', '_', '.', 'é', '✓'),
    maxLength: 12,
  });

  it('normalisation is idempotent', () => {
    fc.assert(
      fc.property(cell, (text) => {
        const once = normalizeRoleCell(text);
        const twice = normalizeRoleCell(once.canonical);
        expect(twice.roles).toEqual(once.roles);
        expect(twice.canonical).toBe(once.canonical);
        expect(twice.unknown).toEqual([]);
        expect(isCanonicalRoleCell(once.canonical)).toBe(true);
      }),
      { seed: SEED, numRuns: 300 },
    );
  });

  it('normalisation does not depend on the order of the characters', () => {
    fc.assert(
      fc.property(cell, fc.array(fc.nat()), (text, keys) => {
        const characters = [...text];
        const shuffled = characters
          .map((character, index) => ({ character, key: keys[index] ?? index }))
          .sort((a, b) => a.key - b.key)
          .map(({ character }) => character)
          .join('');
        const original = normalizeRoleCell(text);
        const reordered = normalizeRoleCell(shuffled);
        expect(reordered.roles).toEqual(original.roles);
        expect(reordered.canonical).toBe(original.canonical);
        expect([...reordered.unknown].sort()).toEqual([...original.unknown].sort());
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
});

describe('raci check --fix on bundled guides whose table rows were edited by hand', () => {
  const guides = bundledGuides().map((path) => readFileSync(join(ROOT, path), 'utf8'));
  const edited = fc
    .tuple(fc.nat({ max: guides.length - 1 }), fc.array(rowEditArbitrary, { minLength: 1, maxLength: 8 }))
    .map(([guide, edits]: [number, RowEdit[]]) => editRows(guides[guide]!, edits));

  /** Every activity, and each party's letters, as the parser reads them. */
  const letters = (text: string) =>
    listActivities(safeParseResponsibilityModel(text).model).map((activity) => [activity.id, activity.assignments]);

  /** The rules' edits applied as they are, without the check applyFixes makes: the rules must be safe on their own. */
  const applyRaw = (text: string, findings: ReturnType<typeof checkGuideText>['findings']): string => {
    const starts = lineStarts(text);
    const edits = findings
      .flatMap((finding) => finding.fix ?? [])
      .map((edit) => ({ from: starts[edit.line - 1]! + edit.column - 1, to: starts[edit.line - 1]! + edit.endColumn - 1, text: edit.text }))
      .sort((a, b) => b.from - a.from);
    return edits.reduce((result, edit) => result.slice(0, edit.from) + edit.text + result.slice(edit.to), text);
  };

  it('leaves every activity’s letters, party by party, as they were read before (and fixes something)', () => {
    let applied = 0;
    fc.assert(
      fc.property(edited, ({ text, droppedPipe }) => {
        const before = letters(text);
        const { findings } = checkGuideText(text);
        const fixed = applyFixes(text, findings);
        applied += fixed.applied;
        expect(letters(fixed.text)).toEqual(before);
        expect(letters(applyRaw(text, findings))).toEqual(before);
        // A row that lost a pipe is not rewritten: which column its letters belong to is for a writer to say.
        const lines = text.split('\n');
        const fixedLines = fixed.text.split('\n');
        for (const line of droppedPipe) expect(fixedLines[line]).toBe(lines[line]);
      }),
      { seed: SEED, numRuns: 60 },
    );
    expect(applied).toBeGreaterThan(0);
  });
});
