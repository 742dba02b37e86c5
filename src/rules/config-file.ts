import { readFile, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { describeFsError } from '../util/fs-error.js';
import { parseRaciConfig, type RaciConfig } from './config.js';

/** A configuration file that cannot be read or is not valid: one line naming the file. */
export class ConfigFileError extends Error {
  override readonly name = 'ConfigFileError';
}

export interface LoadedConfig {
  config: RaciConfig | undefined;
  /** Where it came from, for messages; undefined when no configuration was found. */
  source: string | undefined;
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

async function readJson(path: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (caught) {
    throw new ConfigFileError(`${path}: ${describeFsError(caught)}`);
  }
  try {
    return JSON.parse(text);
  } catch (caught) {
    throw new ConfigFileError(`${path}: not valid JSON: ${caught instanceof Error ? caught.message : String(caught)}`);
  }
}

function validated(value: unknown, source: string): LoadedConfig {
  const result = parseRaciConfig(value);
  if (!result.success) throw new ConfigFileError(`${source}: invalid configuration: ${result.message}`);
  return { config: result.config, source };
}

/**
 * The configuration of `raci check`: the file given with `--config`, else the
 * first `raci.config.json` or package.json with a "raci" key found from `cwd`
 * upwards, stopping at the repository root (a `.git`). The command line starts
 * from its working directory, the language server from each guide's folder.
 */
export async function loadConfig(explicit: string | undefined, cwd: string): Promise<LoadedConfig> {
  if (explicit !== undefined) {
    const value = await readJson(explicit);
    if (basename(explicit) === 'package.json') {
      if (typeof value !== 'object' || value === null || !('raci' in value)) throw new ConfigFileError(`${explicit}: has no "raci" key`);
      return validated((value as { raci: unknown }).raci, `${explicit} ("raci" key)`);
    }
    return validated(value, explicit);
  }
  let directory = resolve(cwd);
  for (;;) {
    const file = join(directory, 'raci.config.json');
    if (await exists(file)) return validated(await readJson(file), file);
    const manifest = join(directory, 'package.json');
    if (await exists(manifest)) {
      const value = await readJson(manifest);
      if (typeof value === 'object' && value !== null && 'raci' in value)
        return validated((value as { raci: unknown }).raci, `${manifest} ("raci" key)`);
    }
    const parent = dirname(directory);
    if (parent === directory || (await exists(join(directory, '.git')))) return { config: undefined, source: undefined };
    directory = parent;
  }
}
