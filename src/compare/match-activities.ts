import type { ActivityRow } from '../schema/model.js';
import {
  countsSimilarity,
  MOVED_REWORDED_THRESHOLD,
  normaliseText,
  REWORDED_THRESHOLD,
  type WordCounts,
  wordCounts,
} from './text-similarity.js';

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
 * The similarity passes score a row only against the rows of the other guide
 * that share enough of its words, found through an index of words: at most
 * this many rows, after at most `MAX_LOOKUPS_PER_ROW` index entries. A hostile
 * pair of huge files thus takes near-linear time and bounded memory, while a
 * guide whose index lists stay under those bounds (any real guide: a few
 * hundred rows at most) is paired exactly as scoring every pair would.
 */
const MAX_CANDIDATES_PER_ROW = 200;
/** And at most this many index entries are looked at for each row, whether they become candidates or not. */
const MAX_LOOKUPS_PER_ROW = 20 * MAX_CANDIDATES_PER_ROW;

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
    // Reversed so that pop() hands out each list in row order in constant time.
    for (const list of waiting.values()) list.reverse();
    newRows.forEach((_row, index) => {
      if (oldOf.has(index)) return;
      const oldIndex = waiting.get(key(index, 'new', newTexts[index]!))?.pop();
      if (oldIndex === undefined) return;
      oldOf.set(index, oldIndex);
      taken.add(oldIndex);
      how.set(index, { how: 'exact', similarity: 1 });
    });
  };

  const oldWords = oldTexts.map(wordCounts);
  const newWords = newTexts.map(wordCounts);

  const pairSimilar = (sameSection: boolean, threshold: number): void => {
    const oldLeft = oldRows.map((_, index) => index).filter((index) => !taken.has(index));
    const index = indexByWord(oldLeft, oldWords, (oldIndex) => (sameSection ? String(oldSections[oldIndex]) : ''));
    const candidates: { oldIndex: number; newIndex: number; similarity: number }[] = [];
    newRows.forEach((_row, newIndex) => {
      if (oldOf.has(newIndex)) return;
      const bucket = sameSection ? String(newSections[newIndex]) : '';
      const accept = (oldIndex: number): boolean => sameSection || oldSections[oldIndex] !== newSections[newIndex];
      for (const oldIndex of candidateRows(newWords[newIndex]!, threshold, index, bucket, accept)) {
        const similarity = countsSimilarity(oldWords[oldIndex]!, newWords[newIndex]!);
        if (similarity >= threshold) candidates.push({ oldIndex, newIndex, similarity });
      }
    });
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

/** Rows with no words at all are similar only to each other; this key finds them. */
const NO_WORDS = '\u0000';

/** Old rows by bucket (their section, or one bucket for all): all of them, and by word; each list in row order. */
type WordIndex = Map<string, { rows: number[]; byWord: Map<string, number[]> }>;

function indexByWord(rows: readonly number[], words: readonly WordCounts[], bucketOf: (row: number) => string): WordIndex {
  const index: WordIndex = new Map();
  for (const row of rows) {
    const bucket = bucketOf(row);
    let entry = index.get(bucket);
    if (!entry) {
      entry = { rows: [], byWord: new Map() };
      index.set(bucket, entry);
    }
    entry.rows.push(row);
    const { byWord } = entry;
    const keys = words[row]!.total === 0 ? [NO_WORDS] : words[row]!.counts.keys();
    for (const word of keys) {
      const list = byWord.get(word);
      if (list) list.push(row);
      else byWord.set(word, [row]);
    }
  }
  return index;
}

/**
 * The old rows worth scoring against a new row. A row whose similarity reaches
 * the threshold shares at least `minimumShared` of the new row's words, so it
 * holds one of the new row's other words beyond that many (a prefix filter, as
 * in set-similarity joins); those words are tried rarest first, and at most
 * `MAX_CANDIDATES_PER_ROW` rows are returned, in the order found.
 */
function candidateRows(
  words: WordCounts,
  threshold: number,
  index: WordIndex,
  bucket: string,
  accept: (oldIndex: number) => boolean,
): number[] {
  const entry = index.get(bucket);
  if (!entry) return [];
  const firstOf = (rows: readonly number[]): number[] => {
    const accepted: number[] = [];
    for (const row of rows.slice(0, MAX_LOOKUPS_PER_ROW)) {
      if (accepted.length === MAX_CANDIDATES_PER_ROW) break;
      if (accept(row)) accepted.push(row);
    }
    return accepted;
  };
  // At a threshold of 0 every row qualifies, words shared or not.
  if (threshold <= 0) return firstOf(entry.rows);
  const { byWord } = entry;
  if (words.total === 0) return firstOf(byWord.get(NO_WORDS) ?? []);
  const minimumShared = Math.max(1, Math.ceil((threshold * words.total) / (2 - threshold) - 1e-9));
  // Each occurrence of a word counts: a word repeated n times stands for n positions of the prefix.
  const rarestFirst = [...words.counts].sort(
    ([a], [b]) => (byWord.get(a)?.length ?? 0) - (byWord.get(b)?.length ?? 0) || compareCodeUnits(a, b),
  );
  let prefixLeft = words.total - minimumShared + 1;
  let lookupsLeft = MAX_LOOKUPS_PER_ROW;
  const found = new Set<number>();
  for (const [word, count] of rarestFirst) {
    if (prefixLeft <= 0) break;
    prefixLeft -= count;
    for (const oldIndex of byWord.get(word) ?? []) {
      if (lookupsLeft-- === 0) return [...found];
      if (found.has(oldIndex) || !accept(oldIndex)) continue;
      found.add(oldIndex);
      if (found.size === MAX_CANDIDATES_PER_ROW) return [...found];
    }
  }
  return [...found];
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
