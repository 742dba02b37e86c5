import { describe, expect, it } from 'vitest';
import { compareLocales } from '../../src/compare/compare-locales.js';
import { diffModels } from '../../src/compare/diff-models.js';
import { renderDiffMarkdown } from '../../src/format/diff-markdown.js';
import { renderDiffText } from '../../src/format/diff-text.js';
import { renderDriftMarkdown, renderDriftText } from '../../src/format/drift.js';
import { NONE } from '../../src/util/strings.js';
import { load } from '../compare/helpers.js';
import { DIFF_FIXTURES } from '../helpers/paths.js';

const base = load(`${DIFF_FIXTURES}/base.en-gb.md`);
const against = (name: string) => diffModels(base, load(`${DIFF_FIXTURES}/${name}.en-gb.md`), { oldLabel: 'base', newLabel: name });

describe('renumbered sections in the diff formats', () => {
  it('text: each renumbered section once, old number → new, and only the real activity changes', () => {
    const lines = renderDiffText(against('renumbered')).split('\n');
    expect(lines.slice(lines.indexOf('Sections:'), lines.indexOf('Sections:') + 4)).toEqual([
      'Sections:',
      '  + 2.1 Ordering  (line 29)',
      '  ~ 2.1 → 2.2 Operations  (renumbered; lines 29 → 35)',
      '  ~ 2.2 → 2.3 Incidents  (renumbered; lines 37 → 43)',
    ]);
    expect(lines.filter((line) => /^ {2}[~+-] /.test(line) && !line.includes('renumbered') && !line.includes('Ordering'))).toEqual([
      '  + Order the service  (line 33)',
      '  ~ Restore the service after an incident  (lines 42 → 48)',
    ]);
    expect(lines.at(-1)).toBe(
      '1 added, 0 removed, 0 reworded, 0 moved, 1 reassigned, 0 accountable changing hands, 3 section changes, 0 metadata/legend changes; 6 activities unchanged',
    );
  });

  it('markdown: a renumbered item per section, no activity moved', () => {
    const markdown = renderDiffMarkdown(against('phase-renumbered'));
    expect(markdown).toContain(
      [
        '- **added** 2 Delivery',
        '- **added** 2.1 Installation',
        '- **renumbered** 2 → 3 Service usage',
        '- **renumbered** 2.1 → 3.1 Operations',
        '- **renumbered** 2.2 → 3.2 Incidents',
      ].join('\n'),
    );
    expect(markdown).not.toContain('moved from');
    expect(markdown).toContain('**1 added, 0 removed, 0 reworded, 0 moved,');
  });
});

describe('no letter is written one way', () => {
  it(`text and markdown write ${NONE} for an emptied cell, nobody accountable and an activity with no letter`, () => {
    const diff = against('unassigned');
    const text = renderDiffText(diff).split('\n');
    expect(text).toContain(`      Customer → ${NONE}  (line 35)`);
    expect(text).toContain(`      Customer: RA → ${NONE}`);
    expect(text).toContain(`      accountable: Customer → ${NONE}`);
    expect(text[text.indexOf('  + Archive the service logs  (line 36)') + 1]).toBe(`      ${NONE}`);
    const markdown = renderDiffMarkdown(diff).split('\n');
    expect(markdown).toContain(`- **2.1** Manage access to the control panel: **Customer → ${NONE}**`);
    expect(markdown).toContain(`- **reassigned** Manage access to the control panel: Customer \`RA\` → ${NONE} (line 35)`);
    expect(markdown).toContain(`- **added** Archive the service logs: ${NONE} (line 36)`);
  });

  it('markdown metadata: an absent value is the same word', () => {
    const markdown = renderDiffMarkdown(against('meta'));
    expect(markdown).toContain(`| excerpt | Shared responsibilities between OVHcloud and the customer | ${NONE} |`);
  });

  it('drift names parties by their column headers in each guide, and an empty row the same way', () => {
    const english = load(`${DIFF_FIXTURES}/drift/guide.en-gb.md`);
    const french = load(`${DIFF_FIXTURES}/drift/guide.fr-fr.md`);
    const emptied = structuredClone(french);
    for (const activity of emptied.sections[0]!.sections[0]!.activities)
      for (const party of Object.keys(activity.assignments)) activity.assignments[party] = [];
    const text = renderDriftText([compareLocales([english, emptied])]);
    expect(text).toContain('Choose service location in EU  [Customer I · OVHcloud RA]');
    expect(text).toContain(`Choisir la localisation du service en UE  [${NONE}]`);
    expect(text).not.toMatch(/\[(customer|ovhcloud) /);
    const markdown = renderDriftMarkdown([compareLocales([english, french])]);
    expect(markdown).toContain('\\[Client I · OVHcloud R\\]');
  });
});
