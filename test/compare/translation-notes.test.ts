import { describe, expect, it } from 'vitest';
import { compareLocales } from '../../src/compare/compare-locales.js';
import { staleness, untranslatedEvidence } from '../../src/compare/translation-notes.js';
import { renderDriftMarkdown, renderDriftText } from '../../src/format/drift.js';
import { safeParseResponsibilityModel } from '../../src/parse/parse.js';
import { CORPUS } from '../helpers/paths.js';
import { load } from './helpers.js';

function guide(
  title: string,
  updated: string | undefined,
  rows: string,
  locale = 'en-gb',
): ReturnType<typeof safeParseResponsibilityModel>['model'] {
  const front = `---\ntitle: ${title}\n${updated ? `updated: ${updated}\n` : ''}---\n\n`;
  const text = `${front}### 1. Usage\n\n#### 1.1. Operations\n\n| Activity | Customer | OVHcloud |\n| --- | --- | --- |\n${rows}\n`;
  return safeParseResponsibilityModel(text, { locale }).model;
}

const ENGLISH_ROWS = '| Back up the data | RA | I |\n| Restore the data | C | RA |\n| Monitor the service | I | RA |';
const FRENCH_ROWS = '| Sauvegarder les données | RA | I |\n| Restaurer les données | C | RA |\n| Surveiller le service | I | RA |';

describe('staleness', () => {
  const english = guide('Service', '2025-01-01', ENGLISH_ROWS);
  const french = guide('Service', '2024-01-01', FRENCH_ROWS, 'fr-fr');

  it('from the updated dates when git does not tell', () => {
    expect(staleness({ model: english }, { model: french })).toEqual({
      source: 'updated',
      referenceChanged: '2025-01-01',
      translationChanged: '2024-01-01',
    });
    expect(staleness({ model: french }, { model: english })).toBeUndefined();
    expect(staleness({ model: english }, { model: guide('Service', undefined, FRENCH_ROWS) })).toBeUndefined();
  });

  it('git history wins over the dates when both files have it, compared as instants', () => {
    // 10:00 at +02:00 is 08:00 UTC: before 09:00 UTC, though its clock reads later.
    const morning = { source: 'git' as const, at: '2024-06-01T10:00:00+02:00' };
    const later = { source: 'git' as const, at: '2024-06-01T09:00:00+00:00' };
    expect(staleness({ model: english, changed: later }, { model: french, changed: morning })).toEqual({
      source: 'git',
      referenceChanged: later.at,
      translationChanged: morning.at,
    });
    // The dates say stale; git says the translation changed last.
    expect(staleness({ model: english, changed: morning }, { model: french, changed: later })).toBeUndefined();
    // Only one side in git: the dates decide.
    expect(staleness({ model: english, changed: later }, { model: french })?.source).toBe('updated');
  });

  it('is reported in text and markdown even when the letters agree', () => {
    const comparison = compareLocales([
      { model: english, file: 'x/guide.en-gb.md' },
      { model: french, file: 'x/guide.fr-fr.md' },
    ]);
    expect(comparison.disagreements).toBe(0);
    expect(renderDriftText([comparison]).split('\n').slice(1)).toEqual([
      '  fr-fr (guide.fr-fr.md) against en-gb (guide.en-gb.md): agrees',
      '    stale  fr-fr is stale: the en-gb matrix changed on 2025-01-01, fr-fr last on 2024-01-01 (updated dates)',
    ]);
    expect(renderDriftMarkdown([comparison])).toContain(
      '- fr-fr is stale: the en-gb matrix changed on 2025-01-01, fr-fr last on 2024-01-01 (updated dates)',
    );
  });
});

describe('untranslatedEvidence', () => {
  const english = guide('Service', undefined, ENGLISH_ROWS);

  it('names a file whose activities are the reference’s text, though its locale is another language', () => {
    expect(untranslatedEvidence(english, guide('Service', undefined, ENGLISH_ROWS), 'en-gb', 'de-de')).toEqual({
      identical: 3,
      activities: 3,
    });
    // Another English locale is not another language.
    expect(untranslatedEvidence(english, guide('Service', undefined, ENGLISH_ROWS), 'en-gb', 'en-ie')).toBeUndefined();
    expect(untranslatedEvidence(english, guide('Service', undefined, FRENCH_ROWS), 'en-gb', 'fr-fr')).toBeUndefined();
  });

  it('names a file whose title is marked with another language, even when translated', () => {
    expect(untranslatedEvidence(english, guide('Service (EN)', undefined, FRENCH_ROWS), 'en-gb', 'fr-fr')).toEqual({
      titleMarker: 'EN',
      identical: 0,
      activities: 3,
    });
    expect(untranslatedEvidence(english, guide('Service (FR)', undefined, FRENCH_ROWS), 'en-gb', 'fr-fr')).toBeUndefined();
  });

  it('on the bundled guides: the English file tagged pt-pt, not the French translation of Nutanix', () => {
    const blockStorage = `${CORPUS}/storage_and_backup/block_storage/responsibility-model-block-storage/guide.`;
    expect(untranslatedEvidence(load(`${blockStorage}en-gb.md`), load(`${blockStorage}pt-pt.md`), 'en-gb', 'pt-pt')).toEqual({
      titleMarker: 'EN',
      identical: 47,
      activities: 50,
    });
    const nutanix = `${CORPUS}/cloud/nutanix/60-responsibility-sharing/guide.`;
    expect(untranslatedEvidence(load(`${nutanix}en-gb.md`), load(`${nutanix}fr-fr.md`), 'en-gb', 'fr-fr')).toBeUndefined();
    const comparison = compareLocales([load(`${blockStorage}en-gb.md`), load(`${blockStorage}pt-pt.md`)]);
    expect(renderDriftText([comparison])).toContain(
      '    info  pt-pt looks untranslated: its title ends with (EN); 47 of 50 activities are the en-gb text word for word',
    );
  });
});
