import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeManyGuides } from '../../scripts/make-many-guides.js';
import { bundledGuides } from '../../scripts/synthetic-guides.js';
import { runSummary } from '../../src/cli/commands/summary.js';
import { capture } from '../helpers/capture.js';
import { distModule, CLI_MAIN as MAIN, SUPPORT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

// Workers load compiled JavaScript, so the pool is tested from dist/ (npm test builds before it runs vitest).
type PoolModule = typeof import('../../src/cli/worker-pool.js');
const { DEFAULT_IN_PROCESS_BELOW, mapFiles } = (await import(distModule('cli/worker-pool.js'))) as PoolModule;
const ECHO = { module: pathToFileURL(join(SUPPORT, 'echo-worker.mjs')), name: 'describeFile' };
const guides = bundledGuides();

interface Echo {
  file: string;
  characters: number;
  pid: number;
  tag: string;
}

describe('mapFiles', () => {
  it('runs many files in worker processes and keeps the input order, streaming results in that order', async () => {
    const files = [...guides].reverse();
    const streamed: number[] = [];
    const results = await mapFiles<{ tag: string }, Echo>(ECHO, files, {
      data: { tag: 'shared' },
      jobs: 2,
      inProcessBelow: 8,
      onResult: (_result, index) => streamed.push(index),
    });
    expect(results.map((result) => result.file)).toEqual(files);
    expect(results.map((result) => result.characters)).toEqual(files.map((file) => readFileSync(file, 'utf8').length));
    expect(results.every((result) => result.tag === 'shared')).toBe(true);
    const pids = new Set(results.map((result) => result.pid));
    expect(pids.has(process.pid)).toBe(false);
    expect(pids.size).toBeGreaterThanOrEqual(1);
    expect(pids.size).toBeLessThanOrEqual(2);
    expect(streamed).toEqual(files.map((_, index) => index));
  });

  it('runs a handful of files, or jobs: 1, in this process', async () => {
    const few = await mapFiles<{ tag: string }, Echo>(ECHO, guides.slice(0, 3), { data: { tag: 'x' }, jobs: 2, inProcessBelow: 8 });
    const single = await mapFiles<{ tag: string }, Echo>(ECHO, guides, { data: { tag: 'x' }, jobs: 1 });
    expect([...few, ...single].every((result) => result.pid === process.pid)).toBe(true);
    expect(single.map((result) => result.file)).toEqual(guides);
  });

  it('uses a worker process even for jobs: 1 when told to (to compare 1 and N workers)', async () => {
    const forced = await mapFiles<{ tag: string }, Echo>(ECHO, guides.slice(0, 3), { data: { tag: 'x' }, jobs: 1, workers: true });
    expect(new Set(forced.map((result) => result.pid)).size).toBe(1);
    expect(forced[0]!.pid).not.toBe(process.pid);
  });

  it.each([[2], [1]])(
    'with jobs: %i, rejects with the first failure in input order, naming the file and keeping the name',
    async (jobs) => {
      const failing = guides.find((file) => file.endsWith('fr-fr.md'))!;
      const run = mapFiles<{ tag: string; failOn: string }, Echo>(ECHO, guides, {
        data: { tag: 'x', failOn: 'fr-fr.md' },
        jobs,
        inProcessBelow: 8,
      });
      await expect(run).rejects.toMatchObject({ name: 'UsageError', message: `${failing}: refused ${failing}` });
    },
  );
});

describe('raci summary --jobs', () => {
  // Enough guides for the CLI to start workers (fewer than DEFAULT_IN_PROCESS_BELOW stay in-process).
  const scratch = scratchFolder('raci-pool-');
  const many = makeManyGuides(2 * guides.length, join(scratch, 'many'));

  it('prints the same table with 2 workers as in-process', () => {
    expect(many.length).toBeGreaterThanOrEqual(DEFAULT_IN_PROCESS_BELOW);
    const run = (jobs: string) =>
      spawnSync(process.execPath, [MAIN, 'summary', '--jobs', jobs, join(scratch, 'many')], { encoding: 'utf8' });
    const single = run('1');
    const pooled = run('2');
    expect(pooled.stdout).toBe(single.stdout);
    expect(pooled.status).toBe(single.status);
    expect(single.stdout).toContain(`${many.length} guides`);
  });

  it('rejects --jobs 0 with a usage error (exit code 2)', () => {
    const result = spawnSync(process.execPath, [MAIN, 'summary', '--jobs', '0', 'fixtures/corpus/pages'], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--jobs/);
  });

  it('reports a missing file as one line, from workers too', () => {
    const files = [...many, 'fixtures/no-such-guide.md'];
    const result = spawnSync(process.execPath, [MAIN, 'summary', '--jobs', '2', ...files], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('raci: fixtures/no-such-guide.md: no such file or directory');
  });

  it('runs in-process from the TypeScript sources too', async () => {
    const io = capture();
    const code = await runSummary(guides.slice(0, 2), io, { jobs: 2 });
    expect(code).toBeGreaterThanOrEqual(0);
    expect(io.out.join('\n')).toContain('2 guides');
  });
});

describe('raci check --jobs', () => {
  // Enough guides for the CLI to start workers, with a guide that has fixable role cells among them.
  const scratch = scratchFolder('raci-check-pool-');
  const many = makeManyGuides(2 * guides.length, join(scratch, 'many'));
  const run = (...args: string[]) => spawnSync(process.execPath, [MAIN, 'check', ...args], { encoding: 'utf8' });

  it('reports the same findings, in the same order, with 2 workers as in-process', () => {
    const single = run('--jobs', '1', '--format', 'json', join(scratch, 'many'));
    const pooled = run('--jobs', '2', '--format', 'json', join(scratch, 'many'));
    expect(pooled.stdout).toBe(single.stdout);
    expect(pooled.status).toBe(single.status);
    const report = JSON.parse(single.stdout) as { files: { file: string; findings: unknown[] }[] };
    expect(report.files.length).toBeGreaterThanOrEqual(DEFAULT_IN_PROCESS_BELOW);
    expect(report.files.reduce((total, file) => total + file.findings.length, 0)).toBeGreaterThan(0);
  });

  it('prints the same --fix --dry-run diff with 2 workers as in-process, and writes nothing', () => {
    const before = many.map((file) => readFileSync(file, 'utf8'));
    const single = run('--jobs', '1', '--fix', '--dry-run', join(scratch, 'many'));
    const pooled = run('--jobs', '2', '--fix', '--dry-run', join(scratch, 'many'));
    expect(single.stdout).toContain('+++ ');
    expect(pooled.stdout).toBe(single.stdout);
    expect(pooled.stderr).toBe(single.stderr);
    expect(many.map((file) => readFileSync(file, 'utf8'))).toEqual(before);
  });

  it('rewrites the same files, to the same bytes, with --fix from 2 workers as in-process', () => {
    const inProcess = makeManyGuides(2 * guides.length, join(scratch, 'fix-1'));
    const pooled = makeManyGuides(2 * guides.length, join(scratch, 'fix-2'));
    const before = inProcess.map((file) => readFileSync(file, 'utf8'));
    const single = run('--jobs', '1', '--fix', '--format', 'json', join(scratch, 'fix-1'));
    const workers = run('--jobs', '2', '--fix', '--format', 'json', join(scratch, 'fix-2'));
    expect(workers.status).toBe(single.status);
    const after = inProcess.map((file) => readFileSync(file, 'utf8'));
    expect(after).not.toEqual(before);
    expect(pooled.map((file) => readFileSync(file, 'utf8'))).toEqual(after);
    // What remains is reported the same way, the fixed role cells no longer among it.
    expect(workers.stdout.replaceAll('fix-2', 'fix-1')).toBe(single.stdout);
    expect(single.stdout).not.toContain('"role-noncanonical"');
  });

  it('reports a file it cannot read as one line from a worker, and still reports the others (exit code 2)', () => {
    const fifo = join(scratch, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    const result = run('--jobs', '2', '--format', 'json', ...many, fifo);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(`raci: ${fifo}: not a regular file (a FIFO, socket or device)`);
    expect((JSON.parse(result.stdout) as { files: unknown[] }).files).toHaveLength(many.length);
  });

  it('rejects --jobs 0 with a usage error (exit code 2)', () => {
    const result = run('--jobs', '0', 'fixtures/corpus/pages');
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--jobs/);
  });
});
