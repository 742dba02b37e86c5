import { describe, expect, it } from 'vitest';
import { localeFromPath, normalizeRoleCell, partyIdFor } from '../../src/index.js';
import { lastUpdatedDateText, parseWrittenDate } from '../../src/meta/dates.js';
import { parentNumber, parseHeadingNumber } from '../../src/outline/heading-number.js';
import { decodeSource, firstInvalidUtf8Offset } from '../../src/read/decode.js';
import { repairMojibake } from '../../src/read/mojibake.js';
import { cellKind, detectLayout } from '../../src/tables/columns.js';
import type { TableData } from '../../src/tables/table-data.js';

describe('normalizeRoleCell', () => {
  it.each([
    ['IR', ['R', 'I'], 'RI'],
    ['RI', ['R', 'I'], 'RI'],
    ['AI', ['A', 'I'], 'AI'],
    ['CR', ['R', 'C'], 'RC'],
    ['AR', ['R', 'A'], 'RA'],
    ['ra', ['R', 'A'], 'RA'],
    ['R/A', ['R', 'A'], 'RA'],
    ['R, A', ['R', 'A'], 'RA'],
    [' RA ', ['R', 'A'], 'RA'],
    ['RR', ['R'], 'R'],
    ['', [], ''],
  ])('%j → %j', (cell, roles, canonical) => {
    expect(normalizeRoleCell(cell)).toEqual({ roles, canonical, unknown: [], letters: cell.trim() });
  });

  it('keeps unknown letters apart, upper-cased, once each', () => {
    expect(normalizeRoleCell('MP')).toEqual({ roles: [], canonical: '', unknown: ['M', 'P'], letters: 'MP' });
    expect(normalizeRoleCell('R x X')).toEqual({ roles: ['R'], canonical: 'R', unknown: ['X'], letters: 'R x X' });
  });

  it('keeps a note in brackets after the letters apart from them', () => {
    expect(normalizeRoleCell('C (Technical Input)')).toEqual({
      roles: ['C'],
      canonical: 'C',
      unknown: [],
      letters: 'C',
      note: 'Technical Input',
    });
    expect(normalizeRoleCell('A & R (Config, Ops)')).toMatchObject({ roles: ['R', 'A'], letters: 'A & R', note: 'Config, Ops' });
    // Brackets after words are no note: the words are read, as unknown letters.
    expect(normalizeRoleCell('Risk (analysis)')).toMatchObject({ roles: ['R', 'A', 'I'], letters: 'Risk (analysis)' });
    expect(normalizeRoleCell('Risk (analysis)').unknown).toContain('K');
  });
});

describe('heading numbers', () => {
  it.each([
    ['3.1.1. Daily operations', '3.1.1', 'Daily operations'],
    ['3.1.1 Daily operations', '3.1.1', 'Daily operations'],
    ['1. Before subscription', '1', 'Before subscription'],
    ['2 Service', '2', 'Service'],
    ['3.1.1.Title', '3.1.1', 'Title'],
    ['99999999999999999999.1 Huge', '99999999999999999999.1', 'Huge'],
  ])('%j', (text, number, title) => {
    expect(parseHeadingNumber(text)).toEqual({ number, title });
  });

  it('leaves unnumbered headings alone', () => {
    expect(parseHeadingNumber('Objective')).toBeUndefined();
    expect(parseHeadingNumber('RACI definition')).toBeUndefined();
    expect(parseHeadingNumber('10GB offer')).toBeUndefined();
  });

  it('finds the parent by dropping the last number', () => {
    expect(parentNumber('3.1.1')).toBe('3.1');
    expect(parentNumber('3')).toBeUndefined();
  });
});

function table(header: string[], rows: string[][]): TableData {
  const span = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
  const cell = (text: string) => ({ text, links: [], span, cellSpan: span, contentSpan: span, raw: text, boldLetters: '' });
  return { header: header.map(cell), headerSpan: span, rows: rows.map((row) => ({ cells: row.map(cell), span })), span, collapsed: false };
}

describe('column detection', () => {
  it('classifies cells as codes or text', () => {
    expect(cellKind('RA')).toBe('code');
    expect(cellKind('r, a')).toBe('code');
    expect(cellKind('MP')).toBe('code');
    expect(cellKind('X')).toBe('code');
    expect(cellKind('Run')).toBe('text');
    expect(cellKind('Define the need')).toBe('text');
    expect(cellKind('')).toBe('empty');
  });

  it('finds activity and party columns from the cells, in any language', () => {
    const layout = detectLayout(
      table(
        ['Tätigkeit', 'Kunde', 'OVHcloud'],
        [
          ['Daten verwalten', 'RA', ''],
          ['Dienst betreiben', 'I', 'RA'],
        ],
      ),
      new Map(),
    );
    expect(layout).toEqual({ scopeColumns: [], activityColumn: 0, partyColumns: [1, 2] });
  });

  it('reads applicability columns before the activity as scopes', () => {
    const layout = detectLayout(
      table(
        ['Bare Metal', 'Private Cloud', 'Activity', 'Customer', 'OVHcloud'],
        [
          ['X', '', 'Install', 'I', 'RA'],
          ['', 'X', 'Patch', 'RA', ''],
        ],
      ),
      new Map(),
    );
    expect(layout).toEqual({ scopeColumns: [0, 1], activityColumn: 2, partyColumns: [3, 4] });
  });

  it('takes a third party column like any other', () => {
    const layout = detectLayout(table(['Activity', 'Customer', 'OVHcloud', 'Partner'], [['Operate', 'A', 'I', 'R']]), new Map());
    expect(layout?.partyColumns).toEqual([1, 2, 3]);
  });

  it('has no layout when no column follows the text', () => {
    expect(detectLayout(table(['Notes'], [['Some text']]), new Map())).toBeUndefined();
    expect(detectLayout(table(['Link', 'Where'], [['Community', 'https://community.ovh.com']]), new Map())).toBeUndefined();
  });
});

describe('dates', () => {
  it.each([
    ['17th November 2022', '2022-11-17'],
    ['November 17th, 2022', '2022-11-17'],
    ['September 28th, 2021', '2021-09-28'],
    ['1er décembre 2021', '2021-12-01'],
    ['5. Juli 2023', '2023-07-05'],
    ['5 de julio de 2023', '2023-07-05'],
    ['2024-06-25', '2024-06-25'],
    ['25/07/2023', '2023-07-25'],
  ])('%j is %s', (text, iso) => {
    expect(parseWrittenDate(text)).toMatchObject({ kind: 'date', iso });
  });

  it('flags unpadded ISO dates', () => {
    expect(parseWrittenDate('2024-6-25')).toEqual({ kind: 'date', iso: '2024-06-25', unpadded: true });
  });

  it('refuses ambiguous, placeholder and impossible dates', () => {
    expect(parseWrittenDate('05/07/2023').kind).toBe('ambiguous');
    expect(parseWrittenDate('XX/XX/XX').kind).toBe('placeholder');
    expect(parseWrittenDate('xx décembre 2022').kind).toBe('placeholder');
    expect(parseWrittenDate('2023-02-30').kind).toBe('invalid');
    expect(parseWrittenDate('soon').kind).toBe('invalid');
  });

  it('reads the date part of "last updated" lines in several languages', () => {
    expect(lastUpdatedDateText('Last updated 17th November 2022')).toBe('17th November 2022');
    expect(lastUpdatedDateText('Dernière mise à jour le 1er décembre 2021')).toBe('1er décembre 2021');
    expect(lastUpdatedDateText('Zuletzt aktualisiert am 5. Juli 2023')).toBe('5. Juli 2023');
    expect(lastUpdatedDateText('The RACI below details shared responsibilities')).toBeUndefined();
  });
});

describe('party ids', () => {
  it.each([
    ['Customer', 'customer'],
    ['**Client**', 'customer'],
    ['Kunde', 'customer'],
    ['Cliente', 'customer'],
    ['Klient', 'customer'],
    ['OVHcloud', 'ovhcloud'],
    ['OVH', 'ovhcloud'],
    ['Certified partner', 'certified-partner'],
    ['Sous-traitant agréé', 'sous-traitant-agree'],
    ['__proto__', 'proto'],
  ])('%j → %s', (label, id) => {
    expect(partyIdFor(label)).toBe(id);
  });
});

describe('reading files', () => {
  it('takes the locale from the file name only', () => {
    expect(localeFromPath('pages/x/guide.fr-fr.md')).toBe('fr-fr');
    expect(localeFromPath('modeles de responsabilités/Instances.guide.fr-fr.md')).toBe('fr-fr');
    expect(localeFromPath('guide.en-asia.md')).toBe('en-asia');
    expect(localeFromPath('README.md')).toBeUndefined();
  });

  it('strips a UTF-8 BOM and decodes UTF-16 with a BOM', () => {
    expect(decodeSource(new Uint8Array([0xef, 0xbb, 0xbf, 0x41])).text).toBe('A');
    const utf16 = decodeSource(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xe9, 0x00]));
    expect(utf16.text).toBe('Aé');
    expect(utf16.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['encoding-utf16']);
  });

  it('reports invalid UTF-8 with its byte offset and position', () => {
    const bytes = new Uint8Array([0x61, 0x0a, 0x62, 0x63, 0xff, 0x64]);
    expect(firstInvalidUtf8Offset(bytes)).toBe(4);
    const [diagnostic] = decodeSource(bytes).diagnostics;
    expect(diagnostic).toMatchObject({ code: 'encoding-invalid', line: 2, column: 3 });
    expect(diagnostic?.message).toContain('byte offset 4');
  });

  it('repairs mojibake runs to the text they stood for', () => {
    expect(repairMojibake('â€™')).toBe('’');
    expect(repairMojibake('Ã©')).toBe('é');
  });
});
