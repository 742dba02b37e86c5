import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/commands/check.js';
import { UsageError } from '../../src/cli/inputs.js';
import { ANNOTATIONS_PER_SEVERITY } from '../../src/format/github.js';
import { capture } from '../helpers/capture.js';
import { scratchFolder } from '../helpers/scratch.js';

const FIXTURES = 'fixtures';

async function checkGithub(env: Record<string, string>) {
  const io = capture();
  const code = await runCheck([FIXTURES], { format: 'github', jobs: 1 }, io, { env, cwd: process.cwd(), version: '0.0.0-test' });
  return { code, out: io.out.join('\n') };
}

/** Errors in the run, counted independently of the github format. */
async function jsonErrors(): Promise<{ file: string; line: number; code: string }[]> {
  const io = capture();
  await runCheck([FIXTURES], { format: 'json', jobs: 1 }, io, { env: {}, cwd: process.cwd(), version: '0.0.0-test' });
  const report = JSON.parse(io.out.join('\n')) as {
    files: { file: string; findings: { severity: string; line: number; code: string }[] }[];
  };
  return report.files.flatMap((file) =>
    file.findings
      .filter((finding) => finding.severity === 'error')
      .map((finding) => ({ file: file.file, line: finding.line, code: finding.code })),
  );
}

describe('raci check --format github on the bundled guides', () => {
  it('annotates at most 10 of each severity, says how many were left out, and lists all 31 errors in the job summary', async () => {
    const summaryFile = join(scratchFolder('raci-summary-'), 'summary.md');
    writeFileSync(summaryFile, '# Earlier step\n');
    const env = {
      GITHUB_STEP_SUMMARY: summaryFile,
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'example/guides',
      GITHUB_SHA: 'abc123',
    };
    const { code, out } = await checkGithub(env);
    expect(code).toBe(1);
    const lines = out.split('\n');
    const annotations = lines.filter((line) => /^::(error|warning|notice) file=/.test(line));
    for (const kind of ['error', 'warning', 'notice']) {
      expect(annotations.filter((line) => line.startsWith(`::${kind} `)).length).toBeLessThanOrEqual(ANNOTATIONS_PER_SEVERITY);
    }
    // Errors come first, so the annotations GitHub keeps are the ones that fail the build.
    expect(annotations.slice(0, ANNOTATIONS_PER_SEVERITY).every((line) => line.startsWith('::error '))).toBe(true);

    const errors = await jsonErrors();
    expect(errors).toHaveLength(31);
    const total = Number(
      /raci check: (\d+) errors?, (\d+) warnings?, (\d+) infos?/
        .exec(lines.at(-1)!)!
        .slice(1)
        .reduce((a, b) => String(Number(a) + Number(b))),
    );
    const notice = lines.find((line) => line.startsWith('::notice title=raci check::'));
    expect(notice).toBe(
      `::notice title=raci check::${total - annotations.length} findings not annotated (GitHub shows 10 of each severity per step); the job summary lists every finding.`,
    );

    const summary = readFileSync(summaryFile, 'utf8');
    expect(summary.startsWith('# Earlier step\n## raci check\n')).toBe(true);
    const rows = summary.split('\n').filter((line) => line.startsWith('| error |'));
    expect(rows).toHaveLength(31);
    const unlisted = errors.filter((error) => {
      // Spaces and accents in the path are percent-encoded in the link.
      const path = error.file.split('/').map(encodeURIComponent).join('/');
      const url = `https://github.com/example/guides/blob/abc123/${path}#L${error.line}`;
      return !rows.some((row) => row.includes(`[${error.line}](${url})`) && row.includes(`\`${error.code}\``));
    });
    expect(unlisted).toEqual([]);
    expect(summary.split('\n').filter((line) => /^\| (error|warning|info) \|/.test(line))).toHaveLength(total);
  });

  it('without GITHUB_STEP_SUMMARY, writes no summary and points to --format json', async () => {
    const { out } = await checkGithub({});
    expect(out).toContain('not annotated (GitHub shows 10 of each severity per step); run with --format json for every finding.');
  });

  it('an unwritable GITHUB_STEP_SUMMARY is a one-line usage error', async () => {
    const folder = scratchFolder('raci-summary-');
    await expect(checkGithub({ GITHUB_STEP_SUMMARY: folder })).rejects.toThrow(UsageError);
    await expect(checkGithub({ GITHUB_STEP_SUMMARY: folder })).rejects.toThrow(/cannot write the job summary \(GITHUB_STEP_SUMMARY\): /);
  });
});
