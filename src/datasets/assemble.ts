import { z } from 'zod';
import { countBySeverity } from '../diagnostics/diagnostic.js';
import { listActivities } from '../model/list-activities.js';
import { productOf } from '../model/product.js';
import { type Diagnostic, ResponsibilityModelSchema, type Severity } from '../schema/model.js';
import { sourceLink } from '../util/source-link.js';
import { compareStrings } from '../util/strings.js';
import {
  ACTIVITY_FIXED_COLUMNS,
  type ActivityRecord,
  type CellValue,
  type Column,
  DIAGNOSTIC_COLUMNS,
  type DiagnosticRecord,
  GUIDE_COLUMNS,
  type GuideRecord,
  partyColumn,
  scopeColumn,
} from './columns.js';
import { toCsv } from './csv.js';
import { renderDataPackage } from './datapackage.js';
import { isSafeDatasetPath } from './guide-id.js';
import { type PreparedGuide, renderJson } from './prepare-guide.js';
import { relateGuides } from './translation-groups.js';
import { type BuildOptions, type BuiltGuide, DatasetError, type DatasetFile } from './types.js';
import { renderWorkbook, WORKBOOK_MEDIA_TYPE, WORKBOOK_PATH } from './workbook.js';

export interface DatasetBuild {
  /** Every file of the datasets, sorted by path. */
  files: DatasetFile[];
  /** One entry per guide, sorted by id. */
  guides: BuiltGuide[];
  /** Every finding, guide by guide, each with `file` set to the guide's source path. */
  diagnostics: DatasetDiagnostic[];
  totals: { guides: number; activities: number; parties: string[]; scopes: string[]; findings: Record<Severity, number> };
}

export type DatasetDiagnostic = Diagnostic & { guideId: string };

/** Each row's value in each column, computed once for the CSV and the JSONL of the same rows. */
function cellValues<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): CellValue[][] {
  return rows.map((row) => columns.map((column) => column.value(row)));
}

function toJsonl<Row>(columns: readonly Column<Row>[], values: readonly (readonly CellValue[])[]): string {
  return values
    .map((row) => {
      const record: Record<string, CellValue> = {};
      columns.forEach((column, index) => {
        record[column.name] = row[index]!;
      });
      return `${JSON.stringify(record)}\n`;
    })
    .join('');
}

/** The JSON Schema of guides/*.json, from the zod schema that validates every model. */
export function renderModelJsonSchema(): string {
  const { $schema, ...rest } = z.toJSONSchema(ResponsibilityModelSchema) as Record<string, unknown>;
  return renderJson({
    $schema,
    title: 'Responsibility model',
    description: 'One guide read by responsibility-model: meta, roles, parties, scopes and numbered sections of activities.',
    ...rest,
  });
}

/** A file path that is also a folder of another (`a.json` and `a.json/x.json`) cannot be written. */
function assertWritable(files: readonly DatasetFile[]): void {
  const paths = new Set(files.map((file) => file.path));
  for (const path of paths) {
    if (!isSafeDatasetPath(path)) throw new DatasetError('path-conflict', `${path}: not a safe relative path`, [path]);
    const segments = path.split('/');
    for (let depth = 1; depth < segments.length; depth++) {
      const folder = segments.slice(0, depth).join('/');
      if (paths.has(folder))
        throw new DatasetError('path-conflict', `${folder} would be both a file and the folder of ${path}`, [folder, path]);
    }
  }
}

/**
 * The dataset files from guides prepared one by one (prepareGuide, in this
 * process or in workers) and named by assignIds, in its order. Deterministic:
 * the same guides give the same bytes however they were prepared.
 */
export async function assembleDatasets(
  prepared: readonly (PreparedGuide & { id: string })[],
  options: Pick<BuildOptions, 'escapeFormulas' | 'sourceUrl' | 'licenses'> = {},
): Promise<DatasetBuild> {
  const escapeFormulas = options.escapeFormulas ?? true;
  const relations = relateGuides(prepared);
  const guides: GuideRecord[] = prepared.map((guide, index) => ({
    ...guide,
    ...relations[index]!,
    product: productOf(guide.source, guide.model),
    activities: listActivities(guide.model),
  }));

  const partyIds = [...new Set(guides.flatMap((g) => g.model.parties.map((p) => p.id)))].sort(compareStrings);
  const scopeIds = [...new Set(guides.flatMap((g) => g.model.scopes.map((s) => s.id)))].sort(compareStrings);
  const activityColumns = [...ACTIVITY_FIXED_COLUMNS, ...partyIds.map(partyColumn), ...scopeIds.map(scopeColumn)];
  const activityRecords: ActivityRecord[] = guides.flatMap((guide) => guide.activities.map((activity) => ({ guide, activity })));
  const diagnosticRecords: DiagnosticRecord[] = guides.flatMap((guide) => guide.diagnostics.map((diagnostic) => ({ guide, diagnostic })));

  const activityValues = cellValues(activityColumns, activityRecords);
  const guidesCsv = toCsv(GUIDE_COLUMNS, cellValues(GUIDE_COLUMNS, guides), { escapeFormulas });
  const activitiesCsv = toCsv(activityColumns, activityValues, { escapeFormulas });
  const diagnosticsJsonl = toJsonl(DIAGNOSTIC_COLUMNS, cellValues(DIAGNOSTIC_COLUMNS, diagnosticRecords));
  const escaping = escapeFormulas
    ? ' Cells that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return, or their full-width forms)' +
      " and cells starting with ' are prefixed with a single quote; remove one leading ' from a cell to get the text back."
    : '';

  const workbook = await renderWorkbook(guides, { sourceUrl: options.sourceUrl });
  const sources = guides.map((guide) => ({
    title: guide.model.meta.title,
    path: options.sourceUrl !== undefined ? sourceLink(options.sourceUrl, guide.source, 1) : guide.source,
  }));

  const files: DatasetFile[] = [
    { path: WORKBOOK_PATH, content: workbook },
    ...prepared.map((guide) => ({ path: `guides/${guide.id}.json`, content: guide.modelJson })),
    { path: 'guides.csv', content: guidesCsv },
    { path: 'activities.csv', content: activitiesCsv },
    { path: 'activities.jsonl', content: toJsonl(activityColumns, activityValues) },
    { path: 'diagnostics.jsonl', content: diagnosticsJsonl },
    { path: 'schema/responsibility-model.schema.json', content: renderModelJsonSchema() },
    {
      path: 'datapackage.json',
      content: renderDataPackage(
        [
          {
            name: 'guides',
            path: 'guides.csv',
            format: 'csv',
            title: 'Guides',
            description:
              `One row per guide. The model of each guide is guides/<id>.json ` +
              `(JSON Schema: schema/responsibility-model.schema.json).${escaping}`,
            content: guidesCsv,
            columns: GUIDE_COLUMNS,
            primaryKey: ['id'],
          },
          {
            name: 'activities',
            path: 'activities.csv',
            format: 'csv',
            title: 'Activities',
            description:
              'One row per activity of every guide, in reading order; one party_<id> column per party and one scope_<id> column' +
              ` per applicability column found in any guide. activities.jsonl holds the same rows with typed values.${escaping}`,
            content: activitiesCsv,
            columns: activityColumns,
            primaryKey: ['guide_id', 'activity_id'],
            foreignKeys: [{ fields: ['guide_id'], reference: { resource: 'guides', fields: ['id'] } }],
          },
          {
            name: 'diagnostics',
            path: 'diagnostics.jsonl',
            format: 'jsonl',
            title: 'Findings',
            description: 'Every finding of every guide (the findings of raci check), guide by guide in reading order.',
            content: diagnosticsJsonl,
            columns: DIAGNOSTIC_COLUMNS,
            foreignKeys: [{ fields: ['guide_id'], reference: { resource: 'guides', fields: ['id'] } }],
          },
        ],
        'Responsibility models (RACI tables) read from guides by responsibility-model (raci build):' +
          ' one row per guide, one row per activity, and every finding.',
        {
          licenses: options.licenses ?? [],
          sources,
          attachments: [
            {
              name: 'workbook',
              path: WORKBOOK_PATH,
              title: 'Workbook',
              description:
                'The same guides as a spreadsheet: an overview sheet (one row per guide), one sheet per guide with its matrix' +
                ' (sections as collapsible groups, letters coloured) and the findings.',
              format: 'xlsx',
              mediatype: WORKBOOK_MEDIA_TYPE,
              content: workbook,
            },
          ],
        },
      ),
    },
  ].sort((a, b) => compareStrings(a.path, b.path));
  assertWritable(files);

  const findings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const builtGuides: BuiltGuide[] = guides.map((guide) => {
    const counts = countBySeverity(guide.diagnostics);
    for (const severity of ['error', 'warning', 'info'] as const) findings[severity] += counts[severity];
    return {
      id: guide.id,
      source: guide.source,
      product: guide.product,
      ...(guide.model.meta.locale ? { locale: guide.model.meta.locale } : {}),
      translationGroup: guide.translationGroup,
      ...(guide.referenceLocale ? { referenceLocale: guide.referenceLocale } : {}),
      copyOf: guide.copyOf,
      title: guide.model.meta.title,
      sections: guide.sections,
      activities: guide.activities.length,
      findings: counts,
    };
  });
  return {
    files,
    guides: builtGuides,
    diagnostics: guides.flatMap((guide) => guide.diagnostics.map((diagnostic) => ({ ...diagnostic, guideId: guide.id }))),
    totals: { guides: guides.length, activities: activityRecords.length, parties: partyIds, scopes: scopeIds, findings },
  };
}
