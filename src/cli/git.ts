import { execFile } from 'node:child_process';
import { UsageError } from './inputs.js';

/**
 * The few git reads `raci diff` needs. git runs with execFile (no shell, so no
 * quoting issue with any path or revision), and every failure becomes a
 * one-line UsageError (exit 2) that says what to do.
 */

const MAX_OUTPUT = 256 * 1024 * 1024;

export interface GitOptions {
  cwd?: string;
}

function runGit(args: readonly string[], options: GitOptions, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      'git',
      [...args],
      { cwd: options.cwd, encoding: 'buffer', maxBuffer: MAX_OUTPUT, windowsHide: true },
      (error, stdout, stderr) => {
        if (!error) {
          resolve(stdout);
          return;
        }
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          reject(new UsageError(`${what}: git is not installed or not on PATH; it is needed to read from a git revision`));
          return;
        }
        reject(new UsageError(`${what}: ${gitReason(stderr.toString('utf8')) || error.message}`));
      },
    );
  });
}

/** git's own reason, first line, without its `fatal: ` prefix. */
function gitReason(stderr: string): string {
  const line = stderr.split('\n').find((candidate) => candidate.trim() !== '') ?? '';
  return line.replace(/^(fatal|error): /, '').trim();
}

/** The bytes of `path` at `revision`: `git show REV:path` (path from the top of the repository, or `./x` from the current folder, as in git). */
export function gitShow(revision: string, path: string, options: GitOptions = {}): Promise<Buffer> {
  // `git show` has no --end-of-options before a revision; a leading dash would be read as an option.
  if (revision.startsWith('-')) return Promise.reject(new UsageError(`${revision}:${path}: a revision cannot start with "-"`));
  return runGit(['show', `${revision}:${path}`], options, `${revision}:${path}`);
}

export async function gitTopLevel(options: GitOptions = {}): Promise<string> {
  return (await runGit(['rev-parse', '--show-toplevel'], options, options.cwd ?? process.cwd())).toString('utf8').trim();
}

/** Fails with a clear message when the revision does not name a commit. */
export async function gitVerifyCommit(revision: string, options: GitOptions = {}): Promise<void> {
  try {
    await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], options, revision);
  } catch (caught) {
    if (caught instanceof UsageError && /git is not installed/.test(caught.message)) throw caught;
    throw new UsageError(`${revision}: not a commit in this git repository`);
  }
}

export interface ChangedFile {
  /** From the top of the repository. */
  path: string;
  status: 'added' | 'deleted' | 'modified';
}

/**
 * Files that differ between `revision` and the working tree under `pathspecs`,
 * plus untracked files that git does not ignore (a new guide not yet added is
 * still a change). Renames count as a deletion and an addition.
 */
export async function gitChangedSince(revision: string, pathspecs: readonly string[], options: GitOptions = {}): Promise<ChangedFile[]> {
  const specs = pathspecs.length > 0 ? pathspecs : ['.'];
  const diff = (
    await runGit(['diff', '--name-status', '--no-renames', '-z', revision, '--', ...specs], options, `changes since ${revision}`)
  ).toString('utf8');
  const fields = diff.split('\0');
  const files = new Map<string, ChangedFile>();
  for (let index = 0; index + 1 < fields.length; index += 2) {
    const letter = fields[index]!.charAt(0);
    const path = fields[index + 1]!;
    files.set(path, { path, status: letter === 'A' ? 'added' : letter === 'D' ? 'deleted' : 'modified' });
  }
  const untracked = (
    await runGit(['ls-files', '--others', '--exclude-standard', '--full-name', '-z', '--', ...specs], options, 'untracked files')
  ).toString('utf8');
  for (const path of untracked.split('\0')) if (path !== '' && !files.has(path)) files.set(path, { path, status: 'added' });
  return [...files.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface FileCommit {
  commit: string;
  /** Committer date, ISO 8601. */
  date: string;
}

/**
 * The commits that touched `path` (relative to `options.cwd`), newest first,
 * following renames; empty when the file is not tracked.
 */
export async function gitFileCommits(path: string, options: GitOptions = {}): Promise<FileCommit[]> {
  const log = (await runGit(['log', '--follow', '--format=%H %cI', '--', path], options, path)).toString('utf8');
  return log
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [commit = '', date = ''] = line.split(' ');
      return { commit, date };
    });
}
