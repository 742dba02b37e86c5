import { stringify } from 'csv-stringify/sync';
import { inertText } from '../../util/control-characters.js';
import { commonFolder } from '../../util/paths.js';
import { noGuideNote } from '../discover.js';
import { UsageError } from '../inputs.js';
import type { CommandIo } from '../io.js';
import { formatTable } from '../text-table.js';
import { mapFiles } from '../worker-pool.js';
import type { SummaryRow } from './summary-file.js';

const SUMMARY_FORMATS = ['text', 'json', 'csv'] as const;

export interface SummaryOptions {
  /** text (default): a table with a total; json: the guides and the totals; csv: one record per guide. */
  format?: (typeof SUMMARY_FORMATS)[number];
  /** Worker processes (default: one per core; 1 = none). */
  jobs?: number | undefined;
  /** Files named on the command line; others that are not guides (a README) are left out, as raci check leaves them out. */
  explicit?: ReadonlySet<string>;
  /** Files found in folders and already known not to be guides (see discover.ts). */
  notGuides?: number;
}

const SUMMARY_COLUMNS = ['file', 'locale', 'sections', 'activities', 'errors', 'warnings'] as const;

/** One CSV record per guide, with a header; a file name a spreadsheet would run as a formula is prefixed with `'`. */
function renderSummaryCsv(guides: readonly Exclude<SummaryRow, { unreadable: string }>[]): string {
  const records = [[...SUMMARY_COLUMNS], ...guides.map((guide) => SUMMARY_COLUMNS.map((column) => String(guide[column])))];
  return stringify(records, { record_delimiter: 'unix', eof: true, escape_formulas: true, quoted_match: /\r/ });
}

/**
 * `raci summary PATH...`: one line per guide (locale, sections, activities,
 * errors, warnings) and a total; or JSON, or CSV. Exit 0 whatever the findings; 2 for usage or
 * I/O problems.
 */
export async function runSummary(files: string[], io: CommandIo, options: SummaryOptions = {}): Promise<number> {
  const explicit = options.explicit ?? new Set(files);
  const summaries = await mapFiles<null, SummaryRow>(
    { module: new URL('./summary-file.js', import.meta.url), name: 'summarizeFile' },
    files,
    {
      data: null,
      jobs: options.jobs,
    },
  );
  const rows: string[][] = [];
  const guides: Exclude<SummaryRow, { unreadable: string }>[] = [];
  const totals = { sections: 0, activities: 0, error: 0, warning: 0 };
  let notGuides = options.notGuides ?? 0;
  for (const summary of summaries) {
    if ('unreadable' in summary) throw new UsageError(`${summary.file}: ${summary.unreadable}`);
    if (!summary.looksLikeGuide && !explicit.has(summary.file)) {
      notGuides++;
      continue;
    }
    guides.push(summary);
    totals.sections += summary.sections;
    totals.activities += summary.activities;
    totals.error += summary.errors;
    totals.warning += summary.warnings;
    rows.push([
      summary.file,
      summary.locale,
      String(summary.sections),
      String(summary.activities),
      String(summary.errors),
      String(summary.warnings),
    ]);
  }
  if (rows.length === 0 && notGuides > 0) io.stderr(noGuideNote(notGuides));
  if (options.format === 'json') {
    const { error: errors, warning: warnings, ...counts } = totals;
    io.stdout(JSON.stringify({ guides, totals: { guides: guides.length, ...counts, errors, warnings } }, null, 2));
    return 0;
  }
  if (options.format === 'csv') {
    io.stdout(renderSummaryCsv(guides).replace(/\n$/, ''));
    return 0;
  }
  const prefix = commonFolder(rows.map((row) => row[0]!));
  for (const row of rows) row[0] = row[0]!.slice(prefix.length);
  rows.push([
    `${rows.length} guides`,
    '',
    String(totals.sections),
    String(totals.activities),
    String(totals.error),
    String(totals.warning),
  ]);
  if (prefix) io.stdout(`in ${inertText(prefix)}`);
  io.stdout(
    formatTable(['guide', 'locale', 'sections', 'activities', 'errors', 'warnings'], rows, { alignRight: [2, 3, 4, 5], footer: true }),
  );
  // A report, not a gate: findings do not fail it (raci parse and raci check do).
  return 0;
}
