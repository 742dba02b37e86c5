import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseResponsibilityModelFile } from '../../src/entries/files.js';
import { listActivities } from '../../src/index.js';
import { parseRaciConfig } from '../../src/rules/config.js';
import { EMAIL_PRO } from '../helpers/corpus-guides.js';
import { ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

const run = promisify(execFile);

/** What accountable.mjs should print for Email Pro, from the model the library gives. */
async function accountableLines(): Promise<string[]> {
  const model = await parseResponsibilityModelFile(join(ROOT, EMAIL_PRO));
  const lines = listActivities(model).map((activity) => {
    const accountable = model.parties.filter((party) => activity.assignments[party.id]?.includes('A')).map((party) => party.label);
    return `${activity.id}\t${accountable.join(', ') || '(nobody)'}\t${activity.text}`;
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

  it('the workflow is YAML that runs raci check --format github on the changed guides', () => {
    const workflow = parse(readFileSync(join(ROOT, 'examples/raci-check.yml'), 'utf8')) as {
      jobs: Record<string, { steps: { run?: string }[] }>;
    };
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run ?? ''));
    expect(runs.some((command) => command.includes('git diff') && command.includes('raci check --format github'))).toBe(true);
    expect(runs.some((command) => command.includes('--format sarif'))).toBe(true);
  });
});
