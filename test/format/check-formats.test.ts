import { describe, expect, it } from 'vitest';
import { shouldUseColor } from '../../src/cli/color.js';
import { renderGithub } from '../../src/format/github.js';
import { JsonReportSchema, renderJson } from '../../src/format/json.js';
import type { ReportInput } from '../../src/format/report-input.js';
import { renderSarif } from '../../src/format/sarif.js';
import { renderStylish } from '../../src/format/stylish.js';
import { accountableMultiple } from '../../src/rules/checks/accountable-multiple.js';
import { DIAGNOSTIC_CODE_IDS } from '../../src/schema/codes.js';

const LINES = [
  '| Activity | Customer | OVHcloud |',
  '| --- | --- | --- |',
  '| Keep logs, 100% | RA | RA |',
  '| Decide versions | C | AR |',
];

/** A fixed set of findings: an error, a fixable info, and a warning whose message needs escaping. */
const INPUT: ReportInput = {
  files: [
    {
      file: 'guides/a b/guide.en-gb.md',
      lines: LINES,
      findings: [
        {
          code: 'accountable-multiple',
          severity: 'error',
          message: '“Keep logs, 100%” has 2 accountable parties (A).',
          line: 3,
          column: 21,
          endLine: 3,
          endColumn: 28,
          activity: { id: '1#1', text: 'Keep logs, 100%' },
        },
        {
          code: 'role-noncanonical',
          severity: 'info',
          message: '“AR” should be written “RA”.',
          line: 4,
          column: 25,
          endLine: 4,
          endColumn: 27,
          fix: [{ line: 4, column: 25, endColumn: 27, text: 'RA' }],
        },
        { code: 'table-empty', severity: 'warning', message: 'Two lines:\nsecond: here', line: 1, column: 1, endLine: 2, endColumn: 20 },
      ],
    },
    { file: 'guides/clean.md', lines: [], findings: [] },
  ],
  skipped: 1,
  baselined: 2,
};

describe('stylish', () => {
  it('groups by file, with line:column, severity, message, rule id, a two-line frame and a summary', () => {
    expect(renderStylish(INPUT, { color: false })).toBe(
      [
        'guides/a b/guide.en-gb.md',
        '  3:21  error    “Keep logs, 100%” has 2 accountable parties (A).  accountable-multiple',
        '    3 | | Keep logs, 100% | RA | RA |',
        '      |                     ^^^^^^^',
        '  4:25  info     “AR” should be written “RA”.  role-noncanonical',
        '    4 | | Decide versions | C | AR |',
        '      |                         ^^',
        '  1:1   warning  Two lines:\\nsecond: here  table-empty',
        '    1 | | Activity | Customer | OVHcloud |',
        '      | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 info) in 2 files checked, 1 skipped (no activity table), 2 findings in the baseline not shown.',
        '  1 of them fixable with `raci check --fix`.',
      ].join('\n'),
    );
  });

  it('uses ANSI colours only when asked', () => {
    expect(renderStylish(INPUT, { color: true })).toContain('\u001b[31merror');
    expect(renderStylish(INPUT, { color: false })).not.toContain('\u001b[');
  });

  it('says so when there is nothing to report', () => {
    expect(renderStylish({ files: [{ file: 'a.md', findings: [] }], skipped: 0, baselined: 0 }, { color: false })).toBe(
      '✔ No problems: 1 file checked.',
    );
  });

  it('cuts a long line to a window around the finding', () => {
    const long = `| ${'x'.repeat(300)} | RA | RA |`;
    const output = renderStylish(
      {
        files: [
          {
            file: 'a.md',
            lines: [long],
            findings: [{ code: 'accountable-multiple', severity: 'error', message: 'm', line: 1, column: 306, endLine: 1, endColumn: 313 }],
          },
        ],
        skipped: 0,
        baselined: 0,
      },
      { color: false },
    ).split('\n');
    expect(output[2]).toMatch(/^ {4}1 \| …x+ \| RA \| RA \|$/);
    const caretColumn = output[3]!.indexOf('^');
    expect(output[2]!.slice(caretColumn, caretColumn + 7)).toBe('RA | RA');
  });
});

describe('colour decision', () => {
  it('follows --color, then FORCE_COLOR, then NO_COLOR, then the terminal', () => {
    expect(shouldUseColor(undefined, {}, true)).toBe(true);
    expect(shouldUseColor(undefined, {}, false)).toBe(false);
    expect(shouldUseColor(undefined, { NO_COLOR: '1' }, true)).toBe(false);
    expect(shouldUseColor(undefined, { NO_COLOR: '' }, true)).toBe(true);
    expect(shouldUseColor(undefined, { FORCE_COLOR: '1' }, false)).toBe(true);
    expect(shouldUseColor(undefined, { FORCE_COLOR: '0' }, true)).toBe(false);
    expect(shouldUseColor(undefined, { FORCE_COLOR: '1', NO_COLOR: '1' }, false)).toBe(true);
    expect(shouldUseColor(false, { FORCE_COLOR: '1' }, true)).toBe(false);
    expect(shouldUseColor(true, { NO_COLOR: '1' }, false)).toBe(true);
  });
});

describe('json', () => {
  it('lists every checked file with its findings and the totals, and matches its schema', () => {
    const report = JsonReportSchema.parse(JSON.parse(renderJson(INPUT)));
    expect(report.files.map((file) => [file.file, file.findings.length])).toEqual([
      ['guides/a b/guide.en-gb.md', 3],
      ['guides/clean.md', 0],
    ]);
    expect(report.files[0]!.findings[0]).toEqual(INPUT.files[0]!.findings[0]);
    expect(report.summary).toEqual({ files: 2, skipped: 1, baselined: 2, errors: 1, warnings: 1, infos: 1, fixable: 1 });
  });
});

/** Reads a workflow command back, undoing its escaping. */
function parseCommand(line: string): { command: string; properties: Record<string, string>; message: string } {
  const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
  if (!match) throw new Error(`not a workflow command: ${line}`);
  const unescapeProperty = (text: string) =>
    text.replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%0A/g, '\n').replace(/%0D/g, '\r').replace(/%25/g, '%');
  const properties = Object.fromEntries(
    match[2]!.split(',').map((pair) => {
      const [key, value] = pair.split('=');
      return [key!, unescapeProperty(value!)];
    }),
  );
  return { command: match[1]!, properties, message: unescapeProperty(match[3]!) };
}

describe('github', () => {
  it('writes one annotation per finding that parses back to the finding, errors first, then warnings, then infos', () => {
    const lines = renderGithub(INPUT).split('\n');
    const commands = lines.filter((line) => line.startsWith('::')).map(parseCommand);
    const bySeverity = ['error', 'warning', 'info'].flatMap((severity) =>
      INPUT.files[0]!.findings.filter((finding) => finding.severity === severity),
    );
    expect(commands).toEqual(
      bySeverity.map((finding) => ({
        command: { error: 'error', warning: 'warning', info: 'notice' }[finding.severity],
        properties: {
          file: 'guides/a b/guide.en-gb.md',
          line: String(finding.line),
          col: String(finding.column),
          endLine: String(finding.endLine),
          endColumn: String(finding.endColumn),
          title: finding.code,
        },
        message: finding.message,
      })),
    );
    expect(lines.at(-1)).toBe('raci check: 1 error, 1 warning, 1 info in 2 files.');
  });

  it('escapes what would end the command early', () => {
    expect(renderGithub(INPUT)).toContain(
      '::warning file=guides/a b/guide.en-gb.md,line=1,col=1,endLine=2,endColumn=20,title=table-empty::Two lines:%0Asecond: here',
    );
    expect(renderGithub(INPUT)).toContain('::“Keep logs, 100%25” has');
  });
});

describe('sarif', () => {
  const log = JSON.parse(renderSarif(INPUT, { version: '1.2.3' }));

  it('has the required SARIF 2.1.0 properties', () => {
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    expect(log.runs).toHaveLength(1);
    expect(log.runs[0].tool.driver).toMatchObject({ name: 'raci', version: '1.2.3' });
    for (const result of log.runs[0].results) {
      expect(result.message.text).toEqual(expect.any(String));
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(log.runs[0].tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(result.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
    }
  });

  it('has one rule entry per code of the code table, with help text from the rule modules', () => {
    const rules = log.runs[0].tool.driver.rules as { id: string; help: { text: string }; defaultConfiguration: { level: string } }[];
    const ids = rules.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([...DIAGNOSTIC_CODE_IDS].sort());
    const multiple = rules.find((rule) => rule.id === 'accountable-multiple')!;
    expect(multiple.help.text).toContain(accountableMultiple.howToFix);
    expect(multiple.defaultConfiguration.level).toBe('error');
  });

  it('maps severities and locations', () => {
    const results = log.runs[0].results as {
      ruleId: string;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: object } }[];
    }[];
    expect(results.map((result) => [result.ruleId, result.level])).toEqual([
      ['accountable-multiple', 'error'],
      ['role-noncanonical', 'note'],
      ['table-empty', 'warning'],
    ]);
    expect(results[0]!.locations[0]!.physicalLocation.artifactLocation.uri).toBe('guides/a%20b/guide.en-gb.md');
    expect(results[0]!.locations[0]!.physicalLocation.region).toEqual({ startLine: 3, startColumn: 21, endLine: 3, endColumn: 28 });
  });
});
