import type { Severity } from '../schema/model.js';
import { plural } from '../util/strings.js';
import { type ReportInput, totals } from './report-input.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Workflow-command escaping: the message may hold `%` and line breaks, properties also `:` and `,`. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * GitHub Actions annotations, one `::error file=…,line=…,col=…,title=rule-id::message`
 * line per finding (`::notice` for infos), then a plain summary line for the log.
 */
export function renderGithub(input: ReportInput): string {
  const out: string[] = [];
  for (const file of input.files) {
    for (const finding of file.findings) {
      const properties = [
        `file=${escapeProperty(file.file)}`,
        `line=${finding.line}`,
        `col=${finding.column}`,
        `endLine=${finding.endLine}`,
        `endColumn=${finding.endColumn}`,
        `title=${escapeProperty(finding.code)}`,
      ].join(',');
      out.push(`::${COMMAND[finding.severity]} ${properties}::${escapeData(finding.message)}`);
    }
  }
  const count = totals(input);
  out.push(
    `raci check: ${plural(count.error, 'error')}, ${plural(count.warning, 'warning')}, ` +
      `${plural(count.info, 'info')} in ${plural(input.files.length, 'file')}.`,
  );
  return out.join('\n');
}
