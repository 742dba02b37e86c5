import { diffWordsWithSpace } from 'diff';
import type { WordDiffPart } from '../schema/diff.js';

/**
 * Word-level diff of two texts (jsdiff's `diffWordsWithSpace`: words, punctuation
 * marks and runs of spaces are tokens, so both texts come back exactly as written).
 * Changes separated only by spaces are read as one replacement, so "Email Pro" →
 * "Hosted Exchange" shows as one deletion and one insertion, not word by word.
 */
export function wordDiff(oldText: string, newText: string): WordDiffPart[] {
  const raw: WordDiffPart[] = diffWordsWithSpace(oldText, newText).map((change) => ({
    op: change.added ? 'insert' : change.removed ? 'delete' : 'equal',
    text: change.value,
  }));
  const parts: WordDiffPart[] = [];
  let index = 0;
  while (index < raw.length) {
    const part = raw[index]!;
    if (part.op === 'equal') {
      push(parts, part);
      index += 1;
      continue;
    }
    // The run of changes, taking in the spaces that only separate changes.
    let end = index;
    for (let next = index + 1; next < raw.length; next++) {
      const candidate = raw[next]!;
      if (candidate.op !== 'equal') end = next;
      else if (!/^\s+$/.test(candidate.text)) break;
    }
    let removed = '';
    let inserted = '';
    for (const change of raw.slice(index, end + 1)) {
      if (change.op !== 'insert') removed += change.text;
      if (change.op !== 'delete') inserted += change.text;
    }
    if (removed !== '') push(parts, { op: 'delete', text: removed });
    if (inserted !== '') push(parts, { op: 'insert', text: inserted });
    index = end + 1;
  }
  return parts;
}

function push(parts: WordDiffPart[], part: WordDiffPart): void {
  const last = parts.at(-1);
  if (last && last.op === part.op) last.text += part.text;
  else parts.push({ ...part });
}

/** The old text back from a word diff (equal and deleted parts). */
export function oldTextOf(parts: readonly WordDiffPart[]): string {
  return parts
    .filter((part) => part.op !== 'insert')
    .map((part) => part.text)
    .join('');
}

/** The new text back from a word diff (equal and inserted parts). */
export function newTextOf(parts: readonly WordDiffPart[]): string {
  return parts
    .filter((part) => part.op !== 'delete')
    .map((part) => part.text)
    .join('');
}
