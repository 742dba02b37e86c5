import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listActivities, parseResponsibilityModel, ResponsibilityModelError, safeParseResponsibilityModel } from '../../src/index.js';
import { ROOT } from '../helpers/paths.js';

const golden = (name: string) => readFileSync(join(ROOT, 'test/parse/golden', name, 'input.md'), 'utf8');
const codes = (markdown: string) => safeParseResponsibilityModel(markdown).diagnostics.map((diagnostic) => diagnostic.code);

const SMALL_GUIDE = [
  '---',
  'title: Small guide',
  'updated: 2024-01-02',
  '---',
  '',
  '| Roles |',
  '| --- |',
  '| R: Does it |',
  '| A: Answers for it |',
  '',
  '### 1. Phase',
  '',
  '#### 1.1. Section',
  '',
  '| Activity | Customer | OVHcloud |',
  '| --- | --- | --- |',
  '| First activity | RA | I |',
  '| Second activity | IR | A |',
].join('\n');

describe('synthetic guides', () => {
  it('a German translation parses with the same party ids and no code change', () => {
    const model = parseResponsibilityModel(golden('german-translation'), { locale: 'de-de' });
    expect(model.meta.locale).toBe('de-de');
    expect(model.meta.updated).toBe('2023-07-05');
    expect(model.parties).toEqual([
      { id: 'customer', label: 'Kunde' },
      { id: 'ovhcloud', label: 'OVHcloud' },
    ]);
    expect(model.roles[0]).toEqual({ code: 'R', label: 'Ist für die Durchführung des Prozesses zuständig' });
    const rows = listActivities(model);
    expect(rows.map((row) => row.id)).toEqual(['1.1#1', '1.1#2', '3.1.1#1', '3.1.1#2']);
    expect(rows[3]!.assignments).toEqual({ customer: ['A'], ovhcloud: ['R', 'I'] });
    expect(rows[3]!.path.map((step) => step.title)).toEqual(['Nutzung des Dienstes', 'Betrieb', 'Tägliche Vorgänge']);
  });

  it('a third party column becomes a party of its own', () => {
    const model = parseResponsibilityModel(golden('third-party'));
    expect(model.parties.map((party) => party.id)).toEqual(['customer', 'ovhcloud', 'certified-partner']);
    expect(listActivities(model)[0]!.assignments).toEqual({ customer: ['A'], ovhcloud: ['I'], 'certified-partner': ['R'] });
  });

  it('CRLF and lone CR line endings give the same model and positions as LF', () => {
    const lf = safeParseResponsibilityModel(SMALL_GUIDE);
    for (const ending of ['\r\n', '\r']) {
      const other = safeParseResponsibilityModel(SMALL_GUIDE.replaceAll('\n', ending));
      expect(other.model).toEqual(lf.model);
      expect(other.diagnostics).toEqual(lf.diagnostics);
    }
    expect(listActivities(lf.model).map((activity) => activity.line)).toEqual([17, 18]);
  });

  it('a collapsed table is an error, and its rows are still recovered', () => {
    const markdown = SMALL_GUIDE.replace('| --- | --- | --- |', '| --- | --- |');
    const result = safeParseResponsibilityModel(markdown);
    expect(result.success).toBe(false);
    const collapsed = result.diagnostics.find((diagnostic) => diagnostic.code === 'table-collapsed');
    expect(collapsed).toMatchObject({ line: 15, column: 1, endLine: 18 });
    expect(listActivities(result.model).map((activity) => [activity.text, activity.cells])).toEqual([
      ['First activity', { customer: 'RA', ovhcloud: 'I' }],
      ['Second activity', { customer: 'IR', ovhcloud: 'A' }],
    ]);
  });

  it('a guide with no legend still yields its activities, read with the standard meanings and an info', () => {
    const markdown = SMALL_GUIDE.replace(/\| Roles \|[\s\S]*?Answers for it \|\n/, '');
    const result = safeParseResponsibilityModel(markdown);
    expect(result.success).toBe(true);
    expect(result.model.roles.map((role) => `${role.code}: ${role.label}`)).toEqual([
      'R: Responsible',
      'A: Accountable',
      'C: Consulted',
      'I: Informed',
    ]);
    expect(codes(markdown)).toContain('legend-standard');
    expect(codes(markdown)).not.toContain('legend-missing');
    expect(listActivities(result.model)).toHaveLength(2);
  });

  it('normalises role codes and reports non-canonical cells as info', () => {
    const result = safeParseResponsibilityModel(SMALL_GUIDE);
    expect(listActivities(result.model)[1]!.assignments).toEqual({ customer: ['R', 'I'], ovhcloud: ['A'] });
    expect(listActivities(result.model)[1]!.cells).toEqual({ customer: 'IR', ovhcloud: 'A' });
    expect(result.diagnostics).toEqual([
      expect.objectContaining({ code: 'role-noncanonical', severity: 'info', line: 18, column: 21, endColumn: 23 }),
    ]);
  });

  it('throws ResponsibilityModelError listing each error as line:column code message', () => {
    const markdown = SMALL_GUIDE.replace('| RA | I |', '| MP | I |');
    expect(() => parseResponsibilityModel(markdown)).toThrow(ResponsibilityModelError);
    try {
      parseResponsibilityModel(markdown);
    } catch (caught) {
      const error = caught as ResponsibilityModelError;
      expect(error.diagnostics.map((diagnostic) => diagnostic.code)).toContain('role-unknown');
      expect(error.message).toContain('17:20 error “MP” in column “Customer”');
      expect(error.model.sections).toHaveLength(1);
    }
  });

  it('invalid front matter is an error with the YAML line', () => {
    const result = safeParseResponsibilityModel(SMALL_GUIDE.replace('updated: 2024-01-02', 'updated: [2024'));
    const invalid = result.diagnostics.find((diagnostic) => diagnostic.code === 'front-matter-invalid');
    expect(invalid).toMatchObject({ severity: 'error', line: 3, column: 15 });
    expect(invalid?.message).toBe(
      'The front matter is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    );
  });

  it('reads numbers, not heading levels: h3 subsections, h4 sub-subsections, gaps', () => {
    const markdown = SMALL_GUIDE.replace('#### 1.1. Section', '### 1.1. Section').concat(
      '\n\n#### 1.1.3. Deeper\n\n| Activity | Customer | OVHcloud |\n| --- | --- | --- |\n| Deep one | RA | |\n',
    );
    const model = parseResponsibilityModel(markdown);
    expect(model.sections[0]!.sections[0]!.sections[0]).toMatchObject({ number: '1.1.3', title: 'Deeper' });
    expect(listActivities(model).at(-1)!.id).toBe('1.1.3#1');
  });
});
