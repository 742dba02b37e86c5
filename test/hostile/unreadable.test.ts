import { describe, expect, it, vi } from 'vitest';

/**
 * An unreadable file. The tests run as root, for whom file modes do not
 * apply, so `open` is made to fail as it does for anyone else on a file with
 * mode 000 (EACCES), or on a failing disk (EIO).
 */
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const failing: Record<string, string> = { '/guides/secret.md': 'EACCES', '/guides/bad-disk.md': 'EIO' };
  return {
    ...actual,
    openSync: vi.fn((path: string, ...rest: unknown[]) => {
      const code = failing[path];
      if (code) throw Object.assign(new Error(`${code}: failure, open '${path}'`), { code, path });
      return (actual.openSync as (...args: unknown[]) => unknown)(path, ...rest);
    }),
  };
});

const { runParse } = await import('../../src/cli/commands/parse.js');
const { runSummary } = await import('../../src/cli/commands/summary.js');
const { UsageError } = await import('../../src/cli/inputs.js');
const { capture } = await import('../helpers/capture.js');

describe('an unreadable file', () => {
  it('raci parse and raci summary stop with one line naming the path and the reason', async () => {
    for (const run of [() => runParse(['/guides/secret.md'], {}, capture()), () => runSummary(['/guides/secret.md'], capture())]) {
      await expect(run()).rejects.toThrow(new UsageError('/guides/secret.md: permission denied'));
    }
    await expect(runParse(['/guides/bad-disk.md'], {}, capture())).rejects.toThrow(
      new UsageError('/guides/bad-disk.md: input/output error'),
    );
  });
});
