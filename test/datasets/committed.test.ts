import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands/build.js';
import { capture } from '../helpers/capture.js';

/**
 * CI's `raci build fixtures/ --out datasets/ --check` (npm run datasets:check): the committed datasets
 * must be exactly what the bundled guides build today, so any change of the
 * parser or the rules that changes the data shows up as a reviewed diff.
 */
describe('the committed datasets/', () => {
  it('are up to date with fixtures/ (regenerate with `npm run datasets`)', async () => {
    const io = capture();
    const stdout = io.out;
    const code = await runBuild(['fixtures/'], { out: 'datasets/', check: true, allowErrors: true, license: 'CC-BY-NC-SA-4.0' }, io);
    const differences = stdout.filter((line) => /: (stale|missing|extra)/.test(line));
    expect(differences, `datasets/ is stale: run \`npm run datasets\` and commit the diff.\n${differences.join('\n')}`).toEqual([]);
    expect(code).toBe(0);
    expect(stdout.at(-1)).toMatch(/^datasets\/ is up to date \(\d+ files\)\.$/);
  });
});
