import { describe, expect, it } from 'vitest';
import { ANNOTATIONS_PER_SEVERITY, renderGithub } from '../../src/format/github.js';
import { lineUrl, renderGithubSummary } from '../../src/format/github-summary.js';
import type { ReportInput } from '../../src/format/report-input.js';
import type { Finding } from '../../src/schema/finding.js';
import type { Severity } from '../../src/schema/model.js';

function finding(severity: Severity, line: number, message = `finding on line ${line}`): Finding {
  return { code: 'table-empty', severity, message, line, column: 1, endLine: line, endColumn: 2 };
}

const BLOB = { server: 'https://github.example/', repository: 'org/guides', sha: 'f00' };

describe('github annotations within GitHub’s limits', () => {
  const input: ReportInput = {
    files: [
      { file: 'b.md', findings: [...Array.from({ length: 12 }, (_, index) => finding('info', index + 1)), finding('error', 9)] },
      { file: 'a.md', findings: [...Array.from({ length: 11 }, (_, index) => finding('warning', index + 1)), finding('error', 5)] },
    ],
    skipped: 0,
    baselined: 0,
  };
  const lines = renderGithub(input).split('\n');
  const annotations = lines.filter((line) => /^::\w+ file=/.test(line));

  it('puts errors first, then warnings, then notices, each by file and line', () => {
    const order = annotations.map((line) => /^::(\w+) file=(\S+?),line=(\d+)/.exec(line)!.slice(1).join(' '));
    expect(order.slice(0, 3)).toEqual(['error a.md 5', 'error b.md 9', 'warning a.md 1']);
    expect(order.at(-1)).toBe(`notice b.md ${ANNOTATIONS_PER_SEVERITY}`);
  });

  it('writes at most 10 of each severity and one notice counting the rest', () => {
    expect(annotations.filter((line) => line.startsWith('::warning'))).toHaveLength(10);
    expect(annotations.filter((line) => line.startsWith('::notice'))).toHaveLength(10);
    expect(lines).toContain(
      '::notice title=raci check::3 findings not annotated (GitHub shows 10 of each severity per step); run with --format json for every finding.',
    );
    expect(renderGithub(input, { summary: true })).toContain('; the job summary lists every finding.');
  });

  it('writes no such notice when everything fits', () => {
    const small: ReportInput = { files: [{ file: 'a.md', findings: [finding('error', 1)] }], skipped: 0, baselined: 0 };
    expect(renderGithub(small)).not.toContain('not annotated');
  });
});

describe('github job summary', () => {
  const input: ReportInput = {
    files: [{ file: 'docs/a_b|c.md', findings: [finding('warning', 3, 'Keep *logs* | <b>now</b>\nplease'), finding('error', 7)] }],
    skipped: 0,
    baselined: 0,
  };

  it('lists every finding in a table, errors first, with markdown escaped', () => {
    const rows = renderGithubSummary(input)
      .split('\n')
      .filter((line) => /^\| (error|warning) /.test(line));
    expect(rows).toEqual([
      '| error | docs/a\\_b\\|c.md | 7 | `table-empty` | finding on line 7 |',
      '| warning | docs/a\\_b\\|c.md | 3 | `table-empty` | Keep \\*logs\\* \\| \\<b\\>now\\</b\\> please |',
    ]);
  });

  it('links each line into the commit when the repository is known', () => {
    expect(renderGithubSummary(input, BLOB)).toContain('| [7](https://github.example/org/guides/blob/f00/docs/a_b%7Cc.md#L7) |');
  });

  it('links only paths inside the checkout', () => {
    expect(lineUrl(BLOB, './x/y.md', 2)).toBe('https://github.example/org/guides/blob/f00/x/y.md#L2');
    expect(lineUrl(BLOB, 'x\\y.md', 2)).toBe('https://github.example/org/guides/blob/f00/x/y.md#L2');
    expect(lineUrl(BLOB, '/home/runner/x.md', 2)).toBeUndefined();
    expect(lineUrl(BLOB, '../x.md', 2)).toBeUndefined();
    expect(lineUrl(BLOB, 'C:/x.md', 2)).toBeUndefined();
  });

  it('says so when there is nothing to list', () => {
    const summary = renderGithubSummary({ files: [{ file: 'a.md', findings: [] }], skipped: 0, baselined: 0 });
    expect(summary).toBe('## raci check\n\n0 errors, 0 warnings, 0 infos in 1 file.\n');
  });
});
