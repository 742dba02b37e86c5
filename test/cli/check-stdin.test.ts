import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { beforeEach, describe, expect, it } from 'vitest';
import { type CheckCommandOptions, runCheck } from '../../src/cli/commands/check.js';
import { readCapped } from '../../src/cli/read-stdin.js';
import { DEFAULT_LIMITS } from '../../src/parse/limits.js';
import { capture } from '../helpers/capture.js';
import { guide } from '../helpers/check.js';
import { CLI_MAIN } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

const DOUBLE_A = guide(['| Install the vCenter | I | RA |', '| Keep logs | RA | RA |']);

let dir: string;

beforeEach(() => {
  dir = scratchFolder('raci-stdin-');
  mkdirSync(join(dir, '.git')); // bounds the configuration lookup to this directory
});

async function run(text: string | Uint8Array, options: CheckCommandOptions, paths: string[] = []) {
  const io = capture();
  const stdin = Readable.from([typeof text === 'string' ? Buffer.from(text) : text]);
  const code = await runCheck(paths, { jobs: 1, ...options }, io, { env: {}, cwd: dir, version: '0.0.0-test', stdin });
  return { code, out: io.out.join('\n') };
}

type JsonReport = { files: { file: string; findings: { code: string; line: number }[] }[] };

describe('raci check --stdin', () => {
  it('reports the guide on standard input as --stdin-filename, with the findings the same file would have (its locale comes from the name)', async () => {
    const path = join(dir, 'guide.en-gb.md');
    writeFileSync(path, DOUBLE_A);
    const fromFile = JSON.parse((await run('', { format: 'json' }, [path])).out) as JsonReport;
    const fromStdin = await run(DOUBLE_A, { stdin: true, stdinFilename: path, format: 'json' });
    expect(fromStdin.code).toBe(1);
    expect(JSON.parse(fromStdin.out)).toEqual(fromFile);
  });

  it('is reported as <stdin> without a name', async () => {
    const report = JSON.parse((await run(DOUBLE_A, { stdin: true, format: 'json' })).out) as JsonReport;
    expect(report.files.map((file) => file.file)).toEqual(['<stdin>']);
  });

  it('reads no more than the parser’s limit, and reports larger input as too large', async () => {
    const big = Buffer.alloc(DEFAULT_LIMITS.maxBytes + 10, 'a');
    expect((await readCapped(Readable.from([big.subarray(0, 100), big.subarray(100)]), DEFAULT_LIMITS.maxBytes)).length).toBe(
      DEFAULT_LIMITS.maxBytes + 1,
    );
    const report = JSON.parse((await run(big, { stdin: true, format: 'json' })).out) as JsonReport;
    expect(report.files[0]!.findings.map((finding) => finding.code)).toContain('input-too-large');
  });

  it('refuses paths, --fix, and --stdin-filename without --stdin', async () => {
    await expect(run(DOUBLE_A, { stdin: true }, ['a.md'])).rejects.toThrow('--stdin checks standard input; it takes no paths (got a.md)');
    await expect(run(DOUBLE_A, { stdin: true, fix: true })).rejects.toThrow('--fix rewrites files, not standard input; run it on the file');
    await expect(run(DOUBLE_A, { stdinFilename: 'a.md' })).rejects.toThrow('--stdin-filename only applies to --stdin');
  });

  it('the built command reads its standard input', () => {
    const result = spawnSync(process.execPath, [CLI_MAIN, 'check', '--stdin', '--stdin-filename', 'pages/guide.en-gb.md'], {
      cwd: dir,
      input: DOUBLE_A,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
    });
    expect(result.status).toBe(1);
    expect(result.stdout.split('\n')[0]).toBe('pages/guide.en-gb.md');
    expect(result.stdout).toContain('accountable-multiple');
  });
});
