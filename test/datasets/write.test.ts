import { lstat, mkdir, readdir, readFile, readlink, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDatasets } from '../../src/datasets/build.js';
import { compareDatasets } from '../../src/datasets/compare.js';
import { manifestFile } from '../../src/datasets/owned-folder.js';
import { DatasetError, type DatasetFile } from '../../src/datasets/types.js';
import { DATASETS_OWNER, writeDatasets } from '../../src/datasets/write.js';
import { guideMarkdown, input, withTempDir } from './helpers.js';

/** Every file below a folder with its bytes, as text: a snapshot to compare before and after. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() && !entry.isSymbolicLink()) continue;
    const path = join(entry.parentPath, entry.name);
    result[path.slice(dir.length + 1)] = entry.isSymbolicLink() ? `-> ${await readlink(path)}` : await readFile(path, 'utf8');
  }
  return result;
}

const V1 = (await buildDatasets([input('a/guide.en-gb.md', guideMarkdown()), input('b/guide.en-gb.md', guideMarkdown())])).files;
const V2 = (
  await buildDatasets([
    input('a/guide.en-gb.md', guideMarkdown({ rows: [['Choose the name of the service', 'RA', 'I']] })),
    input('c/guide.fr-fr.md', guideMarkdown({ title: 'Nouveau' })),
  ])
).files;
const v1 = () => V1;
const v2 = () => V2;

/** The files as `snapshot` reads them back: the bytes as UTF-8 text (lossy for the workbook, alike on both sides). */
const asRecord = (files: readonly DatasetFile[]) =>
  Object.fromEntries(files.map((f) => [f.path, typeof f.content === 'string' ? f.content : Buffer.from(f.content).toString('utf8')]));
/** What a build leaves: the files, and the manifest listing them. */
const withManifest = (files: readonly DatasetFile[]) => asRecord([...files, manifestFile(DATASETS_OWNER, files)]);

describe('writeDatasets', () => {
  it('writes every file, then on a rebuild replaces stale ones, removes the ones no longer built and leaves no empty folder', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'out');
      const first = await writeDatasets(out, v1());
      expect(first.written).toHaveLength(v1().length);
      expect(await snapshot(out)).toEqual(withManifest(v1()));

      const second = await writeDatasets(out, v2());
      expect(await snapshot(out)).toEqual(withManifest(v2()));
      expect(second.removed).toEqual(['guides/b/en-gb.json']);
      expect(second.written).toContain('guides/c/fr-fr.json');
      expect(second.unchanged).toContain('schema/responsibility-model.schema.json');
      expect(await readdir(join(out, 'guides'))).toEqual(['a', 'c']);
      expect(await readdir(out)).not.toContain(expect.stringMatching(/^\.raci-build-/));
    });
  });

  it('does not touch unchanged files', async () => {
    await withTempDir(async (dir) => {
      await writeDatasets(dir, v1());
      const before = await lstat(join(dir, 'guides.csv'));
      await new Promise((resolve) => setTimeout(resolve, 20));
      const again = await writeDatasets(dir, v1());
      expect(again.written).toEqual([]);
      expect((await lstat(join(dir, 'guides.csv'))).mtimeMs).toBe(before.mtimeMs);
    });
  });

  it('leaves the previous datasets as they were when a write fails midway', async () => {
    await withTempDir(async (dir) => {
      await writeDatasets(dir, v1());
      const before = await snapshot(dir);
      let calls = 0;
      const failing = async (path: string, data: Uint8Array) => {
        calls += 1;
        if (calls === 3) throw Object.assign(new Error('no space left on device'), { code: 'ENOSPC' });
        await writeFile(path, data);
      };
      const attempt = writeDatasets(dir, v2(), { writeFile: failing });
      await expect(attempt).rejects.toThrow(DatasetError);
      await expect(attempt).rejects.toMatchObject({ code: 'write-failed' });
      // Writes run several at a time: the third failed, and those already started may have finished.
      expect(calls).toBeGreaterThanOrEqual(3);
      expect(await snapshot(dir)).toEqual(before);
      expect((await readdir(dir)).filter((name) => name.startsWith('.raci-build-'))).toEqual([]);
    });
  });

  it('refuses to empty a folder that does not hold datasets', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'thesis.md'), 'precious\n');
      await expect(writeDatasets(dir, v1())).rejects.toMatchObject({ code: 'out-not-dataset' });
      expect(await readdir(dir)).toEqual(['thesis.md']);
    });
  });

  it('cleans up what an interrupted build left behind', async () => {
    await withTempDir(async (dir) => {
      await mkdir(join(dir, '.raci-build-x1y2z3/guides'), { recursive: true });
      await writeFile(join(dir, '.raci-build-x1y2z3/guides/half.json'), '{');
      await writeDatasets(dir, v1());
      expect(await snapshot(dir)).toEqual(withManifest(v1()));
    });
  });

  it('fails before changing anything when the output folder cannot be created', async () => {
    await withTempDir(async (dir) => {
      await writeFile(join(dir, 'file'), 'x\n');
      await expect(writeDatasets(join(dir, 'file', 'out'), v1())).rejects.toMatchObject({ code: 'out-unusable' });
      await expect(writeDatasets(join(dir, 'file'), v1())).rejects.toMatchObject({ code: 'out-unusable' });
      expect(await snapshot(dir)).toEqual({ file: 'x\n' });
    });
  });

  it('never writes through a symbolic link in the output folder: a link it did not write is refused', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'out');
      const elsewhere = join(dir, 'elsewhere');
      await mkdir(elsewhere);
      await writeDatasets(out, v1());
      // Someone replaced guides/ by a link to another folder.
      await rm(join(out, 'guides'), { recursive: true });
      await symlink(elsewhere, join(out, 'guides'));
      expect((await compareDatasets(out, v1())).extra).toEqual(['guides']);
      await expect(writeDatasets(out, v1())).rejects.toMatchObject({
        code: 'out-not-dataset',
        message: expect.stringContaining('(guides)'),
      });
      expect(await readdir(elsewhere)).toEqual([]);
      expect((await lstat(join(out, 'guides'))).isSymbolicLink()).toBe(true);
    });
  });

  it('rejects file paths that would leave the output folder, writing nothing', async () => {
    await withTempDir(async (dir) => {
      const out = join(dir, 'out');
      for (const path of ['../escape.txt', '/tmp/escape.txt', 'a/../../escape.txt', 'guides/../../escape.txt']) {
        await expect(writeDatasets(out, [{ path, content: 'x\n' }]), path).rejects.toMatchObject({ code: 'path-conflict' });
      }
      expect(await readdir(dir)).toEqual([]);
    });
  });
});

describe('compareDatasets', () => {
  it('lists stale (with the first different line of a text file), missing and extra files', async () => {
    await withTempDir(async (dir) => {
      await writeDatasets(dir, v1());
      await writeFile(join(dir, 'unexpected.csv'), 'a\n');
      const result = await compareDatasets(dir, v2());
      expect(result.missing).toEqual(['guides/c/fr-fr.json']);
      expect(result.extra).toEqual(['guides/b/en-gb.json', 'unexpected.csv']);
      const stale = Object.fromEntries(result.stale.map((s) => [s.path, s.line]));
      // The manifest, compared last, lists the files of v1.
      expect(Object.keys(stale)).toEqual([
        'activities.csv',
        'activities.jsonl',
        'datapackage.json',
        'guides.csv',
        'guides/a/en-gb.json',
        'responsibility-models.xlsx',
        '.raci-build.json',
      ]);
      expect(stale['activities.csv']).toBe(2);
      expect(stale['responsibility-models.xlsx']).toBeUndefined();
      expect(result.unchanged).toEqual(['diagnostics.jsonl', 'schema/responsibility-model.schema.json']); // no findings in either build
    });
  });

  it('reports every file missing for a folder that does not exist', async () => {
    await withTempDir(async (dir) => {
      const result = await compareDatasets(join(dir, 'nothing'), v1());
      expect(result.missing).toEqual([...v1().map((f) => f.path), '.raci-build.json']);
      expect(await readdir(dir)).toEqual([]);
    });
  });
});
