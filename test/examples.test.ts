import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { listActivities, parseResponsibilityModelFile } from '../src/index.js';
import { ROOT } from './helpers/paths.js';

const run = promisify(execFile);

describe('examples', () => {
  it('accountable.mjs prints the accountable party of every Email Pro activity', async () => {
    const guide = join(ROOT, 'fixtures/corpus/pages/web_cloud/email_and_collaborative_solutions/email_pro/responsibility_model/guide.en-gb.md');
    const { stdout } = await run(process.execPath, [join(ROOT, 'examples/accountable.mjs'), guide], { cwd: ROOT });
    const model = await parseResponsibilityModelFile(guide);
    const expected = listActivities(model).map((activity) => {
      const accountable = model.parties.filter((party) => activity.assignments[party.id]?.includes('A')).map((party) => party.label);
      return `${activity.id}\t${accountable.join(', ') || '(nobody)'}\t${activity.text}`;
    });
    expect(stdout.trim().split('\n')).toEqual(expected);
    expect(expected).toHaveLength(48);
  });
});
