import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_MAIN, ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

/** The built CLI, as a user runs it (npm test builds before running the tests). */
function raci(...args: string[]) {
  const result = spawnSync(process.execPath, [CLI_MAIN, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '' },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

describe('raci check (the built command)', () => {
  it('fails on the bundled guides', () => {
    const first = raci('check', 'fixtures/');
    expect(first.code).toBe(1);
    expect(first.out).toContain('✖ 86 problems (31 errors, 33 warnings, 22 infos) in 40 files checked, 2 skipped (no activity table).');
  });

  it('passes with a baseline written by --update-baseline (on two guides, to keep the test short)', () => {
    const baseline = join(scratchFolder('raci-cli-'), 'baseline.json');
    const written = raci('check', 'fixtures/corpus/pages/cloud/', '--baseline', baseline, '--update-baseline');
    expect(written.code).toBe(0);
    expect(written.err).toBe(`raci: wrote ${baseline}: 8 findings in 2 files.\n`);
    const second = raci('check', 'fixtures/corpus/pages/cloud/', '--baseline', baseline);
    expect(second.code).toBe(0);
    expect(second.out).toBe('✔ No problems: 2 files checked, 8 findings in the baseline not shown.\n');
  });

  it('a missing path exits 2 with one line and no stack trace', () => {
    const result = raci('check', 'no/such/guide.md');
    expect(result.code).toBe(2);
    expect(result.err).toBe('raci: no/such/guide.md: no such file or directory\n');
  });

  it('an unknown option exits 2', () => {
    expect(raci('check', '--formatt', 'json').code).toBe(2);
  });
});
