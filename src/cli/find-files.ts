import { readdir, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import picomatch from 'picomatch';
import { isDynamicPattern } from 'tinyglobby';
import { decodeFileName, fileSystemPath } from '../util/file-names.js';
import {
  ancestorLayers,
  folderLayer,
  IGNORE_FILE_NAMES,
  type IgnoreLayer,
  type IgnoreSettings,
  ignoreSettings,
  isIgnored,
} from './ignore-rules.js';
import { describeFsError, UsageError } from './inputs.js';
import { isInside } from './is-inside.js';

export interface FindOptions {
  /** Folders are searched recursively for this pattern (default `**\/*.md`). */
  pattern?: string;
  /** `--ignore-pattern`, gitignore syntax, relative to `cwd`. */
  ignorePatterns?: readonly string[];
  /** Respect `.gitignore` files (default true). */
  gitignore?: boolean;
  /** Where relative paths and patterns start (default: the process's folder). */
  cwd?: string;
}

export interface FoundFiles {
  /** Sorted, without duplicates, as they are shown: a found file is its folder argument joined with its path. */
  files: string[];
  /** Files named on the command line: always read, never ignored. */
  explicit: Set<string>;
  /** One line each, for stderr: files the walk would not read (a link out of the walked folder). */
  notices: string[];
}

/**
 * Files named on the command line, as given; folders walked for markdown and
 * globs expanded, leaving out dot folders, `node_modules`, ignored files (see
 * ignore-rules.ts) and symbolic links whose target lies outside the walked
 * folder (reported in `notices`, never read). A path starting with `!` is a
 * pattern to leave out. A walk follows no link to a folder, so it cannot loop;
 * a link to a file inside the folder is taken like the file. Names that are
 * not valid UTF-8 are kept by their bytes (file-names.ts). Sorted, so every
 * command sees the same files in the same order on any machine. No file at
 * all is a UsageError (exit 2), as in ESLint.
 */
export async function expandInputs(inputs: readonly string[], options: FindOptions = {}): Promise<FoundFiles> {
  const cwd = options.cwd ?? process.cwd();
  const negated = inputs.filter((input) => input.startsWith('!')).map((input) => input.slice(1));
  const positive = inputs.filter((input) => !input.startsWith('!'));
  const settings = ignoreSettings([...(options.ignorePatterns ?? []), ...negated], cwd, options.gitignore ?? true);
  const files = new Set<string>();
  const explicit = new Set<string>();
  const notices: string[] = [];
  let ignoredCount = 0;
  for (const input of positive.length > 0 ? positive : ['.']) {
    let walk: { folder: string; pattern: string };
    if (isDynamicPattern(input)) {
      const scanned = picomatch.scan(input);
      walk = { folder: scanned.base === '' ? (input.startsWith('/') ? '/' : '.') : scanned.base, pattern: scanned.glob };
    } else {
      let info;
      try {
        info = await stat(fileSystemPath(resolve(cwd, input)));
      } catch (caught) {
        throw new UsageError(`${input}: ${describeFsError(caught)}`);
      }
      if (!info.isDirectory()) {
        files.add(input);
        explicit.add(input);
        continue;
      }
      walk = { folder: input, pattern: options.pattern ?? '**/*.md' };
    }
    const found = await walkFolder(walk.folder, walk.pattern, cwd, settings);
    if (isDynamicPattern(input) && found.files.length === 0 && found.ignored === 0)
      throw new UsageError(`${input}: no file matches this pattern`);
    for (const file of found.files) files.add(file);
    notices.push(...found.notices);
    ignoredCount += found.ignored;
  }
  if (files.size === 0) {
    const where = positive.length > 0 ? positive.join(', ') : '.';
    throw new UsageError(
      ignoredCount > 0
        ? `${where}: every file found is ignored (${ignoredCount} by .raciignore, .gitignore or --ignore-pattern)`
        : `${where}: no file found (folders are searched for ${options.pattern ?? '*.md'})`,
    );
  }
  return { files: [...files].sort(), explicit, notices };
}

interface Walked {
  files: string[];
  notices: string[];
  /** Files and folders left out by the ignore rules. */
  ignored: number;
}

/**
 * The files under `folder` whose path relative to it matches `pattern`, as
 * `folder/path`. Sibling folders are read side by side: a repository of
 * guides has about one folder per guide.
 */
async function walkFolder(folder: string, pattern: string, cwd: string, settings: IgnoreSettings): Promise<Walked> {
  const matches = picomatch(pattern, { dot: false });
  const absoluteRoot = resolve(cwd, folder);
  const realRoot = await realpathOrUsage(absoluteRoot, folder);
  const walked: Walked = { files: [], notices: [], ignored: 0 };
  const cliLayers = settings.cliLayer ? [settings.cliLayer] : [];

  // `path` is relative to `folder`, '' for the folder itself; `layers` are the ignore rules above it.
  const visit = async (path: string, layers: readonly IgnoreLayer[]): Promise<void> => {
    const absolute = path === '' ? absoluteRoot : under(absoluteRoot, path);
    let entries;
    try {
      entries = await readdir(fileSystemPath(absolute), { withFileTypes: true, encoding: 'buffer' });
    } catch (caught) {
      throw new UsageError(`${shown(folder, path)}: ${describeFsError(caught)}`);
    }
    // Most folders have no ignore file: the listing says so without trying to read one.
    const own = entries.some((entry) => IGNORE_FILE_NAMES.has(entry.name.toString('latin1')))
      ? await folderLayer(absolute, settings)
      : undefined;
    const inner = own ? [...layers, own] : layers;
    // Every read is started before any is awaited, so that Promise.all handles each failure.
    const pending: Promise<void>[] = [];
    for (const entry of entries) {
      const name = decodeFileName(entry.name);
      const child = path === '' ? name : `${path}/${name}`;
      const childAbsolute = under(absoluteRoot, child);
      const isFolder = entry.isDirectory();
      if (isFolder && (name.startsWith('.') || name === 'node_modules')) continue;
      if (!isFolder && !((entry.isFile() || entry.isSymbolicLink()) && matches(child))) continue;
      if (isIgnored(childAbsolute, isFolder, [...inner, ...cliLayers])) {
        walked.ignored++;
        continue;
      }
      if (isFolder) pending.push(visit(child, inner));
      else if (entry.isFile()) walked.files.push(shown(folder, child));
      else pending.push(addLink(child));
    }
    await Promise.all(pending);
  };

  // A link to a file is taken when its target is inside the walked folder; one to a folder is not followed.
  const addLink = async (path: string): Promise<void> => {
    const target = fileSystemPath(under(absoluteRoot, path));
    let info;
    try {
      info = await stat(target);
    } catch (caught) {
      throw new UsageError(`${shown(folder, path)}: ${describeFsError(caught)}`);
    }
    if (!info.isFile()) return;
    const real = decodeFileName(Buffer.from(await realpath(target, { encoding: 'buffer' })));
    if (isInside(real, realRoot)) walked.files.push(shown(folder, path));
    else walked.notices.push(`${shown(folder, path)}: skipped: a symbolic link to a file outside ${folder} (not read)`);
  };

  // A folder named on the command line is walked even where a folder above ignores it (a build folder, .bench/).
  const above = (await ancestorLayers(absoluteRoot, settings)).filter((layer) => !isIgnored(absoluteRoot, true, [layer]));
  await visit('', above);
  // Links are looked at side by side, so their notices come in no set order: path order, like the files.
  walked.notices.sort();
  return walked;
}

async function realpathOrUsage(path: string, label: string): Promise<string> {
  try {
    return decodeFileName(Buffer.from(await realpath(fileSystemPath(path), { encoding: 'buffer' })));
  } catch (caught) {
    throw new UsageError(`${label}: ${describeFsError(caught)}`);
  }
}

/** `path` (relative, `/`-separated) inside the absolute `folder`. */
function under(folder: string, path: string): string {
  return folder.endsWith('/') ? `${folder}${path}` : `${folder}/${path}`;
}

/** `folder/path` as the user would write it: no `./` in front, no doubled `/`. */
function shown(folder: string, path: string): string {
  if (path === '') return folder;
  return folder === '.' || folder === './' ? path : `${folder.replace(/(?<!\/)\/+$/, '')}/${path}`;
}
