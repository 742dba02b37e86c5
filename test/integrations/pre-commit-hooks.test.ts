import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { guide } from '../helpers/check.js';
import { CLI_MAIN, ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

interface Hook {
  id: string;
  entry: string;
  language: string;
  files: string;
}

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
const examples = parse(readFileSync(join(ROOT, 'examples/.pre-commit-config.yaml'), 'utf8')) as {
  repos: { repo: string; hooks: { id: string }[] }[];
};

/** What pre-commit runs: the entry's words, then the staged files (with `raci` the built CLI). */
function runHook(hook: Hook, cwd: string, files: string[]): { status: number | null; out: string } {
  const [command, ...args] = hook.entry.split(' ');
  expect(command).toBe('raci');
  const result = spawnSync(process.execPath, [CLI_MAIN, ...args, ...files], { cwd, encoding: 'utf8' });
  return { status: result.status, out: result.stdout + result.stderr };
}

function hook(id: string): Hook {
  return hooks.find((each) => each.id === id)!;
}

describe('.pre-commit-hooks.yaml', () => {
  it('has a check hook and a fix hook, run by node on guides only', () => {
    expect(hooks.map((each) => each.id)).toEqual(['raci-check', 'raci-fix']);
    for (const each of hooks) {
      expect(each.language).toBe('node');
      const files = new RegExp(each.files);
      expect(['guide.en-gb.md', 'pages/x/guide.fr-fr.md'].every((path) => files.test(path))).toBe(true);
      expect(['README.md', 'pages/x/notes.md', 'guide.en-gb.md/other.txt'].some((path) => files.test(path))).toBe(false);
    }
  });

  it('ends each entry with --, so that a staged file named -c.md is checked, not read as an option', () => {
    const folder = scratchFolder('raci-hooks-');
    writeFileSync(join(folder, '-c.md'), guide(['| Keep logs | RA | RA |']));
    writeFileSync(join(folder, '.md'), JSON.stringify({ rules: { 'accountable-multiple': 'off' } }));
    for (const each of hooks) expect(each.entry.endsWith(' --')).toBe(true);
    const checked = runHook(hook('raci-check'), folder, ['-c.md', '.md']);
    expect(checked.status).toBe(1);
    expect(checked.out).toContain('-c.md');
    expect(checked.out).toContain('accountable-multiple');
  });

  it('the fix hook rewrites role cells into canonical form', () => {
    const folder = scratchFolder('raci-hooks-');
    const file = join(folder, 'guide.en-gb.md');
    writeFileSync(file, guide(['| Install the vCenter | I | AR |']));
    const fixed = runHook(hook('raci-fix'), folder, ['guide.en-gb.md']);
    expect(fixed.status).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('| Install the vCenter | I | RA |');
  });

  it('examples/.pre-commit-config.yaml uses both hooks of this repository', () => {
    const [repository] = examples.repos;
    expect(repository!.hooks.map((each) => each.id).sort()).toEqual(hooks.map((each) => each.id).sort());
  });
});
