import { countBySeverity } from '../../diagnostics/diagnostic.js';
import { listActivities } from '../../exports/list-activities.js';
import type { Section } from '../../model/schema.js';
import { safeParseResponsibilityModelBytes } from '../../read/read-file.js';
import type { CommandIo } from '../io.js';
import { readGuideFile } from '../read-guide.js';
import { formatTable } from '../text-table.js';

/** The folder all paths share, so the table shows `cloud/nutanix/…` rather than the same long prefix forty times. */
function commonFolder(paths: readonly string[]): string {
  if (paths.length === 0) return '';
  let prefix = paths[0]!.slice(0, paths[0]!.lastIndexOf('/') + 1);
  for (const path of paths) while (!path.startsWith(prefix)) prefix = prefix.slice(0, prefix.slice(0, -1).lastIndexOf('/') + 1);
  return prefix;
}

function countSections(sections: readonly Section[]): number {
  return sections.reduce((total, section) => total + 1 + countSections(section.sections), 0);
}

/**
 * `raci summary PATH...`: one line per guide (locale, sections, activities,
 * errors, warnings) and a total. Markdown found by searching a directory that
 * has no numbered section (a README) is not a guide and is left out.
 * Exit 0 whatever the findings; 2 for usage or I/O problems.
 */
export async function runSummary(files: string[], io: CommandIo, explicit: ReadonlySet<string> = new Set(files)): Promise<number> {
  const rows: string[][] = [];
  const totals = { sections: 0, activities: 0, error: 0, warning: 0 };
  for (const file of files) {
    const result = safeParseResponsibilityModelBytes(await readGuideFile(file), { file });
    const sections = countSections(result.model.sections);
    if (sections === 0 && !explicit.has(file)) continue;
    const counts = countBySeverity(result.diagnostics);
    const activities = listActivities(result.model).length;
    totals.sections += sections;
    totals.activities += activities;
    totals.error += counts.error;
    totals.warning += counts.warning;
    rows.push([file, result.model.meta.locale ?? '', String(sections), String(activities), String(counts.error), String(counts.warning)]);
  }
  const prefix = commonFolder(rows.map((row) => row[0]!));
  for (const row of rows) row[0] = row[0]!.slice(prefix.length);
  rows.push([`${rows.length} guides`, '', String(totals.sections), String(totals.activities), String(totals.error), String(totals.warning)]);
  if (prefix) io.stdout(`in ${prefix}`);
  io.stdout(formatTable(['guide', 'locale', 'sections', 'activities', 'errors', 'warnings'], rows, { alignRight: [2, 3, 4, 5], footer: true }));
  // A report, not a gate: findings do not fail it (raci parse and raci check do).
  return 0;
}
