import type { Finding } from '../schema/finding.js';
import type { Severity } from '../schema/model.js';
import { escapeControlCharacters } from '../util/control-characters.js';
import { plural } from '../util/strings.js';
import { type ReportInput, totals } from './report-input.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };
const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * GitHub shows at most 10 annotations of each kind per step and drops the
 * rest without a word, so no more than this many of each are written.
 */
export const ANNOTATIONS_PER_SEVERITY = 10;

export interface GithubOptions {
  /** Whether the full list goes to the job summary (`GITHUB_STEP_SUMMARY` is set). */
  summary?: boolean;
}

/**
 * GitHub's workflow-command escaping (what `@actions/core` does): the message may
 * hold `%` and line breaks, properties also `:` and `,`. The other control
 * characters, which GitHub passes to the log as they are, are shown escaped.
 */
function escapeData(text: string): string {
  return escapeControlCharacters(text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A'));
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface LocatedFinding {
  file: string;
  finding: Finding;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every finding, the most important first: errors, warnings, infos; within one severity by file, line and column. */
export function rankFindings(input: ReportInput): LocatedFinding[] {
  const all = input.files.flatMap((file) => file.findings.map((finding) => ({ file: file.file, finding })));
  return all.sort(
    (a, b) =>
      SEVERITY_ORDER.indexOf(a.finding.severity) - SEVERITY_ORDER.indexOf(b.finding.severity) ||
      compareText(a.file, b.file) ||
      a.finding.line - b.finding.line ||
      a.finding.column - b.finding.column,
  );
}

function annotation({ file, finding }: LocatedFinding): string {
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${finding.line}`,
    `col=${finding.column}`,
    `endLine=${finding.endLine}`,
    `endColumn=${finding.endColumn}`,
    `title=${escapeProperty(finding.code)}`,
  ].join(',');
  return `::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message)}`;
}

/**
 * GitHub Actions annotations, one `::error file=…,line=…,col=…,title=rule-id::message`
 * line per finding (`::notice` for infos), errors first and at most
 * {@link ANNOTATIONS_PER_SEVERITY} of each severity; a `::notice` says how many
 * were left out and where to find them; then a plain summary line for the log.
 */
export function renderGithub(input: ReportInput, options: GithubOptions = {}): string {
  const out: string[] = [];
  const shown: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  let omitted = 0;
  for (const located of rankFindings(input)) {
    const severity = located.finding.severity;
    if (shown[severity] >= ANNOTATIONS_PER_SEVERITY) {
      omitted++;
      continue;
    }
    shown[severity]++;
    out.push(annotation(located));
  }
  if (omitted > 0) {
    const where = options.summary ? 'the job summary lists every finding' : 'run with --format json for every finding';
    out.push(
      `::notice title=raci check::${plural(omitted, 'finding')} not annotated ` +
        `(GitHub shows ${ANNOTATIONS_PER_SEVERITY} of each severity per step); ${where}.`,
    );
  }
  const count = totals(input);
  out.push(
    `raci check: ${plural(count.error, 'error')}, ${plural(count.warning, 'warning')}, ` +
      `${plural(count.info, 'info')} in ${plural(input.files.length, 'file')}.`,
  );
  return out.join('\n');
}
