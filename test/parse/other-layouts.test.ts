import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ActivityRow, listActivities, type ResponsibilityModel, type Section, safeParseResponsibilityModel } from '../../src/index.js';
import { ROOT } from '../helpers/paths.js';

const FOLDER = join(ROOT, 'test/fixtures/other-layouts');
const read = (name: string) => readFileSync(join(FOLDER, name), 'utf8');
const parse = (name: string) => safeParseResponsibilityModel(read(name));
const codesOf = (name: string) => parse(name).diagnostics.map((diagnostic) => diagnostic.code);

/** `number title` of every section, children indented under their parent. */
function outline(sections: readonly Section[], depth = 0): string[] {
  return sections.flatMap((section) => [
    `${'  '.repeat(depth)}${section.number} ${section.title}`,
    ...outline(section.sections, depth + 1),
  ]);
}

/** One line per activity: `id text | party=letters …`. */
function letters(model: ResponsibilityModel): string[] {
  return listActivities(model).map(
    (row: ActivityRow) =>
      `${row.id} ${row.text} | ${Object.entries(row.assignments)
        .map(([party, roles]) => `${party}=${roles.join('')}`)
        .join(' ')}`,
  );
}

/** A cell of role letters, counted without the parser: `RA`, `A/R`, `**R**, A`, `I*`, `C (note)`. */
const LETTER_CELL = /^[RACI](?:[\s,/&+]*[RACI])*\*?$/u;

/** Body rows of the markdown tables that have at least one cell of role letters: the matrix rows a reader sees. */
function matrixRowsOf(markdown: string): string[] {
  return markdown
    .split('\n')
    .filter((line) => line.trimStart().startsWith('|') && !/^[\s|:-]+$/u.test(line))
    .filter((line) =>
      line
        .split('|')
        .slice(1)
        .some((cell) =>
          LETTER_CELL.test(
            cell
              .replace(/[*_]/gu, '')
              .replace(/\([^()]*\)\s*$/u, '')
              .trim(),
          ),
        ),
    );
}

/**
 * The promise on documents of these layouts: every matrix row is an activity
 * with at least one letter, and nothing is reported as ignored or unreadable.
 */
function expectEveryMatrixRowRead(markdown: string): ResponsibilityModel {
  const { model, diagnostics } = safeParseResponsibilityModel(markdown);
  const lost = ['row-ignored', 'table-outside-section', 'table-without-parties', 'table-not-raci', 'role-unknown', 'activity-text-missing'];
  expect(diagnostics.filter((diagnostic) => lost.includes(diagnostic.code))).toEqual([]);
  const rows = listActivities(model);
  expect(rows.map((row) => row.line).sort((a, b) => a - b)).toEqual(
    matrixRowsOf(markdown).map((line) => markdown.split('\n').indexOf(line) + 1),
  );
  for (const row of rows) expect(Object.values(row.assignments).flat().length, row.text).toBeGreaterThan(0);
  return model;
}

describe('guides that number no heading', () => {
  it('take their sections from the heading levels, numbered in order, the title and empty headings aside', () => {
    const { model } = parse('unnumbered-phases.md');
    expect(outline(model.sections)).toEqual([
      '1 Phase 1 : Onboarding',
      '  1.1 Account setup',
      '  1.2 Network 🌐',
      '2 Phase 2 : Run',
      '  2.1 Backups',
      '  2.2 🔒 Security patches',
    ]);
    expect(model.meta.title).toBe('Managed Database Service — RACI');
    expect(model.intro).toBe('This page explains who does what for the managed database service.');
  });

  it('read a number written in a heading\'s text as part of its title ("Fase 2:")', () => {
    expect(outline(parse('numbered-in-text.md').model.sections)).toEqual(['1 Fase 1: Preparación', '2 Fase 2: Pruebas']);
  });

  it('make a section of rows directly under the title', () => {
    const { model } = safeParseResponsibilityModel('# Title\n\n| Task | Customer | Provider |\n| --- | --- | --- |\n| Do it | RA | I |\n');
    expect(outline(model.sections)).toEqual(['1 Title']);
    expect(letters(model)).toEqual(['1#1 Do it | customer=RA provider=I']);
  });

  it('keep a numbered guide on its numbers: an unnumbered heading there is no section', () => {
    const markdown = '### 1. Phase\n\n## Notes\n\n| Task | Customer | Provider |\n| --- | --- | --- |\n| Do it | RA | I |\n';
    expect(safeParseResponsibilityModel(markdown).diagnostics.map((diagnostic) => diagnostic.code)).toContain('table-outside-section');
  });
});

describe('role letters as other documents write them', () => {
  it('read bold, separators, stars and dashes, and keep notes in brackets apart', () => {
    const { model } = parse('unnumbered-phases.md');
    expect(letters(model)).toEqual([
      '1.1#1 Create the organisation account | client-role=RA provider=',
      '1.1#2 Enable multi-factor authentication | client-role=RA provider=C',
      '1.1#3 Choose the hosting region | client-role=RA provider=I',
      '1.2#1 Declare allowed IP ranges | client-role=RA provider=',
      '1.2#2 Provision the private network | client-role=I provider=RA',
      '2.1#1 Schedule daily backups | client-role=CI provider=RA',
      '2.1#2 Restore a backup on request | client-role=A provider=R',
      '2.2#1 Apply engine minor versions | client-role=C provider=RA',
      '2.2#2 Plan major version upgrades | client-role=RA provider=C',
    ]);
    const patches = listActivities(model).find((row) => row.id === '2.2#1')!;
    expect(patches.cells).toEqual({ 'client-role': 'C (Technical Input)', provider: 'A & R (Config, Ops)' });
    expect(patches.notes).toEqual({ 'client-role': 'Technical Input', provider: 'Config, Ops' });
    expect(listActivities(model).find((row) => row.id === '2.1#1')!.cells).toEqual({ 'client-role': 'I/C', provider: 'RA*' });
    expect(listActivities(model).filter((row) => row.notes !== undefined)).toHaveLength(1);
  });
});

describe('parties', () => {
  it('skip a # column, take any names, and read a different set of parties per table', () => {
    expect(letters(parse('numbered-in-text.md').model)[0]).toBe(
      '1#1 Definir los objetivos de recuperación | customer=A proveedor=R auditor=I',
    );
    const { model } = parse('legends-and-parties.md');
    expect(model.parties.map((party) => party.id)).toEqual([
      'role-cloud-temple',
      'role-client',
      'wlasciciel-uslugi',
      'strasse-betrieb',
      'partenaire',
      'customer',
    ]);
    expect(model.scopes).toEqual([]);
    expect(letters(model)).toEqual([
      '1#1 Maintenir le matériel physique | role-cloud-temple=RA role-client=I',
      "1#2 Mettre à jour l'hyperviseur | role-cloud-temple=R role-client=A",
      "2#1 Déployer l'application | wlasciciel-uslugi=I strasse-betrieb=C partenaire=R customer=A",
      "2#2 Surveiller l'application | wlasciciel-uslugi=I strasse-betrieb= partenaire=R customer=A",
      '2#3 Corriger une faille applicative | wlasciciel-uslugi=C strasse-betrieb=I partenaire=R customer=A',
    ]);
  });

  it('take people as parties under an empty first header cell, with bold rows as groups', () => {
    const { model } = parse('section-rows.md');
    expect(model.parties.map((party) => party.label)).toEqual(['Marta Nowak', 'Jonas Weber', 'Agency', 'Steering committee']);
    expect(outline(model.sections)).toEqual(['1 Matrix', '  1.1 Planning', '  1.2 Design', '  1.3 Launch']);
    expect(listActivities(model).map((row) => `${row.id} ${row.path.map((step) => step.title).join(' > ')}`)).toEqual([
      '1.1#1 Matrix > Planning',
      '1.1#2 Matrix > Planning',
      '1.2#1 Matrix > Design',
      '1.2#2 Matrix > Design',
      '1.3#1 Matrix > Launch',
      '1.3#2 Matrix > Launch',
    ]);
  });
});

describe('legends', () => {
  it.each([
    ['a bullet list', 'unnumbered-phases.md', 'Responsible: does the work'],
    ['bold-letter lines', 'section-rows.md', 'Responsible, does the work.'],
    ['an HTML definition list', 'html-legend.md', 'Responsible'],
    ['a two-column table inside <details>', 'legends-and-parties.md', 'Realizes the process'],
  ])('are read from %s', (_form, name, label) => {
    const { model, diagnostics } = parse(name);
    expect(model.roles.map((role) => role.code)).toEqual(['R', 'A', 'C', 'I']);
    expect(model.roles[0]!.label).toBe(label);
    expect(diagnostics.map((diagnostic) => diagnostic.code)).not.toContain('legend-missing');
  });

  it('default to the standard meanings, with an info, when a guide with tables has none', () => {
    const { model, diagnostics } = parse('numbered-in-text.md');
    expect(model.roles.map((role) => role.label)).toEqual(['Responsible', 'Accountable', 'Consulted', 'Informed']);
    expect(diagnostics.find((diagnostic) => diagnostic.code === 'legend-standard')?.severity).toBe('info');
  });

  it('report a letter given another meaning, and keep the meaning as written', () => {
    const { model, diagnostics } = parse('other-meaning.md');
    expect(model.roles[1]).toEqual({ code: 'A', label: 'Application owner' });
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'legend-meaning-other').map((diagnostic) => diagnostic.message)).toEqual([
      'The legend gives “A” the meaning “Application owner”, where RACI means Accountable; the tables are still read as RACI letters: check that they are a responsibility matrix.',
    ]);
    expect(codesOf('unnumbered-phases.md')).not.toContain('legend-meaning-other');
  });
});

describe('tables that are not responsibility matrices', () => {
  it('are skipped with the reason, every row quoted, and the matrix beside them read', () => {
    const { model, diagnostics } = parse('not-raci.md');
    const skipped = diagnostics.filter((diagnostic) => diagnostic.code === 'table-not-raci').map((diagnostic) => diagnostic.message);
    expect(skipped).toHaveLength(2);
    expect(skipped[0]).toContain('its column “R/A” names letters or rights, not a party');
    expect(skipped[1]).toContain('its cells use W beside R and A (“R/W/A”)');
    expect(diagnostics.filter((diagnostic) => diagnostic.code === 'row-ignored').map((diagnostic) => diagnostic.line)).toEqual([
      7, 8, 9, 15, 16,
    ]);
    expect(letters(model)).toEqual([
      '1#1 Grant access to the console | customer=RA provider=I',
      '1#2 Review access every quarter | customer=A provider=R',
    ]);
  });
});

describe('every matrix row is an activity with its letters', () => {
  it.each(['unnumbered-phases.md', 'numbered-in-text.md', 'section-rows.md', 'legends-and-parties.md', 'html-legend.md'])(
    'in %s',
    (name) => {
      expectEveryMatrixRowRead(read(name));
    },
  );

  // Written before the parser learnt these layouts, and never used to tune it.
  it.each(['held-out/managed-kubernetes.md', 'held-out/erp-project.md', 'held-out/object-storage-provider.md'])(
    'in %s (held out)',
    (name) => {
      const model = expectEveryMatrixRowRead(read(name));
      expect(model.sections.length).toBeGreaterThan(0);
    },
  );
});
