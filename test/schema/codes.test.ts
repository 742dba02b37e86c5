import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODE_IDS, DIAGNOSTIC_CODES } from '../../src/schema/codes.js';
import { DiagnosticSchema } from '../../src/schema/model.js';

const at = { severity: 'warning', message: 'm', line: 1, column: 1, endLine: 1, endColumn: 2 } as const;

describe('the code table', () => {
  it('is the closed list of codes a diagnostic may carry', () => {
    for (const code of DIAGNOSTIC_CODE_IDS) expect(DiagnosticSchema.safeParse({ code, ...at }).success, code).toBe(true);
    expect(DiagnosticSchema.safeParse({ code: 'accountable-missed', ...at }).success).toBe(false);
  });

  it('has a one-line summary, a sentence, for every code (it is a cell of the table in docs/diagnostics.md)', () => {
    for (const [code, { summary }] of Object.entries(DIAGNOSTIC_CODES)) expect(summary, code).toMatch(/^[A-Z`][^\n]*\.$/);
  });
});
