import { stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, dirname, extname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { readGuideBytes } from '../parse/read-bytes.js';
import { describeFsError } from '../util/fs-error.js';
import { parseRaciConfig, type RaciConfig } from './config.js';
import type { ConfigSyntax, ConfigText } from './config-text.js';

/** A configuration file that cannot be read or is not valid: one line naming the file (with its line and column where one applies). */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
}

export interface LoadedConfig {
  config: RaciConfig | undefined;
  /** Where it came from, for messages; undefined when no configuration was found. */
  source: string | undefined;
  /** Files passed over on the way (a broken package.json of a parent folder), one line each. */
  warnings: string[];
}

export interface LoadConfigOptions {
  /** Name the files found relative to this folder, as a user would type them (default: absolute paths). */
  namesRelativeTo?: string;
  /** The home folder, where a lookup outside a repository stops (default: the user's). */
  home?: string;
}

/** The configuration files a folder may hold, in the order they are looked for; one at most per folder. */
const CONFIG_FILES: readonly { name: string; syntax: ConfigSyntax }[] = [
  { name: 'raci.config.json', syntax: 'json' },
  { name: 'raci.config.yaml', syntax: 'yaml' },
  { name: 'raci.config.yml', syntax: 'yaml' },
];

/** Far more than any configuration needs; a larger file (or `/dev/zero`) is refused after reading this much. */
const CONFIG_MAX_BYTES = 1_048_576;

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/**
 * A configuration file's text, read like a guide: regular files only (a FIFO or device is refused at once,
 * without blocking), at most CONFIG_MAX_BYTES, UTF-8 with or without a byte order mark.
 */
async function readConfigFile(path: string, shown: string = path): Promise<string> {
  let bytes: Uint8Array;
  try {
    bytes = await readGuideBytes(path, CONFIG_MAX_BYTES);
  } catch (caught) {
    throw new ConfigFileError(`${shown}: ${describeFsError(caught)}`);
  }
  if (bytes.length > CONFIG_MAX_BYTES)
    throw new ConfigFileError(`${shown}: larger than ${CONFIG_MAX_BYTES} bytes; not a configuration file`);
  try {
    // The decoder drops a leading byte order mark.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ConfigFileError(`${shown}: not UTF-8 text`);
  }
}

/** Parsed with the JSONC or YAML parser, loaded only when there is a file to read: a run without one pays nothing for them. */
async function parsedText(path: string, text: string, syntax: ConfigSyntax): Promise<ConfigText> {
  const { ConfigSyntaxError, readConfigText } = await import('./config-text.js');
  try {
    return readConfigText(text, syntax);
  } catch (caught) {
    if (!(caught instanceof ConfigSyntaxError)) throw caught;
    throw new ConfigFileError(`${path}:${caught.position.line}:${caught.position.column}: ${caught.message}`);
  }
}

/** The configuration under `keyPath` of a parsed file, validated; an invalid one stops the run at its line and column. */
function validated(path: string, parsed: ConfigText, keyPath: readonly string[], source: string): LoadedConfig {
  const value = keyPath.reduce<unknown>((object, key) => (object as Record<string, unknown>)[key], parsed.value);
  const result = parseRaciConfig(value);
  if (!result.success) {
    const position = parsed.positionOf([...keyPath, ...result.path]) ?? parsed.positionOf(keyPath);
    const place = position ? `${path}:${position.line}:${position.column}` : path;
    throw new ConfigFileError(`${place}: invalid configuration: ${result.message}`);
  }
  return { config: result.config, source, warnings: [] };
}

function hasRaciKey(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'raci');
}

/** `.yaml` and `.yml` files are YAML; anything else is JSON with comments and trailing commas allowed. */
function syntaxOf(path: string): ConfigSyntax {
  return ['.yaml', '.yml'].includes(extname(path).toLowerCase()) ? 'yaml' : 'json';
}

/** The file given with --config, relative to the working directory, named in messages as it was given. */
async function loadExplicit(path: string, cwd: string): Promise<LoadedConfig> {
  const parsed = await parsedText(path, await readConfigFile(resolve(cwd, path), path), syntaxOf(path));
  if (basename(path) !== 'package.json') return validated(path, parsed, [], path);
  if (!hasRaciKey(parsed.value)) throw new ConfigFileError(`${path}: has no "raci" key`);
  return validated(path, parsed, ['raci'], `${path} ("raci" key)`);
}

/** Whether `path` is `folder` or lies under it (both absolute). */
function isWithin(folder: string, path: string): boolean {
  const rest = relative(folder, path);
  return rest === '' || (rest !== '..' && !rest.startsWith(`..${sep}`) && !isAbsolute(rest));
}

/**
 * The last folder the lookup reads: the repository root (the nearest folder holding `.git`) when there is one;
 * else the home folder when the working directory is in it; else the working directory alone, so that a file
 * planted in a shared parent folder such as /tmp is never taken for the configuration.
 */
async function lookupBoundary(start: string, home: string): Promise<{ boundary: string; repositoryRoot: string | undefined }> {
  for (let folder = start; ; folder = dirname(folder)) {
    if (await exists(join(folder, '.git'))) return { boundary: folder, repositoryRoot: folder };
    if (dirname(folder) === folder) break;
  }
  return { boundary: isWithin(home, start) ? home : start, repositoryRoot: undefined };
}

/**
 * The configuration of `raci check`: the file given with `--config`, else the first configuration file
 * (raci.config.json, raci.config.yaml or raci.config.yml, or a package.json with a "raci" key) found from
 * `cwd` upwards (the command line starts from its working directory, the language server from each guide's
 * folder), up to the repository root (see lookupBoundary). A package.json that cannot be
 * read is an error in the working directory or at the repository root, where it is the project's own; in a
 * folder between them it is passed over with a warning.
 */
export async function loadConfig(explicit: string | undefined, cwd: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  if (explicit !== undefined) return loadExplicit(explicit, cwd);
  const start = resolve(cwd);
  const { boundary, repositoryRoot } = await lookupBoundary(start, resolve(options.home ?? homedir()));
  const warnings: string[] = [];
  const base = options.namesRelativeTo === undefined ? undefined : resolve(options.namesRelativeTo);
  const found = (folder: string, name: string) => {
    const path = join(folder, name);
    return { path, shown: base === undefined ? path : relative(base, path) };
  };
  for (let folder = start; ; folder = dirname(folder)) {
    const present: { path: string; shown: string; syntax: ConfigSyntax }[] = [];
    for (const { name, syntax } of CONFIG_FILES) {
      const file = found(folder, name);
      if (await exists(file.path)) present.push({ ...file, syntax });
    }
    if (present.length > 1)
      throw new ConfigFileError(`${present.map(({ shown }) => shown).join(', ')}: several configuration files in one folder; keep one`);
    const [config] = present;
    if (config !== undefined) {
      const parsed = await parsedText(config.shown, await readConfigFile(config.path, config.shown), config.syntax);
      return { ...validated(config.shown, parsed, [], config.shown), warnings };
    }
    const manifest = found(folder, 'package.json');
    if (await exists(manifest.path)) {
      const own = folder === start || folder === repositoryRoot;
      let parsed: ConfigText | undefined;
      try {
        parsed = await parsedText(manifest.shown, await readConfigFile(manifest.path, manifest.shown), 'json');
      } catch (caught) {
        if (own || !(caught instanceof ConfigFileError)) throw caught;
        warnings.push(`${caught.message} (ignored: a package.json of a parent folder, not this project's)`);
      }
      if (parsed !== undefined && hasRaciKey(parsed.value)) {
        return { ...validated(manifest.shown, parsed, ['raci'], `${manifest.shown} ("raci" key)`), warnings };
      }
    }
    if (folder === boundary || dirname(folder) === folder) return { config: undefined, source: undefined, warnings };
  }
}
