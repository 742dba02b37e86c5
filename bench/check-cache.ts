/**
 * The cache goal of `npm run bench`: a second `raci check --cache` over the
 * unchanged bundled guides, next to a first one that finds no cache.
 *
 *   npx tsx bench/check-cache.ts    this goal alone (after npm run build)
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPOSITORY } from '../scripts/synthetic-guides.js';
import { type CommandSpec, compareCommands } from './measure.js';

export interface CacheFigures {
  firstMs: number;
  secondMs: number;
}

export function measureCheckCache(options: { quick: boolean; work: string }): CacheFigures {
  const cacheFile = join(options.work, 'check-cache.json');
  const args = ['check', 'fixtures/corpus/pages', '--cache', '--cache-location', cacheFile];
  const commands: CommandSpec[] = [
    { name: 'first', script: join(REPOSITORY, 'bench', 'support', 'cold-cache.mjs'), args },
    { name: 'second', script: join(REPOSITORY, 'dist', 'cli', 'main.js'), args },
  ];
  try {
    const figures = compareCommands(commands, { rounds: options.quick ? 3 : 7, cwd: REPOSITORY });
    for (const name of ['first', 'second']) {
      if (figures[name]!.status === 2) throw new Error(`the ${name} run of the cache goal failed (exit 2)`);
    }
    return { firstMs: figures.first!.wallMs, secondMs: figures.second!.wallMs };
  } finally {
    rmSync(cacheFile, { force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = measureCheckCache({ quick: process.argv.includes('--quick'), work: join(REPOSITORY, '.bench') });
  const ratio = figures.secondMs / figures.firstMs;
  process.stdout.write(
    `raci check --cache over the bundled guides: first ${figures.firstMs.toFixed(0)} ms, second ${figures.secondMs.toFixed(0)} ms → ` +
      `${ratio.toFixed(2)}× (target ≤ 0.3×, ${ratio <= 0.3 ? 'met' : 'NOT met'})\n`,
  );
}
