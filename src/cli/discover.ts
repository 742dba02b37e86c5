import { lstat, realpath } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { mayBeGuide } from '../parse/may-be-guide.js';
import { readGuideBytesSync } from '../parse/read-bytes.js';
import { decodeFileName, fileSystemPath } from '../util/file-names.js';
import { plural } from '../util/strings.js';
import { expandInputs, type FindOptions } from './find-files.js';
import { gitChangedSince, gitTopLevel, gitVerifyCommit } from './git.js';
import { ancestorLayers, folderLayer, type IgnoreLayer, ignoreSettings, isIgnored } from './ignore-rules.js';
import { isInside } from './is-inside.js';

export interface DiscoverOptions extends FindOptions {
  /** Only the markdown files added or changed since this git revision, under the paths given. */
  since?: string;
}

export interface Discovery {
  /** What the command reads: every file named, and the files found that may be guides. Sorted. */
  files: string[];
  /** Files named on the command line: read and reported whatever they hold. */
  explicit: Set<string>;
  /** Files found in folders that cannot be guides (see mayBeGuide): skipped unread by the parser. */
  notGuides: string[];
  /** One line each for stderr: files left unread (a link out of the walked folder or repository). */
  notices: string[];
}

/**
 * The guides a command reads, found the same way by every command that walks
 * folders (check, summary, build, report, drift): the files of
 * `expandInputs` (or, with `since`, the markdown files git reports as added
 * or changed), then every file found in a folder read once and kept only when
 * `mayBeGuide` says it may be one. A file that cannot be read is kept, so the
 * command reports it as it reports any unreadable file.
 */
export async function discoverGuides(inputs: readonly string[], options: DiscoverOptions = {}): Promise<Discovery> {
  const cwd = options.cwd ?? process.cwd();
  const found = options.since === undefined ? await expandInputs(inputs, options) : await changedFiles(inputs, options.since, options);
  const verdicts = found.files.map((file) => {
    if (found.explicit.has(file)) return true;
    try {
      return mayBeGuide(readGuideBytesSync(resolve(cwd, file)));
    } catch {
      return true;
    }
  });
  return {
    files: found.files.filter((_, index) => verdicts[index]),
    explicit: found.explicit,
    notGuides: found.files.filter((_, index) => !verdicts[index]),
    notices: found.notices,
  };
}

/** Said on stderr when files were found and none of them is a guide. */
export function noGuideNote(found: number): string {
  return `raci: ${plural(found, 'markdown file')} found, none is a responsibility-model guide`;
}

/**
 * The markdown files under `paths` added or changed since `since` (deleted
 * ones left out), as paths from the current folder; ignore rules and the
 * walk's exclusions (dot folders, node_modules) apply as in a walk, and a
 * symbolic link whose target lies outside the repository is never read.
 */
async function changedFiles(
  paths: readonly string[],
  since: string,
  options: FindOptions,
): Promise<{ files: string[]; explicit: Set<string>; notices: string[] }> {
  const cwd = options.cwd ?? process.cwd();
  const top = await gitTopLevel({ cwd });
  await gitVerifyCommit(since, { cwd });
  const realTop = await realpath(top);
  const settings = ignoreSettings(options.ignorePatterns ?? [], cwd, options.gitignore ?? true);
  const layersByFolder = new Map<string, Promise<IgnoreLayer[]>>();
  const layersOf = (folder: string): Promise<IgnoreLayer[]> => {
    let layers = layersByFolder.get(folder);
    if (!layers) {
      layers = Promise.all([ancestorLayers(folder, settings), folderLayer(folder, settings)]).then(([above, own]) =>
        own ? [...above, own] : above,
      );
      layersByFolder.set(folder, layers);
    }
    return layers;
  };
  const changed = (await gitChangedSince(since, paths, { cwd })).filter(
    (file) => file.status !== 'deleted' && /\.md$/i.test(file.path) && !file.path.split('/').some(isLeftOut),
  );
  const files: string[] = [];
  const notices: string[] = [];
  for (const file of changed) {
    const absolute = join(top, file.path);
    const shown = relative(cwd, absolute) || file.path;
    const layers = await layersOf(dirname(absolute));
    if (isIgnored(absolute, false, settings.cliLayer ? [...layers, settings.cliLayer] : layers)) continue;
    const info = await lstat(fileSystemPath(absolute)).catch(() => undefined);
    if (info?.isSymbolicLink()) {
      const real = await realpath(fileSystemPath(absolute), { encoding: 'buffer' }).then(
        (bytes) => decodeFileName(bytes),
        () => undefined,
      );
      if (real === undefined || !isInside(real, realTop)) {
        notices.push(`${shown}: skipped: a symbolic link to a file outside the repository (not read)`);
        continue;
      }
    }
    files.push(shown);
  }
  return { files: files.sort(), explicit: new Set(), notices };
}

/** Folders a walk never enters, nor a list of changed files. */
function isLeftOut(segment: string): boolean {
  return segment.startsWith('.') || segment === 'node_modules';
}

/** The discovery options of the command line, shared by every command that walks folders. */
export interface DiscoveryFlags {
  /** `--ignore-pattern`, repeatable. */
  ignorePattern?: string[];
  /** commander's `--no-gitignore` sets this to false. */
  gitignore?: boolean;
  since?: string;
}

export function discoveryOptions(flags: DiscoveryFlags, cwd?: string): DiscoverOptions {
  return {
    ignorePatterns: flags.ignorePattern ?? [],
    gitignore: flags.gitignore !== false,
    ...(flags.since !== undefined ? { since: flags.since } : {}),
    ...(cwd !== undefined ? { cwd } : {}),
  };
}
