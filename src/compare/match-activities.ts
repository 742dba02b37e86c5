import type { ActivityRow } from '../schema/model.js';
import { MOVED_REWORDED_THRESHOLD, normaliseText, REWORDED_THRESHOLD, textSimilarity } from './text-similarity.js';

export interface ActivityMatch {
  old: ActivityRow;
  new: ActivityRow;
  /** `exact`: the same text once whitespace is collapsed; `reworded`: similar enough. */
  how: 'exact' | 'reworded';
  similarity: number;
}

export interface ActivityMatching {
  /** In reading order of the new guide. */
  pairs: ActivityMatch[];
  /** Old activities with no counterpart, in reading order. */
  removed: ActivityRow[];
  /** New activities with no counterpart, in reading order. */
  added: ActivityRow[];
}

export interface MatchThresholds {
  reworded?: number;
  movedReworded?: number;
  /** Which section a row is in, old and new alike (default: its number); rows with equal keys are in the same section. */
  sectionOf?: (row: ActivityRow) => string | number;
}

/**
 * Beyond this many candidate pairs across sections the moved-and-reworded pass
 * is skipped, so a hostile pair of huge files cannot take quadratic time; real
 * guides stay far below it (a hundred rows at most).
 */
const MAX_CROSS_SECTION_PAIRS = 1_000_000;

/**
 * Pairs the activities of two guides, most certain first:
 * 1. same section, same text (duplicates paired in order);
 * 2. same text, another section (moved);
 * 3. same section, similar text (reworded), best scores first;
 * 4. another section, similar text above a higher bar (moved and reworded).
 * Each pass only sees what the previous ones left, so an exact match is never
 * given up for a similar one.
 */
export function matchActivities(
  oldRows: readonly ActivityRow[],
  newRows: readonly ActivityRow[],
  thresholds: MatchThresholds = {},
): ActivityMatching {
  const reworded = thresholds.reworded ?? REWORDED_THRESHOLD;
  const movedReworded = thresholds.movedReworded ?? MOVED_REWORDED_THRESHOLD;
  const sectionOf = thresholds.sectionOf ?? ((row: ActivityRow) => row.sectionNumber);
  const oldSections = oldRows.map(sectionOf);
  const newSections = newRows.map(sectionOf);
  const oldTexts = oldRows.map((row) => normaliseText(row.text));
  const newTexts = newRows.map((row) => normaliseText(row.text));
  const oldOf = new Map<number, number>(); // new index → old index
  const taken = new Set<number>(); // old indices already paired
  const how = new Map<number, { how: 'exact' | 'reworded'; similarity: number }>();

  const pairExact = (key: (index: number, side: 'old' | 'new', text: string) => string): void => {
    const waiting = new Map<string, number[]>();
    oldRows.forEach((_row, index) => {
      if (taken.has(index)) return;
      const k = key(index, 'old', oldTexts[index]!);
      const list = waiting.get(k);
      if (list) list.push(index);
      else waiting.set(k, [index]);
    });
    newRows.forEach((_row, index) => {
      if (oldOf.has(index)) return;
      const oldIndex = waiting.get(key(index, 'new', newTexts[index]!))?.shift();
      if (oldIndex === undefined) return;
      oldOf.set(index, oldIndex);
      taken.add(oldIndex);
      how.set(index, { how: 'exact', similarity: 1 });
    });
  };

  const pairSimilar = (sameSection: boolean, threshold: number): void => {
    const oldLeft = oldRows.map((_, index) => index).filter((index) => !taken.has(index));
    const newLeft = newRows.map((_, index) => index).filter((index) => !oldOf.has(index));
    if (!sameSection && oldLeft.length * newLeft.length > MAX_CROSS_SECTION_PAIRS) return;
    const candidates: { oldIndex: number; newIndex: number; similarity: number }[] = [];
    for (const newIndex of newLeft) {
      for (const oldIndex of oldLeft) {
        const same = oldSections[oldIndex] === newSections[newIndex];
        if (same !== sameSection) continue;
        const similarity = textSimilarity(oldTexts[oldIndex]!, newTexts[newIndex]!);
        if (similarity >= threshold) candidates.push({ oldIndex, newIndex, similarity });
      }
    }
    // Best first; ties go to the earlier rows, so the result never depends on the sort's stability.
    candidates.sort((a, b) => b.similarity - a.similarity || a.oldIndex - b.oldIndex || a.newIndex - b.newIndex);
    for (const candidate of candidates) {
      if (taken.has(candidate.oldIndex) || oldOf.has(candidate.newIndex)) continue;
      oldOf.set(candidate.newIndex, candidate.oldIndex);
      taken.add(candidate.oldIndex);
      how.set(candidate.newIndex, { how: 'reworded', similarity: candidate.similarity });
    }
  };

  pairExact((index, side, text) => `${(side === 'old' ? oldSections : newSections)[index]}\u0000${text}`);
  pairExact((_index, _side, text) => text);
  pairSimilar(true, reworded);
  pairSimilar(false, movedReworded);

  const pairs: ActivityMatch[] = [];
  const added: ActivityRow[] = [];
  newRows.forEach((row, index) => {
    const oldIndex = oldOf.get(index);
    if (oldIndex === undefined) added.push(row);
    else pairs.push({ old: oldRows[oldIndex]!, new: row, ...how.get(index)! });
  });
  const removed = oldRows.filter((_, index) => !taken.has(index));
  return { pairs, removed, added };
}
