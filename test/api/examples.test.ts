import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseResponsibilityModelFile } from '../../src/entries/files.js';
import { listActivities } from '../../src/index.js';
import { parseRaciConfig } from '../../src/rules/config.js';
import { guideMarkdown } from '../datasets/helpers.js';
import { EMAIL_PRO } from '../helpers/corpus-guides.js';
import { GIT_TEST_ENV } from '../helpers/git.js';
import { CLI_MAIN, ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

const run = promisify(execFile);
/** What accountable.mjs should print for Email Pro, from the model the library gives. */
async function accountableLines(): Promise<string[]> {
  const model = await parseResponsibilityModelFile(join(ROOT, EMAIL_PRO));
  const lines = listActivities(model).map((activity) => {
    const accountable = model.parties.filter((party) => activity.assignments[party.id]?.includes('A')).map((party) => party.label);
    return `${activity.id}\t${accountable.join(', ') || '(none)'}\t${activity.text}`;
  });
  expect(lines).toHaveLength(48);
  return lines;
}

describe('examples/', () => {
  it('accountable.mjs prints the accountable party of every Email Pro activity', async () => {
    const { stdout } = await run(process.execPath, [join(ROOT, 'examples/accountable.mjs'), join(ROOT, EMAIL_PRO)], { cwd: ROOT });
    expect(stdout.trim().split('\n')).toEqual(await accountableLines());
  });

  it('accountable.mjs reads its default guide from a clone whose path has spaces', async () => {
    const clone = join(scratchFolder(), 'a clone with spaces');
    mkdirSync(join(clone, 'examples'), { recursive: true });
    for (const name of ['package.json', 'dist', 'node_modules', 'fixtures']) symlinkSync(join(ROOT, name), join(clone, name), 'junction');
    copyFileSync(join(ROOT, 'examples/accountable.mjs'), join(clone, 'examples/accountable.mjs'));
    const { stdout, stderr } = await run(process.execPath, [join(clone, 'examples/accountable.mjs')], { cwd: clone });
    expect(stderr).toBe('');
    expect(stdout.trim().split('\n')).toEqual(await accountableLines());
  });

  it('raci.config.json is a valid configuration', () => {
    expect(parseRaciConfig(JSON.parse(readFileSync(join(ROOT, 'examples/raci.config.json'), 'utf8')))).toMatchObject({ success: true });
  });
});

interface WorkflowStep {
  name?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
}

const workflow = parse(readFileSync(join(ROOT, 'examples/raci-check.yml'), 'utf8')) as {
  env: Record<string, string>;
  jobs: Record<string, { steps: WorkflowStep[] }>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const stepNamed = (name: string): WorkflowStep => {
  const step = steps.find((candidate) => candidate.name === name);
  if (!step?.run) throw new Error(`examples/raci-check.yml has no step "${name}" with a script`);
  return step;
};

/** A folder with `raci` on the PATH, running the built CLI, as `npm install --global` leaves it. */
function raciOnPath(): string {
  const bin = scratchFolder();
  writeFileSync(join(bin, 'raci'), `#!/bin/sh\nexec "${process.execPath}" "${CLI_MAIN}" "$@"\n`, { mode: 0o755 });
  return bin;
}

/** A step's script as GitHub runs it (bash -e -o pipefail), in `cwd`; its exit code and output. */
async function runStep(step: WorkflowStep, cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string }> {
  const options = { cwd, env: { ...process.env, ...env, PATH: `${raciOnPath()}${delimiter}${process.env.PATH}` } };
  try {
    const { stdout } = await run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run!], options);
    return { code: 0, stdout };
  } catch (caught) {
    const failure = caught as { code: number; stdout: string };
    return { code: failure.code, stdout: failure.stdout };
  }
}

const BROKEN_GUIDE = guideMarkdown({ rows: [['Renew the domain', 'A', 'RA']] });
const CLEAN_GUIDE = guideMarkdown();

describe('examples/raci-check.yml (npm run build first: its steps run the built raci)', () => {
  it('installs raci from the tarball the README says how to make, on a Node.js LTS, and uploads with upload-sarif v4', () => {
    expect(workflow.env.RACI_PACKAGE).toMatch(/^\.\/tools\/responsibility-model-[\d.]+\.tgz$/);
    const installs = steps.filter((step) => step.name === 'Install raci').map((step) => step.run);
    expect(installs).toEqual(['npm install --global "$RACI_PACKAGE"', 'npm install --global "$RACI_PACKAGE"']);
    expect(readFileSync(join(ROOT, 'README.md'), 'utf8')).toContain('npm pack');
    const versions = steps.filter((step) => step.uses?.startsWith('actions/setup-node@')).map((step) => step.with?.['node-version']);
    expect(versions.length).toBe(2);
    expect(versions.every((version) => version === 22 || version === 24)).toBe(true);
    expect(steps.filter((step) => step.uses?.startsWith('github/codeql-action/upload-sarif')).map((step) => step.uses)).toEqual([
      'github/codeql-action/upload-sarif@v4',
    ]);
    // No step hides a failure, and none puts a GitHub expression into a script.
    expect(steps.filter((step) => /\|\|\s*true|\$\{\{/.test(step.run ?? ''))).toEqual([]);
  });

  it('on a pull request, annotates the changed guides only, passing them after --, and fails on error findings', async () => {
    const repository = scratchFolder();
    const git = (...args: string[]) => run('git', args, { cwd: repository, env: { ...process.env, ...GIT_TEST_ENV } });
    await git('init', '--quiet', '--initial-branch=main');
    mkdirSync(join(repository, 'pages'));
    writeFileSync(join(repository, 'pages', 'old.en-gb.md'), BROKEN_GUIDE);
    expect((await runStep({ run: 'raci check pages/ --baseline raci-baseline.json --update-baseline' }, repository)).code).toBe(0);
    await git('add', '.');
    await git('commit', '--quiet', '-m', 'guides');
    await git('update-ref', 'refs/remotes/origin/main', 'HEAD');
    const check = stepNamed('Check the changed guides');

    expect(await runStep(check, repository, { BASE_REF: 'main' })).toEqual({ code: 0, stdout: 'No guide changed.\n' });

    writeFileSync(join(repository, 'pages', '-new guide.en-gb.md'), BROKEN_GUIDE);
    writeFileSync(join(repository, 'pages', 'clean.en-gb.md'), CLEAN_GUIDE);
    await git('add', '.');
    await git('commit', '--quiet', '-m', 'two more guides');
    const { code, stdout } = await runStep(check, repository, { BASE_REF: 'main' });
    expect(code).not.toBe(0);
    const annotated = [...stdout.matchAll(/^::error file=([^,]+),/gm)].map((match) => match[1]);
    expect(annotated).toEqual(['pages/-new guide.en-gb.md']);
    expect(stdout).toContain('in 2 files');
  });

  it('on main, writes the SARIF of every guide and lets error findings (exit 1) through to the upload', async () => {
    const repository = scratchFolder();
    mkdirSync(join(repository, 'pages'));
    writeFileSync(join(repository, 'pages', 'guide.en-gb.md'), BROKEN_GUIDE);
    const { code } = await runStep(stepNamed('Check every guide'), repository);
    expect(code).toBe(0);
    const sarif = JSON.parse(readFileSync(join(repository, 'raci.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
    expect(sarif.runs[0]?.results.map((result) => result.ruleId)).toContain('accountable-multiple');
  });

  it('on main, fails when raci cannot run (exit 2)', async () => {
    const repository = scratchFolder();
    expect((await runStep(stepNamed('Check every guide'), repository)).code).toBe(2);
  });
});
