import type { CommandIo } from '../../src/cli/io.js';

/** A CommandIo that keeps what a command writes. */
export function capture(isTTY = false): CommandIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, isTTY, stdout: (text) => out.push(text), stderr: (text) => err.push(text) };
}
