/**
 * The discovery goal of `npm run bench`: walking a documentation tree of
 * markdown pages that are not guides (the READMEs of node_modules, copied
 * until there are at least 1,000) plus the bundled guides costs little more
 * than checking the guides alone, named on the command line. The floor is
 * reading the same files and nothing else. The tree is written under .bench/
 * and removed afterwards.
 *
 *   npx tsx bench/discovery.ts    this goal alone (after npm run build)
 */
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundledGuides, CORPUS, REPOSITORY } from '../scripts/synthetic-guides.js';
import { type CommandSpec, compareCommands } from './measure.js';

export interface DiscoveryFigures {
  nonGuides: number;
  guides: number;
  walkMs: number;
  namedMs: number;
  floorMs: number;
}

const NON_GUIDES = 1_000;

/** Markdown files of node_modules (READMEs, changelogs, docs of packages), relative to it. */
function packageMarkdown(): string[] {
  const modules = join(REPOSITORY, 'node_modules');
  return readdirSync(modules, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.md$/i.test(name))
    .sort();
}

/** The tree: copies of package markdown under docs/copy-N/ until there are NON_GUIDES, and the bundled guides under docs/guides/. */
function writeTree(root: string): { nonGuides: number; guides: string[] } {
  const sources = packageMarkdown();
  if (sources.length === 0) throw new Error('no markdown file in node_modules to build the tree from (run npm ci)');
  let written = 0;
  for (let copy = 0; written < NON_GUIDES; copy++) {
    for (const source of sources) {
      // No folder of the copy may be called node_modules: a walk leaves those out.
      const target = join(root, 'docs', `copy-${copy}`, source.replaceAll('node_modules', 'modules'));
      mkdirSync(join(target, '..'), { recursive: true });
      cpSync(join(REPOSITORY, 'node_modules', source), target);
      written++;
    }
  }
  cpSync(CORPUS, join(root, 'docs', 'guides'), { recursive: true });
  const guides = bundledGuides().map((path) => relative(root, join(root, 'docs', 'guides', relative(CORPUS, path))));
  return { nonGuides: written, guides };
}

export function measureDiscovery(options: { quick: boolean; work: string }): DiscoveryFigures {
  const root = join(options.work, 'discovery');
  rmSync(root, { recursive: true, force: true });
  try {
    const { nonGuides, guides } = writeTree(root);
    const main = join(REPOSITORY, 'dist', 'cli', 'main.js');
    const commands: CommandSpec[] = [
      { name: 'walk', script: main, args: ['check', 'docs'] },
      { name: 'named', script: main, args: ['check', ...guides] },
      { name: 'floor', script: join(REPOSITORY, 'bench', 'support', 'read-only.mjs'), args: ['docs'] },
    ];
    const figures = compareCommands(commands, { rounds: options.quick ? 3 : 7, cwd: root });
    for (const name of ['walk', 'named', 'floor']) {
      if (figures[name]!.status === 2) throw new Error(`the ${name} run of the discovery goal failed (exit 2): run it by hand in ${root}`);
    }
    return {
      nonGuides,
      guides: guides.length,
      walkMs: figures.walk!.wallMs,
      namedMs: figures.named!.wallMs,
      floorMs: figures.floor!.wallMs,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = measureDiscovery({ quick: process.argv.includes('--quick'), work: join(REPOSITORY, '.bench') });
  const ratio = figures.walkMs / figures.namedMs;
  process.stdout.write(
    `raci check over ${figures.nonGuides} non-guide markdown files and ${figures.guides} guides: ${figures.walkMs.toFixed(0)} ms; ` +
      `the ${figures.guides} guides named: ${figures.namedMs.toFixed(0)} ms → ${ratio.toFixed(2)}× (target ≤ 1.5×, ${ratio <= 1.5 ? 'met' : 'NOT met'}); ` +
      `floor (reading the same files, nothing else): ${figures.floorMs.toFixed(0)} ms\n`,
  );
}
