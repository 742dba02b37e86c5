import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLocales } from '../../src/compare/compare-locales.js';
import { fixDrift } from '../../src/compare/fix-drift.js';
import { safeParseResponsibilityModel } from '../../src/parse/parse.js';
import { CORPUS, DIFF_FIXTURES, ROOT } from '../helpers/paths.js';

const read = (path: string) => readFileSync(`${ROOT}${path}`, 'utf8');
const en = (text: string) => ({ text, locale: 'en-gb' });
const fr = (text: string) => ({ text, locale: 'fr-fr' });
const BLOCK_STORAGE = `${CORPUS}/storage_and_backup/block_storage/responsibility-model-block-storage/guide.`;
const NUTANIX = `${CORPUS}/cloud/nutanix/60-responsibility-sharing/guide.`;

const findings = (reference: string, translation: string, locale = 'fr-fr') =>
  compareLocales([
    safeParseResponsibilityModel(reference, { locale: 'en-gb' }).model,
    safeParseResponsibilityModel(translation, { locale }).model,
  ]).translations[0]!.findings;

/** The lines that differ between two texts of as many lines, as [before, after]. */
const changedLines = (before: string, after: string) =>
  before
    .split('\n')
    .map((line, index) => [line, after.split('\n')[index]] as const)
    .filter(([a, b]) => a !== b);

function guide(rows: string, header = '| **Activité** | **Client** | **OVHcloud** |'): string {
  return `---\ntitle: Example\n---\n\n### 1. Usage\n\n#### 1.1. Operations\n\n${header}\n| --- | --- | --- |\n${rows}\n`;
}

describe('fixDrift', () => {
  it('fills the four Block Storage pt-pt rows written without cells, and the empty cell of a fifth', () => {
    const translation = read(`${BLOCK_STORAGE}pt-pt.md`);
    const result = fixDrift(en(read(`${BLOCK_STORAGE}en-gb.md`)), { text: translation, locale: 'pt-pt' });
    expect(result.skipped).toEqual([]);
    expect(result.fixed.map((row) => `${row.section} row ${row.row}`)).toEqual([
      '3.1.3 row 3',
      '3.1.3 row 4',
      '3.1.3 row 5',
      '3.1.3 row 6',
      '3.1.4 row 1',
    ]);
    expect(changedLines(translation, result.text)).toEqual([
      [
        '| Retain logs of control plane for Instances monitoring (API, hypervisor)',
        '| Retain logs of control plane for Instances monitoring (API, hypervisor) |  | RA |',
      ],
      ['| Retain logs of Information System hosted on Instances', '| Retain logs of Information System hosted on Instances | RA |  |'],
      [
        '| Monitor the proper functioning of physical devices (utilities) in support of the service',
        '| Monitor the proper functioning of physical devices (utilities) in support of the service | I | RA |',
      ],
      [
        '| Create, modify, control, restore, delete jobs of backups',
        '| Create, modify, control, restore, delete jobs of backups | RA |  |',
      ],
      ['| Manage data encryption of storage space allocated | RA |  |', '| Manage data encryption of storage space allocated | RA | CI |'],
    ]);
    expect(findings(read(`${BLOCK_STORAGE}en-gb.md`), result.text, 'pt-pt')).toEqual([]);
  });

  it('never copies a Nutanix reference row that has an error of its own (an unknown letter)', () => {
    const translation = read(`${NUTANIX}fr-fr.md`);
    const result = fixDrift(en(read(`${NUTANIX}en-gb.md`)), fr(translation));
    expect(result.skipped).toEqual([{ section: '3.1.3', row: 2, line: 71, reason: 'reference-error' }]);
    expect(result.fixed).toEqual([{ section: '3.1.6', row: 1, line: 97 }]);
    expect(changedLines(translation, result.text)).toEqual([
      [
        '| Assurer la sécurité des infrastructures de gestion (API, control plane) | R | RA |',
        '| Assurer la sécurité des infrastructures de gestion (API, control plane) | I | RA |',
      ],
    ]);
    // The row extra in fr-fr is left as it is, and reported again.
    expect(findings(read(`${NUTANIX}en-gb.md`), result.text).map((finding) => finding.kind)).toEqual(['letters-differ', 'row-extra']);
  });

  it('keeps padding and emphasis, empties a cell the reference leaves empty, and leaves a link for a writer', () => {
    const reference = guide('| Back up | RA | I |\n| Restore | C | RA |\n| Monitor | RA | I |');
    const translation = guide('| Sauvegarder |   **AR**  | R |\n| Restaurer | RA |  |\n| Surveiller | [R](https://x.example) | I |');
    const result = fixDrift(en(reference), fr(translation));
    expect(result.text).toBe(guide('| Sauvegarder |   **AR**  | I |\n| Restaurer | C | RA |\n| Surveiller | [R](https://x.example) | I |'));
    expect(result.skipped).toEqual([{ section: '1.1', row: 3, line: 13, reason: 'cell-not-letters' }]);
  });

  it('touches no row out of order, nor a row that lost a pipe', () => {
    const reference = guide('| Back up | RA | I |\n| Restore | C | RA |\n| Report | RA | C |');
    // Rows 1 and 2 swapped; row 3 lost a pipe (two cells in one).
    const translation = guide('| Restaurer | C | RA |\n| Sauvegarder | RA | I |\n| Rapporter | RA C |');
    const result = fixDrift(en(reference), fr(translation));
    expect(result.text).toBe(translation);
    expect(result.fixed).toEqual([]);
    expect(result.skipped).toEqual([{ section: '1.1', row: 3, line: 13, reason: 'section-unaligned' }]);
    // Alone, the row that lost a pipe is still not rewritten: which column a letter belongs to is unsure.
    const lostPipe = guide('| Rapporter | RA C |');
    expect(fixDrift(en(guide('| Report | RA | C |')), fr(lostPipe))).toEqual({
      text: lostPipe,
      fixed: [],
      skipped: [{ section: '1.1', row: 1, line: 11, reason: 'cell-not-letters' }],
    });
  });

  it('rewrites no row of a section with a row missing: there the rows are paired by a guess', () => {
    const reference = guide('| Back up | RA | I |\n| Restore | C | RA |\n| Monitor | I | RA |');
    const translation = guide('| Sauvegarder | RA | I |\n| Surveiller | RA | C |');
    const result = fixDrift(en(reference), fr(translation));
    expect(result.text).toBe(translation);
    expect(result.skipped.map((row) => row.reason)).toEqual(['section-unaligned']);
  });

  it('--reference: the authority is the locale given as the reference', () => {
    const english = guide('| Back up | RA | I |');
    const french = guide('| Sauvegarder | R | AI |');
    expect(fixDrift(en(english), fr(french)).text).toBe(guide('| Sauvegarder | RA | I |'));
    expect(fixDrift(fr(french), en(english)).text).toBe(guide('| Back up | R | AI |'));
  });

  /** Each line with its letter cells blanked: what a fix must leave as it was. */
  const outsideLetterCells = (text: string) =>
    text
      .split('\n')
      .map((line) =>
        /^\|/.test(line) ? line.replace(/\|[^|]*(?=\|)/g, (cell) => (/^\|\s*\**[RACI]*\**\s*$/.test(cell) ? '|' : cell)) : line,
      );

  it('property: after the fix, no fixed row has letters that differ, and nothing outside letter cells changed', () => {
    const reference = read(`${DIFF_FIXTURES}/drift/guide.en-gb.md`);
    const rows = reference.split('\n').flatMap((line, index) => (/^\| [A-Z][a-z].*\| [RACI]* \|/.test(line) ? [index] : []));
    const letters = fc.subarray(['R', 'A', 'C', 'I']).map((chosen) => chosen.join(''));
    const cellEdit = fc.record({
      row: fc.constantFrom(...rows),
      cell: fc.constantFrom(2, 3),
      letters,
      emphasis: fc.boolean(),
      padding: fc.constantFrom(' ', '  ', '\t '),
    });
    fc.assert(
      fc.property(fc.array(cellEdit, { maxLength: 8 }), (edits) => {
        const lines = reference.split('\n');
        for (const edit of edits) {
          const parts = lines[edit.row]!.split('|');
          const written = edit.emphasis && edit.letters !== '' ? `**${edit.letters}**` : edit.letters;
          parts[edit.cell] = `${edit.padding}${written}${edit.padding}`;
          lines[edit.row] = parts.join('|');
        }
        const translation = lines.join('\n');
        const result = fixDrift(en(reference), fr(translation));
        const left = findings(reference, result.text).filter((finding) => finding.kind === 'letters-differ');
        const fixedLines = new Set(result.fixed.map((row) => row.line));
        expect(left.filter((finding) => fixedLines.has(finding.translation.line ?? 0))).toEqual([]);
        expect(outsideLetterCells(result.text)).toEqual(outsideLetterCells(translation));
        // Every row of this guide can be fixed: nothing is left.
        expect(left).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });
});
