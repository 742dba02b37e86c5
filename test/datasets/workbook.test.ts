import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildDatasets, type DatasetBuild } from '../../src/datasets/build.js';
import { MAX_SHEET_NAME, sheetNames } from '../../src/datasets/sheet-names.js';
import { FINDINGS_SHEET, OVERVIEW_SHEET, WORKBOOK_PATH } from '../../src/datasets/workbook.js';
import { ROLE_COLOURS } from '../../src/format/palette.js';
import { walkSections } from '../../src/model/walk-sections.js';
import type { ResponsibilityModel } from '../../src/schema/model.js';
import { fixtureInputs, guideMarkdown, input } from './helpers.js';

const SOURCE_URL = 'https://example.org/docs/{path}#L{line}';

function workbookBytes(build: DatasetBuild): Uint8Array {
  const file = build.files.find((f) => f.path === WORKBOOK_PATH);
  if (!file || typeof file.content === 'string') throw new Error('no workbook in the build');
  return file.content;
}

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

const textOf = (build: DatasetBuild, path: string): string => {
  const content = build.files.find((f) => f.path === path)?.content;
  if (typeof content !== 'string') throw new Error(`no ${path}`);
  return content;
};

const argbOf = (hex: string): string => `FF${hex.slice(1).toUpperCase()}`;

/** What a value reads as: the text of a hyperlink, the rest as it is. */
function shown(value: ExcelJS.CellValue): unknown {
  if (value !== null && typeof value === 'object' && 'hyperlink' in value) return value.text;
  return value ?? null;
}

describe('the workbook of the bundled guides', () => {
  let build: DatasetBuild;
  let workbook: ExcelJS.Workbook;
  let models: Map<string, ResponsibilityModel>;
  beforeAll(async () => {
    build = await buildDatasets(await fixtureInputs(), { sourceUrl: SOURCE_URL });
    workbook = await readWorkbook(workbookBytes(build));
    models = new Map(build.guides.map((guide) => [guide.id, JSON.parse(textOf(build, `guides/${guide.id}.json`)) as ResponsibilityModel]));
  }, 120_000);

  it('has an overview, one sheet per guide and the findings, with names Excel accepts', () => {
    const names = workbook.worksheets.map((sheet) => sheet.name);
    expect(names[0]).toBe(OVERVIEW_SHEET);
    expect(names.at(-1)).toBe(FINDINGS_SHEET);
    expect(names).toHaveLength(build.guides.length + 2);
    for (const name of names) {
      expect(name.length, name).toBeLessThanOrEqual(MAX_SHEET_NAME);
      expect(name, name).not.toMatch(/[\\/?*[\]:]/);
    }
    expect(new Set(names.map((name) => name.toLowerCase())).size).toBe(names.length);
  });

  it('lists every guide in the overview as guides.csv does, linked to its sheet', () => {
    const overview = workbook.getWorksheet(OVERVIEW_SHEET)!;
    expect(overview.rowCount).toBe(build.guides.length + 1);
    build.guides.forEach((guide, index) => {
      const row = overview.getRow(index + 2);
      const sheetName = workbook.worksheets[index + 1]!.name;
      expect(row.getCell(1).value).toEqual({ text: sheetName, hyperlink: `'${sheetName}'!A1` });
      expect(row.getCell(2).value).toBe(guide.product || null);
      expect(row.getCell(3).value).toBe(guide.locale ?? null);
      expect(row.getCell(4).value).toBe(guide.title);
      expect([row.getCell(6).value, row.getCell(7).value]).toEqual([guide.sections, guide.activities]);
      const model = models.get(guide.id)!;
      const activities = walkSections(model.sections).flatMap((visit) => visit.section.activities);
      const accountable = activities.filter((activity) => activity.assignments.customer?.includes('A')).length;
      expect(row.getCell(8).value).toBe(activities.length === 0 ? null : accountable / activities.length);
      expect([row.getCell(9).value, row.getCell(10).value, row.getCell(11).value]).toEqual([
        guide.findings.error,
        guide.findings.warning,
        guide.findings.info,
      ]);
    });
  });

  it('shows each guide as its model: sections as outline levels, letters coloured, rows linked to their source line', () => {
    build.guides.forEach((guide, index) => {
      const sheet = workbook.worksheets[index + 1]!;
      const model = models.get(guide.id)!;
      const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1);
      expect(headers).toEqual(['Section', 'Activity', ...model.parties.map((p) => p.label), ...model.scopes.map((s) => s.label), 'Line']);
      const expected: { values: unknown[]; level: number; line: number; letters?: string[][] }[] = [];
      for (const { section, depth } of walkSections(model.sections)) {
        expected.push({ values: [section.number, section.title], level: depth - 1, line: section.line });
        for (const activity of section.activities) {
          const letters = model.parties.map((p) => activity.assignments[p.id] ?? []);
          expected.push({
            values: [
              section.number,
              activity.text,
              ...model.parties.map((p, i) => (letters[i]!.length > 0 ? letters[i]!.join('') : activity.cells[p.id] || null)),
              ...model.scopes.map((s) => (activity.scopes[s.id] ? '✓' : null)),
            ],
            level: depth,
            line: activity.line,
            letters,
          });
        }
      }
      expect(sheet.rowCount, sheet.name).toBe(expected.length + 1);
      expected.forEach((row, offset) => {
        const actual = sheet.getRow(offset + 2);
        const width = row.values.length;
        const values = Array.from({ length: width }, (_, i) => shown(actual.getCell(i + 1).value));
        expect(values, `${sheet.name} row ${offset + 2}`).toEqual([...row.values, ...Array(width - row.values.length).fill(null)]);
        expect(actual.outlineLevel ?? 0).toBe(row.level);
        expect(actual.getCell(headers.length).value).toEqual({
          text: String(row.line),
          hyperlink: expect.stringContaining(`#L${row.line}`),
        });
        row.letters?.forEach((letters, party) => {
          const fill = actual.getCell(3 + party).fill as ExcelJS.FillPattern | undefined;
          const weightiest = (['A', 'R', 'C', 'I'] as const).find((letter) => letters.includes(letter));
          expect(fill?.fgColor?.argb).toBe(weightiest ? argbOf(ROLE_COLOURS[weightiest].background) : undefined);
        });
      });
      expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(sheet.autoFilter).toBeDefined();
      expect(sheet.properties.outlineProperties).toMatchObject({ summaryBelow: false });
    });
  });

  it('links rows to the source URL of their guide', () => {
    const sheet = workbook.worksheets[1]!;
    const guide = build.guides[0]!;
    const link = sheet.getRow(2).getCell(sheet.getRow(1).cellCount).value as ExcelJS.CellHyperlinkValue;
    expect(link.hyperlink).toBe(`https://example.org/docs/${guide.source.split('/').map(encodeURIComponent).join('/')}#L${link.text}`);
  });

  it('lists every finding of diagnostics.jsonl in the findings sheet', () => {
    const findings = workbook.getWorksheet(FINDINGS_SHEET)!;
    const lines = textOf(build, 'diagnostics.jsonl')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as { code: string; message: string; severity: string; line: number });
    expect(findings.rowCount).toBe(lines.length + 1);
    lines.forEach((finding, index) => {
      const row = findings.getRow(index + 2);
      expect([shown(row.getCell(3).value), row.getCell(5).value, row.getCell(6).value, row.getCell(7).value]).toEqual([
        String(finding.line),
        finding.severity,
        finding.code,
        finding.message,
      ]);
    });
  });

  it('fits column widths to their text, within bounds', () => {
    for (const sheet of workbook.worksheets) {
      for (const column of sheet.columns) {
        // A column of Excel's default width (9) is written without one.
        const width = column.width ?? 9;
        expect(width, sheet.name).toBeGreaterThanOrEqual(6);
        expect(width, sheet.name).toBeLessThanOrEqual(80);
      }
    }
    const guideSheet = workbook.worksheets[1]!;
    expect(guideSheet.getColumn(2).width).toBeGreaterThan(guideSheet.getColumn(3).width!);
  });
});

describe('the workbook of small guides', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('stores formula-looking text as text, never as a formula', async () => {
    const rows: [string, string, string][] = [
      ['=HYPERLINK("http://evil.example","x")', 'RA', ''],
      ['+1 the count', 'RA', ''],
      ['@SUM(A1)', 'RA', ''],
    ];
    const build = await buildDatasets([input('x/guide.en-gb.md', guideMarkdown({ rows, title: '=cmd|calc' }))]);
    const bytes = workbookBytes(build);
    const sheet = (await readWorkbook(bytes)).worksheets[1]!;
    const texts = [4, 5, 6].map((row) => sheet.getRow(row).getCell(2));
    expect(texts.map((cell) => cell.value)).toEqual(rows.map((row) => row[0]));
    for (const cell of texts) expect(cell.type).toBe(ExcelJS.ValueType.String);
    const parts = unzipSync(bytes);
    for (const [name, content] of Object.entries(parts))
      if (name.startsWith('xl/worksheets/')) expect(strFromU8(content), name).not.toMatch(/<f[ >]/);
  });

  it('gives the same bytes at another time and in another time zone, dated by the guides', async () => {
    const inputs = [input('x/guide.en-gb.md', guideMarkdown()), input('y/guide.fr-fr.md', guideMarkdown({ title: 'Autre' }))];
    const first = workbookBytes(await buildDatasets(inputs));
    const zone = process.env.TZ;
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2031-05-06T13:14:15Z'));
    process.env.TZ = 'Pacific/Kiritimati';
    try {
      const second = workbookBytes(await buildDatasets([...inputs].reverse()));
      expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
    const core = strFromU8(unzipSync(first)['docProps/core.xml']!);
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2023-08-21T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2023-08-21T00:00:00Z</dcterms:modified>');
  });

  it('keeps control characters out of the XML', async () => {
    const build = await buildDatasets([input('x/guide.en-gb.md', guideMarkdown({ rows: [['Bell\u0007 and\u0001 escape', 'RA', '']] }))]);
    const sheet = (await readWorkbook(workbookBytes(build))).worksheets[1]!;
    expect(sheet.getRow(4).getCell(2).value).toBe('Bell\uFFFD and\uFFFD escape');
  });
});

describe('sheetNames', () => {
  it('keeps names Excel accepts, cuts long ones and numbers the clashes', () => {
    const long = 'a-very-long-product-name-that-goes-on en-gb';
    expect(sheetNames(['kms en-gb', long, long, 'KMS EN-GB', 'a/b:c*d?[e]', "'quoted'", 'History', ''], ['Guides'])).toEqual([
      'kms en-gb',
      'a-very-long-product-name-that-g',
      'a-very-long-product-name-th (2)',
      'KMS EN-GB (2)',
      'a b c d e',
      'quoted',
      'Guide',
      'Guide (2)',
    ]);
    expect(sheetNames(['guides'], ['Guides'])).toEqual(['guides (2)']);
  });

  it('never splits a surrogate pair', () => {
    const [name] = sheetNames([`${'x'.repeat(30)}😀`]);
    expect(name).toBe('x'.repeat(30));
  });
});
