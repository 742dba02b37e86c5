import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { readGuideBytes } from '../../parse/read-bytes.js';
import { type CheckResult, checkGuideBytes } from '../../rules/check-guide.js';
import type { RaciConfig } from '../../rules/config.js';
import type { Finding } from '../../schema/finding.js';
import { fileSystemPath } from '../../util/file-names.js';
import { describeFsError } from '../inputs.js';
import type { FileTask } from '../worker-pool.js';

/** What every file of one `raci check` run shares. Plain data: it is sent to each worker process. */
export interface CheckFileSettings {
  config: RaciConfig | undefined;
  fix: boolean;
  /** With `fix`: the diff of the fixes comes back instead of being written. */
  dryRun: boolean;
  /** What relative paths are relative to. */
  cwd: string;
}

/**
 * One file's part of `raci check`. Plain data: it comes back from a worker process.
 * `text` is what the findings' positions refer to (after --fix, the fixed text).
 */
export type CheckedFile =
  | { file: string; status: 'checked'; findings: Finding[]; text: string; fixesApplied: number; diff: string; writeError?: string }
  /** Not a guide (no activity table): the command skips it unless it was named. */
  | { file: string; status: 'not-a-guide'; findings: Finding[]; text: string }
  | { file: string; status: 'unreadable'; reason: string };

const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

function startsWithBom(bytes: Uint8Array): boolean {
  return BOM.every((byte, index) => bytes[index] === byte);
}

/** The fixed text as the bytes to write: UTF-8, with the byte order mark the decoder stripped put back in front. */
export function encodeLike(original: Uint8Array, text: string): Buffer {
  // Copied, not spread through an array of numbers.
  return Buffer.concat([startsWithBom(original) ? BOM : new Uint8Array(0), new TextEncoder().encode(text)]);
}

function check(bytes: Uint8Array, file: string, config: RaciConfig | undefined): CheckResult {
  return checkGuideBytes(bytes, { file, ...(config ? { config } : {}) });
}

/**
 * The per-file work of `raci check`, run in a worker process or in-process
 * (see worker-pool.ts): read, check, and with --fix rewrite the role cells and
 * check the fixed text again. I/O failures come back as data.
 */
export async function checkFile({ file, data }: FileTask<CheckFileSettings>): Promise<CheckedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await readGuideBytes(resolve(data.cwd, file));
  } catch (caught) {
    return { file, status: 'unreadable', reason: describeFsError(caught) };
  }
  const result = check(bytes, file, data.config);
  // Not fixed: --fix rewrites role cells of activity rows, and such a file has none.
  if (!result.looksLikeGuide) return { file, status: 'not-a-guide', findings: result.findings, text: result.text };
  if (!data.fix || !result.findings.some((finding) => finding.fix)) {
    return { file, status: 'checked', findings: result.findings, text: result.text, fixesApplied: 0, diff: '' };
  }
  // Loaded only for --fix: it brings the diff library.
  const { applyFixes, unifiedDiff } = await import('../../rules/fix.js');
  const fixed = applyFixes(result.text, result.findings);
  const fixedBytes = encodeLike(bytes, fixed.text);
  let diff = '';
  let writeError: string | undefined;
  if (data.dryRun) {
    diff = unifiedDiff(file, result.text, fixed.text);
  } else {
    try {
      await writeFile(fileSystemPath(resolve(data.cwd, file)), fixedBytes);
    } catch (caught) {
      writeError = describeFsError(caught);
    }
  }
  const after = check(fixedBytes, file, data.config);
  return {
    file,
    status: 'checked',
    findings: after.findings,
    text: after.text,
    fixesApplied: fixed.applied,
    diff,
    ...(writeError === undefined ? {} : { writeError }),
  };
}
