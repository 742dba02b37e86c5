import { UsageError } from '../inputs.js';
import type { CommandIo } from '../io.js';
import { formatTable } from '../text-table.js';
import { mapFiles } from '../worker-pool.js';
import type { SummaryRow } from './summary-file.js';

export interface SummaryOptions {
  /** Worker processes (default: one per core; 1 = none). */
  jobs?: number | undefined;
}

/** `raci summary PATH...`: one line per guide (locale, sections, activities, errors, warnings) and a total. */
export async function runSummary(files: string[], io: CommandIo, options: SummaryOptions = {}): Promise<number> {
  const summaries = await mapFiles<null, SummaryRow>({ module: new URL('./summary-file.js', import.meta.url), name: 'summarizeFile' }, files, {
    data: null,
    jobs: options.jobs,
  });
  const rows: string[][] = [];
  const totals = { sections: 0, activities: 0, error: 0, warning: 0 };
  for (const summary of summaries) {
    if ('unreadable' in summary) throw new UsageError(`${summary.file}: ${summary.unreadable}`);
    totals.sections += summary.sections;
    totals.activities += summary.activities;
    totals.error += summary.errors;
    totals.warning += summary.warnings;
    rows.push([summary.file, summary.locale, String(summary.sections), String(summary.activities), String(summary.errors), String(summary.warnings)]);
  }
  rows.push([`${files.length} guides`, '', String(totals.sections), String(totals.activities), String(totals.error), String(totals.warning)]);
  io.stdout(formatTable(['guide', 'locale', 'sections', 'activities', 'errors', 'warnings'], rows, { alignRight: [2, 3, 4, 5], footer: true }));
  return totals.error > 0 ? 1 : 0;
}
