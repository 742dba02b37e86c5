import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bundledGuides as bundledGuidePaths } from '../../scripts/synthetic-guides.js';

/**
 * Every folder and file the tests read, in one place. Absolute paths end in
 * the path itself; ROOT ends with a slash, so `${ROOT}path` works too.
 * DIFF_FIXTURES and CORPUS are relative to ROOT (the tests run from it, and
 * diagnostics then name files as a user would type them).
 */
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = join(ROOT, 'fixtures');
export const CORPUS = 'fixtures/corpus/pages';
export const DIFF_FIXTURES = 'test/fixtures/diff';
/** Published schemas of the CI report formats, copied unchanged (their sources in its README.md). */
export const SCHEMA_FIXTURES = join(ROOT, 'test', 'fixtures', 'schemas');
/** Small scripts the tests load into other processes (workers, module recorders). */
export const SUPPORT = join(ROOT, 'test', 'support');

/** The built CLI, as users run it (npm test builds before it runs vitest). */
export const CLI_MAIN = join(ROOT, 'dist', 'cli', 'main.js');

/** The URL of a compiled module of dist/, for tests that must load what workers load. */
export function distModule(path: string): string {
  return pathToFileURL(join(ROOT, 'dist', path)).href;
}

/** Every bundled real guide, as paths relative to the repository root, sorted. */
export function bundledGuides(): string[] {
  return bundledGuidePaths().map((path) => relative(ROOT, path));
}
