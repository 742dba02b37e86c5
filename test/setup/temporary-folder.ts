import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Vitest global setup: the test run gets a temporary folder of its own (TMPDIR
 * is inherited by the test workers and by every process they start), and the
 * run fails if a test left anything in it.
 */
export default function setup(): () => void {
  const outer = tmpdir();
  const folder = mkdtempSync(join(outer, 'raci-test-run-'));
  process.env['TMPDIR'] = folder;
  return () => {
    process.env['TMPDIR'] = outer;
    const left = readdirSync(folder).sort();
    rmSync(folder, { recursive: true, force: true });
    if (left.length > 0) {
      // Vitest only logs an error thrown at teardown; the exit code is what fails the run.
      process.exitCode = 1;
      throw new Error(`tests left these in the temporary folder (make them with scratchFolder()): ${left.join(', ')}`);
    }
  };
}
