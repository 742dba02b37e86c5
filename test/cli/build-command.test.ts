import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { commonRoot, runBuild } from '../../src/cli/commands/build.js';
import { UsageError } from '../../src/cli/inputs.js';
import { terminalProgress } from '../../src/cli/progress.js';
import { guideMarkdown, withTempDir } from '../datasets/helpers.js';
import { capture } from '../helpers/capture.js';

async function writeGuides(dir: string, guides: Record<string, string>): Promise<void> {
  for (const [path, text] of Object.entries(guides)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
}

async function tree(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile())
      result[join(entry.parentPath, entry.name).slice(dir.length + 1)] = await readFile(join(entry.parentPath, entry.name), 'utf8');
  }
  return result;
}

const twoGuides = {
  'pages/a/guide.en-gb.md': guideMarkdown(),
  'pages/b/guide.fr-fr.md': guideMarkdown({ title: 'B' }),
  'pages/README.md': '# About these guides\n',
};

describe('raci build', () => {
  it('builds, then --check is green; after one guide changes --check is red, names the stale files and writes nothing', async () => {
    await withTempDir(async (dir) => {
      await writeGuides(dir, twoGuides);
      const guides = join(dir, 'pages');
      const out = join(dir, 'datasets');
      const build = capture();
      expect(await runBuild([guides], { out }, build)).toBe(0);
      expect(build.out[0]).toBe(
        '2 guides, 4 activities, 2 parties (customer, ovhcloud), 0 scopes; findings: 0 errors, 0 warnings, 0 infos',
      );
      expect(build.out[1]).toMatch(/datasets\/: 9 files, 9 written, 0 removed, 0 unchanged\.$/);
      // README.md documents the folder: not a guide.
      expect(Object.keys(await tree(out))).toContain('guides/a/en-gb.json');
      expect(Object.keys(await tree(out)).filter((p) => p.includes('readme'))).toEqual([]);

      const green = capture();
      expect(await runBuild([guides], { out, check: true }, green)).toBe(0);
      expect(green.out.at(-1)).toMatch(/datasets\/ is up to date \(9 files\)\.$/);

      await writeFile(join(guides, 'a/guide.en-gb.md'), guideMarkdown({ rows: [['Choose the name of the service', 'RA', 'C']] }));
      const before = await tree(out);
      const red = capture();
      expect(await runBuild([guides], { out, check: true }, red)).toBe(1);
      const stale = red.out.filter((line) => line.includes(': stale'));
      expect(stale.map((line) => line.slice(out.length + 1, line.indexOf(':')))).toEqual([
        'activities.csv',
        'activities.jsonl',
        'datapackage.json',
        'guides.csv',
        'guides/a/en-gb.json',
        'responsibility-models.xlsx',
      ]);
      expect(stale.at(-1)).toBe(`${out}/responsibility-models.xlsx: stale (the bytes differ)`);
      expect(red.out.at(-1)).toContain('is out of date: 6 stale, 0 missing, 0 extra');
      expect(await tree(out)).toEqual(before);

      expect(await runBuild([guides], { out }, capture())).toBe(0);
      expect(await runBuild([guides], { out, check: true }, capture())).toBe(0);
    });
  });

  it('--license and --source-url describe the guides in the data package; a source URL must be http(s)', async () => {
    await withTempDir(async (dir) => {
      await writeGuides(dir, twoGuides);
      const out = join(dir, 'out');
      const options = { out, license: 'CC-BY-NC-SA-4.0', sourceUrl: 'https://example.org/docs/{path}#L{line}' };
      expect(await runBuild([join(dir, 'pages')], options, capture())).toBe(0);
      const descriptor = JSON.parse(await readFile(join(out, 'datapackage.json'), 'utf8'));
      expect(descriptor.licenses).toEqual([{ name: 'CC-BY-NC-SA-4.0', path: 'https://creativecommons.org/licenses/by-nc-sa/4.0/' }]);
      expect(descriptor.sources[0]).toEqual({
        title: 'Responsibility sharing - Test service',
        path: 'https://example.org/docs/a/guide.en-gb.md#L1',
      });
      expect(await runBuild([join(dir, 'pages')], { out, license: 'LicenseRef-Internal' }, capture())).toBe(0);
      expect(JSON.parse(await readFile(join(out, 'datapackage.json'), 'utf8')).licenses).toEqual([{ name: 'LicenseRef-Internal' }]);
      await expect(runBuild([join(dir, 'pages')], { out, sourceUrl: 'javascript:alert(1)' }, capture())).rejects.toThrow(
        /--source-url must be an http\(s\) URL template/,
      );
    });
  });

  it('--check lists missing and extra files', async () => {
    await withTempDir(async (dir) => {
      await writeGuides(dir, twoGuides);
      const out = join(dir, 'out');
      await runBuild([join(dir, 'pages')], { out }, capture());
      await rm(join(out, 'guides/b/fr-fr.json'));
      await writeFile(join(out, 'old.csv'), 'x\n');
      const io = capture();
      expect(await runBuild([join(dir, 'pages')], { out, check: true }, io)).toBe(1);
      expect(io.out).toContain(`${out}/guides/b/fr-fr.json: missing`);
      expect(io.out).toContain(`${out}/old.csv: extra (the build does not produce it)`);
    });
  });

  it('still builds guides with error findings, and exits 1 unless --allow-errors', async () => {
    await withTempDir(async (dir) => {
      await writeGuides(dir, { 'g/x/guide.en-gb.md': guideMarkdown({ rows: [['Monitor', 'MP', 'RA']] }) });
      const out = join(dir, 'out');
      const strict = capture();
      expect(await runBuild([join(dir, 'g')], { out }, strict)).toBe(1);
      expect(strict.err[0]).toMatch(new RegExp(`^${join(dir, 'g')}/x/guide\\.en-gb\\.md:\\d+:\\d+ error .* role-unknown$`));
      expect(strict.err.at(-1)).toContain('pass --allow-errors');
      expect(await readFile(join(out, 'diagnostics.jsonl'), 'utf8')).toContain('"code":"role-unknown"');
      expect(await runBuild([join(dir, 'g')], { out, allowErrors: true }, capture())).toBe(0);
      expect(await runBuild([join(dir, 'g')], { out, allowErrors: true, check: true }, capture())).toBe(0);
    });
  });

  it('writes formula-like cells as they are with --no-escape-formulas', async () => {
    await withTempDir(async (dir) => {
      await writeGuides(dir, { 'g/guide.en-gb.md': guideMarkdown({ rows: [['=1+1', 'RA', '']] }) });
      await runBuild([join(dir, 'g')], { out: join(dir, 'escaped') }, capture());
      await runBuild([join(dir, 'g')], { out: join(dir, 'raw'), escapeFormulas: false }, capture());
      expect(await readFile(join(dir, 'escaped/activities.csv'), 'utf8')).toContain(",'=1+1,");
      expect(await readFile(join(dir, 'raw/activities.csv'), 'utf8')).toContain(',=1+1,');
    });
  });

  it('names guides relative to the deepest folder of the arguments, or to --root', async () => {
    await withTempDir(async (dir) => {
      await writeGuides(dir, twoGuides);
      expect(await commonRoot([join(dir, 'pages/a'), join(dir, 'pages/b/guide.fr-fr.md')])).toBe(join(dir, 'pages'));
      expect(await commonRoot([`${join(dir, 'pages')}/**/*.md`])).toBe(join(dir, 'pages'));
      await runBuild([join(dir, 'pages/a'), join(dir, 'pages/b')], { out: join(dir, 'out') }, capture());
      expect(await readFile(join(dir, 'out/guides.csv'), 'utf8')).toContain('\na/en-gb,a/guide.en-gb.md,');
      await runBuild([join(dir, 'pages/a')], { out: join(dir, 'rooted'), root: dir }, capture());
      expect(await readFile(join(dir, 'rooted/guides.csv'), 'utf8')).toContain('\npages/a/en-gb,pages/a/guide.en-gb.md,');
      await expect(runBuild([join(dir, 'pages/a')], { out: join(dir, 'x'), root: join(dir, 'pages/b') }, capture())).rejects.toThrow(
        /outside the build root/,
      );
    });
  });

  it('turns bad requests into one-line usage errors, writing nothing', async () => {
    await withTempDir(async (dir) => {
      await writeGuides(dir, {
        ...twoGuides,
        'clash/A/guide.en-gb.md': guideMarkdown(),
        'clash/a/guide.en-gb.md': guideMarkdown(),
        'empty/README.md': '# x\n',
        'home/notes.md': 'mine\n',
        'file.txt': 'x\n',
      });
      const cases: [string[], { out: string }, RegExp][] = [
        [[join(dir, 'clash')], { out: join(dir, 'o1') }, /would both be the guide "a\/en-gb"/],
        [[join(dir, 'empty')], { out: join(dir, 'o2') }, /no guide found/],
        [[join(dir, 'pages')], { out: join(dir, 'pages/a') }, /inside the output folder/],
        [[join(dir, 'pages')], { out: join(dir, 'home') }, /not written by raci build \(it has no \.raci-build\.json\)/],
        [[join(dir, 'pages')], { out: join(dir, 'file.txt') }, /exists and is not a folder/],
      ];
      for (const [paths, options, message] of cases) {
        const attempt = runBuild(paths, options, capture());
        await expect(attempt).rejects.toThrow(UsageError);
        await expect(attempt).rejects.toThrow(message);
      }
      const names = await readdir(dir);
      expect(names.filter((n) => n.startsWith('o'))).toEqual([]);
      expect(await readdir(join(dir, 'home'))).toEqual(['notes.md']);
    });
  });

  it('as a process: exit codes 1 and 2, one line on stderr, no stack trace', async () => {
    await withTempDir(async (dir) => {
      await writeGuides(dir, { ...twoGuides, 'file.txt': 'x\n' });
      const run = async (...args: string[]) => {
        try {
          const { stdout, stderr } = await promisify(execFile)(process.execPath, ['dist/cli/main.js', 'build', ...args], {
            env: { ...process.env, CI: '1' },
          });
          return { code: 0, stdout, stderr };
        } catch (caught) {
          const error = caught as { code: number; stdout: string; stderr: string };
          return { code: error.code, stdout: error.stdout, stderr: error.stderr };
        }
      };
      const missing = await run(join(dir, 'pages'), '--out', join(dir, 'out'), '--check');
      expect(missing.code).toBe(1);
      expect(missing.stdout).toContain(': missing');
      expect(missing.stderr).toBe('');
      const bad = await run(join(dir, 'pages'), '--out', join(dir, 'file.txt'));
      expect(bad.code).toBe(2);
      expect(bad.stderr.trim().split('\n')).toHaveLength(1);
      expect(bad.stderr).toMatch(/^raci: .*file.txt: exists and is not a folder\n$/);
      const noOut = await run(join(dir, 'pages'));
      expect(noOut.code).toBe(2);
      expect(noOut.stderr).toContain("required option '--out <dir>' not specified");
    });
  });
});

describe('progress line', () => {
  const stream = (isTTY: boolean) => {
    const written: string[] = [];
    return { written, stream: { isTTY, columns: 40, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream };
  };

  it('shows on a terminal for more than a handful of guides, then erases itself', () => {
    const { written, stream: tty } = stream(true);
    const progress = terminalProgress(tty, {})!;
    progress.update({ done: 1, total: 40, path: 'a/very/long/path/that/does/not/fit/in/forty/columns/guide.en-gb.md' });
    progress.done();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: the progress line is an ANSI escape sequence
    expect(written[0]).toMatch(/^\r\u001b\[K\[1\/40\] a\/very/);
    expect(written[0]!.length).toBeLessThanOrEqual(4 + 39);
    expect(written[1]).toBe('\r\u001b[K');
  });

  it('shows a path with control characters escaped: only its own escape sequence reaches the terminal', () => {
    const { written, stream: tty } = stream(true);
    terminalProgress(tty, {})!.update({ done: 1, total: 40, path: 'x\u001b]0;PWNED\u0007.md' });
    expect(written[0]).toBe('\r\u001b[K[1/40] x\\x1b]0;PWNED\\x07.md');
  });

  it('says nothing for a handful of guides, off a terminal, or in CI', () => {
    const few = stream(true);
    const progress = terminalProgress(few.stream, {})!;
    progress.update({ done: 1, total: 3, path: 'x.md' });
    progress.done();
    expect(few.written).toEqual([]);
    expect(terminalProgress(stream(false).stream, {})).toBeUndefined();
    expect(terminalProgress(stream(true).stream, { CI: 'true' })).toBeUndefined();
  });
});
