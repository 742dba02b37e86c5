/**
 * Goal 7 of `npm run bench`: inputs a hostile pull request can bring, each
 * within the default limits, finish every command within 30 s and 1 GB. Time
 * is CPU time (user and system), which a shared machine's load does not
 * inflate the way it inflates wall time. The
 * tests check what these commands answer (test/hostile/bounded-work.test.ts);
 * how long they take and how much memory is measured here, so a slow machine
 * never fails a test.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPRODUCTION_SIZES, writeHostileRepository } from '../scripts/hostile-repositories.js';
import { compareCommands } from './measure.js';

export interface BoundedWorkFigure {
  name: string;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  status: number | null;
}

export const BOUNDED_CPU_MS = 30_000;
export const BOUNDED_PEAK_MB = 1024;

/** Runs each hostile command once (after one warm-up run of each) with the built CLI at `main`. */
export function measureBoundedWork(main: string): BoundedWorkFigure[] {
  const root = mkdtempSync(join(tmpdir(), 'raci-hostile-'));
  try {
    const { files } = writeHostileRepository(root);
    const sizes = REPRODUCTION_SIZES;
    const commands = [
      {
        name: `raci diff: ${sizes.dissimilarRows.toLocaleString('en')} rows in one section, no two alike`,
        args: ['diff', files.dissimilarOld, files.dissimilarNew],
      },
      {
        name: `raci diff: ${sizes.similarRows.toLocaleString('en')} rows in one section, all alike`,
        args: ['diff', files.similarOld, files.similarNew],
      },
      {
        name: `raci check --baseline: ${sizes.baselineEntries.toLocaleString('en')} entries sharing one key`,
        args: ['check', files.baselineGuide, '--baseline', files.baseline],
      },
      {
        name: `raci report: one guide with ${sizes.findingRows.toLocaleString('en')} rows with findings`,
        args: ['report', files.manyFindings, '--out', 'site'],
      },
    ].map((command) => ({ ...command, script: main }));
    const figures = compareCommands(commands, { rounds: 1, cwd: root, warmup: false });
    return commands.map((command) => ({ name: command.name, ...figures[command.name]! }));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
