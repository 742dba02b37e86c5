import fc from 'fast-check';
import { glob } from 'tinyglobby';
import { describe, expect, it } from 'vitest';
import { matchActivities } from '../../src/compare/match-activities.js';
import { countsSimilarity, wordCounts } from '../../src/compare/text-similarity.js';
import { listActivities } from '../../src/model/list-activities.js';
import type { ActivityRow } from '../../src/schema/model.js';
import { CORPUS, ROOT } from '../helpers/paths.js';
import { load } from './helpers.js';

let nextLine = 1;
function row(sectionNumber: string, text: string, customer: ActivityRow['assignments'][string] = ['R', 'A']): ActivityRow {
  const line = nextLine++;
  return {
    id: `${sectionNumber}#${line}`,
    text,
    assignments: { customer },
    cells: { customer: customer.join('') },
    scopes: {},
    links: [],
    line,
    sectionNumber,
    sectionTitle: `Section ${sectionNumber}`,
    path: [{ number: sectionNumber, title: `Section ${sectionNumber}` }],
  };
}

const texts = (rows: readonly ActivityRow[]) => rows.map((r) => r.text);

describe('matchActivities', () => {
  it('pairs equal texts of one section, duplicates in order', () => {
    const before = [row('1', 'Manage backups', ['R']), row('1', 'Manage backups', ['A'])];
    const after = [row('1', 'Manage backups', ['I']), row('1', 'Manage backups', ['C'])];
    const { pairs, added, removed } = matchActivities(before, after);
    expect(pairs.map((pair) => [pair.old.assignments.customer, pair.new.assignments.customer, pair.how])).toEqual([
      [['R'], ['I'], 'exact'],
      [['A'], ['C'], 'exact'],
    ]);
    expect([added, removed]).toEqual([[], []]);
  });

  it('never gives up an exact pairing for a similar one', () => {
    const before = [row('1', 'Manage backups of the service')];
    const after = [row('1', 'Manage backups of the service daily'), row('2', 'Manage backups of the service')];
    const { pairs, added } = matchActivities(before, after);
    expect(pairs.map((pair) => [pair.new.sectionNumber, pair.how])).toEqual([['2', 'exact']]);
    expect(texts(added)).toEqual(['Manage backups of the service daily']);
  });

  it('reworded within a section from half the words shared; below that, removed and added', () => {
    const before = [row('1', 'Administrate domain, mailboxes, aliases, external contacts'), row('1', 'Choose the service location')];
    const after = [row('1', 'Administrate domain, mailboxes, distribution groups, etc.'), row('1', 'Order a domain name')];
    const { pairs, added, removed } = matchActivities(before, after);
    expect(pairs.map((pair) => [pair.old.text, pair.how, pair.similarity])).toEqual([
      ['Administrate domain, mailboxes, aliases, external contacts', 'reworded', 0.5],
    ]);
    expect(texts(added)).toEqual(['Order a domain name']);
    expect(texts(removed)).toEqual(['Choose the service location']);
    // A stricter threshold leaves the rewording as a removal and an addition.
    expect(matchActivities(before, after, { reworded: 0.51 }).pairs).toEqual([]);
  });

  it('the best-scoring pair wins when two new texts resemble one old text', () => {
    const before = [row('1', 'Manage security of the platform')];
    const after = [row('1', 'Manage security of the web platform'), row('1', 'Manage security of the platform and network')];
    const { pairs } = matchActivities(before, after);
    // 5 of 5+6 words (0.909) beats 5 of 5+7 (0.833)
    expect(pairs.map((pair) => pair.new.text)).toEqual(['Manage security of the web platform']);
  });

  it('across sections a rewording needs the higher threshold', () => {
    const before = [row('1', 'Create, modify, remove technical accounts in the Control Panel'), row('1', 'Monitor the service')];
    const after = [row('2', 'Create, modify, remove FTP accounts in the Control Panel'), row('2', 'Monitor the whole platform')];
    const { pairs, added, removed } = matchActivities(before, after);
    expect(pairs.map((pair) => [pair.old.sectionNumber, pair.new.sectionNumber, pair.how])).toEqual([['1', '2', 'reworded']]);
    expect(texts(added)).toEqual(['Monitor the whole platform']);
    expect(texts(removed)).toEqual(['Monitor the service']);
  });

  it('keeps the new reading order for pairs and additions', () => {
    const before = [row('1', 'B'), row('1', 'A')];
    const after = [row('1', 'A'), row('1', 'C'), row('1', 'B')];
    const { pairs, added } = matchActivities(before, after);
    expect(texts(pairs.map((pair) => pair.new))).toEqual(['A', 'B']);
    expect(texts(added)).toEqual(['C']);
  });
});

/**
 * The pairing as the definition states it, scoring every pair: the oracle the
 * indexed pairing must agree with whenever no row has more candidates than its bound.
 */
function matchByScoringEveryPair(oldRows: readonly ActivityRow[], newRows: readonly ActivityRow[], reworded = 0.5, movedReworded = 0.7) {
  const oldOf = new Map<number, number>();
  const taken = new Set<number>();
  const norm = (text: string) => text.normalize('NFC').replace(/\s+/gu, ' ').trim();
  const oldTexts = oldRows.map((oldRow) => norm(oldRow.text));
  const newTexts = newRows.map((newRow) => norm(newRow.text));
  const oldWords = oldTexts.map(wordCounts);
  const newWords = newTexts.map(wordCounts);
  const pairExact = (sameSection: boolean) => {
    newRows.forEach((newRow, newIndex) => {
      if (oldOf.has(newIndex)) return;
      const oldIndex = oldRows.findIndex(
        (oldRow, index) =>
          !taken.has(index) && oldTexts[index] === newTexts[newIndex] && (!sameSection || oldRow.sectionNumber === newRow.sectionNumber),
      );
      if (oldIndex === -1) return;
      oldOf.set(newIndex, oldIndex);
      taken.add(oldIndex);
    });
  };
  const pairSimilar = (sameSection: boolean, threshold: number) => {
    const candidates: [number, number, number][] = [];
    newRows.forEach((newRow, newIndex) => {
      if (oldOf.has(newIndex)) return;
      oldRows.forEach((oldRow, oldIndex) => {
        if (taken.has(oldIndex) || (oldRow.sectionNumber === newRow.sectionNumber) !== sameSection) return;
        const similarity = countsSimilarity(oldWords[oldIndex]!, newWords[newIndex]!);
        if (similarity >= threshold) candidates.push([similarity, oldIndex, newIndex]);
      });
    });
    candidates.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
    for (const [, oldIndex, newIndex] of candidates) {
      if (taken.has(oldIndex) || oldOf.has(newIndex)) continue;
      oldOf.set(newIndex, oldIndex);
      taken.add(oldIndex);
    }
  };
  pairExact(true);
  pairExact(false);
  pairSimilar(true, reworded);
  pairSimilar(false, movedReworded);
  return [...oldOf].sort((a, b) => a[0] - b[0]).map(([newIndex, oldIndex]) => [oldIndex, newIndex]);
}

function pairIndices(oldRows: readonly ActivityRow[], newRows: readonly ActivityRow[], matching: ReturnType<typeof matchActivities>) {
  return matching.pairs.map((pair) => [oldRows.indexOf(pair.old), newRows.indexOf(pair.new)]);
}

describe('matchActivities agrees with scoring every pair', () => {
  it('on the bundled guides: each translation against its reference, and each guide against the next', async () => {
    const files = (await glob(`${CORPUS}/**/*.md`, { cwd: ROOT })).sort();
    const guides = files.map((file) => ({ file, rows: listActivities(load(file)) }));
    const comparisons: [ActivityRow[], ActivityRow[]][] = [];
    for (const [index, guide] of guides.entries()) {
      const next = guides[index + 1];
      if (next) comparisons.push([guide.rows, next.rows]);
      const reference = guides.find((other) => other.file === guide.file.replace(/guide\.[a-z-]+\.md$/, 'guide.en-gb.md'));
      if (reference && reference !== guide) comparisons.push([reference.rows, guide.rows]);
    }
    expect(comparisons.length).toBeGreaterThan(40);
    for (const [before, after] of comparisons) {
      expect(pairIndices(before, after, matchActivities(before, after))).toEqual(matchByScoringEveryPair(before, after));
    }
  });

  it('on random rows drawn from a few words, at any thresholds', () => {
    const words = ['manage', 'the', 'backup', 'server', 'of', 'network', 'update', 'daily'];
    const arbitraryRow = fc.record({
      section: fc.constantFrom('1', '2', '3'),
      text: fc.array(fc.constantFrom(...words), { minLength: 0, maxLength: 6 }).map((list) => list.join(' ')),
    });
    const rowsArb = fc.array(arbitraryRow, { maxLength: 25 });
    const threshold = fc.double({ min: 0, max: 1, noNaN: true });
    fc.assert(
      fc.property(rowsArb, rowsArb, threshold, threshold, (oldSpecs, newSpecs, reworded, movedReworded) => {
        const before = oldSpecs.map((spec) => row(spec.section, spec.text));
        const after = newSpecs.map((spec) => row(spec.section, spec.text));
        const matching = matchActivities(before, after, { reworded, movedReworded });
        expect(pairIndices(before, after, matching)).toEqual(matchByScoringEveryPair(before, after, reworded, movedReworded));
      }),
      { numRuns: 300 },
    );
  });
});
