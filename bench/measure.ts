import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Bench } from 'tinybench';

/**
 * Measuring on a shared, noisy machine: every goal is a ratio of two things
 * measured in the same run, interleaved round by round, and each figure is a
 * median. In-process timings use CPU time (process.cpuUsage: all threads of
 * this process, GC included), which other processes' load disturbs far less
 * than wall time; commands are timed by wall clock, as a user would.
 */

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Milliseconds of CPU used by this process so far. */
export function cpuNow(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

export interface Comparison {
  /** Median CPU ms per call of each task, over all rounds. */
  ms: Record<string, number>;
  /** Median over rounds of `tasks[1] / tasks[0]` within the round. */
  ratio: number;
}

/**
 * Runs two tasks with tinybench (CPU-time clock) for `rounds` rounds,
 * alternating which goes first, and returns the median per-round ratio
 * second / first.
 */
export async function compareTasks(tasks: [string, () => unknown][], options: { rounds: number; time: number }): Promise<Comparison> {
  const perTask = new Map<string, number[]>(tasks.map(([name]) => [name, []]));
  const ratios: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    const bench = new Bench({
      now: cpuNow,
      time: options.time,
      iterations: 5,
      warmupTime: Math.min(200, options.time),
      warmupIterations: 3,
    });
    for (const [name, fn] of round % 2 === 0 ? tasks : [...tasks].reverse()) bench.add(name, fn);
    await bench.run();
    const p50 = (name: string): number => {
      const result = bench.getTask(name)?.result;
      if (!result || !('latency' in result)) throw new Error(`benchmark task ${name} did not run: ${JSON.stringify(result)}`);
      return result.latency.p50;
    };
    for (const [name] of tasks) perTask.get(name)!.push(p50(name));
    ratios.push(p50(tasks[1]![0]) / p50(tasks[0]![0]));
  }
  return { ms: Object.fromEntries([...perTask].map(([name, values]) => [name, median(values)])), ratio: median(ratios) };
}

const PEAK_RSS_PROBE = fileURLToPath(new URL('./support/peak-rss.mjs', import.meta.url));

interface CommandRun {
  wallMs: number;
  peakRssMb: number;
  /** CPU time (user and system) of every process the command started. */
  cpuMs: number;
  status: number | null;
}

/**
 * Runs `node SCRIPT ARGS` once, timing its wall clock. Peak memory is the sum
 * of the peaks of every process it started (worker processes included), read
 * through a probe loaded with NODE_OPTIONS: an upper bound, as peaks need not
 * coincide.
 */
function runNode(script: string, args: readonly string[], cwd: string): CommandRun {
  const scratch = mkdtempSync(join(tmpdir(), 'raci-bench-'));
  const rssFile = join(scratch, 'rss');
  try {
    const nodeOptions = [process.env.NODE_OPTIONS, `--import=${pathToFileURL(PEAK_RSS_PROBE).href}`].filter(Boolean).join(' ');
    const start = performance.now();
    const result = spawnSync(process.execPath, [script, ...args], {
      cwd,
      env: { ...process.env, NODE_OPTIONS: nodeOptions, BENCH_PEAK_RSS_FILE: rssFile, FORCE_COLOR: '0', NO_COLOR: '1' },
      stdio: ['ignore', 'ignore', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
    const wallMs = performance.now() - start;
    if (result.error) throw result.error;
    const probes = readdirSync(scratch).map((name) => readFileSync(join(scratch, name), 'utf8').split(' ').map(Number));
    // A crash before exit leaves no figure: NaN shows it.
    const total = (index: number): number =>
      probes.length === 0 ? Number.NaN : probes.reduce((sum, figures) => sum + (figures[index] ?? Number.NaN), 0);
    return { wallMs, peakRssMb: total(0) / 1024, cpuMs: total(1) / 1000, status: result.status };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

export interface CommandSpec {
  name: string;
  script: string;
  args: readonly string[];
}

export interface CommandFigures {
  wallMs: number;
  peakRssMb: number;
  cpuMs: number;
  status: number | null;
}

/** Runs every command once per round, in alternating order, and returns median wall time and peak memory of each. */
export function compareCommands(
  commands: readonly CommandSpec[],
  options: { rounds: number; cwd: string; warmup?: boolean },
): Record<string, CommandFigures> {
  // One unmeasured run of each warms the file system cache.
  if (options.warmup !== false) for (const command of commands) runNode(command.script, command.args, options.cwd);
  const runs = new Map<string, CommandRun[]>(commands.map((command) => [command.name, []]));
  for (let round = 0; round < options.rounds; round++) {
    for (const command of round % 2 === 0 ? commands : [...commands].reverse())
      runs.get(command.name)!.push(runNode(command.script, command.args, options.cwd));
  }
  return Object.fromEntries(
    [...runs].map(([name, list]) => [
      name,
      {
        wallMs: median(list.map((run) => run.wallMs)),
        peakRssMb: median(list.map((run) => run.peakRssMb)),
        cpuMs: median(list.map((run) => run.cpuMs)),
        status: list[0]!.status,
      },
    ]),
  );
}
