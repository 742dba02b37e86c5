import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseRaciConfig } from '../src/rules/config.js';
import { ROOT } from './helpers.js';

describe('examples/', () => {
  it('raci.config.json is a valid configuration', () => {
    expect(parseRaciConfig(JSON.parse(readFileSync(`${ROOT}examples/raci.config.json`, 'utf8')))).toMatchObject({ success: true });
  });

  it('the workflow is YAML that runs raci check --format github on the changed guides', () => {
    const workflow = parse(readFileSync(`${ROOT}examples/raci-check.yml`, 'utf8')) as { jobs: Record<string, { steps: { run?: string }[] }> };
    const runs = Object.values(workflow.jobs).flatMap((job) => job.steps.map((step) => step.run ?? ''));
    expect(runs.some((run) => run.includes('git diff') && run.includes('raci check --format github'))).toBe(true);
    expect(runs.some((run) => run.includes('--format sarif'))).toBe(true);
  });
});
