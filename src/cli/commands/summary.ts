import { countBySeverity } from '../../diagnostics/diagnostic.js';
import { listActivities } from '../../exports/list-activities.js';
import type { Section } from '../../model/schema.js';
import { safeParseResponsibilityModelFile } from '../../read/read-file.js';
import { describeFsError, UsageError } from '../inputs.js';
import type { CommandIo } from '../io.js';
import { formatTable } from '../text-table.js';

function countSections(sections: readonly Section[]): number {
  return sections.reduce((total, section) => total + 1 + countSections(section.sections), 0);
}

/** `raci summary PATH...`: one line per guide (locale, sections, activities, errors, warnings) and a total. */
export async function runSummary(files: string[], io: CommandIo): Promise<number> {
  const rows: string[][] = [];
  const totals = { sections: 0, activities: 0, error: 0, warning: 0 };
  for (const file of files) {
    let result;
    try {
      result = await safeParseResponsibilityModelFile(file);
    } catch (caught) {
      throw new UsageError(`${file}: ${describeFsError(caught)}`);
    }
    const counts = countBySeverity(result.diagnostics);
    const sections = countSections(result.model.sections);
    const activities = listActivities(result.model).length;
    totals.sections += sections;
    totals.activities += activities;
    totals.error += counts.error;
    totals.warning += counts.warning;
    rows.push([file, result.model.meta.locale ?? '', String(sections), String(activities), String(counts.error), String(counts.warning)]);
  }
  rows.push([`${files.length} guides`, '', String(totals.sections), String(totals.activities), String(totals.error), String(totals.warning)]);
  io.stdout(formatTable(['guide', 'locale', 'sections', 'activities', 'errors', 'warnings'], rows, { alignRight: [2, 3, 4, 5], footer: true }));
  return totals.error > 0 ? 1 : 0;
}
