import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CheckedFile } from './commands/check-file.js';
import { describeFsError, UsageError } from './inputs.js';

/**
 * `raci check --cache`: the result of every guide checked, keyed by its path,
 * kept with the hash of its bytes; valid only for the same tool version and
 * configuration. A guide whose bytes, configuration and tool version are
 * unchanged is not parsed again, and its result is the one an uncached run
 * gives. The file is written whole to a temporary name and renamed, so a run
 * killed or a concurrent run never leaves half a file; one that is not ours or
 * not whole is set aside with a warning and rewritten.
 */

const FORMAT = 'raci-check-cache';

/** Where the cache goes by default, as ESLint and Prettier keep theirs. */
const DEFAULT_CACHE_LOCATION = 'node_modules/.cache/raci/';
const FILE_NAME = 'check-cache.json';

type CachedResult = Exclude<CheckedFile, { status: 'unreadable' }>;

interface CacheFile {
  format: typeof FORMAT;
  /** The tool version and the configuration the results hold for. */
  key: string;
  files: Record<string, { hash: string; result: CachedResult }>;
}

export interface CheckCache {
  path: string;
  key: string;
  files: CacheFile['files'];
}

/** The cache file of `--cache-location` (a folder, written with a final `/` or existing, holds `check-cache.json`). */
export async function cacheFilePath(location: string | undefined, cwd: string): Promise<string> {
  const given = resolve(cwd, location ?? DEFAULT_CACHE_LOCATION);
  const isFolder =
    (location ?? DEFAULT_CACHE_LOCATION).endsWith('/') ||
    (await stat(given).then(
      (info) => info.isDirectory(),
      () => false,
    ));
  return isFolder ? join(given, FILE_NAME) : given;
}

/** What the results depend on besides the bytes: the tool version and the configuration. */
export function cacheKey(version: string, config: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify({ version, config: config ?? null }))
    .digest('hex');
}

export function hashBytes(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The cache at `path`; empty when absent, made for another version or configuration, or unreadable (then with a warning). */
export async function loadCheckCache(path: string, key: string, shown: string): Promise<{ cache: CheckCache; warning?: string }> {
  const empty: CheckCache = { path, key, files: {} };
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (caught) {
    if ((caught as NodeJS.ErrnoException).code === 'ENOENT') return { cache: empty };
    return { cache: empty, warning: `raci: ${shown}: cannot read the cache (${describeFsError(caught)}); it will be rewritten` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { cache: empty, warning: `raci: ${shown}: not a raci cache (not valid JSON); it will be rewritten` };
  }
  if (!isCacheFile(value)) return { cache: empty, warning: `raci: ${shown}: not a raci cache; it will be rewritten` };
  return { cache: value.key === key ? { path, key, files: value.files } : empty };
}

function isCacheFile(value: unknown): value is CacheFile {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<CacheFile>;
  if (candidate.format !== FORMAT || typeof candidate.key !== 'string') return false;
  if (typeof candidate.files !== 'object' || candidate.files === null || Array.isArray(candidate.files)) return false;
  return Object.values(candidate.files).every(
    (entry) =>
      typeof entry === 'object' &&
      entry !== null &&
      typeof entry.hash === 'string' &&
      typeof entry.result === 'object' &&
      entry.result !== null &&
      (entry.result.status === 'checked' || entry.result.status === 'not-a-guide') &&
      Array.isArray(entry.result.findings) &&
      typeof entry.result.text === 'string',
  );
}

/** The cached result of `file` (absolute) when its bytes hash to what was recorded. */
export function cachedResult(cache: CheckCache, file: string, hash: string): CachedResult | undefined {
  const entry = Object.hasOwn(cache.files, file) ? cache.files[file] : undefined;
  return entry?.hash === hash ? entry.result : undefined;
}

export function recordResult(cache: CheckCache, file: string, hash: string, result: CachedResult): void {
  cache.files[file] = { hash, result };
}

/** Written whole under a temporary name in the same folder, then renamed over the cache. */
export async function saveCheckCache(cache: CheckCache, shown: string): Promise<void> {
  const content: CacheFile = { format: FORMAT, key: cache.key, files: cache.files };
  const temporary = `${cache.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(cache.path), { recursive: true });
    await writeFile(temporary, JSON.stringify(content));
    await rename(temporary, cache.path);
  } catch (caught) {
    await rm(temporary, { force: true });
    throw new UsageError(`${shown}: cannot write the cache: ${describeFsError(caught)}`);
  }
}
