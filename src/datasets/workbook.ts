import ExcelJS from 'exceljs';
import { BASE_COLOURS, ROLE_COLOURS } from '../format/palette.js';
import { walkSections } from '../model/walk-sections.js';
import type { Diagnostic, ResponsibilityModel, RoleLetter, Severity } from '../schema/model.js';
import { sourceLink } from '../util/source-link.js';
import { MAX_SHEET_NAME, sheetNames } from './sheet-names.js';
import { stampZip } from './zip.js';

/** One guide as the workbook shows it. */
export interface WorkbookGuide {
  id: string;
  source: string;
  product: string;
  model: ResponsibilityModel;
  diagnostics: readonly Diagnostic[];
  sections: number;
}

export interface WorkbookOptions {
  /** `https://host/{path}#L{line}`: each activity and finding links to its source line. */
  sourceUrl?: string | undefined;
}

export const WORKBOOK_PATH = 'responsibility-models.xlsx';
export const WORKBOOK_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const OVERVIEW_SHEET = 'Guides';
export const FINDINGS_SHEET = 'Findings';

/** The date stamped on a workbook of guides that state none: the earliest date a zip entry can hold. */
const NO_DATE = '1980-01-01';
/** Excel's limit for the text of one cell. */
const MAX_CELL_TEXT = 32767;
/** Outline levels Excel can group. */
const MAX_OUTLINE_LEVEL = 7;
const MIN_WIDTH = 6;
const MAX_WIDTH = 80;
/** When a cell holds several letters its colour is that of the weightiest. */
const LETTER_WEIGHT: readonly RoleLetter[] = ['A', 'R', 'C', 'I'];
const SEVERITY_COLOURS: Record<Severity, { text: string; background: string }> = {
  error: { text: BASE_COLOURS.error, background: BASE_COLOURS.errorBackground },
  warning: { text: BASE_COLOURS.warning, background: BASE_COLOURS.warningBackground },
  info: { text: BASE_COLOURS.info, background: BASE_COLOURS.infoBackground },
};

type Value = string | number | { text: string; hyperlink: string } | null;

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;
const solid = (hex: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb: argb(hex) } });

/**
 * Text as a cell may hold it: control characters (which XML cannot carry) as
 * U+FFFD, at most Excel's 32,767 characters. Strings are always written as
 * text, so `=SUM(A1)` in a guide stays text and never becomes a formula.
 */
function cellText(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters removed
  const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '\uFFFD');
  return clean.length > MAX_CELL_TEXT ? clean.slice(0, MAX_CELL_TEXT) : clean;
}

/** The latest date the guides state, else 1980-01-01: the workbook's document and zip dates. */
function workbookDate(guides: readonly WorkbookGuide[]): Date {
  const dates = guides.map((guide) => guide.model.meta.updated).filter((date): date is string => date !== undefined);
  // ISO dates sort as text.
  const latest = [NO_DATE, ...dates].sort().at(-1)!;
  return new Date(`${latest}T00:00:00Z`);
}

/** The weightiest letter of a cell, which gives it its colour. */
function cellLetter(letters: readonly RoleLetter[]): RoleLetter | undefined {
  return LETTER_WEIGHT.find((letter) => letters.includes(letter));
}

/** A party's cell: its letters in canonical order, else the cell as written (a cell the parser could not read). */
function partyCell(assignments: readonly RoleLetter[] | undefined, written: string | undefined): string {
  return assignments && assignments.length > 0 ? assignments.join('') : (written ?? '');
}

/** Points per line of text at the default font size. */
const LINE_HEIGHT = 15;
/** A column of width w holds about this many times w characters of ordinary text (the unit is the width of a digit). */
const CHARACTERS_PER_WIDTH = 1.2;

/** The height of a row whose wrapped text needs several lines at this width: spreadsheets do not all fit it on opening. */
function wrappedHeight(text: string, width: number): number | undefined {
  const lines = text
    .split('\n')
    .reduce((sum, line) => sum + Math.max(1, Math.ceil([...line].length / Math.max(1, (width - 2) * CHARACTERS_PER_WIDTH))), 0);
  return lines > 1 ? lines * LINE_HEIGHT : undefined;
}

function displayLength(value: Value): number {
  if (value === null) return 0;
  const text = typeof value === 'object' ? value.text : String(value);
  return Math.max(...text.split('\n').map((line) => [...line].length));
}

/** A header row, frozen and filtered, and widths that fit the longest value of each column. */
function finishSheet(sheet: ExcelJS.Worksheet, headers: readonly string[], rows: readonly (readonly Value[])[]): void {
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: argb(BASE_COLOURS.headerText) } };
  header.fill = solid(BASE_COLOURS.headerBackground);
  header.alignment = { vertical: 'middle' };
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  headers.forEach((name, index) => {
    const longest = Math.max(displayLength(name) + 3, ...rows.map((row) => displayLength(row[index] ?? null)));
    sheet.getColumn(index + 1).width = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
  });
}

function newSheet(workbook: ExcelJS.Workbook, name: string, headers: readonly string[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, topLeftCell: 'A2', activeCell: 'A2' }],
    // The +/- of a group sits on its heading row, above the rows it folds.
    properties: { outlineProperties: { summaryBelow: false, summaryRight: false } },
    // Printed: landscape, as wide as one page, the header row on every page.
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:1' },
  });
  sheet.addRow(headers.map(cellText));
  return sheet;
}

const link = (text: string, hyperlink: string): Value => ({ text: cellText(text), hyperlink });
const internalLink = (text: string, sheet: string): Value => link(text, `'${sheet.replaceAll("'", "''")}'!A1`);
const lineValue = (line: number, source: string, options: WorkbookOptions): Value =>
  options.sourceUrl !== undefined ? link(String(line), sourceLink(options.sourceUrl, source, line)) : line;

function customerAccountableShare(model: ResponsibilityModel): number | null {
  const activities = walkSections(model.sections).flatMap((visit) => visit.section.activities);
  if (activities.length === 0) return null;
  return activities.filter((activity) => activity.assignments['customer']?.includes('A')).length / activities.length;
}

const OVERVIEW_HEADERS = [
  'Sheet',
  'Product',
  'Locale',
  'Title',
  'Updated',
  'Sections',
  'Activities',
  'Customer accountable',
  'Errors',
  'Warnings',
  'Infos',
  'Source',
];

function addOverview(
  workbook: ExcelJS.Workbook,
  guides: readonly WorkbookGuide[],
  names: readonly string[],
  options: WorkbookOptions,
): void {
  const sheet = newSheet(workbook, OVERVIEW_SHEET, OVERVIEW_HEADERS);
  const rows = guides.map((guide, index): Value[] => {
    const count = (severity: Severity): number => guide.diagnostics.filter((d) => d.severity === severity).length;
    return [
      internalLink(names[index]!, names[index]!),
      cellText(guide.product),
      guide.model.meta.locale ?? null,
      cellText(guide.model.meta.title),
      guide.model.meta.updated ?? (guide.model.meta.updatedText !== undefined ? cellText(guide.model.meta.updatedText) : null),
      guide.sections,
      walkSections(guide.model.sections).reduce((sum, visit) => sum + visit.section.activities.length, 0),
      customerAccountableShare(guide.model),
      count('error'),
      count('warning'),
      count('info'),
      options.sourceUrl !== undefined ? link(guide.source, sourceLink(options.sourceUrl, guide.source, 1)) : cellText(guide.source),
    ];
  });
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.getCell(8).numFmt = '0%';
  }
  finishSheet(sheet, OVERVIEW_HEADERS, rows);
}

function addGuideSheet(workbook: ExcelJS.Workbook, guide: WorkbookGuide, name: string, options: WorkbookOptions): void {
  const { model } = guide;
  const headers = [
    'Section',
    'Activity',
    ...model.parties.map((p) => p.label || p.id),
    ...model.scopes.map((s) => s.label || s.id),
    'Line',
  ];
  const sheet = newSheet(workbook, name, headers);
  const partyStart = 3;
  const lineColumn = headers.length;
  const rows: Value[][] = [];
  for (const { section, depth } of walkSections(model.sections)) {
    const heading: Value[] = [section.number, cellText(section.title)];
    heading[lineColumn - 1] = lineValue(section.line, guide.source, options);
    const headingRow = sheet.addRow(heading);
    rows.push(heading);
    headingRow.outlineLevel = Math.min(depth - 1, MAX_OUTLINE_LEVEL);
    headingRow.font = { bold: true };
    headingRow.fill = solid(depth === 1 ? BASE_COLOURS.phaseBackground : BASE_COLOURS.sectionBackground);
    for (const activity of section.activities) {
      const values: Value[] = [
        section.number,
        cellText(activity.text),
        ...model.parties.map((party) => cellText(partyCell(activity.assignments[party.id], activity.cells[party.id])) || null),
        ...model.scopes.map((scope) => (activity.scopes[scope.id] ? '✓' : null)),
        lineValue(activity.line, guide.source, options),
      ];
      rows.push(values);
      const row = sheet.addRow(values);
      row.outlineLevel = Math.min(depth, MAX_OUTLINE_LEVEL);
      row.alignment = { vertical: 'top' };
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      model.parties.forEach((party, index) => {
        const cell = row.getCell(partyStart + index);
        cell.alignment = { horizontal: 'center', vertical: 'top' };
        const letter = cellLetter(activity.assignments[party.id] ?? []);
        if (letter === undefined) return;
        cell.fill = solid(ROLE_COLOURS[letter].background);
        cell.font = { bold: true, color: { argb: argb(ROLE_COLOURS[letter].text) } };
      });
    }
  }
  finishSheet(sheet, headers, rows);
  const activityWidth = sheet.getColumn(2).width ?? MAX_WIDTH;
  sheet.eachRow((row, number) => {
    const height = number > 1 ? wrappedHeight(String(row.getCell(2).value ?? ''), activityWidth) : undefined;
    if (height !== undefined) row.height = height;
  });
}

const FINDINGS_HEADERS = ['Sheet', 'Source', 'Line', 'Column', 'Severity', 'Code', 'Message'];

function addFindings(
  workbook: ExcelJS.Workbook,
  guides: readonly WorkbookGuide[],
  names: readonly string[],
  options: WorkbookOptions,
): void {
  const sheet = newSheet(workbook, FINDINGS_SHEET, FINDINGS_HEADERS);
  const rows: Value[][] = [];
  guides.forEach((guide, index) => {
    for (const diagnostic of guide.diagnostics) {
      const values: Value[] = [
        internalLink(names[index]!, names[index]!),
        cellText(guide.source),
        lineValue(diagnostic.line, guide.source, options),
        diagnostic.column,
        diagnostic.severity,
        diagnostic.code,
        cellText(diagnostic.message),
      ];
      rows.push(values);
      const cell = sheet.addRow(values).getCell(5);
      cell.font = { bold: true, color: { argb: argb(SEVERITY_COLOURS[diagnostic.severity].text) } };
      cell.fill = solid(SEVERITY_COLOURS[diagnostic.severity].background);
    }
  });
  finishSheet(sheet, FINDINGS_HEADERS, rows);
}

/** The sheet name of each guide: its product (cut so that the locale fits) and locale, else its id. */
function guideSheetNames(guides: readonly WorkbookGuide[]): string[] {
  const wanted = guides.map((guide) => {
    const name = guide.product || guide.id;
    const locale = guide.model.meta.locale;
    if (locale === undefined) return name;
    return `${name.slice(0, Math.max(1, MAX_SHEET_NAME - locale.length - 1))} ${locale}`;
  });
  return sheetNames(wanted, [OVERVIEW_SHEET, FINDINGS_SHEET]);
}

/**
 * The workbook of the guides (responsibility-models.xlsx): an overview sheet,
 * one sheet per guide in the given order with its sections as collapsible
 * groups, and the findings. The same guides give the same bytes: the document
 * and zip dates are the latest date the guides state, never the clock.
 */
export async function renderWorkbook(guides: readonly WorkbookGuide[], options: WorkbookOptions = {}): Promise<Uint8Array<ArrayBuffer>> {
  const date = workbookDate(guides);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'responsibility-model';
  workbook.lastModifiedBy = 'responsibility-model';
  workbook.title = 'Responsibility models (RACI)';
  workbook.created = date;
  workbook.modified = date;
  const names = guideSheetNames(guides);
  addOverview(workbook, guides, names, options);
  guides.forEach((guide, index) => {
    addGuideSheet(workbook, guide, names[index]!, options);
  });
  addFindings(workbook, guides, names, options);
  // Stored uncompressed here: stampZip compresses once, with fixed dates.
  const archive = await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } });
  return stampZip(new Uint8Array(archive as ArrayBuffer), date);
}
