import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runParse } from '../../src/cli/commands/parse.js';
import { runSummary } from '../../src/cli/commands/summary.js';
import { expandInputs } from '../../src/cli/find-files.js';
import { readGuideFile } from '../../src/cli/read-guide.js';
import { capture, usageMessage } from '../helpers/capture.js';
import { CLI_MAIN, FIXTURES } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

/**
 * Files and paths: a path that does not exist, a directory where a
 * file was expected, a FIFO or device, a symlink loop in a directory walk:
 * exit 2 and one line `raci: path: reason`. An unreadable file is in
 * test/hostile-unreadable.test.ts (it needs a mocked fs: the tests run as root).
 */

const SEED = readFileSync(join(FIXTURES, 'seeds/000_ab7808a33b482c41.txt'));
const dir = scratchFolder('raci-hostile-');

describe('readGuideFile, shared by every command that reads guides', () => {
  it('a path that does not exist', async () => {
    expect(await usageMessage(readGuideFile(join(dir, 'missing.md')))).toBe(`${join(dir, 'missing.md')}: no such file or directory`);
  });

  it('a directory where a file was expected', async () => {
    mkdirSync(join(dir, 'folder.md'));
    expect(await usageMessage(readGuideFile(join(dir, 'folder.md')))).toBe(`${join(dir, 'folder.md')}: is a directory, not a file`);
  });

  it('a FIFO is refused at once instead of blocking, and so is a device that never ends', async () => {
    const fifo = join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    expect(await usageMessage(readGuideFile(fifo))).toBe(`${fifo}: not a regular file (a FIFO, socket or device)`);
    expect(await usageMessage(readGuideFile('/dev/zero'))).toBe('/dev/zero: not a regular file (a FIFO, socket or device)');
  });

  it('a symlink loop', async () => {
    symlinkSync('loop-b.md', join(dir, 'loop-a.md'));
    symlinkSync('loop-a.md', join(dir, 'loop-b.md'));
    expect(await usageMessage(readGuideFile(join(dir, 'loop-a.md')))).toBe(`${join(dir, 'loop-a.md')}: too many levels of symbolic links`);
    rmSync(join(dir, 'loop-a.md'));
    rmSync(join(dir, 'loop-b.md'));
  });

  it('reads at most maxBytes + 1 bytes of a huge file, which the parser then reports', async () => {
    const big = join(dir, 'big.md');
    writeFileSync(big, Buffer.alloc(3_000_000, 'a'));
    expect((await readGuideFile(big)).length).toBe(524_289);
    expect((await readGuideFile(big, { maxBytes: 10 })).length).toBe(11);
    const io = capture();
    expect(await runParse([big], {}, io)).toBe(1);
    expect(io.err).toEqual([
      `${big}:1:1 error The file is larger than the limit of 524288 bytes (option maxBytes); it was not parsed. input-too-large`,
    ]);
    rmSync(big);
  });
});

describe('raci parse and raci summary', () => {
  it('raci parse: a missing file or a directory is a UsageError naming it', async () => {
    expect(await usageMessage(runParse([join(dir, 'nope.md')], {}, capture()))).toBe(`${join(dir, 'nope.md')}: no such file or directory`);
    mkdirSync(join(dir, 'adir'), { recursive: true });
    expect(await usageMessage(runParse([join(dir, 'adir')], {}, capture()))).toBe(`${join(dir, 'adir')}: is a directory, not a file`);
  });

  it('raci summary: a symlink loop met while walking a directory is a UsageError naming the link', async () => {
    const walk = join(dir, 'walk');
    mkdirSync(join(walk, 'sub'), { recursive: true });
    writeFileSync(join(walk, 'guide.en-gb.md'), SEED);
    symlinkSync('two.md', join(walk, 'sub', 'one.md'));
    symlinkSync('one.md', join(walk, 'sub', 'two.md'));
    expect(await usageMessage(expandInputs([walk]))).toBe(`${walk}/sub/one.md: too many levels of symbolic links`);
    rmSync(join(walk, 'sub'), { recursive: true });
  });

  it('raci summary: a link to a guide is read like the guide; a link to a folder is not followed, so it cannot loop', async () => {
    const walk = join(dir, 'links');
    mkdirSync(join(walk, 'sub'), { recursive: true });
    writeFileSync(join(walk, 'guide.en-gb.md'), SEED);
    symlinkSync('guide.en-gb.md', join(walk, 'alias.fr-fr.md'));
    symlinkSync('..', join(walk, 'sub', 'up'));
    symlinkSync('nowhere.txt', join(walk, 'sub', 'not-markdown.txt'));
    const { files } = await expandInputs([walk]);
    expect(files).toEqual([`${walk}/alias.fr-fr.md`, `${walk}/guide.en-gb.md`]);
    const io = capture();
    expect(await runSummary(files, io)).toBe(0);
    expect(io.out.join('\n')).toMatch(/alias\.fr-fr\.md\s+fr-fr\s+24\s+48/);
  });

  it('raci check, diff and build read through the same function: a FIFO is refused at once, exit 2', () => {
    const fifo = join(dir, 'for-commands.md');
    execFileSync('mkfifo', [fifo]);
    const guideFile = join(dir, 'guide.en-gb.md');
    writeFileSync(guideFile, SEED);
    for (const args of [
      ['check', fifo],
      ['diff', fifo, guideFile],
      ['build', fifo, '--out', join(dir, 'fifo-out')],
    ]) {
      const result = spawnSync(process.execPath, [CLI_MAIN, ...args], {
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(result.status, args[0]).toBe(2);
      expect(result.stderr, args[0]).toBe(`raci: ${fifo}: not a regular file (a FIFO, socket or device)\n`);
    }
  });

  it('a FIFO or a device given as --baseline (raci check) or --base (raci report) is refused at once, exit 2', () => {
    const fifo = join(dir, 'baseline-fifo.json');
    execFileSync('mkfifo', [fifo]);
    const guideFile = join(dir, 'baselined.en-gb.md');
    writeFileSync(guideFile, SEED);
    for (const [args, message] of [
      [['check', guideFile, '--baseline', fifo], `raci: ${fifo}: not a regular file (a FIFO, socket or device)\n`],
      [['check', guideFile, '--baseline', '/dev/zero'], 'raci: /dev/zero: not a regular file (a FIFO, socket or device)\n'],
      [['report', guideFile, '--base', fifo, '--out', join(dir, 'base-out')], /^raci: [^\n]+\n$/],
    ] as const) {
      const result = spawnSync(process.execPath, [CLI_MAIN, ...args], {
        encoding: 'utf8',
        timeout: 20_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr, args.join(' ')).toMatch(message);
    }
  });

  it('the binary prints one line and exits 2, with no stack trace', () => {
    const cases: [string[], string][] = [
      [['parse', join(dir, 'nope.md')], `raci: ${join(dir, 'nope.md')}: no such file or directory\n`],
      [['summary', join(dir, 'nope')], `raci: ${join(dir, 'nope')}: no such file or directory\n`],
      [['parse', '/dev/zero'], 'raci: /dev/zero: not a regular file (a FIFO, socket or device)\n'],
    ];
    for (const [args, stderr] of cases) {
      const result = spawnSync(process.execPath, [CLI_MAIN, ...args], { encoding: 'utf8', timeout: 20_000 });
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr).toBe(stderr);
      expect(result.stdout).toBe('');
    }
  });
});
