import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledGuides as bundledGuidePaths } from '../../scripts/synthetic-guides.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'fixtures');
export const CORPUS_PAGES = join(FIXTURES, 'corpus', 'pages');

/** Every bundled real guide, as paths relative to the repository root, sorted. */
export function bundledGuides(): string[] {
  return bundledGuidePaths().map((path) => relative(ROOT, path));
}
