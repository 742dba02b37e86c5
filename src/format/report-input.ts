import type { Finding } from '../schema/finding.js';
import type { Severity } from '../schema/model.js';

/** One checked file: its findings (already filtered) and its source lines, for code frames. */
export interface FileReport {
  file: string;
  findings: Finding[];
  lines?: readonly string[];
}

/** What every reporter is given. */
export interface ReportInput {
  files: FileReport[];
  /** Files left out because they have no activity table and were not named. */
  skipped: number;
  /** Findings covered by the baseline, not shown. */
  baselined: number;
}

export interface Totals extends Record<Severity, number> {
  fixable: number;
}

export function totals(input: ReportInput): Totals {
  const counts: Totals = { error: 0, warning: 0, info: 0, fixable: 0 };
  for (const file of input.files) {
    for (const finding of file.findings) {
      counts[finding.severity]++;
      if (finding.fix) counts.fixable++;
    }
  }
  return counts;
}
