import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { listActivities } from '../model/list-activities.js';
import { safeAnalyseGuide, safeParseResponsibilityModel } from '../parse/parse.js';
import type { Finding, TextEdit } from '../schema/finding.js';
import type { ResponsibilityModel } from '../schema/model.js';
import type { ActivityTable } from '../tables/activity-rows.js';
import { inertLines } from '../util/control-characters.js';
import { lineStarts } from '../util/lines.js';

interface OffsetEdit {
  line: number;
  from: number;
  to: number;
  text: string;
  /** The finding's edit it was made from. */
  source: TextEdit;
}

/**
 * The text with the fixes of the findings applied, and how many were. An
 * edit overlapping one already taken is skipped (the next run picks it up),
 * and so is any edit on a table row whose cell count differs from its
 * header's (a pipe lost or added: which column a letter belongs to is unsure).
 * The fixed text is read again and every activity's letters compared, party
 * by party, with the original's: an edit that would change who is
 * responsible for anything is dropped, whatever finding proposed it.
 */
export function applyFixes(text: string, findings: readonly Finding[]): { text: string; applied: number } {
  const kept = safeOffsetEdits(text, findings);
  return { text: applyEdits(text, kept), applied: kept.length };
}

/** The edits `applyFixes` would make, as the findings gave them: what an editor may offer as quick fixes. */
export function safeFixEdits(text: string, findings: readonly Finding[]): TextEdit[] {
  return safeOffsetEdits(text, findings).map((edit) => edit.source);
}

function safeOffsetEdits(text: string, findings: readonly Finding[]): OffsetEdit[] {
  const candidates = offsetEdits(
    text,
    findings.flatMap((finding) => finding.fix ?? []),
  );
  if (candidates.length === 0) return [];
  const original = safeAnalyseGuide(text);
  const uneven = unevenRowLines(original.tables);
  const edits = nonOverlapping(candidates.filter((edit) => !uneven.has(edit.line)));
  const before = responsibilities(original.model);
  const keeps = (chosen: readonly OffsetEdit[]) =>
    responsibilities(safeParseResponsibilityModel(applyEdits(text, chosen)).model) === before;
  // One reading in the usual case; an edit is tried alone only when the whole set changes a letter.
  const safe = keeps(edits) ? edits : edits.filter((edit) => keeps([edit]));
  return safe.length === edits.length || keeps(safe) ? safe : [];
}

/**
 * The text with the edits applied, and how many were: an edit outside the
 * text, or overlapping one already taken, is skipped. No check of what the
 * edits mean: that is the caller's (see `applyFixes`).
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): { text: string; applied: number } {
  const kept = nonOverlapping(offsetEdits(text, edits));
  return { text: applyEdits(text, kept), applied: kept.length };
}

function offsetEdits(text: string, edits: readonly TextEdit[]): OffsetEdit[] {
  const starts = lineStarts(text);
  return edits.flatMap((edit): OffsetEdit[] => {
    const lineStart = starts[edit.line - 1];
    if (lineStart === undefined) return [];
    const from = lineStart + edit.column - 1;
    const to = lineStart + edit.endColumn - 1;
    return from <= to && to <= text.length ? [{ line: edit.line, from, to, text: edit.text, source: edit }] : [];
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

/** Lines (1-based) of table rows with more or fewer cells than their header. */
function unevenRowLines(tables: readonly ActivityTable[]): Set<number> {
  return new Set(
    tables.flatMap((table) => table.rows.filter(({ row }) => row.cells.length !== table.header.length).map(({ row }) => row.span.line)),
  );
}

/** Every activity with the letters of each party, as the parser reads them: what a fix must not change. */
function responsibilities(model: ResponsibilityModel): string {
  return JSON.stringify(listActivities(model).map((activity) => [activity.id, activity.text, activity.assignments]));
}

/** A unified diff (`--- a/file`, `+++ b/file`) to show, empty when nothing changes; control characters are shown escaped. */
export function unifiedDiff(file: string, before: string, after: string): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${file}`, `b/${file}`, before, after, undefined, undefined, {
    context: 1,
    headerOptions: FILE_HEADERS_ONLY,
  });
  return inertLines(patch);
}
