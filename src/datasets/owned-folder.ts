import { link, lstat, mkdir, mkdtemp, writeFile as nodeWriteFile, readdir, readFile, rename, rm, rmdir, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import pMap from 'p-map';
import { readGuideBytes } from '../parse/read-bytes.js';
import { compareStrings } from '../util/strings.js';
import { isSafeDatasetPath } from './guide-id.js';
import { listTree } from './tree.js';
import { DatasetError, type DatasetFile } from './types.js';

/**
 * A folder that one command owns: it writes every file in it, and records
 * which in a manifest. A later run replaces or removes only the files the
 * manifest lists, refuses a non-empty folder without one (or holding files it
 * does not list), and replaces the files through a journal:
 *
 * 1. the changed files are written to a staging folder inside the folder;
 * 2. a journal (what to rename into place, what to remove) is written there
 *    and renamed into place: the moment the new version is decided;
 * 3. the renames and removals are applied, the manifest last;
 * 4. the staging folder is removed.
 *
 * A run killed before step 2 leaves the previous files as they were; one killed
 * after it leaves a journal that the next run (and every reader through
 * `folderView`) completes. A lock naming the process keeps two runs from
 * writing at once; a lock left by a process that is gone is taken over.
 */
export interface FolderOwner {
  /** Who writes the folder, for messages: `raci build`. */
  tool: string;
  /** The manifest's file name: `{ "generator": tool, "files": [...] }`. */
  manifest: string;
  /** Staging folders are named this plus random characters. */
  stagingPrefix: string;
  /** The lock's file name (held while writing). */
  lock: string;
}

export interface OwnedFile {
  /** Relative POSIX path of safe segments (see isSafeDatasetPath). */
  path: string;
  /** UTF-8 text, or bytes (the workbook). */
  content: DatasetFile['content'];
}

/** The bytes of a file as written. */
export function fileBytes(file: OwnedFile): Uint8Array {
  return typeof file.content === 'string' ? Buffer.from(file.content, 'utf8') : Buffer.from(file.content);
}

export interface OwnedWriteOptions {
  /** Replaces fs.writeFile (tests use it to make a write fail midway). */
  writeFile?: (path: string, data: Uint8Array) => Promise<void>;
}

export interface OwnedWriteResult {
  written: string[];
  removed: string[];
  unchanged: string[];
}

/** File operations in flight at once: enough to hide the latency of each, few enough for any file-descriptor limit. */
export const IO_CONCURRENCY = 16;

/** The largest manifest, journal or lock read: far past any real one, and a FIFO or device planted in its place is refused. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

const JOURNAL = 'journal.json';
const STAGED = 'files';

interface Journal {
  /** Paths renamed from the staging folder into place; the last is always the manifest (skipped when it did not change). */
  write: string[];
  /** Paths removed (listed by the previous manifest, not produced any more). */
  remove: string[];
}

/** Test hook: `RACI_TEST_CRASH_AT=<step>` kills the process with SIGKILL at that step of a write (see docs/reliability.md). */
type CrashStep = 'staged' | 'committed' | 'applying';
function crashPoint(step: CrashStep): void {
  if (process.env.RACI_TEST_CRASH_AT === step) process.kill(process.pid, 'SIGKILL');
}

/** True for the manifest, the lock and staging folders: what the owner keeps for itself, never data. */
function isOwnerEntry(owner: FolderOwner, topLevelName: string): boolean {
  return topLevelName === owner.manifest || topLevelName.startsWith(owner.lock) || topLevelName.startsWith(owner.stagingPrefix);
}

function reason(caught: unknown): string {
  // With stopOnError: false, p-map waits for every operation (none is left running after a failure) and gathers the failures.
  const error = (caught instanceof AggregateError ? caught.errors[0] : caught) as NodeJS.ErrnoException;
  if (!error?.code) return String(caught);
  return error.message.startsWith(error.code) ? error.message : `${error.code}: ${error.message}`;
}

/** The manifest a run writes for these files: deterministic (no date, no version), so a committed folder stays byte-identical. */
export function manifestFile(owner: FolderOwner, files: readonly OwnedFile[]): OwnedFile {
  const paths = files.map((file) => file.path).sort(compareStrings);
  return { path: owner.manifest, content: `${JSON.stringify({ generator: owner.tool, files: paths }, null, 2)}\n` };
}

async function readRecord(path: string): Promise<unknown> {
  const bytes = await readGuideBytes(path, MAX_RECORD_BYTES);
  return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
}

const isPathList = (value: unknown, alsoAllowed?: string): value is string[] =>
  Array.isArray(value) && value.every((path) => typeof path === 'string' && (isSafeDatasetPath(path) || path === alsoAllowed));

/** The files the manifest lists; undefined when there is none, an error when it is not one we wrote. */
async function readManifest(out: string, owner: FolderOwner): Promise<Set<string> | undefined> {
  const path = join(out, owner.manifest);
  if (!(await lstat(path).catch(() => undefined))) return undefined;
  const value = await readRecord(path).catch(() => undefined);
  const files = (value as { files?: unknown } | undefined)?.files;
  if ((value as { generator?: unknown } | undefined)?.generator !== owner.tool || !isPathList(files)) {
    throw new DatasetError(
      'out-not-dataset',
      `${out}: ${owner.manifest} is not a list of files written by ${owner.tool}; remove the folder or choose another --out`,
      [out],
    );
  }
  return new Set(files);
}

/** A committed journal: its last path to write is the manifest. */
async function readJournal(staging: string, owner: FolderOwner): Promise<Journal | undefined> {
  const value = (await readRecord(join(staging, JOURNAL)).catch(() => undefined)) as Partial<Journal> | undefined;
  if (!value || !isPathList(value.write, owner.manifest) || !isPathList(value.remove) || value.write.at(-1) !== owner.manifest)
    return undefined;
  return { write: value.write, remove: value.remove };
}

/** True when every folder on the way to `path` is a real folder: a rename or removal there cannot leave `out` through a link. */
async function isPlainPath(out: string, path: string): Promise<boolean> {
  const segments = path.split('/').slice(0, -1);
  for (let depth = 1; depth <= segments.length; depth++) {
    const info = await lstat(join(out, ...segments.slice(0, depth))).catch(() => undefined);
    if (info === undefined) return true; // created below, as a real folder
    if (!info.isDirectory()) return false;
  }
  return true;
}

/**
 * Steps 3 and 4: idempotent, so that a run killed halfway is completed by the
 * next. Only files the manifest in place lists (`owned`) are replaced or
 * removed: a journal planted in a folder can add files, never take one away.
 */
async function applyJournal(out: string, staging: string, journal: Journal, owned: ReadonlySet<string> | undefined): Promise<void> {
  const isOurs = (path: string): boolean => owned?.has(path) === true;
  const renameIntoPlace = async (path: string): Promise<void> => {
    const source = join(staging, STAGED, path);
    if (!(await lstat(source).catch(() => undefined)) || !(await isPlainPath(out, path))) return;
    const target = join(out, path);
    if (path !== journal.write.at(-1) && !isOurs(path) && (await lstat(target).catch(() => undefined))) return;
    await mkdir(dirname(target), { recursive: true });
    await rename(source, target);
  };
  const data = journal.write.slice(0, -1);
  const half = Math.ceil(data.length / 2);
  await pMap(data.slice(0, half), renameIntoPlace, { concurrency: IO_CONCURRENCY, stopOnError: false });
  crashPoint('applying');
  await pMap(data.slice(half), renameIntoPlace, { concurrency: IO_CONCURRENCY, stopOnError: false });
  const removable = async (path: string): Promise<boolean> => isOurs(path) && (await isPlainPath(out, path));
  await pMap(journal.remove, async (path) => ((await removable(path)) ? rm(join(out, path), { force: true }) : undefined), {
    concurrency: IO_CONCURRENCY,
    stopOnError: false,
  });
  // Folders emptied by the removals go, deepest first (a folder that still holds anything stays).
  const folders = new Set<string>();
  for (const path of journal.remove) {
    for (let parent = dirname(path); parent !== '.'; parent = dirname(parent)) folders.add(parent);
  }
  const deepestFirst = [...folders].sort((a, b) => b.split('/').length - a.split('/').length || compareStrings(a, b));
  for (const folder of deepestFirst) await rmdir(join(out, folder)).catch(() => undefined);
  const manifest = journal.write.at(-1);
  if (manifest !== undefined) await renameIntoPlace(manifest);
  await rm(staging, { recursive: true, force: true });
}

async function stagingFolders(out: string, owner: FolderOwner): Promise<string[]> {
  const names = await readdir(out).catch(() => [] as string[]);
  return names.filter((name) => name.startsWith(owner.stagingPrefix)).map((name) => join(out, name));
}

/** Completes a journal left by a killed run, and removes staging folders that never got one. Under the lock. */
async function recoverLeftovers(out: string, owner: FolderOwner): Promise<void> {
  for (const staging of await stagingFolders(out, owner)) {
    const journal = await readJournal(staging, owner);
    if (journal) await applyJournal(out, staging, journal, await readManifest(out, owner));
    else await rm(staging, { recursive: true, force: true });
  }
}

async function hasCommittedJournal(out: string, owner: FolderOwner): Promise<boolean> {
  for (const staging of await stagingFolders(out, owner)) if (await readJournal(staging, owner)) return true;
  return false;
}

interface LockHolder {
  pid: number;
  host: string;
}

function isRunning(holder: LockHolder): boolean {
  // A process on another machine sharing the folder cannot be asked: assume it runs.
  if (holder.host !== hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (caught) {
    return (caught as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the folder's lock (a file made whole, then linked into place); returns its release. */
async function acquireLock(out: string, owner: FolderOwner): Promise<() => Promise<void>> {
  const lock = join(out, owner.lock);
  const draft = `${lock}-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const holder: LockHolder = { pid: process.pid, host: hostname() };
  try {
    await nodeWriteFile(draft, `${JSON.stringify(holder)}\n`, { flag: 'wx' });
  } catch (caught) {
    throw new DatasetError('out-unusable', `${out}: cannot write in the output folder (${reason(caught)})`, [out]);
  }
  try {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await link(draft, lock);
        return () => rm(lock, { force: true });
      } catch (caught) {
        if ((caught as NodeJS.ErrnoException).code !== 'EEXIST')
          throw new DatasetError('out-unusable', `${out}: cannot write in the output folder (${reason(caught)})`, [out]);
      }
      const current = (await readRecord(lock).catch(() => undefined)) as Partial<LockHolder> | undefined;
      if (typeof current?.pid === 'number' && typeof current.host === 'string' && isRunning(current as LockHolder)) {
        throw new DatasetError(
          'out-busy',
          `${out}: another ${owner.tool} (process ${current.pid}) is writing this folder; run again once it has finished` +
            ` (remove ${owner.lock} if no such process runs)`,
          [out],
        );
      }
      // Left by a run that was killed: taken over.
      await rm(lock, { force: true });
    }
    throw new DatasetError('out-busy', `${out}: another ${owner.tool} is writing this folder; run again once it has finished`, [out]);
  } finally {
    await rm(draft, { force: true });
  }
}

/**
 * `mkdir -p`, each level tried once: Node's recursive mkdir retries forever
 * where a parent exists but refuses children with ENOENT (`/proc`).
 */
async function makeFolder(path: string): Promise<void> {
  const ignoreExisting = (caught: NodeJS.ErrnoException): void => {
    if (caught.code !== 'EEXIST') throw caught;
  };
  try {
    await mkdir(path);
  } catch (caught) {
    const parent = dirname(path);
    if ((caught as NodeJS.ErrnoException).code !== 'ENOENT' || parent === path) return ignoreExisting(caught as NodeJS.ErrnoException);
    await makeFolder(parent);
    await mkdir(path).catch(ignoreExisting);
  }
}

async function ensureOutFolder(out: string): Promise<void> {
  const existing = await stat(out).catch(() => undefined);
  if (existing && !existing.isDirectory()) throw new DatasetError('out-unusable', `${out}: exists and is not a folder`, [out]);
  try {
    await makeFolder(out);
  } catch (caught) {
    throw new DatasetError('out-unusable', `${out}: cannot be used as the output folder (${reason(caught)})`, [out]);
  }
}

function notOursError(out: string, owner: FolderOwner, what: string): DatasetError {
  return new DatasetError(
    'out-not-dataset',
    `${out}: ${what}; ${owner.tool} replaces only files it wrote, so choose an empty or new folder (or move them out)`,
    [out],
  );
}

/** The folder's own files (owner entries left out), by path: `file` or `other` (a link, a socket…). */
async function dataEntries(out: string, owner: FolderOwner): Promise<Map<string, 'file' | 'other'>> {
  const tree = await listTree(out);
  for (const path of tree.keys()) if (isOwnerEntry(owner, path.split('/')[0]!)) tree.delete(path);
  return tree;
}

/** Refuses, before anything is written, a folder whose top level shows it is not ours (cheap for a large foreign folder). */
async function refuseForeignTopLevel(out: string, owner: FolderOwner): Promise<void> {
  const names = (await readdir(out)).filter((name) => !isOwnerEntry(owner, name));
  // A committed journal first: a run that removes its staging folder has put its manifest in place before.
  if (names.length > 0 && !(await hasCommittedJournal(out, owner)) && !(await lstat(join(out, owner.manifest)).catch(() => undefined)))
    throw notOursError(out, owner, `the folder is not empty and was not written by ${owner.tool} (it has no ${owner.manifest})`);
}

function list(paths: readonly string[]): string {
  return paths.length <= 3 ? paths.join(', ') : `${paths.slice(0, 3).join(', ')} and ${paths.length - 3} more`;
}

/**
 * Writes `files` into the owned folder `out` (created when missing) and
 * removes the files the previous run wrote that are not among them. Unchanged
 * files are not touched. Fails with a DatasetError, before changing anything,
 * when the folder cannot be written, is being written by another run, or holds
 * files this owner did not write.
 */
export async function writeOwnedFolder(
  out: string,
  files: readonly OwnedFile[],
  owner: FolderOwner,
  options: OwnedWriteOptions = {},
): Promise<OwnedWriteResult> {
  for (const file of files) {
    if (!isSafeDatasetPath(file.path) || isOwnerEntry(owner, file.path.split('/')[0]!))
      throw new DatasetError('path-conflict', `${file.path}: not a safe relative path inside the output folder`, [file.path]);
  }
  await ensureOutFolder(out);
  try {
    await refuseForeignTopLevel(out, owner);
  } catch (caught) {
    if (caught instanceof DatasetError) throw caught;
    throw new DatasetError('out-unusable', `${out}: cannot be used as the output folder (${reason(caught)})`, [out]);
  }
  const release = await acquireLock(out, owner);
  try {
    await recoverLeftovers(out, owner);
    const owned = await readManifest(out, owner);
    const existing = await dataEntries(out, owner);
    const foreign = [...existing.keys()].filter((path) => !owned?.has(path));
    if (foreign.length > 0) {
      throw notOursError(
        out,
        owner,
        owned
          ? `holds files ${owner.tool} did not write (${list(foreign)})`
          : `the folder is not empty and was not written by ${owner.tool}`,
      );
    }
    const produced = [...files, manifestFile(owner, files)];
    const current = await pMap(
      produced,
      async (file) =>
        existing.get(file.path) === 'file' || file.path === owner.manifest
          ? await readFile(join(out, file.path)).catch(() => undefined)
          : undefined,
      { concurrency: IO_CONCURRENCY },
    );
    const changed = produced.filter((file, index) => !current[index]?.equals(fileBytes(file)));
    const producedPaths = new Set(produced.map((file) => file.path));
    const remove = [...existing.keys()].filter((path) => !producedPaths.has(path));
    const isData = (path: string): boolean => path !== owner.manifest;
    const result = {
      written: changed
        .map((file) => file.path)
        .filter(isData)
        .sort(compareStrings),
      removed: remove,
      unchanged: produced
        .filter((file) => !changed.includes(file))
        .map((file) => file.path)
        .filter(isData)
        .sort(compareStrings),
    };
    if (changed.length === 0 && remove.length === 0) return result;
    const staging = await stage(out, owner, changed, options);
    // The manifest last: until it is in place, the previous one still lists every file that may be there.
    const journal: Journal = { write: [...changed.map((file) => file.path).filter(isData), owner.manifest], remove };
    crashPoint('staged');
    await nodeWriteFile(join(staging, `${JOURNAL}.draft`), `${JSON.stringify(journal)}\n`);
    await rename(join(staging, `${JOURNAL}.draft`), join(staging, JOURNAL));
    crashPoint('committed');
    await applyJournal(out, staging, journal, owned);
    return result;
  } finally {
    await release();
  }
}

/** Step 1: the changed files in a new staging folder; on failure it is removed and nothing else has changed. */
async function stage(out: string, owner: FolderOwner, changed: readonly OwnedFile[], options: OwnedWriteOptions): Promise<string> {
  let staging: string;
  try {
    staging = await mkdtemp(join(out, owner.stagingPrefix));
  } catch (caught) {
    throw new DatasetError('out-unusable', `${out}: cannot write in the output folder (${reason(caught)})`, [out]);
  }
  const write = options.writeFile ?? ((path: string, data: Uint8Array) => nodeWriteFile(path, data));
  let failed = false;
  try {
    await pMap(
      changed,
      async (file) => {
        // After a failure nothing new is started; what is in flight finishes before the staging folder is removed.
        if (failed) return;
        const target = join(staging, STAGED, file.path);
        try {
          await mkdir(dirname(target), { recursive: true });
          await write(target, fileBytes(file));
        } catch (caught) {
          failed = true;
          throw caught;
        }
      },
      { concurrency: IO_CONCURRENCY, stopOnError: false },
    );
  } catch (caught) {
    await rm(staging, { recursive: true, force: true });
    throw new DatasetError('write-failed', `${out}: writing failed, the previous files are unchanged (${reason(caught)})`, [out]);
  }
  return staging;
}

/**
 * The folder's files as a reader should see them, without writing: the
 * manifest, but not the lock or staging folders, and a journal left by a
 * killed run taken as applied.
 * `read(path)` gives the bytes such a path holds (undefined for a non-file).
 */
export async function folderView(
  out: string,
  owner: FolderOwner,
): Promise<{ entries: Map<string, 'file' | 'other'>; read: (path: string) => Promise<Uint8Array | undefined> }> {
  const entries = await dataEntries(out, owner);
  const manifest = await lstat(join(out, owner.manifest)).catch(() => undefined);
  if (manifest) entries.set(owner.manifest, manifest.isFile() ? 'file' : 'other');
  const staged = new Map<string, string>();
  for (const staging of await stagingFolders(out, owner)) {
    const journal = await readJournal(staging, owner);
    if (!journal) continue;
    for (const path of journal.remove) entries.delete(path);
    for (const path of journal.write) {
      const source = join(staging, STAGED, path);
      if (await lstat(source).catch(() => undefined)) {
        entries.set(path, 'file');
        staged.set(path, source);
      }
    }
  }
  const sorted = new Map([...entries].sort(([a], [b]) => compareStrings(a, b)));
  return {
    entries: sorted,
    read: async (path) => (sorted.get(path) === 'file' ? await readFile(staged.get(path) ?? join(out, path)) : undefined),
  };
}
