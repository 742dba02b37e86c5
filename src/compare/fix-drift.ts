import { listActivities } from '../model/list-activities.js';
import { safeAnalyseGuide } from '../parse/parse.js';
import { appendCellsEdit, letterCellEdit } from '../rules/cell-edit.js';
import { checkGuideText } from '../rules/check-guide.js';
import { applyTextEdits } from '../rules/fix.js';
import { buildRuleContext, type RowContext } from '../rules/guide-context.js';
import type { DriftFinding } from '../schema/drift.js';
import type { TextEdit } from '../schema/finding.js';
import type { Activity, Party, ResponsibilityModel } from '../schema/model.js';
import type { ActivityTable } from '../tables/activity-rows.js';
import { compareLocales, DEFAULT_REFERENCE_LOCALE, lettersOf, pairColumns } from './compare-locales.js';

/** One guide's text and locale, for `fixDrift`. */
export interface LocaleText {
  text: string;
  locale: string;
}

/** A translation row, by its section and position in the reference and its line in the translation. */
export interface DriftRowPlace {
  section: string;
  row: number;
  line: number;
}

export interface SkippedDriftRow extends DriftRowPlace {
  /** Why the letters were left for a writer. */
  reason: 'reference-error' | 'section-unaligned' | 'cell-not-letters' | 'row-width' | 'not-verified';
}

export interface DriftFixResult {
  /** The translation with the reference's letters written in; the same text when nothing was fixed. */
  text: string;
  fixed: DriftRowPlace[];
  skipped: SkippedDriftRow[];
}

const ROW_PLACEMENT = new Set<DriftFinding['kind']>(['row-missing', 'row-extra', 'row-order-differs']);

interface ReadGuide {
  model: ResponsibilityModel;
  text: string;
  tables: ActivityTable[];
}

/**
 * Writes the reference's letters into the translation's rows whose letters
 * differ (`letters-differ` of `compareLocales`), cell by cell, and changes no
 * other byte: the translated text, the padding, the emphasis around letters
 * stay. A row is left for a writer when the reference row has an error
 * finding of its own (an unknown letter, merged cells), when a cell to
 * rewrite holds more than letters, when the row has cells missing or in
 * excess (a lost pipe) — except a row with no letter at all, whose missing
 * party cells are written at its end — or when its section has a row missing,
 * extra or out of order (rows are then paired by a guess). Rows missing,
 * extra or out of order are never touched. The fixed text is compared again: a row whose letters still
 * differ, or an activity whose text changed, undoes the row's edits.
 */
export function fixDrift(reference: LocaleText, translation: LocaleText): DriftFixResult {
  const base = readGuide(reference);
  const other = readGuide(translation);
  const referenceErrors = new Set(
    checkGuideText(reference.text, { locale: reference.locale })
      .findings.filter((finding) => finding.severity === 'error')
      .map((finding) => finding.line),
  );
  const all =
    compareLocales([base.model, other.model], { reference: reference.locale || DEFAULT_REFERENCE_LOCALE }).translations[0]?.findings ?? [];
  const findings = all.filter((finding) => finding.kind === 'letters-differ');
  // Where a row is missing, extra or moved, rows are paired by a guess on their letters: not a ground for rewriting them.
  const unaligned = new Set(all.filter((finding) => ROW_PLACEMENT.has(finding.kind)).map((finding) => finding.section));
  const parties = pairColumns<Party>(base.model.parties, other.model.parties).pairs;
  const referenceRows = new Map(listActivities(base.model).map((activity) => [activity.line, activity] as const));
  const context = buildRuleContext(other.model, other.text, other.tables);
  const rowsByLine = new Map(context.rows.map((row) => [row.line, row] as const));

  const planned: { place: DriftRowPlace; edits: TextEdit[] }[] = [];
  const skipped: SkippedDriftRow[] = [];
  for (const finding of findings) {
    const place = { section: finding.section ?? '', row: finding.row ?? 0, line: finding.translation.line ?? 0 };
    const referenceActivity = referenceRows.get(finding.reference.line ?? 0);
    const row = rowsByLine.get(place.line);
    if (!referenceActivity || !row) continue;
    if (referenceErrors.has(referenceActivity.line)) {
      skipped.push({ ...place, reason: 'reference-error' });
      continue;
    }
    if (unaligned.has(finding.section)) {
      skipped.push({ ...place, reason: 'section-unaligned' });
      continue;
    }
    const wanted = new Map(
      finding.parties.flatMap((disagreement) => {
        const pair = parties.find(([left]) => left.id === disagreement.party);
        return pair ? [[pair[1].id, lettersOf(referenceActivity, pair[0].id).join('')] as const] : [];
      }),
    );
    const edits = rowEdits(row, tableOf(other.tables, row.line), wanted);
    if (typeof edits === 'string') skipped.push({ ...place, reason: edits });
    else planned.push({ place, edits });
  }

  // Verified as a whole; the rows that fail are dropped and the rest tried again once.
  let chosen = planned;
  for (let attempt = 0; attempt < 2; attempt++) {
    const text = applyTextEdits(
      other.text,
      chosen.flatMap((entry) => entry.edits),
    ).text;
    const failed = unverifiedLines(base.model, other.model, { ...translation, text }, reference.locale);
    const chosenLines = new Set(chosen.map((entry) => entry.place.line));
    const failing = chosen.filter((entry) => failed.has(entry.place.line));
    // A row that changed without being chosen: the edits are not understood, none is kept.
    if ([...failed].some((line) => !chosenLines.has(line) && !findings.some((finding) => finding.translation.line === line))) break;
    if (failing.length === 0) {
      return {
        text,
        fixed: chosen.map((entry) => entry.place),
        skipped: [...skipped, ...planned.filter((entry) => !chosen.includes(entry)).map(notVerified)],
      };
    }
    chosen = chosen.filter((entry) => !failing.includes(entry));
  }
  return { text: other.text, fixed: [], skipped: [...skipped, ...planned.map(notVerified)] };
}

function notVerified(entry: { place: DriftRowPlace }): SkippedDriftRow {
  return { ...entry.place, reason: 'not-verified' };
}

function readGuide({ text, locale }: LocaleText): ReadGuide {
  const { model, tables } = safeAnalyseGuide(text, { locale });
  return { model, text, tables };
}

function lettersDiffer(reference: ResponsibilityModel, translation: ResponsibilityModel, locale: string): DriftFinding[] {
  const comparison = compareLocales([reference, translation], { reference: locale || DEFAULT_REFERENCE_LOCALE });
  return (comparison.translations[0]?.findings ?? []).filter((finding) => finding.kind === 'letters-differ');
}

function tableOf(tables: readonly ActivityTable[], line: number): ActivityTable | undefined {
  return tables.find((table) => table.rows.some(({ row }) => row.span.line === line));
}

/** The edits that give each party of `wanted` (translation party id → letters) its letters in this row, or why there are none. */
function rowEdits(
  row: RowContext,
  table: ActivityTable | undefined,
  wanted: ReadonlyMap<string, string>,
): TextEdit[] | SkippedDriftRow['reason'] {
  if (row.cells.some((cell) => cell.normalized.merged)) return 'cell-not-letters';
  if (row.widthMatchesHeader) {
    const edits: TextEdit[] = [];
    for (const cell of row.cells) {
      const letters = wanted.get(cell.partyId);
      if (letters === undefined) continue;
      const edit = cell.slice ? letterCellEdit(row.line, row.lineText, cell.slice, letters) : undefined;
      if (!edit) return 'cell-not-letters';
      edits.push(edit);
    }
    return edits;
  }
  return emptyRowEdits(row, table, wanted) ?? 'row-width';
}

/**
 * A row with fewer cells than its header and no letter in any of them: its
 * empty cells are filled and the missing ones written at its end, provided
 * the missing columns are all party columns (so no letter lands in another
 * kind of column).
 */
function emptyRowEdits(row: RowContext, table: ActivityTable | undefined, wanted: ReadonlyMap<string, string>): TextEdit[] | undefined {
  if (!table || row.cells.some((cell) => cell.text.trim() !== '')) return undefined;
  const written = table.rows.find((entry) => entry.row.span.line === row.line)?.row.cells.length ?? 0;
  const width = table.header.length;
  if (written >= width) return undefined;
  const partyIndex = (column: number): number => table.layout.partyColumns.indexOf(column);
  const missingColumns = Array.from({ length: width - written }, (_, index) => written + index);
  if (missingColumns.some((column) => partyIndex(column) < 0)) return undefined;
  const lettersAt = (index: number): string => wanted.get(row.cells[index]?.partyId ?? '') ?? '';
  const edits: TextEdit[] = [];
  row.cells.forEach((cell, index) => {
    if (!cell.slice) return;
    const edit = letterCellEdit(row.line, row.lineText, cell.slice, lettersAt(index));
    if (edit) edits.push(edit);
  });
  edits.push(
    appendCellsEdit(
      row.line,
      row.lineText,
      missingColumns.map((column) => lettersAt(partyIndex(column))),
    ),
  );
  return edits;
}

/** Lines of the fixed translation whose letters still differ, or whose activity text is not what it was. */
function unverifiedLines(
  reference: ResponsibilityModel,
  before: ResponsibilityModel,
  fixed: LocaleText,
  referenceLocale: string,
): Set<number> {
  const after = safeAnalyseGuide(fixed.text, { locale: fixed.locale }).model;
  const failed = new Set(lettersDiffer(reference, after, referenceLocale).map((finding) => finding.translation.line ?? 0));
  const textAt = (activities: readonly Activity[]) => new Map(activities.map((activity) => [activity.line, activity.text] as const));
  const was = textAt(listActivities(before));
  const now = textAt(listActivities(after));
  for (const [line, text] of now) if (was.get(line) !== text) failed.add(line);
  for (const line of was.keys()) if (!now.has(line)) failed.add(line);
  return failed;
}
