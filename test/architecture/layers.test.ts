import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/**
 * The folders of src/, bottom to top. A module may import its own folder and
 * the folders below it, never one above it or beside it: the pipeline reads
 * from the schema up to the command line.
 */
const LAYERS: readonly (readonly string[])[] = [
  ['schema'],
  ['util'],
  ['diagnostics'],
  ['read'],
  ['markdown'],
  ['meta', 'outline', 'roles'],
  ['tables'],
  ['parse'],
  ['model'],
  ['rules'],
  ['compare'],
  ['format'],
  ['datasets'],
  ['site'],
  ['remark'],
  // The language server: our results as Language Server Protocol answers, for `raci lsp`.
  ['lsp'],
  // The package's entries (responsibility-model/diff, …) and the command line: neither imports the other.
  ['cli', 'entries'],
];

const SRC = join(ROOT, 'src');
const rankOf = new Map(LAYERS.flatMap((folders, rank) => folders.map((folder) => [folder, rank] as const)));

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** `rules/check-guide.ts` → `rules`; the entry modules at the top of src/ → undefined. */
function folderOf(path: string): string | undefined {
  const parts = relative(SRC, path).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => join(dirname(file), specifier));
}

describe('the folders of src/ import one way', () => {
  const files = sourceFiles(SRC);

  it('every folder has a place in the layers', () => {
    const folders = new Set(files.map(folderOf).filter((folder) => folder !== undefined));
    expect([...folders].filter((folder) => !rankOf.has(folder)).sort()).toEqual([]);
  });

  it('no module imports a folder above or beside its own', () => {
    const upward: string[] = [];
    for (const file of files) {
      const from = folderOf(file);
      if (from === undefined) continue;
      for (const target of importsOf(file)) {
        const to = folderOf(target);
        if (to === undefined || to === from) continue;
        if (rankOf.get(to)! >= rankOf.get(from)!) upward.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });
});
