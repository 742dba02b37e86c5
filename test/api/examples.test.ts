import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseResponsibilityModelFile } from '../../src/entries/files.js';
import { listActivities } from '../../src/index.js';
import { parseRaciConfig } from '../../src/rules/config.js';
import { ROOT } from '../helpers/paths.js';

const run = promisify(execFile);

describe('examples/', () => {
  it('accountable.mjs prints the accountable party of every Email Pro activity', async () => {
    const guide = join(
      ROOT,
      'fixtures/corpus/pages/web_cloud/email_and_collaborative_solutions/email_pro/responsibility_model/guide.en-gb.md',
    );
    const { stdout } = await run(process.execPath, [join(ROOT, 'examples/accountable.mjs'), guide], { cwd: ROOT });
    const model = await parseResponsibilityModelFile(guide);
    const expected = listActivities(model).map((activity) => {
      const accountable = model.parties.filter((party) => activity.assignments[party.id]?.includes('A')).map((party) => party.label);
      return `${activity.id}\t${accountable.join(', ') || '(nobody)'}\t${activity.text}`;
    });
    expect(stdout.trim().split('\n')).toEqual(expected);
    expect(expected).toHaveLength(48);
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
