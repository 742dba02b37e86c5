import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundledGuides, generatedPath, REPOSITORY, readText } from './synthetic-guides.js';

/**
 * Writes COUNT guides (default 1,000) under .bench/many/: the bundled ones
 * repeated under generated folders, keeping their file names (and so their
 * locales). Generated, never committed (.bench/ is ignored).
 *
 *   npx tsx scripts/make-many-guides.ts [COUNT]
 */
export function makeManyGuides(count: number, root = join(REPOSITORY, '.bench', 'many')): string[] {
  rmSync(root, { recursive: true, force: true });
  const guides = bundledGuides();
  const files: string[] = [];
  for (let index = 0; index < count; index++) {
    const guide = guides[index % guides.length]!;
    const target = generatedPath(root, guide, index);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, readText(guide));
    files.push(target);
  }
  return files;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const count = Number(process.argv[2] ?? 1000);
  const files = makeManyGuides(count);
  process.stdout.write(`${files.length} guides written under ${join(REPOSITORY, '.bench', 'many')}\n`);
}
