import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_FIXED_COLUMNS, DIAGNOSTIC_COLUMNS, GUIDE_COLUMNS } from '../../src/datasets/columns.js';

describe('docs/datasets.md', () => {
  it('documents every column the build writes', async () => {
    const docs = await readFile('docs/datasets.md', 'utf8');
    const readme = await readFile('README.md', 'utf8');
    for (const column of [...GUIDE_COLUMNS, ...ACTIVITY_FIXED_COLUMNS, ...DIAGNOSTIC_COLUMNS]) {
      expect(docs, column.name).toContain(`\`${column.name}\``);
    }
    for (const column of [...GUIDE_COLUMNS, ...ACTIVITY_FIXED_COLUMNS])
      expect(readme, column.name).toMatch(new RegExp(`\\b${column.name}\\b`));
  });
});
