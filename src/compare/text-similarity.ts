/**
 * How alike two activity texts are, used to tell a reworded activity from a
 * removed one plus an added one.
 *
 * The measure is the Sørensen–Dice coefficient over the multisets of words
 * (lower-cased, NFKC, letters and digits; an apostrophe inside a word keeps it
 * whole): 2·|common words| / (|words of a| + |words of b|), from 0 to 1.
 * Words rather than characters because the change is then shown as a word diff,
 * so the score and what the reader sees measure the same thing; and because
 * character bigrams score unrelated sentences that share common stems too high
 * (over the bundled guides, twice as many pairs of distinct activities of one
 * section reach 0.4). Dice rather than Jaccard because an activity that gains a
 * qualifier ("Choose service location in EU" → "… in EU (or in CA if the client
 * uses CA website )", Email Pro → Hosted Exchange) keeps a fair score: 0.53
 * against Jaccard's 0.36. The threshold 0.5 ("half the words shared") keeps the
 * three rewordings between those two guides while no exact-text pairing is ever
 * given up for a similar one (see match-activities.ts).
 */

/** Same section: the activities share at least half their words. */
export const REWORDED_THRESHOLD = 0.5;
/** Another section: a move and a rewording at once need stronger evidence. */
export const MOVED_REWORDED_THRESHOLD = 0.7;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;

/** Whitespace runs collapsed, ends trimmed, NFC: what "the same text" means. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(/’/gu, "'").match(WORD) ?? [];
}

/** The words of a text with how often each occurs, ready to be compared many times. */
export interface WordCounts {
  counts: Map<string, number>;
  total: number;
}

export function wordCounts(text: string): WordCounts {
  const counts = new Map<string, number>();
  const words = wordsOf(text);
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return { counts, total: words.length };
}

export function textSimilarity(a: string, b: string): number {
  return countsSimilarity(wordCounts(a), wordCounts(b));
}

export function countsSimilarity(a: WordCounts, b: WordCounts): number {
  if (a.total === 0 && b.total === 0) return 1;
  const [smaller, larger] = a.counts.size <= b.counts.size ? [a.counts, b.counts] : [b.counts, a.counts];
  let common = 0;
  for (const [word, count] of smaller) common += Math.min(count, larger.get(word) ?? 0);
  return (2 * common) / (a.total + b.total);
}
