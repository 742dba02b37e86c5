import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands/build.js';
import { runCheck } from '../../src/cli/commands/check.js';
import { runDiff } from '../../src/cli/commands/diff.js';
import { runParse } from '../../src/cli/commands/parse.js';
import { runSummary } from '../../src/cli/commands/summary.js';
import { UsageError } from '../../src/cli/inputs.js';
import { capture } from '../helpers/capture.js';
import { mutate, mutationArbitrary, SEED, sampleGuides } from '../helpers/hostile.js';
import { CLI_MAIN } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

/**
 * Every command on a mutated guide exits 0 or 1 with its findings as
 * messages; never 2 with a stack. (raci diff refuses a guide in which no
 * responsibility model can be read at all with a one-line exit 2, by design.)
 */

const GUIDES = sampleGuides();
const dir = scratchFolder('raci-mutated-');

const FINDING_LINE = /^.+:\d+:\d+ (error|warning|info) .+ [a-z0-9-]+$/;

const mutatedFile = fc
  .tuple(fc.nat({ max: GUIDES.length - 1 }), fc.array(mutationArbitrary, { minLength: 1, maxLength: 5 }))
  .map(([guide, mutations]) => ({
    original: GUIDES[guide]!,
    text: mutate(GUIDES[guide]!.text, mutations),
  }));

let counter = 0;
function write(original: { name: string }, text: string): { before: string; after: string } {
  counter++;
  const before = join(dir, `before-${counter}.en-gb.md`);
  const after = join(dir, `after-${counter}.en-gb.md`);
  writeFileSync(before, GUIDES.find((guide) => guide.name === original.name)!.text);
  writeFileSync(after, text);
  return { before, after };
}

async function exitCode(run: () => Promise<number>, allowUsage = false): Promise<number> {
  try {
    return await run();
  } catch (caught) {
    if (allowUsage && caught instanceof UsageError && !caught.message.includes('\n')) return 2;
    throw caught;
  }
}

describe('every command on mutated guides', () => {
  it('raci parse, summary, check, diff and build exit 0 or 1, with findings as one-line messages', async () => {
    await fc.assert(
      fc.asyncProperty(mutatedFile, async ({ original, text }) => {
        const { before, after } = write(original, text);

        const parseIo = capture();
        expect(await exitCode(() => runParse([after], {}, parseIo))).toBeLessThanOrEqual(1);
        for (const line of parseIo.err) expect(line).toMatch(FINDING_LINE);
        expect(() => JSON.parse(parseIo.out.join('\n'))).not.toThrow();

        expect(await exitCode(() => runSummary([after], capture()))).toBe(0);

        const checkIo = capture();
        expect(
          await exitCode(() => runCheck([after], { format: 'json' }, checkIo, { env: {}, cwd: dir, version: '0.0.0' })),
        ).toBeLessThanOrEqual(1);
        expect(() => JSON.parse(checkIo.out.join('\n'))).not.toThrow();

        expect(await exitCode(() => runDiff([before, after], { cwd: dir, color: false }, capture()), true)).toBeLessThanOrEqual(2);

        const out = join(dir, `out-${counter}`);
        expect(await exitCode(() => runBuild([after], { out, escapeFormulas: true }, capture()))).toBeLessThanOrEqual(1);
      }),
      { seed: SEED, numRuns: 25 },
    );
  });

  it('the binary itself: exit 0 or 1 and no stack trace, for each command', () => {
    const [sample] = fc.sample(mutatedFile, { seed: SEED, numRuns: 1 });
    const { before, after } = write(sample!.original, sample!.text);
    const commands = [
      ['parse', after],
      ['summary', after],
      ['check', after],
      ['diff', before, after],
      ['build', after, '--out', join(dir, 'binary-out'), '--allow-errors'],
    ];
    for (const args of commands) {
      const result = spawnSync(process.execPath, [CLI_MAIN, ...args], {
        cwd: dir,
        encoding: 'utf8',
        timeout: 30_000,
        env: { ...process.env, NO_COLOR: '1' },
      });
      expect(result.status, args[0]).toBeLessThanOrEqual(1);
      expect(result.stderr, args[0]).not.toMatch(/^\s+at /m);
      expect(result.stderr, args[0]).not.toContain('internal error');
    }
  });
});
