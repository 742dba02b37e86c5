import type { Span } from '../diagnostics/diagnostic.js';
import { guessContainerPrefixLength, isDelimiterRow, looksLikeTableLine, splitTableRow } from '../markdown/gfm-row.js';
import type { RuleContext } from '../rules/guide-context.js';
import { readDirectives } from '../rules/suppressions.js';
import { spanOnLine } from './ranges.js';

/** An insertion (or replacement) in the text: where, and what. */
export interface SourceEdit {
  span: Span;
  text: string;
}

/**
 * The edit that silences `code` on a 1-based `line` with a `raci-disable`
 * comment, written where the comment syntax expects it (docs/rules.md):
 * - a comment already aimed at the line gets the id added;
 * - an activity row gets `<!-- raci-disable-line code -->` at the end of its
 *   activity cell, any other table body row at the end of its first cell,
 *   so the table stays whole;
 * - any other line (a heading, a table's header row, the front of the file)
 *   gets `<!-- raci-disable-next-line code -->` on a line of its own above it,
 *   inside the same block quote.
 */
export function silenceEdit(context: RuleContext, line: number, code: string, eol: string): SourceEdit | undefined {
  const text = context.lines[line - 1];
  if (text === undefined) return undefined;
  const existing = readDirectives(context.lines).find((directive) => directive.targetLine === line && !directive.splitsTable);
  if (existing) {
    const comment = context.lines[existing.line - 1]!;
    const keyword = `raci-disable-${existing.kind}`;
    const at = comment.indexOf(keyword, existing.column - 1) + keyword.length;
    return { span: spanOnLine(existing.line, at, at), text: ` ${code}` };
  }
  const comment = `<!-- raci-disable-line ${code} -->`;
  const activitySlice = context.rows.find((row) => row.line === line)?.activitySlice;
  if (activitySlice) return { span: spanOnLine(line, activitySlice.contentEnd, activitySlice.contentEnd), text: ` ${comment}` };
  if (looksLikeTableLine(text) && !isDelimiterRow(text) && !isHeaderRow(context.lines, line)) {
    const first = splitTableRow(text)[0];
    if (first) return { span: spanOnLine(line, first.contentEnd, first.contentEnd), text: ` ${comment}` };
  }
  // The markers of the block quotes the line is in; a list item's marker becomes its indentation.
  const prefix = text.slice(0, guessContainerPrefixLength(text)).replace(/[^>\s]/g, ' ');
  return { span: spanOnLine(line, 0, 0), text: `${prefix}<!-- raci-disable-next-line ${code} -->${eol}` };
}

/** The line is a table's header row: the delimiter row follows it. */
function isHeaderRow(lines: readonly string[], line: number): boolean {
  const next = lines[line];
  return next !== undefined && looksLikeTableLine(next) && isDelimiterRow(next);
}
