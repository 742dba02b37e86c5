import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CheckCommandOptions, runCheck } from '../../src/cli/commands/check.js';
import { UsageError } from '../../src/cli/inputs.js';
import { capture } from '../helpers/capture.js';
import { FIXTURES } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

/**
 * `raci check --cache`: the same report as without it; a result reused only
 * while the bytes, the configuration and the version are those it was made
 * with; a cache file that is not ours rewritten with a warning.
 */

const GUIDE = readFileSync(join(FIXTURES, 'seeds/000_ab7808a33b482c41.txt'), 'utf8');
// A guide with a finding to follow: a role cell written in lower case.
const WITH_FINDING = GUIDE.replace(/\| RA \|/, '| ra |');

function setUp() {
  const dir = scratchFolder('raci-cache-');
  mkdirSync(join(dir, '.git'));
  mkdirSync(join(dir, 'pages'));
  writeFileSync(join(dir, 'pages', 'guide.en-gb.md'), WITH_FINDING);
  writeFileSync(join(dir, 'pages', 'other.fr-fr.md'), GUIDE);
  const cacheFile = join(dir, 'cache', 'raci.json');
  const run = async (options: CheckCommandOptions = {}, version = '1.0.0') => {
    const io = capture();
    const code = await runCheck(['pages'], { format: 'json', ...options }, io, { env: {}, cwd: dir, version });
    return { code, out: io.out.join('\n'), err: io.err };
  };
  return { dir, cacheFile, run, cached: (version?: string) => run({ cache: true, cacheLocation: cacheFile }, version) };
}

describe('raci check --cache', () => {
  it('reports exactly what an uncached run reports, on the first run and the next', async () => {
    const { run, cached, cacheFile } = setUp();
    const plain = await run();
    expect(plain.out).toContain('role-noncanonical');
    expect(await cached()).toEqual(plain);
    expect(await cached()).toEqual(plain);
    expect(JSON.parse(readFileSync(cacheFile, 'utf8')).format).toBe('raci-check-cache');
  });

  it('reuses a result while the bytes, configuration and version are unchanged, and only then', async () => {
    const { dir, cacheFile, cached } = setUp();
    await cached();
    // Mark the recorded results: a run that reuses them shows the mark.
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replaceAll('role-noncanonical', 'role-from-the-cache'));
    expect((await cached()).out).toContain('role-from-the-cache');
    expect((await cached('1.0.1')).out).not.toContain('role-from-the-cache');

    await cached();
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replaceAll('role-noncanonical', 'role-from-the-cache'));
    writeFileSync(join(dir, 'raci.config.json'), JSON.stringify({ rules: { 'role-noncanonical': 'error' } }));
    expect((await cached()).out).not.toContain('role-from-the-cache');

    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replaceAll('role-noncanonical', 'role-from-the-cache'));
    writeFileSync(join(dir, 'pages', 'guide.en-gb.md'), `${WITH_FINDING}\n`);
    const changed = await cached();
    // The changed guide is checked again; the other one is still taken from the cache.
    const codesOf = (file: string) =>
      (JSON.parse(changed.out) as { files: { file: string; findings: { code: string }[] }[] }).files
        .find((entry) => entry.file === file)!
        .findings.map((finding) => finding.code);
    expect(codesOf('pages/guide.en-gb.md')).toContain('role-noncanonical');
    expect(codesOf('pages/guide.en-gb.md')).not.toContain('role-from-the-cache');
    expect(codesOf('pages/other.fr-fr.md')).toContain('role-from-the-cache');
  });

  it('--fix neither uses nor records results', async () => {
    const { cacheFile, cached, run } = setUp();
    await cached();
    writeFileSync(cacheFile, readFileSync(cacheFile, 'utf8').replaceAll('role-noncanonical', 'role-from-the-cache'));
    const marked = readFileSync(cacheFile, 'utf8');
    const fixed = await run({ cache: true, cacheLocation: cacheFile, fix: true, dryRun: true, format: undefined });
    expect(fixed.out).toContain('| RA |  |');
    expect(fixed.out).not.toContain('role-from-the-cache');
    expect(readFileSync(cacheFile, 'utf8')).toBe(marked);
  });

  it('a corrupt or foreign cache file is set aside with a warning and rewritten; no temporary file is left', async () => {
    const { cacheFile, cached, run } = setUp();
    const plain = await run();
    mkdirSync(join(cacheFile, '..'), { recursive: true });
    for (const content of ['{"format":"raci-check-cache","key":', '{"files":[1,2,3]}', '[]']) {
      writeFileSync(cacheFile, content);
      const result = await cached();
      expect(result.out).toBe(plain.out);
      expect(result.err[0]).toMatch(/^raci: .*raci\.json: not a raci cache( \(not valid JSON\))?; it will be rewritten$/);
      expect((await cached()).err).toEqual([]);
    }
    expect(readdirSync(join(cacheFile, '..'))).toEqual(['raci.json']);
  });

  it('goes to node_modules/.cache/raci/ by default; --cache-location alone, or with --stdin, is a usage error', async () => {
    const { dir, run } = setUp();
    await run({ cache: true });
    expect(readdirSync(join(dir, 'node_modules', '.cache', 'raci'))).toEqual(['check-cache.json']);
    await expect(run({ cacheLocation: 'x' })).rejects.toThrow(new UsageError('--cache-location only applies to --cache'));
    await expect(run({ cache: true, stdin: true } as CheckCommandOptions)).rejects.toThrow(UsageError);
  });
});
