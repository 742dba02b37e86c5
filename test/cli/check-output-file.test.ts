import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/inputs.js';
import { scratchGuideToCheck } from '../helpers/check.js';
import { CLI_MAIN } from '../helpers/paths.js';

let dir: string;
let file: string;
let run: ReturnType<typeof scratchGuideToCheck>['run'];

beforeEach(() => {
  ({ dir, file, run } = scratchGuideToCheck('raci-output-'));
});

describe('raci check --output-file', () => {
  it('writes the report to the file, making its folders, and nothing to stdout; the exit code is unchanged', async () => {
    const toStdout = await run({ format: 'json' });
    const toFile = await run({ format: 'json', outputFile: 'reports/raci/check.json' });
    expect(toFile.code).toBe(1);
    expect(toFile.out).toBe('');
    const written = readFileSync(join(dir, 'reports/raci/check.json'), 'utf8');
    expect(written).toBe(`${toStdout.out}\n`);
    expect(JSON.parse(written).files[0].findings[0].code).toBe('accountable-multiple');
  });

  it('writes the stylish report without colours unless --color asks for them', async () => {
    await run({ outputFile: 'plain.txt' });
    expect(readFileSync(join(dir, 'plain.txt'), 'utf8')).not.toContain('\u001b[');
    await run({ outputFile: 'coloured.txt', color: true });
    expect(readFileSync(join(dir, 'coloured.txt'), 'utf8')).toContain('\u001b[');
  });

  it('a path that cannot be written is a one-line usage error', async () => {
    writeFileSync(join(dir, 'taken'), '');
    await expect(run({ outputFile: 'taken/report.txt' })).rejects.toThrow(UsageError);
    await expect(run({ outputFile: 'taken/report.txt' })).rejects.toThrow(/^taken\/report\.txt: cannot write the report: [^\n]+$/);
  });

  it('is refused with --dry-run, which prints a diff rather than the report', async () => {
    await expect(run({ fix: true, dryRun: true, outputFile: 'report.txt' })).rejects.toThrow(
      '--dry-run prints a diff, not a report: it takes no report file (--output-file, --format NAME:FILE)',
    );
  });

  it('the built command exits 2 with one line when the file cannot be written', () => {
    writeFileSync(join(dir, 'taken'), '');
    const result = spawnSync(process.execPath, [CLI_MAIN, 'check', file, '-o', 'taken/report.txt'], { cwd: dir, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^raci: taken\/report\.txt: cannot write the report: [^\n]+\n$/);
  });
});
