import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Synthetic inputs for benchmarks and fast-path tests; generated on demand, never committed. */

export const REPOSITORY = fileURLToPath(new URL('..', import.meta.url));
export const CORPUS = join(REPOSITORY, 'fixtures', 'corpus', 'pages');
/** The 6.6 KB guide the benchmarks measure with. */
export const EMAIL_PRO_GUIDE = join(CORPUS, 'web_cloud/email_and_collaborative_solutions/email_pro/responsibility_model/guide.en-gb.md');

/** Every bundled guide, sorted, as paths. */
export function bundledGuides(): string[] {
  const found: string[] = [];
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.md')) found.push(path);
    }
  };
  walk(CORPUS);
  return found.sort();
}

/**
 * A guide repeated, front matter included, until it reaches `characters`: the
 * stress input of the benchmarks. From the second copy on, each front matter reads as a
 * thematic break and a setext heading, which is what makes remark quadratic.
 */
export function repeatedGuide(guide: string, characters: number): string {
  const copies = Math.max(1, Math.round(characters / (guide.length + 1)));
  return Array.from({ length: copies }, () => guide).join('\n');
}

/** Where copy `index` of a bundled guide goes in a generated corpus: same locale suffix, new folders. */
export function generatedPath(root: string, guide: string, index: number): string {
  return join(root, String(index).padStart(4, '0'), relative(CORPUS, guide));
}

export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}
