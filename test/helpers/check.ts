import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CheckCommandOptions, runCheck } from '../../src/cli/commands/check.js';
import { capture } from './capture.js';
import { scratchFolder } from './scratch.js';
/** `line:column-endLine:endColumn severity code message`: one finding as the tests compare it. */
export function brief(finding: {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: string;
  code: string;
  message: string;
}): string {
  return `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn} ${finding.severity} ${finding.code} ${finding.message}`;
}

export const LEGEND = [
  '| Roles |',
  '| --- |',
  '| R: Is in charge of carrying out the process |',
  '| A: Is accountable for the successful completion of the process |',
  '| C: Is consulted during the process |',
  '| I: Is informed of the results of the process |',
].join('\n');

/** A guide around some rows: front matter, legend, one numbered section, one table. */
export function guide(rows: string[], extra = ''): string {
  return [
    '---',
    'title: Test guide',
    '---',
    '',
    LEGEND,
    '',
    '## 1. Before subscription',
    '',
    '| Activity | Customer | OVHcloud |',
    '| --- | --- | --- |',
    ...rows,
    extra,
  ].join('\n');
}

/**
 * A guide with one accountable-multiple error in a scratch folder that bounds
 * the configuration lookup (it holds `.git`), and `raci check` run on it in
 * this process: the setting of the tests of check's output options.
 */
export function scratchGuideToCheck(prefix: string) {
  const dir = scratchFolder(prefix);
  mkdirSync(join(dir, '.git'));
  const file = join(dir, 'double.md');
  writeFileSync(file, guide(['| Install the vCenter | I | RA |', '| Keep logs | RA | RA |']));
  const run = async (options: CheckCommandOptions) => {
    const io = capture();
    const code = await runCheck([file], { jobs: 1, ...options }, io, { env: {}, cwd: dir, version: '0.0.0-test' });
    return { code, out: io.out.join('\n'), err: io.err.join('\n') };
  };
  return { dir, file, run };
}
