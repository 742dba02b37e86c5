import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COMMAND_FILE_NAME,
  commandLines,
  expectInert,
  HOSTILE_ACTIVITY,
  hostileGuide,
  INJECTED_COMMAND,
  LEADING_COMMAND_FILE_NAME,
  RAW_CONTROL,
} from '../helpers/injection.js';
import { CLI_MAIN } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

/**
 * A pull request names its files and writes its guides: file names that end a
 * line and start a GitHub workflow command, activities holding terminal escapes
 * (window title, clipboard). Every command, as the built binary, prints them
 * escaped on stdout and stderr alike.
 */

const folder = scratchFolder('raci-injection-');
const guides = join(folder, 'guides');
const translated = join(folder, `y\n${INJECTED_COMMAND}`);
mkdirSync(guides);
mkdirSync(translated);
const commandFile = join(guides, COMMAND_FILE_NAME);
const leadingFile = join(guides, LEADING_COMMAND_FILE_NAME);
writeFileSync(commandFile, hostileGuide());
writeFileSync(leadingFile, hostileGuide('Keep audit logs'));
writeFileSync(join(translated, 'guide.en-gb.md'), hostileGuide());
writeFileSync(join(translated, 'guide.fr-fr.md'), hostileGuide(HOSTILE_ACTIVITY, 'RA'));

function raci(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return raciIn(folder, ...args);
}

function raciIn(cwd: string, ...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [CLI_MAIN, ...args], { encoding: 'utf8', cwd, env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('hostile file names and guide text never take over the terminal or the CI log', () => {
  it.each([
    ['check (stylish)', ['check', '--no-color', 'guides']],
    ['check --format junit', ['check', '--format', 'junit', 'guides']],
    ['check --format json', ['check', '--format', 'json', 'guides']],
    ['check --fix --dry-run', ['check', '--fix', '--dry-run', 'guides']],
    ['summary', ['summary', 'guides']],
    ['parse', ['parse', `guides/${COMMAND_FILE_NAME}`]],
    ['diff', ['diff', `guides/${LEADING_COMMAND_FILE_NAME}`, `guides/${COMMAND_FILE_NAME}`]],
    ['drift', ['drift', join(translated, 'guide.en-gb.md'), join(translated, 'guide.fr-fr.md')]],
    ['build', ['build', 'guides', '--out', 'out']],
  ])('%s: no raw control character, no workflow command, on stdout or stderr', (_name, args) => {
    const result = raci(...args);
    expect(result.status).not.toBeNull();
    expect(`${result.stdout}${result.stderr}`).not.toContain('internal error');
    expectInert(result.stdout);
    expectInert(result.stderr);
    // The hostile text is there, escaped: in the output or in the one-line refusal of the path.
    expect(`${result.stdout}${result.stderr}`).toMatch(/PWNED|\\n::error/);
  });

  it('check: the file names and the escapes are shown, visibly', () => {
    const result = raci('check', '--no-color', 'guides');
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(`guides/x\\n${INJECTED_COMMAND}.md`);
    expect(result.stdout).toContain('Title \\x1b]0;PWNED\\x07 set, clipboard \\x1b]52;c;cm0gLXJmIH4=\\x07');
  });

  it('check, summary: a file name that is a command, printed at the start of a line, is shown with its first colon escaped', () => {
    const check = raciIn(guides, 'check', '--no-color', LEADING_COMMAND_FILE_NAME);
    expect(check.stdout.split('\n')[0]).toBe('\\x3a:stop-commands::pwned.md');
    expectInert(check.stdout);
    const summary = raciIn(guides, 'summary', LEADING_COMMAND_FILE_NAME);
    expect(summary.stdout).toContain('\\x3a:stop-commands::pwned.md');
    expectInert(summary.stdout);
  });

  it('check --format github: the only commands are the annotations, the file name escaped as GitHub does', () => {
    const result = raci('check', '--format', 'github', 'guides');
    expectInert(result.stderr);
    expect(result.stdout).not.toMatch(RAW_CONTROL);
    const commands = commandLines(result.stdout);
    expect(commands.length).toBeGreaterThan(0);
    for (const line of commands) expect(line).toMatch(/^::(error|warning|notice) file=guides\/[^:,]*,line=\d+,/);
    expect(result.stdout).toContain('file=guides/x%0A%3A%3Aerror file=README.md%2Cline=1');
  });

  it('a usage error quoting a hostile argument is one inert line', () => {
    const result = raci('check', `--format=x\n${INJECTED_COMMAND}`, 'guides');
    expect(result.status).toBe(2);
    expectInert(result.stderr);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('bidirectional controls (Trojan Source)', () => {
  it('check: a bidi-control warning on the row, the controls shown as tokens, none raw in the output', () => {
    const trojan = join(folder, 'trojan.md');
    writeFileSync(trojan, hostileGuide('Bidi \u202eevil\u202c name \u202egnp.exe', 'RA'));
    const result = raci('check', '--no-color', 'trojan.md');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      '16:8   warning  Bidirectional controls U+202E (right-to-left override), U+202C (pop directional formatting) in ' +
        '“Bidi <U+202E>evil<U+202C> name <U+202E>gnp.exe”',
    );
    expect(result.stdout).toContain('    16 | | Bidi <U+202E>evil<U+202C> name <U+202E>gnp.exe | RA | I |');
    expect(result.stdout).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
  });
});
