import { countBySeverity } from '../../diagnostics/diagnostic.js';
import { listActivities } from '../../model/list-activities.js';
import { countSections } from '../../model/walk-sections.js';
import { readGuideBytes } from '../../parse/read-bytes.js';
import { checkGuideBytes } from '../../rules/check-guide.js';
import { describeFsError } from '../inputs.js';
import type { FileTask } from '../worker-pool.js';

/** One line of `raci summary`, or why the file could not be read. Plain data: it comes back from a worker process. */
export type SummaryRow =
  | { file: string; locale: string; sections: number; activities: number; errors: number; warnings: number; looksLikeGuide: boolean }
  | { file: string; unreadable: string };

/**
 * The per-file work of `raci summary`, run in a worker process or in-process
 * (see worker-pool.ts). Findings are those of `raci check` with its default
 * severities, so the counts agree with `raci check` and `raci build`.
 */
export async function summarizeFile({ file }: FileTask<null>): Promise<SummaryRow> {
  let bytes;
  try {
    bytes = await readGuideBytes(file);
  } catch (caught) {
    return { file, unreadable: describeFsError(caught) };
  }
  const result = checkGuideBytes(bytes, { file });
  const counts = countBySeverity(result.findings);
  return {
    file,
    locale: result.model.meta.locale ?? '',
    sections: countSections(result.model.sections),
    activities: listActivities(result.model).length,
    errors: counts.error,
    warnings: counts.warning,
    looksLikeGuide: result.looksLikeGuide,
  };
}
