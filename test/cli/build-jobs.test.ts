import { execFileSync, spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeManyGuides } from '../../scripts/make-many-guides.js';
import { withTempDir } from '../datasets/helpers.js';
import { capture } from '../helpers/capture.js';
import { distModule, CLI_MAIN as MAIN } from '../helpers/paths.js';

// Workers load compiled JavaScript, so worker runs go through dist/ (npm test builds before it runs vitest).
type BuildModule = typeof import('../../src/cli/commands/build.js');
type PoolModule = typeof import('../../src/cli/worker-pool.js');
const { runBuild } = (await import(distModule('cli/commands/build.js'))) as BuildModule;
const { DEFAULT_IN_PROCESS_BELOW } = (await import(distModule('cli/worker-pool.js'))) as PoolModule;

/** Every file under `dir`, as bytes, by relative path. */
async function files(dir: string): Promise<Record<string, Buffer>> {
  const result: Record<string, Buffer> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      result[join(entry.parentPath, entry.name).slice(dir.length + 1)] = await readFile(join(entry.parentPath, entry.name));
  }
  return result;
}

describe('raci build --jobs', () => {
  it.each([
    ['in this process (--jobs 1)', { jobs: 1 }],
    ['in worker processes', { jobs: 2, workers: true }],
  ])('writes the committed datasets/ byte for byte from fixtures/, %s', async (_how, parallelism) => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'datasets');
      const io = capture();
      const steps: { done: number; total: number; path: string }[] = [];
      let finished = 0;
      const progress = { update: (step: { done: number; total: number; path: string }) => steps.push(step), done: () => finished++ };
      expect(await runBuild(['fixtures/'], { out, allowErrors: true, license: 'CC-BY-NC-SA-4.0', ...parallelism }, io, progress)).toBe(0);
      expect(io.out[0]).toMatch(/^40 guides, /);
      // Progress in build order, one step per guide, then erased once.
      expect(steps.map((step) => step.done)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
      expect(steps.every((step) => step.total === 40 && step.path.startsWith('corpus/pages/'))).toBe(true);
      expect(finished).toBe(1);
      const built = await files(out);
      const committed = await files('datasets');
      expect(Object.keys(built).sort()).toEqual(Object.keys(committed).sort());
      for (const [path, bytes] of Object.entries(committed)) expect(built[path]!.equals(bytes), path).toBe(true);
    });
  });

  it('reports a guide that a worker cannot read as one line, exit code 2', async () => {
    await withTempDir(async (dir) => {
      // Enough guides for the CLI to start workers (fewer than DEFAULT_IN_PROCESS_BELOW stay in-process).
      makeManyGuides(DEFAULT_IN_PROCESS_BELOW, join(dir, 'many'));
      // A FIFO passes the command line's checks (it exists, it is not a folder); reading it fails, in the worker.
      const fifo = join(dir, 'pipe.md');
      execFileSync('mkfifo', [fifo]);
      const result = spawnSync(process.execPath, [MAIN, 'build', join(dir, 'many'), fifo, '--out', join(dir, 'out'), '--jobs', '2'], {
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(result.stderr).toBe(`raci: ${fifo}: not a regular file (a FIFO, socket or device)\n`);
      expect(result.status).toBe(2);
      expect(await readdir(dir)).not.toContain('out');
    });
  });

  it('lowers --jobs to the number of cores, or to RACI_MAX_JOBS, saying so in one line', () => {
    const summary = (env: Record<string, string>) =>
      spawnSync(process.execPath, [MAIN, 'summary', '--jobs', '100000', 'test/fixtures/diff'], {
        encoding: 'utf8',
        env: { ...process.env, ...env },
        timeout: 60_000,
      });
    const cores = summary({});
    expect(cores.stderr).toBe(
      `raci: --jobs 100000 lowered to ${availableParallelism()} (the number of cores; set RACI_MAX_JOBS to allow more)\n`,
    );
    expect(cores.status).toBe(0);
    expect(summary({ RACI_MAX_JOBS: '3' }).stderr).toBe('raci: --jobs 100000 lowered to 3 (RACI_MAX_JOBS)\n');
    expect(summary({ RACI_MAX_JOBS: '100000' }).stderr).toBe('');
    const invalid = summary({ RACI_MAX_JOBS: 'many' });
    expect(invalid.stderr).toBe(
      "raci: option '--jobs <n>' argument '100000' is invalid. RACI_MAX_JOBS=many: expected a whole number of at least 1.\n",
    );
    expect(invalid.status).toBe(2);
  });

  it.each([['0'], ['x'], ['1.5']])('rejects --jobs %s with a usage error (exit code 2)', (jobs) => {
    const result = spawnSync(process.execPath, [MAIN, 'build', 'fixtures/', '--out', 'never-written', '--jobs', jobs], {
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(`raci: option '--jobs <n>' argument '${jobs}' is invalid. expected a whole number of at least 1.\n`);
  });
});
