import { availableParallelism } from 'node:os';

/**
 * Runs a per-file function over many files in worker processes (tinypool), one
 * per core by default, and gives the results back in input order. A handful of
 * files, or `jobs: 1`, runs in this process: starting workers that each load
 * the parser costs more than parsing a few guides.
 *
 * Why processes and not threads: remark allocates a lot, and V8's parallel and
 * concurrent garbage collector runs helper threads per heap. With one worker
 * per core those helpers only compete with the workers. A process, unlike a
 * thread, can start with `--single-threaded-gc` (a V8 flag for its own heap),
 * which leaves the cores to the workers. See BENCHMARKS.md.
 */

/** What each call receives: one file, and what every call shares (options, configuration). Both must be structured-cloneable. */
export interface FileTask<Data> {
  file: string;
  data: Data;
}

/**
 * Where the per-file function lives: a module URL (resolved next to the caller
 * with `new URL('./x.js', import.meta.url)`) and the name of its export, a
 * function `(task: FileTask<Data>) => Result | Promise<Result>`. Workers import
 * the module themselves, so it must not depend on state of the main process.
 * Expected failures (a missing file) should come back as data in `Result`; a
 * thrown error stops the whole map.
 */
export interface FileWorker {
  module: URL;
  name: string;
}

export interface MapFilesOptions<Data, Result> {
  data: Data;
  /** Worker processes; default: the number of cores. 1 runs in this process. */
  jobs?: number | undefined;
  /** Fewer files than this run in this process whatever `jobs` says. */
  inProcessBelow?: number;
  /** `true`: worker processes even for `jobs: 1` or a few files (benchmarks compare 1 and N workers that way). */
  workers?: boolean;
  /** Called with each result in input order, as soon as it and all before it are done (for streaming output). */
  onResult?: (result: Result, index: number) => void;
}

/** Each worker process collects its own garbage on its own thread: the cores are for the workers. */
const WORKER_EXEC_ARGV = ['--single-threaded-gc'];

/**
 * A worker process must start, load the parser and warm up its JIT before it
 * pays for itself; below this many files one process is faster (BENCHMARKS.md).
 * The CLI tests read it to make enough guides for workers to start.
 * @public
 */
export const DEFAULT_IN_PROCESS_BELOW = 64;

function defaultJobs(): number {
  return availableParallelism();
}

export async function mapFiles<Data, Result>(
  worker: FileWorker,
  files: readonly string[],
  options: MapFilesOptions<Data, Result>,
): Promise<Result[]> {
  // Nothing to do: the per-file module (the parser, usually) is not even loaded.
  if (files.length === 0) return [];
  const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(), files.length));
  const inOrder = orderedDelivery<Result>(files.length, options.onResult);
  const inProcess =
    options.workers === undefined ? jobs === 1 || files.length < (options.inProcessBelow ?? DEFAULT_IN_PROCESS_BELOW) : !options.workers;
  if (inProcess) {
    const module = (await import(worker.module.href)) as Record<string, unknown>;
    const run = module[worker.name];
    if (typeof run !== 'function') throw new Error(`${worker.module.href} has no function export named ${worker.name}`);
    // The next file's call starts before this one is awaited: its reads then
    // wait on the disk while this file is parsed, not after.
    const start = (index: number): Promise<Result> =>
      Promise.resolve().then(() => run({ file: files[index]!, data: options.data }) as Result);
    let ahead = files.length > 0 ? start(0) : undefined;
    for (let index = 0; index < files.length; index++) {
      const current = ahead!;
      ahead = index + 1 < files.length ? start(index + 1) : undefined;
      let result: Result;
      try {
        result = await current;
      } catch (caught) {
        // Not awaited any more: its failure, if any, must not be an unhandled rejection.
        ahead?.catch(() => undefined);
        throw taskError(files[index]!, caught);
      }
      inOrder.deliver(index, result);
    }
    return inOrder.results;
  }
  const { Tinypool } = await import('tinypool');
  const pool = new Tinypool({
    filename: worker.module.href,
    name: worker.name,
    minThreads: jobs,
    maxThreads: jobs,
    runtime: 'child_process',
    execArgv: WORKER_EXEC_ARGV,
    // Without it the workers would get an empty environment (tinypool spreads this into fork's env).
    env: { ...process.env } as Record<string, string>,
    // Structured clone, as with threads: results may hold what JSON cannot (undefined, Map…).
    serialization: 'advanced',
  });
  try {
    const settled = await Promise.allSettled(
      files.map(async (file, index) => {
        const task: FileTask<Data> = { file, data: options.data };
        inOrder.deliver(index, (await pool.run(task)) as Result);
      }),
    );
    // The first failure in input order, as a sequential run would have met it.
    const failed = settled.findIndex((outcome) => outcome.status === 'rejected');
    if (failed !== -1) throw taskError(files[failed]!, (settled[failed] as PromiseRejectedResult).reason);
    return inOrder.results;
  } finally {
    await pool.destroy();
  }
}

/** Stores results by index and hands them to `onResult` in input order. */
function orderedDelivery<Result>(count: number, onResult: ((result: Result, index: number) => void) | undefined) {
  const results: Result[] = new Array<Result>(count);
  const done: boolean[] = new Array<boolean>(count).fill(false);
  let next = 0;
  return {
    results,
    deliver(index: number, result: Result): void {
      results[index] = result;
      done[index] = true;
      while (next < count && done[next]) {
        onResult?.(results[next]!, next);
        next++;
      }
    },
  };
}

/**
 * The same error from both paths: the file, then the message. Errors cross the
 * process boundary as copies that keep the message, not always the name or
 * other properties: return expected failures as data.
 */
function taskError(file: string, reason: unknown): Error {
  // A worker process sends the error as a plain object: {name, message, stack}.
  const fields = typeof reason === 'object' && reason !== null ? (reason as { name?: unknown; message?: unknown }) : {};
  const error = new Error(`${file}: ${typeof fields.message === 'string' ? fields.message : String(reason)}`);
  if (typeof fields.name === 'string') error.name = fields.name;
  return error;
}
