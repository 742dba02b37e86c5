import { readFile, stat } from 'node:fs/promises';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import ignoreModule, { type Ignore } from 'ignore';
import { fileSystemPath } from '../util/file-names.js';
import { describeFsError, UsageError } from './inputs.js';

/**
 * Which files a walk leaves out, in gitignore syntax (the `ignore` package,
 * as ESLint and Prettier use): the `.raciignore` files of the walked folders
 * and of the folders above them up to the repository's top, the `.gitignore`
 * files likewise (unless turned off), and the patterns of the command line.
 * Rules are applied from the outermost to the innermost, then the command
 * line's: the last that matches decides, and `!pattern` takes a file back.
 */

/** The ignore files read in every folder, `.gitignore` only when `gitignore` is on. */
const RACIIGNORE = '.raciignore';
const GITIGNORE = '.gitignore';
/** The names of the files a folder's ignore rules come from. */
export const IGNORE_FILE_NAMES: ReadonlySet<string> = new Set([GITIGNORE, RACIIGNORE]);

// A CommonJS module: its default import is the whole module, whose `default` is the factory.
const ignore = ignoreModule.default;

/** The rules of one folder: paths are matched relative to `base` (absolute). */
export interface IgnoreLayer {
  base: string;
  rules: Ignore;
}

export interface IgnoreSettings {
  /** Read `.gitignore` files too (the default). */
  gitignore: boolean;
  /** `--ignore-pattern` and negated paths (`!build/**`), relative to `cwd`. */
  cliLayer: IgnoreLayer | undefined;
}

export function ignoreSettings(patterns: readonly string[], cwd: string, gitignore: boolean): IgnoreSettings {
  return { gitignore, cliLayer: patterns.length > 0 ? { base: cwd, rules: ignore().add([...patterns]) } : undefined };
}

/** The ignore files of one folder as a layer; undefined when it has none. */
export async function folderLayer(folder: string, settings: IgnoreSettings): Promise<IgnoreLayer | undefined> {
  const names = settings.gitignore ? [GITIGNORE, RACIIGNORE] : [RACIIGNORE];
  const texts = await Promise.all(names.map((name) => readIgnoreFile(join(folder, name))));
  const present = texts.filter((text): text is string => text !== undefined);
  if (present.length === 0) return undefined;
  return { base: folder, rules: ignore().add(present.join('\n')) };
}

async function readIgnoreFile(path: string): Promise<string | undefined> {
  try {
    return await readFile(fileSystemPath(path), 'utf8');
  } catch (caught) {
    const code = (caught as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new UsageError(`${path}: ${describeFsError(caught)}`);
  }
}

/**
 * The layers of the folders above `folder` (absolute), outermost first, up to
 * the top of its git repository; none outside a repository, so that a walk
 * never depends on files far above it.
 */
export async function ancestorLayers(folder: string, settings: IgnoreSettings): Promise<IgnoreLayer[]> {
  const above: string[] = [];
  let current = folder;
  let top: string | undefined;
  for (;;) {
    if (await isRepositoryTop(current)) {
      top = current;
      break;
    }
    const parent = dirname(current);
    if (parent === current) break;
    above.push(parent);
    current = parent;
  }
  if (top === undefined) return [];
  const layers = await Promise.all([...above].reverse().map((path) => folderLayer(path, settings)));
  return layers.filter((layer): layer is IgnoreLayer => layer !== undefined);
}

/** A folder holding `.git`: a folder, or (a worktree, a submodule) a file naming the real one. */
async function isRepositoryTop(folder: string): Promise<boolean> {
  return stat(join(folder, '.git')).then(
    () => true,
    () => false,
  );
}

/** Whether `path` (absolute; a folder when `folder`) is ignored by the layers, applied in order. */
export function isIgnored(path: string, folder: boolean, layers: readonly IgnoreLayer[]): boolean {
  let ignored = false;
  for (const layer of layers) {
    const rel = relative(layer.base, path);
    if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) continue;
    const result = layer.rules.test(`${rel.split(sep).join('/')}${folder ? '/' : ''}`);
    if (result.ignored) ignored = true;
    else if (result.unignored) ignored = false;
  }
  return ignored;
}
