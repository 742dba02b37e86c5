import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { buildDatasets, type DatasetBuild } from '../../src/datasets/build.js';
import { translationGroupOf } from '../../src/datasets/translation-groups.js';
import { guideMarkdown, input } from './helpers.js';

const guidesCsv = (build: DatasetBuild): Record<string, string>[] =>
  parse(build.files.find((file) => file.path === 'guides.csv')!.content as string, { columns: true, bom: false }) as Record<
    string,
    string
  >[];

describe('translation groups and copies in the datasets', () => {
  it('a group is the folder of guide.<locale>.md, or the path without its locale for another name', () => {
    expect(translationGroupOf('pages/x/guide.fr-fr.md')).toBe('pages/x');
    expect(translationGroupOf('pages/y/Instances.guide.fr-fr.md')).toBe('pages/y/Instances.guide');
    expect(translationGroupOf('guide.en-gb.md')).toBe('.');
    expect(translationGroupOf('pages/z/notes.md')).toBe('pages/z/notes');
  });

  it('synthetic: translations share a group; a copy in another folder is marked both ways, a translation is not a copy', async () => {
    const english = guideMarkdown();
    const build = await buildDatasets([
      input('a/guide.en-gb.md', english),
      input('a/guide.fr-fr.md', guideMarkdown({ title: 'Partage des responsabilités' })),
      input('legacy/a/guide.en-gb.md', `${english}\n[All our documentation](/gb/en/)\n`),
      input('b/guide.fr-fr.md', guideMarkdown({ rows: [['Choisir le nom du service', 'RA', '']] })),
    ]);
    const rows = guidesCsv(build).map((row) => [row.id, row.translation_group, row.reference_locale, row.copy_of]);
    expect(rows).toEqual([
      ['a/en-gb', 'a', 'en-gb', 'legacy/a/en-gb'],
      ['a/fr-fr', 'a', 'en-gb', ''],
      ['b/fr-fr', 'b', '', ''],
      ['legacy/a/en-gb', 'legacy/a', 'en-gb', 'a/en-gb'],
    ]);
    expect(build.guides.find((guide) => guide.id === 'a/en-gb')).toMatchObject({
      translationGroup: 'a',
      referenceLocale: 'en-gb',
      copyOf: ['legacy/a/en-gb'],
    });
  });
});
