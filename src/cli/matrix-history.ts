import { basename, dirname } from 'node:path';
import type { MatrixChange } from '../compare/translation-notes.js';
import { listActivities } from '../model/list-activities.js';
import { safeParseResponsibilityModelBytes } from '../parse/parse-bytes.js';
import { gitFileCommits, gitShow } from './git.js';

/** Past this many commits of one file, the oldest read counts as the change: a bound on git reads. */
const MAX_COMMITS_READ = 50;

/** What a translation must follow: the sections and activities, their texts, letters and applicability marks. */
function matrixSignature(bytes: Uint8Array, file: string): string {
  const { model } = safeParseResponsibilityModelBytes(bytes, { file });
  return JSON.stringify(listActivities(model).map((activity) => [activity.id, activity.text, activity.assignments, activity.scopes]));
}

/**
 * When the matrix of `file` last changed in git: the newest commit whose
 * matrix differs from its parent's (a commit that changed only prose does
 * not count), or the commit that added the file. Undefined when the file is
 * not tracked, not in a repository, or git is not installed: the caller then
 * falls back to the guides' `updated` dates. Uncommitted changes are not seen.
 */
export async function lastMatrixChange(file: string): Promise<MatrixChange | undefined> {
  const options = { cwd: dirname(file) };
  const local = `./${basename(file)}`;
  let commits: Awaited<ReturnType<typeof gitFileCommits>>;
  try {
    commits = await gitFileCommits(local, options);
  } catch {
    return undefined;
  }
  if (commits.length === 0) return undefined;
  const read = commits.slice(0, MAX_COMMITS_READ);
  let newer: string | undefined;
  let changedAt = read[0]!.date;
  for (const { commit, date } of read) {
    let signature: string;
    try {
      signature = matrixSignature(await gitShow(commit, local, options), file);
    } catch {
      break; // renamed before this commit: the history read so far is what is known
    }
    if (newer !== undefined && signature !== newer) break;
    changedAt = date;
    newer = signature;
  }
  return { source: 'git', at: changedAt };
}
