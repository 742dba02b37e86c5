import { describe, expect, it } from 'vitest';
import { safeParseResponsibilityModel } from '../../src/parse/parse.js';
import { brief, LEGEND } from '../helpers/check.js';

const TABLE = (row: string) => ['| Activity | Customer | OVHcloud |', '| --- | --- | --- |', `| ${row} | RA | I |`, ''];

function read(lines: string[]) {
  const result = safeParseResponsibilityModel(['---', 'title: T', '---', '', LEGEND, '', ...lines].join('\n'));
  return {
    found: result.diagnostics.filter((diagnostic) => diagnostic.code === 'section-number-missing').map(brief),
    sections: result.model.sections,
  };
}

describe('a heading without its number among numbered headings', () => {
  it('is reported at the heading, naming the section its rows fall under', () => {
    const { found, sections } = read([
      '### 2. Service availability',
      '#### 2.1. Install service',
      ...TABLE('Install'),
      '#### 2.2. Reversibility model',
      ...TABLE('Export'),
      '#### Customer Information System setup',
      ...TABLE('Choose the location'),
      '#### 2.4. Network',
      ...TABLE('Connect'),
    ]);
    expect(found).toEqual([
      '23:1-23:39 warning section-number-missing Heading “Customer Information System setup” has no section number, ' +
        'unlike the other level-4 headings; its rows are read as part of section 2.2 “Reversibility model”. ' +
        'Number it if it is a section of its own.',
    ]);
    expect(sections[0]!.sections[1]!.activities.map((activity) => activity.text)).toEqual(['Export', 'Choose the location']);
  });

  it('is not reported without rows under it, below the numbered levels, before the first number or in a guide without numbers', () => {
    const quiet = [
      ['### 1. Before', '#### 1.1. Specify', ...TABLE('Specify'), '#### Notes', 'Some prose.', '#### 1.2. Order', ...TABLE('Order')],
      ['### 1. Before', '#### 1.1. Specify', ...TABLE('Specify'), '##### Example', ...TABLE('Example')],
      ['#### Overview', ...TABLE('Overview'), '### 1. Before', '#### 1.1. Specify', ...TABLE('Specify')],
      ['### Before', '#### Specify', ...TABLE('Specify'), '#### Order', ...TABLE('Order')],
    ];
    for (const lines of quiet) expect(read(lines).found).toEqual([]);
  });

  it('at the shallowest numbered level ends the numbered part, as before (its tables are outside any section)', () => {
    const result = safeParseResponsibilityModel(
      ['---', 'title: T', '---', '', LEGEND, '', '### 1. Before', ...TABLE('Specify'), '### Go further', ...TABLE('Read')].join('\n'),
    );
    expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['table-outside-section', 'row-ignored']);
  });
});
