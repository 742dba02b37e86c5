import { ConfigFileError, type LoadConfigOptions, type LoadedConfig, loadConfig as loadConfigFile } from '../rules/config-file.js';
import { UsageError } from './inputs.js';

/**
 * The configuration of a command (see rules/config-file.ts), its files named relative to the working
 * directory; a file that cannot be used is a usage error (exit code 2).
 */
export async function loadConfig(explicit: string | undefined, cwd: string, options: LoadConfigOptions = {}): Promise<LoadedConfig> {
  try {
    return await loadConfigFile(explicit, cwd, { namesRelativeTo: cwd, ...options });
  } catch (caught) {
    if (caught instanceof ConfigFileError) throw new UsageError(caught.message);
    throw caught;
  }
}
