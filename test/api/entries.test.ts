import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

const SRC = join(ROOT, 'src');
const ENTRY_FILES = ['index.ts', ...readdirSync(join(SRC, 'entries')).map((name) => `entries/${name}`)];

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The specifiers a module loads when it runs: type-only imports and exports are erased, so they do not count. */
function runtimeSpecifiers(file: string): string[] {
  const text = withoutComments(readFileSync(file, 'utf8'));
  const statements = [...text.matchAll(/^(?:import|export)(?!\s+type\b)[^;]*?from\s*'([^']+)'/gm)].map((match) => match[1]!);
  const bare = [...text.matchAll(/^import\s*'([^']+)'/gm)].map((match) => match[1]!);
  const dynamic = [...text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)].map((match) => match[1]!);
  return [...statements, ...bare, ...dynamic];
}

/** Every module of ours the entry loads, and every specifier outside src/ it names (packages and built-ins). */
function moduleGraph(entry: string): { modules: string[]; external: Set<string> } {
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeSpecifiers(file)) {
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier).replace(/\.js$/, '.ts'));
      else external.add(specifier);
    }
  };
  visit(join(SRC, entry));
  return { modules: [...seen].map((file) => relative(SRC, file)).sort(), external };
}

const packageName = (specifier: string): string =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

describe('the entry modules', () => {
  it.each(ENTRY_FILES)('%s only re-exports', (file) => {
    const statements = withoutComments(readFileSync(join(SRC, file), 'utf8'))
      .split(';')
      .map((statement) => statement.trim())
      .filter(Boolean);
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.filter((statement) => !/^export (?:type )?\{[^}]*\} from '\.{1,2}\/[^']+'$/.test(statement))).toEqual([]);
  });
});

describe('the root entry', () => {
  const { modules, external } = moduleGraph('index.ts');

  it('imports no Node.js module, directly or through our modules, so that it can be bundled for a browser', () => {
    expect(modules).toContain('parse/parse.ts');
    expect(modules).toContain('rules/check-guide.ts');
    const builtins = new Set(builtinModules);
    expect([...external].filter((specifier) => specifier.startsWith('node:') || builtins.has(packageName(specifier)))).toEqual([]);
  });

  it('reaches only these packages (a new one must run in a browser too)', () => {
    expect([...new Set([...external].map(packageName))].sort()).toEqual([
      '@sindresorhus/transliterate',
      'diff',
      'fastest-levenshtein',
      'mdast-util-to-string',
      'remark-frontmatter',
      'remark-gfm',
      'remark-parse',
      'unified',
      'yaml',
      'zod',
    ]);
  });

  it('the file entry is where node:fs comes in', () => {
    expect([...moduleGraph('entries/files.ts').external]).toContain('node:fs');
  });
});
