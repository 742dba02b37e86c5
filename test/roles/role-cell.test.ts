import { describe, expect, it } from 'vitest';
import { normalizeRoleCell, readRoleCell } from '../../src/roles/role-cell.js';

describe('readRoleCell', () => {
  it('reads letter groups split by spaces as merged cells, with no letter', () => {
    expect(readRoleCell('I RA')).toEqual({ roles: [], canonical: '', unknown: [], letters: 'I RA', merged: ['I', 'RA'] });
    expect(readRoleCell('RA  I')).toEqual({ roles: [], canonical: '', unknown: [], letters: 'RA  I', merged: ['RA', 'I'] });
    expect(readRoleCell(' a i ').merged).toEqual(['a', 'i']);
    expect(readRoleCell('R\u00a0C\tI').merged).toEqual(['R', 'C', 'I']);
  });

  it('reads separators, one group and unknown letters as normalizeRoleCell does', () => {
    for (const cell of ['R, A', 'R/A', 'R / A', 'IR', ' RA ', '', 'MP', 'I MP', 'R A X']) {
      expect(readRoleCell(cell)).toEqual(normalizeRoleCell(cell));
    }
  });
});
