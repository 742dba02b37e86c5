import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI_MAIN, DIFF_FIXTURES, ROOT } from '../helpers/paths.js';

const BASE = `${DIFF_FIXTURES}/base.en-gb.md`;

/** The built `raci`, as a user runs it: exit code, stdout and stderr. */
function raci(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(process.execPath, [CLI_MAIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status, stdout, stderr };
}

describe('every usage error is one line on stderr, raci: …, and exit 2', () => {
  it.each([
    [
      'an unknown option, with the nearest one',
      ['diff', '--formt', 'json', BASE, BASE],
      "raci: unknown option '--formt' (did you mean --format?)",
    ],
    [
      'an unknown option of another command',
      ['drift', '--refrence', 'fr-fr'],
      "raci: unknown option '--refrence' (did you mean --reference?)",
    ],
    ['an unknown option with nothing near it', ['check', '--zzzzzz'], "raci: unknown option '--zzzzzz'"],
    ['an unknown command, with the nearest one', ['dif', BASE, BASE], "raci: unknown command 'dif' (did you mean diff?)"],
    ['a missing argument', ['parse'], "raci: missing required argument 'files'"],
    ['a missing required option', ['build', DIFF_FIXTURES], "raci: required option '--out <dir>' not specified"],
    ['an option without its value', ['check', '--max-warnings'], "raci: option '--max-warnings <n>' argument missing"],
    [
      'a value not among the choices',
      ['diff', '--format', 'xml', BASE, BASE],
      "raci: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, markdown, json.",
    ],
    [
      'a value its parser rejects',
      ['summary', '--jobs', '0', DIFF_FIXTURES],
      "raci: option '--jobs <n>' argument '0' is invalid. expected a whole number of at least 1.",
    ],
    [
      'a value the command rejects',
      ['diff', '--similarity', '2', BASE, BASE],
      'raci: --similarity 2: give a number from 0 to 1 (default 0.5)',
    ],
    [
      'the wrong number of guides',
      ['diff', BASE],
      'raci: raci diff takes OLD and NEW (files or REV:path), or --since REV [paths...]; got 1 argument',
    ],
  ])('%s', (_kind, args, line) => {
    const result = raci(...args);
    expect(result).toEqual({ status: 2, stdout: '', stderr: `${line}\n` });
  });

  it('a file that is not a guide, given to raci diff', () => {
    expect(raci('diff', 'package.json', BASE)).toEqual({
      status: 2,
      stdout: '',
      stderr: 'raci: package.json: not a responsibility-model guide (no activity, no legend and numbered sections)\n',
    });
  });

  it('help and version are not errors', () => {
    expect(raci('diff', '--help').status).toBe(0);
    expect(raci('--version')).toMatchObject({ status: 0, stderr: '' });
  });
});
