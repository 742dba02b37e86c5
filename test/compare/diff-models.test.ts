import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffModels } from '../../src/compare/diff-models.js';
import { ModelDiffSchema } from '../../src/schema/diff.js';
import type { ResponsibilityModel, RoleLetter } from '../../src/schema/model.js';
import { DIFF_FIXTURES } from '../helpers/paths.js';
import { brief, load } from './helpers.js';

const base = load(`${DIFF_FIXTURES}/base.en-gb.md`);
const against = (name: string) => diffModels(base, load(`${DIFF_FIXTURES}/${name}.en-gb.md`), { oldLabel: 'base', newLabel: name });

describe('diffModels on a pair of fixtures per kind of change', () => {
  it('letter order, letter case and extra spaces are no change', () => {
    const diff = against('letter-order');
    expect(diff.identical).toBe(true);
    expect(diff.activities).toEqual([]);
    expect(diff.summary).toEqual({
      added: 0,
      removed: 0,
      reworded: 0,
      moved: 0,
      reassigned: 0,
      accountable: 0,
      unchanged: 7,
      sections: 0,
      meta: 0,
    });
  });

  it('added and removed activities, each in its section with its letters and line', () => {
    const diff = against('added-removed');
    expect(diff.identical).toBe(false);
    expect(diff.activities.map(brief)).toEqual([
      { kind: 'removed', section: '2.1', text: 'Manage access to the control panel' },
      { kind: 'added', section: '2.2', text: 'Delete the service at the end of the contract' },
    ]);
    expect(diff.activities[0]!.old).toEqual({
      id: '2.1#3',
      text: 'Manage access to the control panel',
      line: 35,
      section: { number: '2.1', title: 'Operations' },
      assignments: { customer: ['R', 'A'], ovhcloud: ['I'] },
    });
    expect(diff.activities[1]!.new).toMatchObject({ id: '2.2#3', line: 42, assignments: { customer: ['R', 'A'], ovhcloud: ['I'] } });
    expect(diff.summary).toMatchObject({ added: 1, removed: 1, unchanged: 6 });
  });

  it('a reworded activity comes with its similarity and word diff', () => {
    const diff = against('reworded');
    expect(diff.activities.map(brief)).toEqual([
      { kind: 'modified', section: '1.1', text: 'Choose service location in EU or in Canada', reworded: 'Choose service location in EU' },
    ]);
    const [change] = diff.activities;
    expect(change!.similarity).toBeCloseTo((2 * 5) / (5 + 8), 3);
    expect(change!.words).toEqual([
      { op: 'equal', text: 'Choose service location in EU' },
      { op: 'insert', text: ' or in Canada' },
    ]);
    expect(diff.summary).toMatchObject({ reworded: 1, reassigned: 0, unchanged: 6 });
  });

  it('an activity moved to another section keeps its letters', () => {
    const diff = against('moved');
    expect(diff.activities.map(brief)).toEqual([
      { kind: 'modified', section: '2.2', text: 'Manage access to the control panel', movedFrom: '2.1' },
    ]);
    expect(diff.summary).toMatchObject({ moved: 1, added: 0, removed: 0 });
  });

  it('letters per party, and the accountable party changing hands', () => {
    const diff = against('reassigned');
    expect(diff.activities.map(brief)).toEqual([
      {
        kind: 'modified',
        section: '2.1',
        text: 'Administrate the service infrastructure (servers, OS, storage)',
        assignments: ['customer: RA → -', 'ovhcloud: RI → RA'],
        accountable: 'customer → ovhcloud',
      },
      { kind: 'modified', section: '2.2', text: 'Report an incident on the service', assignments: ['ovhcloud: I → CI'] },
    ]);
    expect(diff.activities[0]!.assignments[0]).toEqual({ party: 'customer', label: 'Customer', old: ['R', 'A'], new: [] });
    expect(diff.summary).toMatchObject({ reassigned: 2, accountable: 1, unchanged: 5 });
  });

  it('sections added, removed and renamed by number; their rows moved', () => {
    const diff = against('sections');
    expect(diff.sections).toEqual([
      { kind: 'removed', number: '1.1', oldTitle: 'Specify service as needed', oldLine: 20 },
      { kind: 'added', number: '1.2', newTitle: 'Choose the offer', newLine: 20 },
      { kind: 'renamed', number: '2.2', oldTitle: 'Incidents', newTitle: 'Incident management', oldLine: 37, newLine: 37 },
      { kind: 'added', number: '2.3', newTitle: 'Changes', newLine: 44 },
    ]);
    expect(diff.activities.map(brief)).toEqual([
      { kind: 'modified', section: '1.2', text: "Choose the service's sizing", movedFrom: '1.1' },
      { kind: 'modified', section: '1.2', text: 'Choose service location in EU', movedFrom: '1.1' },
      { kind: 'added', section: '2.3', text: 'Plan a change on the service' },
    ]);
  });

  it('a section inserted before others: they are renumbered, their activities neither moved nor removed', () => {
    const diff = against('renumbered');
    expect(diff.sections).toEqual([
      { kind: 'added', number: '2.1', newTitle: 'Ordering', newLine: 29 },
      { kind: 'renumbered', number: '2.2', oldNumber: '2.1', oldTitle: 'Operations', newTitle: 'Operations', oldLine: 29, newLine: 35 },
      { kind: 'renumbered', number: '2.3', oldNumber: '2.2', oldTitle: 'Incidents', newTitle: 'Incidents', oldLine: 37, newLine: 43 },
    ]);
    // Only the real changes: the new activity, and the letters changed in the renumbered 2.3.
    expect(diff.activities.map(brief)).toEqual([
      { kind: 'added', section: '2.1', text: 'Order the service' },
      { kind: 'modified', section: '2.3', text: 'Restore the service after an incident', assignments: ['customer: I → C'] },
    ]);
    expect(diff.summary).toMatchObject({ added: 1, removed: 0, moved: 0, reassigned: 1, unchanged: 6, sections: 3 });
  });

  it('a whole phase renumbered with its subsections: every section renumbered, no activity moved', () => {
    const diff = against('phase-renumbered');
    expect(diff.sections.map((change) => [change.kind, change.oldNumber ?? null, change.number, change.newTitle])).toEqual([
      ['added', null, '2', 'Delivery'],
      ['added', null, '2.1', 'Installation'],
      ['renumbered', '2', '3', 'Service usage'],
      ['renumbered', '2.1', '3.1', 'Operations'],
      ['renumbered', '2.2', '3.2', 'Incidents'],
    ]);
    expect(diff.activities.map(brief)).toEqual([{ kind: 'added', section: '2.1', text: 'Install the service' }]);
    expect(diff.summary).toMatchObject({ added: 1, removed: 0, moved: 0, reassigned: 0, unchanged: 7, sections: 5 });
  });

  it('a section number used twice: the second heading is added, not a rename of the first', () => {
    const diff = against('duplicate-number');
    expect(diff.sections).toEqual([{ kind: 'added', number: '2.2', newTitle: 'Escalation', newLine: 44 }]);
    expect(diff.activities.map(brief)).toEqual([{ kind: 'added', section: '2.2', text: 'Escalate an incident' }]);
  });

  it('a number used twice in the old version: the heading left over is removed', () => {
    const diff = diffModels(load(`${DIFF_FIXTURES}/duplicate-number.en-gb.md`), base);
    expect(diff.sections).toEqual([{ kind: 'removed', number: '2.2', oldTitle: 'Escalation', oldLine: 44 }]);
    expect(diff.activities.map(brief)).toEqual([{ kind: 'removed', section: '2.2', text: 'Escalate an incident' }]);
  });

  it('title, excerpt, updated, intro and legend labels', () => {
    const diff = against('meta');
    expect(diff.meta.map(({ words: _words, ...change }) => change)).toEqual([
      { field: 'title', old: 'Example service - Responsibility model', new: 'Example service - Shared responsibility model' },
      { field: 'excerpt', old: 'Shared responsibilities between OVHcloud and the customer', new: null },
      { field: 'updated', old: '2024-01-15', new: '2024-06-01' },
      {
        field: 'intro',
        old: 'The RACI below details shared responsibilities between OVHcloud and the customer.',
        new: 'The RACI below details the responsibilities shared by OVHcloud and the customer.',
      },
    ]);
    expect(diff.legend).toEqual([{ key: 'C', old: 'Is consulted during the process', new: 'Is consulted before the process' }]);
    expect(diff.activities).toEqual([]);
    expect(diff.identical).toBe(false);
  });

  it('party and scope columns: a column added, an applicability changed', () => {
    const diff = diffModels(load(`${DIFF_FIXTURES}/columns-old.en-gb.md`), load(`${DIFF_FIXTURES}/columns-new.en-gb.md`));
    expect(diff.parties).toEqual([{ key: 'reseller', old: null, new: 'Reseller' }]);
    expect(diff.scopes).toEqual([]);
    expect(diff.activities.map(brief)).toEqual([
      {
        kind: 'modified',
        section: '1.1',
        text: 'Replace faulty hardware',
        assignments: ['reseller: - → C'],
        scopes: ['private-cloud: false → true'],
      },
    ]);
  });

  it('every result matches the published schema', () => {
    for (const name of [
      'letter-order',
      'added-removed',
      'reworded',
      'moved',
      'reassigned',
      'sections',
      'meta',
      'renumbered',
      'phase-renumbered',
    ]) {
      expect(() => ModelDiffSchema.parse(against(name))).not.toThrow();
    }
  });
});

describe('diffModels properties', () => {
  const shuffleLetters = (model: ResponsibilityModel, seed: number): ResponsibilityModel =>
    structuredClone({
      ...model,
      sections: model.sections.map(function visit(section): ResponsibilityModel['sections'][number] {
        return {
          ...section,
          activities: section.activities.map((activity) => ({
            ...activity,
            assignments: Object.fromEntries(
              Object.entries(activity.assignments).map(([party, letters]) => [
                party,
                seed % 2 === 0 ? [...letters].reverse() : ([...letters].sort() as RoleLetter[]),
              ]),
            ),
          })),
          sections: section.sections.map(visit),
        };
      }),
    });

  it('a guide against itself, or with its letters in another order, is identical', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 9 }), (seed) => {
        expect(diffModels(base, base).identical).toBe(true);
        expect(diffModels(base, shuffleLetters(base, seed)).identical).toBe(true);
      }),
      { numRuns: 10 },
    );
  });

  it('swapping old and new swaps added and removed', () => {
    for (const name of ['added-removed', 'sections', 'reassigned']) {
      const forward = against(name);
      const backward = diffModels(load(`${DIFF_FIXTURES}/${name}.en-gb.md`), base);
      expect(backward.summary.added).toBe(forward.summary.removed);
      expect(backward.summary.removed).toBe(forward.summary.added);
      expect(backward.summary.accountable).toBe(forward.summary.accountable);
    }
  });

  it('removing any one activity reports exactly that one as removed', () => {
    const rows = base.sections.flatMap(function all(section): { number: string; index: number }[] {
      return [...section.activities.map((_, index) => ({ number: section.number, index })), ...section.sections.flatMap(all)];
    });
    fc.assert(
      fc.property(fc.constantFrom(...rows), (target) => {
        const changed = structuredClone(base);
        const visit = (sections: ResponsibilityModel['sections']): void => {
          for (const section of sections) {
            if (section.number === target.number) section.activities.splice(target.index, 1);
            visit(section.sections);
          }
        };
        visit(changed.sections);
        const diff = diffModels(base, changed);
        expect(diff.activities.map((change) => change.kind)).toEqual(['removed']);
        expect(diff.activities[0]!.section.number).toBe(target.number);
      }),
      { numRuns: rows.length * 2 },
    );
  });
});
