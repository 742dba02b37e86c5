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
