import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'fixtures');
export const CORPUS_PAGES = join(FIXTURES, 'corpus', 'pages');

/** Every bundled real guide, as paths relative to the repository root, sorted. */
export function bundledGuides(): string[] {
  const found: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) found.push(relative(ROOT, path));
    }
  };
  walk(CORPUS_PAGES);
  return found.sort();
}
