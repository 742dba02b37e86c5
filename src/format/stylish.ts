import { createColors } from 'picocolors';
import type { Severity } from '../schema/model.js';
import { escapeControlCharacters, inertText } from '../util/control-characters.js';
import { plural } from '../util/strings.js';
import { codeFrame } from './code-frame.js';
import { type ReportInput, totals } from './report-input.js';

export interface StylishOptions {
  /** ANSI colours (the CLI decides from --color, NO_COLOR, FORCE_COLOR and the terminal); default false. */
  color?: boolean;
}

/**
 * Findings grouped by file: `line:column  severity  message  rule-id`, a
 * two-line code frame under each, and a summary line. File names, messages
 * and source lines are printed with their control characters escaped, with or
 * without colours.
 */
export function renderStylish(input: ReportInput, options: StylishOptions = {}): string {
  const c = createColors(options.color ?? false);
  const paint: Record<Severity, (text: string) => string> = { error: c.red, warning: c.yellow, info: c.blue };
  const out: string[] = [];
  for (const file of input.files) {
    if (file.findings.length === 0) continue;
    out.push(c.underline(inertText(file.file)));
    const placeWidth = Math.max(...file.findings.map((finding) => `${finding.line}:${finding.column}`.length));
    for (const finding of file.findings) {
      const place = `${finding.line}:${finding.column}`.padEnd(placeWidth);
      const severity = paint[finding.severity](finding.severity.padEnd(7));
      out.push(`  ${c.dim(place)}  ${severity}  ${escapeControlCharacters(finding.message)}  ${c.dim(finding.code)}`);
      out.push(...codeFrame(file.lines ?? [], finding, { gutter: c.dim, caret: paint[finding.severity] }));
    }
    out.push('');
  }
  const count = totals(input);
  const problems = count.error + count.warning + count.info;
  const skipped = input.skipped > 0 ? `, ${input.skipped} skipped (no activity table)` : '';
  const baselined = input.baselined > 0 ? `, ${plural(input.baselined, 'finding')} in the baseline not shown` : '';
  const checked = `${plural(input.files.length, 'file')} checked${skipped}${baselined}`;
  if (problems === 0) {
    out.push(`${c.green('✔')} No problems: ${checked}.`);
  } else {
    const summaryColor = count.error > 0 ? c.red : count.warning > 0 ? c.yellow : c.blue;
    out.push(
      c.bold(
        summaryColor(
          `✖ ${plural(problems, 'problem')} (${plural(count.error, 'error')}, ${plural(count.warning, 'warning')}, ` +
            `${plural(count.info, 'info')}) in ${checked}.`,
        ),
      ),
    );
    if (count.fixable > 0) out.push(c.bold(summaryColor(`  ${count.fixable} of them fixable with \`raci check --fix\`.`)));
  }
  return out.join('\n');
}
