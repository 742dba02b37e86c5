import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/index.js';
import { ROOT } from '../helpers/paths.js';

describe('docs/diagnostics.md', () => {
  const docs = readFileSync(join(ROOT, 'docs/diagnostics.md'), 'utf8');
  it('documents every diagnostic code with its severity', () => {
    for (const [code, { severity }] of Object.entries(DIAGNOSTIC_CODES)) {
      expect(docs, code).toMatch(new RegExp(`\\| \`${code}\` \\| ${severity} \\|`));
    }
  });

  it('documents no code that does not exist', () => {
    const documented = [...docs.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(Object.keys(DIAGNOSTIC_CODES).sort());
  });
});
