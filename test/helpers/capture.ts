import { expect } from 'vitest';
import { UsageError } from '../../src/cli/inputs.js';
import type { CommandIo } from '../../src/cli/io.js';

/** A CommandIo that keeps what a command writes: one entry per call, in order. */
export interface CapturedIo extends CommandIo {
  out: string[];
  err: string[];
}

/** The IO every command test passes: `io.out` and `io.err` hold what the command wrote. */
export function capture(isTTY = false): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, isTTY, stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
}

/** The message of the UsageError a command call rejects with (and a failed assertion when it does not). */
export async function usageMessage(run: Promise<unknown>): Promise<string> {
  const caught = await run.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(caught).toBeInstanceOf(UsageError);
  return (caught as UsageError).message;
}
