import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { listActivities } from '../model/list-activities.js';
import { safeParseResponsibilityModel } from '../parse/parse.js';
import type { Finding, TextEdit } from '../schema/finding.js';
import { lineStarts } from '../util/lines.js';

interface OffsetEdit {
  from: number;
  to: number;
  text: string;
}

/**
 * The text with the fixes of the findings applied, and how many were. An
 * edit overlapping one already taken is skipped (the next run picks it up).
 * The fixed text is read again and every activity's letters compared, party
 * by party, with the original's: an edit that would change who is
 * responsible for anything is dropped, whatever finding proposed it.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const edits = nonOverlapping(offsetEdits(text, findings));
  if (edits.length === 0) return { text, applied: 0 };
  const before = responsibilities(text);
  const keeps = (chosen: readonly OffsetEdit[]) => responsibilities(applyEdits(text, chosen)) === before;
  // One reading in the usual case; an edit is tried alone only when the whole set changes a letter.
  const safe = keeps(edits) ? edits : edits.filter((edit) => keeps([edit]));
  const kept = safe.length === edits.length || keeps(safe) ? safe : [];
  return { text: applyEdits(text, kept), applied: kept.length };
}

function offsetEdits(text: string, findings: readonly Finding[]): OffsetEdit[] {
  const starts = lineStarts(text);
  return findings
    .flatMap((finding) => finding.fix ?? [])
    .flatMap((edit: TextEdit): OffsetEdit[] => {
      const lineStart = starts[edit.line - 1];
      if (lineStart === undefined) return [];
      const from = lineStart + edit.column - 1;
      const to = lineStart + edit.endColumn - 1;
      return from <= to && to <= text.length ? [{ from, to, text: edit.text }] : [];
    });
}

/** From the end of the text backwards, each edit ending before the previous one starts. */
function nonOverlapping(edits: readonly OffsetEdit[]): OffsetEdit[] {
  const kept: OffsetEdit[] = [];
  let limit = Number.POSITIVE_INFINITY;
  for (const edit of [...edits].sort((a, b) => b.from - a.from)) {
    if (edit.to > limit) continue;
    kept.push(edit);
    limit = edit.from;
  }
  return kept;
}

/** Edits in back-to-front order, so earlier offsets stay valid. */
function applyEdits(text: string, edits: readonly OffsetEdit[]): string {
  let result = text;
  for (const edit of edits) result = result.slice(0, edit.from) + edit.text + result.slice(edit.to);
  return result;
}

/** Every activity with the letters of each party, as the parser reads them: what a fix must not change. */
function responsibilities(text: string): string {
  const { model } = safeParseResponsibilityModel(text);
  return JSON.stringify(listActivities(model).map((activity) => [activity.id, activity.text, activity.assignments]));
}

/** A unified diff (`--- a/file`, `+++ b/file`), empty when nothing changes. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: 1,
    headerOptions: FILE_HEADERS_ONLY,
  });
}
