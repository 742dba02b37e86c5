import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { guide } from '../helpers/check.js';
import { runGit } from '../helpers/git.js';
import { CLI_MAIN, ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

interface ActionStep {
  id?: string;
  name: string;
  run?: string;
  uses?: string;
  env?: Record<string, string>;
}

interface Action {
  inputs: Record<string, { default: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as Action;

const CLEAN = guide(['| Install the vCenter | I | RA |']);
const DOUBLE_A = guide(['| Install the vCenter | I | RA |', '| Keep logs | RA | RA |']);

function git(cwd: string, ...args: string[]): string {
  return runGit(cwd, args).trim();
}

/** A repository with a base commit and a pull request commit on top; `base` is the base commit. */
function repository(before: Record<string, string>, after: Record<string, string>): { root: string; base: string } {
  const root = scratchFolder('raci-action-');
  const write = (files: Record<string, string>) => {
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    git(root, 'add', '--all');
    git(root, 'commit', '--quiet', '--allow-empty', '-m', 'change');
  };
  git(root, 'init', '--quiet');
  write(before);
  const base = git(root, 'rev-parse', 'HEAD');
  write(after);
  return { root, base };
}

/** `raci` on the PATH, as the action's install step leaves it, running the built CLI (no network). */
function raciOnPath(): string {
  const bin = scratchFolder('raci-bin-');
  writeFileSync(join(bin, 'raci'), `#!/bin/sh\nexec "${process.execPath}" "${CLI_MAIN}" "$@"\n`);
  chmodSync(join(bin, 'raci'), 0o755);
  return bin;
}

/** `${{ inputs.x }}` and `${{ steps.check.outputs.x }}` with the values a run would give them. */
function expand(value: string, inputs: Record<string, string>, outputs: Record<string, string>): string {
  return value
    .replace(/\$\{\{\s*inputs\.([\w-]+)\s*\}\}/g, (_match, name: string) => inputs[name] ?? '')
    .replace(/\$\{\{\s*steps\.check\.outputs\.([\w-]+)\s*\}\}/g, (_match, name: string) => outputs[name] ?? '');
}

interface ActionRun {
  log: string;
  outputs: Record<string, string>;
  summary: string;
  /** The exit status of the last step (the one that fails the job on findings). */
  status: number;
}

/**
 * The action's steps run locally, as GitHub runs them: the check step's script, then the step that fails the
 * job. The install step is replaced by `raci` on the PATH, and the upload step is left out (no network).
 */
function runAction(root: string, given: Record<string, string>): ActionRun {
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default])), ...given };
  const state = scratchFolder('raci-action-state-');
  const files = { GITHUB_OUTPUT: join(state, 'output'), GITHUB_STEP_SUMMARY: join(state, 'summary') };
  for (const file of Object.values(files)) writeFileSync(file, '');
  let outputs: Record<string, string> = {};
  let log = '';
  let status = 0;
  for (const step of action.runs.steps.filter((each) => each.run !== undefined && !/npm install/.test(each.run))) {
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([name, value]) => [name, expand(value, inputs, outputs)]));
    const result = spawnSync('bash', ['-e', '-c', step.run!], {
      cwd: root,
      encoding: 'utf8',
      env: { PATH: `${raciOnPath()}:${process.env.PATH}`, HOME: state, GITHUB_ACTION_PATH: ROOT, ...files, ...env },
    });
    log += result.stdout + result.stderr;
    status = result.status ?? -1;
    outputs = Object.fromEntries(
      readFileSync(files.GITHUB_OUTPUT, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
  }
  return { log, outputs, summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'), status };
}

function annotatedFiles(log: string): string[] {
  return [...new Set([...log.matchAll(/^::(?:error|warning|notice) file=([^,]+),/gm)].map((match) => match[1]!))].sort();
}

describe('action.yml', () => {
  it('is a composite action whose check step runs the script of the repository', () => {
    expect(action.runs.using).toBe('composite');
    const check = action.runs.steps.find((step) => step.id === 'check')!;
    expect(check.run).toContain('$GITHUB_ACTION_PATH/action/check-guides.sh');
    expect(action.runs.steps.some((step) => step.uses?.startsWith('github/codeql-action/upload-sarif@'))).toBe(true);
  });

  it('checks the guides the pull request changes: annotations, every finding in the job summary, a SARIF file', () => {
    const { root, base } = repository(
      { 'pages/a/guide.en-gb.md': CLEAN, 'pages/b/guide.en-gb.md': DOUBLE_A },
      { 'pages/a/guide.en-gb.md': DOUBLE_A, 'pages/c/guide.fr-fr.md': DOUBLE_A, 'README.md': '# Notes\n' },
    );
    const run = runAction(root, { base });
    // b was not changed, README.md is not a guide: neither is checked.
    expect(annotatedFiles(run.log)).toEqual(['pages/a/guide.en-gb.md', 'pages/c/guide.fr-fr.md']);
    expect(run.log).toContain('title=accountable-multiple::');
    expect(run.summary.split('\n').filter((line) => line.startsWith('| error |'))).toHaveLength(2);
    expect(run.outputs).toEqual({ 'exit-code': '1', 'sarif-file': 'raci.sarif' });
    const sarif = JSON.parse(readFileSync(join(root, 'raci.sarif'), 'utf8')) as Log;
    expect(sarif.runs[0]!.results!.map((result) => result.locations![0]!.physicalLocation!.artifactLocation!.uri).sort()).toEqual([
      'pages/a/guide.en-gb.md',
      'pages/c/guide.fr-fr.md',
    ]);
    expect(run.status).toBe(1);
    expect(runAction(root, { base, 'fail-on-findings': 'false' }).status).toBe(0);
  });

  it('reads a changed file named -c.md as a guide, never as an option (with .md a configuration turning rules off)', () => {
    const offConfig = JSON.stringify({ rules: { 'accountable-multiple': 'off' } });
    const { root, base } = repository({ 'README.md': '# Notes\n' }, { '-c.md': DOUBLE_A, '.md': offConfig });
    // Without `--`, the two names make `raci check` read .md as its configuration, and the check passes.
    const fooled = spawnSync(process.execPath, [CLI_MAIN, 'check', '-c.md', '.md'], { cwd: root, encoding: 'utf8' });
    expect(fooled.status).toBe(0);

    const run = runAction(root, { base, files: '*.md' });
    expect(annotatedFiles(run.log)).toContain('-c.md');
    expect(run.log).toMatch(/^::error file=-c\.md,.*title=accountable-multiple::/m);
    expect(run.outputs['exit-code']).toBe('1');
    expect(run.status).toBe(1);
  });

  it('checks every tracked guide without a base, and passes with nothing to check', () => {
    const { root } = repository({ 'pages/a/guide.en-gb.md': CLEAN, 'pages/b/guide.en-gb.md': DOUBLE_A }, {});
    const all = runAction(root, { base: '' });
    expect(annotatedFiles(all.log)).toEqual(['pages/b/guide.en-gb.md']);
    expect(all.status).toBe(1);

    const { root: docsOnly, base } = repository({ 'pages/a/guide.en-gb.md': CLEAN }, { 'README.md': '# Notes\n' });
    const none = runAction(docsOnly, { base });
    expect(none.log).toContain('raci check: no guide to check.');
    expect(none.outputs).toEqual({ 'exit-code': '0', 'sarif-file': '' });
    expect(none.status).toBe(0);
  });
});

describe('the workflows of examples/', () => {
  const workflows = ['raci-check.yml', 'raci-action.yml'].map((name) => ({
    name,
    text: readFileSync(join(ROOT, 'examples', name), 'utf8'),
  }));

  it('pass file names to raci check only after --', () => {
    // Command lines, not names or comments: `raci check` followed by an option or a path.
    const calls = workflows.flatMap(({ text }) =>
      text.split('\n').filter((line) => /\braci check [-\w]/.test(line) && !/^\s*(#|name:)/.test(line)),
    );
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) expect(call, call).toMatch(/ -- /);
  });

  it('raci-action.yml uses the action with inputs it declares, and fetches the history the action compares', () => {
    const workflow = parse(workflows[1]!.text) as { jobs: { check: { steps: { uses?: string; with?: Record<string, unknown> }[] } } };
    const step = workflow.jobs.check.steps.find((each) => each.uses?.includes('/responsibility-model@'))!;
    expect(Object.keys(step.with!).filter((name) => !(name in action.inputs))).toEqual([]);
    const checkout = workflow.jobs.check.steps.find((each) => each.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with).toMatchObject({ 'fetch-depth': 0 });
  });
});
