import { execFileSync } from 'node:child_process';

/**
 * The environment tests run git in: a fixed identity, and no system, global
 * or user configuration read, so a developer's git settings (a signing key, a
 * default branch, hooks) never change what a test sees.
 */
export const GIT_TEST_ENV: Readonly<Record<string, string>> = {
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.com',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
};

/** Runs git in `cwd` with GIT_TEST_ENV (and a fixed author and commit date when given); returns its standard output. */
export function runGit(cwd: string, args: readonly string[], options: { date?: string } = {}): string {
  const dates = options.date === undefined ? {} : { GIT_AUTHOR_DATE: options.date, GIT_COMMITTER_DATE: options.date };
  return execFileSync('git', args, {
    cwd,
    env: { ...process.env, ...GIT_TEST_ENV, ...dates },
    stdio: ['ignore', 'pipe', 'pipe'],
  }).toString();
}
