import { diffWordsWithSpace } from 'diff';
import type { WordDiffPart } from './diff-schema.js';

/**
 * Word-level diff of two texts (jsdiff's `diffWordsWithSpace`: words, punctuation
 * marks and runs of spaces are tokens, so both texts come back exactly as written).
 * Adjacent parts of one kind are merged.
 */
export function wordDiff(oldText: string, newText: string): WordDiffPart[] {
  const parts: WordDiffPart[] = [];
  for (const change of diffWordsWithSpace(oldText, newText)) {
    const op = change.added ? 'insert' : change.removed ? 'delete' : 'equal';
    const last = parts.at(-1);
    if (last && last.op === op) last.text += change.value;
    else parts.push({ op, text: change.value });
  }
  return parts;
}

/** The old text back from a word diff (equal and deleted parts). */
export function oldTextOf(parts: readonly WordDiffPart[]): string {
  return parts.filter((part) => part.op !== 'insert').map((part) => part.text).join('');
}

/** The new text back from a word diff (equal and inserted parts). */
export function newTextOf(parts: readonly WordDiffPart[]): string {
  return parts.filter((part) => part.op !== 'delete').map((part) => part.text).join('');
}
