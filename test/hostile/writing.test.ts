import { type SpawnSyncReturns, spawn, spawnSync } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guideMarkdown } from '../datasets/helpers.js';
import { CLI_MAIN } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

/**
 * `raci build` and `raci report` write where a pull request may have put
 * anything, and may be killed at any moment: what they never do to an output
 * folder, tried as an attacker or a crash would.
 */

async function writeTree(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

/** Every file below a folder with its text (links as `-> target`), by relative path. */
async function snapshot(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (entry.isDirectory()) continue;
    const path = join(entry.parentPath, entry.name);
    result[path.slice(root.length + 1)] = entry.isSymbolicLink() ? '(link)' : await readFile(path, 'utf8');
  }
  return result;
}

/** The files a reader sees, without the lock and staging folders. */
const dataOf = (files: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(files).filter(([path]) => !/^\.raci-(build|report)(-|\.lock)/.test(path)));

function raci(args: string[], env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI_MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env, NO_COLOR: '1' },
    timeout: 120_000,
  });
}

/** Two versions of a small set of guides: v2 changes one guide, drops one and adds one. */
async function twoVersions(dir: string): Promise<{ v1: string; v2: string }> {
  const v1 = join(dir, 'v1');
  const v2 = join(dir, 'v2');
  await writeTree(v1, {
    'a/guide.en-gb.md': guideMarkdown(),
    'b/guide.en-gb.md': guideMarkdown({ title: 'B' }),
    'c/guide.fr-fr.md': guideMarkdown({ title: 'C' }),
  });
  await writeTree(v2, {
    'a/guide.en-gb.md': guideMarkdown({ rows: [['Choose the name of the service', 'RA', 'I']] }),
    'c/guide.fr-fr.md': guideMarkdown({ title: 'C' }),
    'd/guide.de-de.md': guideMarkdown({ title: 'D' }),
  });
  return { v1, v2 };
}

/** The folder a clean build of `guides` writes. */
async function cleanBuild(dir: string, guides: string, name: string): Promise<Record<string, string>> {
  const out = join(dir, name);
  expect(raci(['build', guides, '--out', out]).status).toBe(0);
  return snapshot(out);
}

describe('foreign files are never deleted', () => {
  it('raci build refuses a folder holding a datapackage.json it did not write, and deletes nothing', async () => {
    const dir = scratchFolder();
    const { v1 } = await twoVersions(dir);
    const other = join(dir, 'other');
    await writeTree(other, { 'datapackage.json': '{}\n', 'NOTES.txt': 'mine\n', 'data/precious.csv': 'a,b\n' });
    const before = await snapshot(other);
    const result = raci(['build', v1, '--out', other]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe(
      `raci: ${other}: the folder is not empty and was not written by raci build (it has no .raci-build.json); ` +
        'raci build replaces only files it wrote, so choose an empty or new folder (or move them out)\n',
    );
    expect(await snapshot(other)).toEqual(before);
  });

  it('raci build refuses, in a folder it wrote, a file it did not write, and keeps it', async () => {
    const dir = scratchFolder();
    const { v1, v2 } = await twoVersions(dir);
    const out = join(dir, 'out');
    expect(raci(['build', v1, '--out', out]).status).toBe(0);
    await writeFile(join(out, 'NOTES.txt'), 'mine\n');
    const before = await snapshot(out);
    const result = raci(['build', v2, '--out', out]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^raci: .*out: holds files raci build did not write \(NOTES\.txt\); .*\n$/);
    expect(await snapshot(out)).toEqual(before);
    // --check says the same file is in the way.
    expect(raci(['build', v1, '--out', out, '--check']).stdout).toContain(`${out}/NOTES.txt: extra`);
  });

  it('an output folder that is a link to the guides (holding a datapackage.json or a .raci-report) is refused; no guide is deleted', async () => {
    const dir = scratchFolder();
    const { v1 } = await twoVersions(dir);
    await writeTree(v1, { 'datapackage.json': '{}\n', '.raci-report': 'This folder was written by `raci report`\n' });
    const link = join(dir, 'link');
    await symlink(v1, link);
    const before = await snapshot(v1);
    const build = raci(['build', v1, '--out', link]);
    expect(build.status).toBe(2);
    expect(build.stderr).toMatch(/^raci: .*guide\.en-gb\.md: the guide is inside the output folder .*link, which the build replaces\n$/);
    const report = raci(['report', v1, '--out', link]);
    expect(report.status).toBe(2);
    expect(report.stderr).toMatch(/^raci: .*link: the output folder contains an input \(.*guide\.en-gb\.md\); choose another --out\n$/);
    expect(await snapshot(v1)).toEqual(before);
  });

  it('raci report refuses a folder whose .raci-report lists no files it wrote, and deletes nothing', async () => {
    const dir = scratchFolder();
    const { v1 } = await twoVersions(dir);
    const other = join(dir, 'other');
    await writeTree(other, { '.raci-report': 'This folder was written by `raci report`\n', 'NOTES.txt': 'mine\n' });
    const result = raci(['report', v1, '--out', other]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^raci: .*other: \.raci-report is not a list of files written by raci report; .*\n$/);
    expect(await snapshot(other)).toEqual({ '.raci-report': 'This folder was written by `raci report`\n', 'NOTES.txt': 'mine\n' });
  });
});

describe('a killed run leaves the previous or the new version', () => {
  it.each([
    ['staged', 'before the journal is written: the previous datasets', 'v1'],
    ['committed', 'once the journal is written: the new datasets, completed by the next run', 'v2'],
    ['applying', 'halfway through the renames: the new datasets, completed by the next run', 'v2'],
  ] as const)('raci build killed (SIGKILL) %s: %s', async (step, _outcome, seen) => {
    const dir = scratchFolder();
    const versions = await twoVersions(dir);
    const expected = { v1: await cleanBuild(dir, versions.v1, 'clean1'), v2: await cleanBuild(dir, versions.v2, 'clean2') };
    const out = join(dir, 'out');
    expect(raci(['build', versions.v1, '--out', out]).status).toBe(0);

    const killed = raci(['build', versions.v2, '--out', out], { RACI_TEST_CRASH_AT: step });
    expect(killed.signal).toBe('SIGKILL');
    const leftovers = await snapshot(out);
    expect(Object.keys(leftovers).some((path) => path.startsWith('.raci-build-'))).toBe(true);
    if (step !== 'applying') expect(dataOf(leftovers)).toEqual(expected.v1);
    else {
      // Some files already renamed, the rest still staged: the journal tells the next run.
      expect(dataOf(leftovers)).not.toEqual(expected.v1);
      expect(dataOf(leftovers)).not.toEqual(expected.v2);
    }

    // --check sees the folder as one version, and never counts the staging folder as extra files.
    const check = raci(['build', versions[seen], '--out', out, '--check']);
    expect(check.stdout).not.toContain('extra');
    expect(check.stdout).toContain('is up to date');
    expect(check.status).toBe(0);

    const next = raci(['build', versions.v2, '--out', out]);
    expect(next.status).toBe(0);
    expect(await snapshot(out)).toEqual(expected.v2);
  });

  it('a killed first raci build into an empty folder does not make the folder foreign', async () => {
    const dir = scratchFolder();
    const { v1 } = await twoVersions(dir);
    const out = join(dir, 'out');
    expect(raci(['build', v1, '--out', out], { RACI_TEST_CRASH_AT: 'applying' }).signal).toBe('SIGKILL');
    expect(raci(['build', v1, '--out', out]).status).toBe(0);
    expect(await snapshot(out)).toEqual(await cleanBuild(dir, v1, 'clean'));
  });

  it.each(['staged', 'applying'])('raci report killed %s: the next run replaces the site', async (step) => {
    const dir = scratchFolder();
    const { v1, v2 } = await twoVersions(dir);
    const out = join(dir, 'site');
    expect(raci(['report', v1, '--out', out]).status).toBe(0);
    expect(raci(['report', v2, '--out', out], { RACI_TEST_CRASH_AT: step }).signal).toBe('SIGKILL');
    const result = raci(['report', v2, '--out', out]);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const clean = join(dir, 'clean');
    expect(raci(['report', v2, '--out', clean]).status).toBe(0);
    // Source links are relative to the output folder, which has the same depth in both.
    expect(await snapshot(out)).toEqual(await snapshot(clean));
  });
});

describe('two runs, one folder; a folder that cannot be written', () => {
  /** Runs raci without waiting, so that two run at once. */
  function raciAsync(args: string[]): Promise<{ status: number | null; stderr: string }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, [CLI_MAIN, ...args], { env: { ...process.env, NO_COLOR: '1' } });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
      });
      child.on('close', (status) => resolve({ status, stderr }));
    });
  }

  it('two builds into one folder at once: each succeeds or fails with one line, and the folder is one whole build', async () => {
    const dir = scratchFolder();
    const { v1, v2 } = await twoVersions(dir);
    const out = join(dir, 'out');
    const results = await Promise.all([raciAsync(['build', v1, '--out', out]), raciAsync(['build', v2, '--out', out])]);
    for (const result of results) {
      expect(result.stderr).not.toContain('internal error');
      if (result.status !== 0) {
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^raci: .*out: another raci build \(process \d+\) is writing this folder; .*\n$/);
      }
    }
    const winners = [v1, v2].filter((_, index) => results[index]!.status === 0);
    expect(winners.length).toBeGreaterThan(0);
    const whole = await Promise.all(winners.map((guides, index) => cleanBuild(dir, guides, `clean${index}`)));
    expect(whole).toContainEqual(await snapshot(out));
  });

  it('a folder being written by a live process is refused in one line; a lock left by a dead one is taken over', async () => {
    const dir = scratchFolder();
    const { v1 } = await twoVersions(dir);
    const out = join(dir, 'out');
    expect(raci(['build', v1, '--out', out]).status).toBe(0);
    const hostname = (await import('node:os')).hostname();
    await writeFile(join(out, '.raci-build.lock'), `${JSON.stringify({ pid: process.pid, host: hostname })}\n`);
    const busy = raci(['build', v1, '--out', out]);
    expect(busy.status).toBe(2);
    expect(busy.stderr).toBe(
      `raci: ${out}: another raci build (process ${process.pid}) is writing this folder; run again once it has finished` +
        ' (remove .raci-build.lock if no such process runs)\n',
    );
    const gone = spawnSync(process.execPath, ['-e', ''], { encoding: 'utf8' }).pid;
    await writeFile(join(out, '.raci-build.lock'), `${JSON.stringify({ pid: gone, host: hostname })}\n`);
    expect(raci(['build', v1, '--out', out]).status).toBe(0);
    await expect(lstat(join(out, '.raci-build.lock'))).rejects.toThrow();
  });

  it.each(['build', 'report'])('raci %s --out /proc (a folder that cannot be written): one line, exit 2', async (command) => {
    const dir = scratchFolder();
    const { v1 } = await twoVersions(dir);
    for (const out of ['/proc', '/proc/raci-out']) {
      const result = raci([command, v1, '--out', out]);
      expect(result.status, out).toBe(2);
      expect(result.stderr).not.toContain('internal error');
      expect(result.stderr).toMatch(new RegExp(`^raci: ${out}: [^\\n]+\\n$`));
    }
  });
});
