import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alignRows } from '../../src/compare/align-rows.js';
import { compareLocales } from '../../src/compare/compare-locales.js';
import { renderDriftText } from '../../src/format/drift.js';
import { type DriftFinding, LocaleComparisonSchema } from '../../src/schema/drift.js';
import { CORPUS, DIFF_FIXTURES } from '../helpers/paths.js';
import { load } from './helpers.js';

const DRIFT = `${DIFF_FIXTURES}/drift`;
const guide = (path: string) => ({ model: load(path), file: path });
const brief = (finding: DriftFinding) => ({
  kind: finding.kind,
  where: finding.row === null ? finding.section : `${finding.section} row ${finding.row}`,
  lines: [finding.reference.line, finding.translation.line],
  ...(finding.parties.length > 0
    ? { parties: finding.parties.map((p) => `${p.party}: ${p.reference.join('')} ≠ ${p.translation.join('')}`) }
    : {}),
});

describe('alignRows', () => {
  const letters = (a: string[], b: string[]) => (i: number, j: number) => (a[i] === b[j] ? 0 : 1);

  it('pairs rows by position when both sides have as many', () => {
    expect(alignRows(3, 3, () => 5)).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
  });

  it('puts a missing row where the letters say it is, not at the end', () => {
    const reference = ['-|RA', 'RA|RI', 'RA|I'];
    const translation = ['-|RA', 'RA|I'];
    expect(alignRows(3, 2, letters(reference, translation))).toEqual([
      [0, 0],
      [1, null],
      [2, 1],
    ]);
    expect(alignRows(2, 3, letters(translation, reference))).toEqual([
      [0, 0],
      [null, 1],
      [1, 2],
    ]);
  });

  it('when nothing tells, the excess rows go last (plain position order)', () => {
    expect(alignRows(4, 2, () => 0)).toEqual([
      [0, 0],
      [1, 1],
      [2, null],
      [3, null],
    ]);
    expect(alignRows(0, 2, () => 0)).toEqual([
      [null, 0],
      [null, 1],
    ]);
  });

  it('uses every row of each side exactly once, in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 8 }),
        fc.array(fc.constantFrom('a', 'b', 'c'), { maxLength: 8 }),
        (a, b) => {
          const pairs = alignRows(a.length, b.length, letters(a, b));
          expect(pairs.map(([i]) => i).filter((i) => i !== null)).toEqual(a.map((_, index) => index));
          expect(pairs.map(([, j]) => j).filter((j) => j !== null)).toEqual(b.map((_, index) => index));
          // Only the longer side has rows left alone.
          expect(pairs.length).toBe(Math.max(a.length, b.length));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('compareLocales', () => {
  it('finds the two letters that disagree and the row missing in the middle of a table', () => {
    const comparison = compareLocales([guide(`${DRIFT}/guide.fr-fr.md`), guide(`${DRIFT}/guide.en-gb.md`)]);
    expect(comparison.reference).toEqual({
      locale: 'en-gb',
      file: `${DRIFT}/guide.en-gb.md`,
      title: 'Example service - Responsibility model',
      parties: [
        { id: 'customer', label: 'Customer' },
        { id: 'ovhcloud', label: 'OVHcloud' },
      ],
    });
    expect(comparison.translations.map((translation) => translation.locale)).toEqual(['fr-fr']);
    expect(comparison.translations[0]!.parties.map((party) => party.label)).toEqual(['Client', 'OVHcloud']);
    expect(comparison.translations[0]!.findings.map(brief)).toEqual([
      { kind: 'letters-differ', where: '1.1 row 2', lines: [25, 25], parties: ['ovhcloud: RA ≠ R'] },
      { kind: 'row-missing', where: '2.1 row 2', lines: [34, 33] },
      { kind: 'letters-differ', where: '2.2 row 1', lines: [41, 40], parties: ['customer: RA ≠ R'] },
    ]);
    expect(comparison.translations[0]!.findings[1]!.reference.text).toBe('Administrate the service infrastructure (servers, OS, storage)');
    expect(comparison.disagreements).toBe(3);
    expect(() => LocaleComparisonSchema.parse(comparison)).not.toThrow();
  });

  it('a guide compared with itself under another locale agrees', () => {
    const english = load(`${DRIFT}/guide.en-gb.md`);
    const copy = { ...english, meta: { ...english.meta, locale: 'en-ie' } };
    expect(compareLocales([english, copy]).translations).toEqual([
      { locale: 'en-ie', title: english.meta.title, parties: english.parties.map(({ id, label }) => ({ id, label })), findings: [] },
    ]);
  });

  it('takes another reference locale on request, and says when there is none', () => {
    const models = [guide(`${DRIFT}/guide.en-gb.md`), guide(`${DRIFT}/guide.fr-fr.md`)];
    const fromFrench = compareLocales(models, { reference: 'fr-fr' });
    expect(fromFrench.translations[0]!.findings.map((finding) => finding.kind)).toEqual(['letters-differ', 'row-extra', 'letters-differ']);
    const none = compareLocales(models, { reference: 'de-de' });
    expect(none.reference).toBeNull();
    expect(none.guides.map((entry) => entry.locale)).toEqual(['en-gb', 'fr-fr']);
    expect(none.disagreements).toBe(0);
  });

  it('a section numbered differently is still compared row by row (private email server guides)', () => {
    const folder = `${CORPUS}/web_cloud/email_and_collaborative_solutions/microsoft_exchange/responsibility_model_private_email_server_exchange`;
    const comparison = compareLocales([
      guide(`${folder}/guide.en-gb.md`),
      guide(`${folder}/guide.en-ie.md`),
      guide(`${folder}/guide.es-es.md`),
    ]);
    for (const translation of comparison.translations) {
      expect(translation.findings.map(brief)).toEqual([{ kind: 'section-number-differs', where: '3.1.7', lines: [103, 103] }]);
      expect(translation.findings[0]!.translation).toMatchObject({ section: '3.1.6', title: 'Business continuity' });
    }
  });

  it('two rows in another order are reported as such, not as wrong letters (Public Cloud instances, fr-fr)', () => {
    const folder = `${CORPUS}/public_cloud/compute/responsibility-model-instances`;
    const comparison = compareLocales([guide(`${folder}/guide.en-gb.md`), guide(`${folder}/guide.fr-fr.md`)]);
    expect(comparison.translations[0]!.findings.map(brief)).toEqual([
      { kind: 'row-order-differs', where: '3.1.5 row 3', lines: [104, 105] },
      { kind: 'row-order-differs', where: '3.1.5 row 4', lines: [105, 104] },
    ]);
  });

  it('a translation that lacks a party column says so once, not on every row', () => {
    const english = load(`${DRIFT}/guide.en-gb.md`);
    const withoutOvhcloud = structuredClone(english);
    withoutOvhcloud.meta.locale = 'fr-fr';
    withoutOvhcloud.parties = withoutOvhcloud.parties.filter((party) => party.id !== 'ovhcloud');
    const comparison = compareLocales([
      { model: english, file: 'x/guide.en-gb.md' },
      { model: withoutOvhcloud, file: 'x/guide.fr-fr.md' },
    ]);
    const findings = comparison.translations[0]!.findings;
    expect(findings.map((finding) => [finding.kind, finding.party?.id])).toEqual([['party-missing', 'ovhcloud']]);
    expect(renderDriftText([comparison]).split('\n')).toEqual([
      'x/guide.*.md',
      '  fr-fr (guide.fr-fr.md) against en-gb (guide.en-gb.md): 1 disagreement',
      // The English text under a French locale: named, and compared all the same.
      '    info  fr-fr looks untranslated: 7 of 7 activities are the en-gb text word for word',
      '    table  party column missing  column OVHcloud missing in fr-fr',
      '      en-gb  guide.en-gb.md:24  (first row of the tables)',
      '      fr-fr  guide.fr-fr.md:24  (first row of the tables)',
    ]);
  });
});
