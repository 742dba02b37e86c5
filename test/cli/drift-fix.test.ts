import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDrift } from '../../src/cli/commands/drift.js';
import { lastMatrixChange } from '../../src/cli/matrix-history.js';
import { LocaleComparisonSchema } from '../../src/schema/drift.js';
import { capture } from '../helpers/capture.js';
import { runGit } from '../helpers/git.js';
import { CORPUS, ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

const BLOCK_STORAGE = `${ROOT}${CORPUS}/storage_and_backup/block_storage/responsibility-model-block-storage`;
const NUTANIX = `${ROOT}${CORPUS}/cloud/nutanix/60-responsibility-sharing`;

/** Copies of a bundled guide's translations in a scratch folder (not a git repository), and their paths. */
function copyGuide(source: string, locales: readonly string[]): { folder: string; files: string[] } {
  const folder = scratchFolder('raci-drift-fix-');
  const files = locales.map((locale) => {
    const file = join(folder, `guide.${locale}.md`);
    cpSync(join(source, `guide.${locale}.md`), file);
    return file;
  });
  return { folder, files };
}

describe('raci drift --fix', () => {
  it('--dry-run prints the unified diff, names the rows left for a writer, and writes nothing', async () => {
    const { files } = copyGuide(NUTANIX, ['en-gb', 'fr-fr']);
    const before = readFileSync(files[1]!, 'utf8');
    const io = capture();
    expect(await runDrift(files, { fix: true, dryRun: true }, io)).toBe(1);
    expect(io.out.join('\n').split('\n')).toEqual([
      `--- a/${files[1]}`,
      `+++ b/${files[1]}`,
      '@@ -96,3 +96,3 @@',
      ' | --- | --- | --- |',
      '-| Assurer la sécurité des infrastructures de gestion (API, control plane) | R | RA |',
      '+| Assurer la sécurité des infrastructures de gestion (API, control plane) | I | RA |',
      ' | Assurer la sécurité du logiciel Nutanix, des Softwares et Middlewares installés sur les Serveurs Dédiés | RA |  |',
    ]);
    expect(io.err.slice(-2)).toEqual([
      `raci: ${files[1]}:71: 3.1.3 row 2 not fixed: the reference row has an error of its own`,
      'raci: --dry-run: 1 row would be fixed in 1 translation; 1 row with letters that differ left for a writer.',
    ]);
    expect(readFileSync(files[1]!, 'utf8')).toBe(before);
  });

  it('writes the fixes, then reports what is left; a second run has nothing to fix', async () => {
    const { files } = copyGuide(BLOCK_STORAGE, ['en-gb', 'pt-pt']);
    const io = capture();
    // Letters now agree; the file is still reported as untranslated (an info) and stale (its dates), exit 0.
    expect(await runDrift(files, { fix: true }, io)).toBe(0);
    expect(io.err).toEqual(['raci: --fix: 5 rows fixed in 1 translation.']);
    const report = io.out.join('\n');
    expect(report).toContain('pt-pt (guide.pt-pt.md) against en-gb (guide.en-gb.md): agrees');
    expect(report).toContain('stale  pt-pt is stale: the en-gb matrix changed on 2025-08-19, pt-pt last on 2022-12-23 (updated dates)');
    expect(report).toContain('info  pt-pt looks untranslated');
    expect(report.split('\n').at(-1)).toBe(
      '1 guide with translations, 1 translation compared with en-gb: no disagreement; 1 stale; 1 untranslated',
    );
    expect(readFileSync(files[1]!, 'utf8')).toContain(
      '| Monitor the proper functioning of physical devices (utilities) in support of the service | I | RA |\n',
    );
    const again = capture();
    expect(await runDrift(files, { fix: true, dryRun: true }, again)).toBe(0);
    expect(again.err).toEqual(['raci: --dry-run: 0 rows would be fixed in 0 translations.']);
  });

  it('json carries stale and untranslated, schema-valid', async () => {
    const { files } = copyGuide(BLOCK_STORAGE, ['en-gb', 'pt-pt']);
    const io = capture();
    await runDrift(files, { format: 'json' }, io);
    const [comparison] = (JSON.parse(io.out.join('\n')) as unknown[]).map((entry) => LocaleComparisonSchema.parse(entry));
    const translation = comparison!.translations[0]!;
    expect(translation.stale).toEqual({ source: 'updated', referenceChanged: '2025-08-19', translationChanged: '2022-12-23' });
    expect(translation.untranslated).toEqual({ titleMarker: 'EN', identical: 47, activities: 50 });
  });

  it('--dry-run without --fix is a usage error', async () => {
    await expect(runDrift([], { dryRun: true }, capture())).rejects.toThrow('--dry-run only applies to --fix');
  });
});

describe('stale translations from git history', () => {
  const git = (folder: string, date: string, ...args: string[]): string => runGit(folder, args, { date });

  it('the last commit that changed the matrix counts, not one that changed prose; git wins over the dates', async () => {
    // By their `updated` dates, pt-pt is stale; git history is what counts.
    const { folder, files } = copyGuide(BLOCK_STORAGE, ['en-gb', 'pt-pt']);
    const [english, translation] = files as [string, string];
    git(folder, '2024-01-01T12:00:00Z', 'init', '-q');
    git(folder, '2024-01-01T12:00:00Z', 'add', '.');
    git(folder, '2024-01-01T12:00:00Z', 'commit', '-q', '-m', 'Both guides');
    // The reference's letters change in March; its prose in May (not a matrix change).
    writeFileSync(english, readFileSync(english, 'utf8').replace(/\| I \| RA \|/, '| C | RA |'));
    git(folder, '2024-03-01T12:00:00Z', 'commit', '-q', '-am', 'Letters');
    writeFileSync(english, readFileSync(english, 'utf8').replace('## Objective', '## Objective\n\nA new sentence.'));
    git(folder, '2024-05-01T12:00:00Z', 'commit', '-q', '-am', 'Prose');

    expect(await lastMatrixChange(english)).toEqual({ source: 'git', at: '2024-03-01T12:00:00+00:00' });
    expect(await lastMatrixChange(translation)).toEqual({ source: 'git', at: '2024-01-01T12:00:00+00:00' });
    const io = capture();
    await runDrift(files, {}, io);
    expect(io.out.join('\n')).toContain(
      'stale  pt-pt is stale: the en-gb matrix changed on 2024-03-01, pt-pt last on 2024-01-01 (git history)',
    );

    // The translation follows in June: no longer stale, whatever the `updated` dates say.
    writeFileSync(translation, readFileSync(translation, 'utf8').replace(/\| I \| RA \|/, '| C | RA |'));
    git(folder, '2024-06-01T12:00:00Z', 'commit', '-q', '-am', 'Translation');
    const after = capture();
    await runDrift(files, {}, after);
    expect(after.out.join('\n')).not.toContain('stale');
  });

  it('a file git does not track has no history: the dates decide', async () => {
    const { files } = copyGuide(NUTANIX, ['en-gb']);
    expect(await lastMatrixChange(files[0]!)).toBeUndefined();
  });
});

describe('raci drift --fix keeps the bytes it does not fix', () => {
  it('a byte order mark and CRLF line endings stay; only the letters change', async () => {
    const { files } = copyGuide(NUTANIX, ['en-gb', 'fr-fr']);
    const original = readFileSync(files[1]!, 'utf8');
    const crlf = `\uFEFF${original.replace(/\n/g, '\r\n')}`;
    writeFileSync(files[1]!, crlf);
    expect(await runDrift(files, { fix: true }, capture())).toBe(1);
    const expected = crlf.replace(
      '| Assurer la sécurité des infrastructures de gestion (API, control plane) | R | RA |\r\n',
      '| Assurer la sécurité des infrastructures de gestion (API, control plane) | I | RA |\r\n',
    );
    expect(expected).not.toBe(crlf);
    expect(readFileSync(files[1]!, 'utf8')).toBe(expected);
  });

  it('a file that is not valid UTF-8 is not rewritten: the rows are named as left', async () => {
    const { files } = copyGuide(NUTANIX, ['en-gb', 'fr-fr']);
    const bytes = Buffer.concat([Buffer.from(readFileSync(files[1]!)), Buffer.from([0xff, 0x0a])]);
    writeFileSync(files[1]!, bytes);
    const io = capture();
    expect(await runDrift(files, { fix: true }, io)).toBe(1);
    expect(io.err.slice(-2)).toEqual([
      `raci: ${files[1]}: not fixed: ${files[1]} is not plain UTF-8 text`,
      'raci: --fix: 0 rows fixed in 0 translations; 2 rows with letters that differ left for a writer.',
    ]);
    expect(readFileSync(files[1]!)).toEqual(bytes);
  });
});
