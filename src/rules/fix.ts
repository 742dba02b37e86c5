import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import type { Finding, TextEdit } from '../schema/finding.js';
import { lineStarts } from '../util/lines.js';

/**
 * The text with the fixes of the findings applied. Edits are applied from the
 * end so earlier offsets stay valid; an edit overlapping one already taken is
 * skipped (the next run picks it up). Returns how many edits were applied.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const starts = lineStarts(text);
  const edits = findings
    .flatMap((finding) => finding.fix ?? [])
    .map((edit: TextEdit) => {
      const lineStart = starts[edit.line - 1];
      return lineStart === undefined
        ? undefined
        : { from: lineStart + edit.column - 1, to: lineStart + edit.endColumn - 1, text: edit.text };
    })
    .filter((edit): edit is { from: number; to: number; text: string } => edit !== undefined)
    .sort((a, b) => b.from - a.from);
  let result = text;
  let applied = 0;
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of edits) {
    if (edit.to > limit || edit.from > edit.to || edit.to > text.length) continue;
    result = result.slice(0, edit.from) + edit.text + result.slice(edit.to);
    limit = edit.from;
    applied++;
  }
  return { text: result, applied };
}

/** A unified diff (`--- a/file`, `+++ b/file`), empty when nothing changes. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: 1,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
