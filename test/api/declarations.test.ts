import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const DIST = join(ROOT, 'dist');

/** A declaration file and every declaration file of ours it refers to (`from './x.js'`, `import('./x.js')`). */
function declarationGraph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/(?:from\s*|import\(\s*)['"](\.{1,2}\/[^'"]+)\.js['"]/g)) {
      visit(join(dirname(file), `${match[1]}.d.ts`));
    }
  };
  visit(join(DIST, entry));
  return [...seen];
}

describe('the declarations of the root entry (npm run build first)', () => {
  const files = declarationGraph('index.d.ts');

  it('are built, with the parse and the schemas among them', () => {
    expect(files.every((file) => existsSync(file))).toBe(true);
    const names = files.map((file) => relative(DIST, file));
    expect(names).toContain('parse/parse-bytes.d.ts');
    expect(names).toContain('schema/model.d.ts');
  });

  it('need no @types/node: no Buffer, no NodeJS namespace, no node: module', () => {
    const uses = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\bBuffer\b|\bNodeJS\.|['"]node:|reference types="node"/g)].map(
        (match) => `${relative(DIST, file)}: ${match[0]}`,
      ),
    );
    expect(uses).toEqual([]);
  });

  it('spell out every type: nothing elided as `any` (a recursive schema needs its type written on the getter)', () => {
    const elided = files.filter((file) => readFileSync(file, 'utf8').includes('/*elided*/')).map((file) => relative(DIST, file));
    expect(elided).toEqual([]);
  });
});
