import { createHash } from 'node:crypto';
import type { Severity } from '../schema/model.js';
import { stringifyJson } from '../util/control-characters.js';
import type { ReportInput } from './report-input.js';

/** GitLab's five levels: an error blocks as `major`, a warning is `minor`, an info stays `info`. */
export const GITLAB_SEVERITY: Record<Severity, 'info' | 'minor' | 'major' | 'critical' | 'blocker'> = {
  error: 'major',
  warning: 'minor',
  info: 'info',
};

export interface GitlabIssue {
  description: string;
  check_name: string;
  fingerprint: string;
  severity: (typeof GITLAB_SEVERITY)[Severity];
  location: { path: string; lines: { begin: number } };
}

function sha256(parts: readonly (string | number)[]): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** "line 12", "lines 4 and 6" → "line N": the rest of a message names what the finding is about. */
function withoutLineNumbers(message: string): string {
  return message.replace(/\blines? \d+(?:(?:, | and | to |[-–])\d+)*/g, 'line N');
}

/**
 * GitLab Code Quality report: a JSON array, one issue per finding. The fingerprint hashes the file, the code,
 * the activity (or subject) and the message with its line numbers blanked, so moving a finding keeps it; a
 * finding that would share another's fingerprint gets its ordinal hashed in too.
 */
export function renderGitlab(input: ReportInput): string {
  const seen = new Map<string, number>();
  const issues: GitlabIssue[] = [];
  for (const file of input.files) {
    for (const finding of file.findings) {
      const about = finding.activity?.id ?? finding.subject ?? '';
      const base = sha256([file.file, finding.code, about, withoutLineNumbers(finding.message)]);
      const ordinal = seen.get(base) ?? 0;
      seen.set(base, ordinal + 1);
      issues.push({
        description: finding.message,
        check_name: finding.code,
        fingerprint: ordinal === 0 ? base : sha256([base, ordinal]),
        severity: GITLAB_SEVERITY[finding.severity],
        location: { path: file.file, lines: { begin: finding.line } },
      });
    }
  }
  return stringifyJson(issues);
}
