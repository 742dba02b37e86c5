import { cpSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runDiff } from '../../src/cli/commands/diff.js';
import { UsageError } from '../../src/cli/inputs.js';
import { diffModels } from '../../src/compare/diff-models.js';
import { ModelDiffSchema } from '../../src/schema/diff.js';
import { EMAIL_PRO, EMAIL_PRO_LEGACY, HOSTED_EXCHANGE, load } from '../compare/helpers.js';
import { capture } from '../helpers/capture.js';
import { runGit } from '../helpers/git.js';
import { DIFF_FIXTURES, ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

const run = async (args: string[], options: Parameters<typeof runDiff>[1] = {}, isTTY = false) => {
  const io = capture(isTTY);
  const code = await runDiff(args, { cwd: ROOT, ...options }, io);
  return { code, out: io.out.join('\n'), err: io.err };
};

describe('raci diff OLD NEW', () => {
  it('text: the accountable change first, then metadata and sections, then activities by section', async () => {
    const { code, out, err } = await run([EMAIL_PRO, HOSTED_EXCHANGE]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const lines = out.split('\n');
    expect(lines.slice(0, 6)).toEqual([
      `--- ${EMAIL_PRO}`,
      `+++ ${HOSTED_EXCHANGE}`,
      '',
      'Accountable changes hands:',
      '  3.1.1 Administrate the service infrastructure (servers, OS, antivirus, storage)',
      '      Customer → OVHcloud  (lines 72 → 69)',
    ]);
    expect(lines).toContain(
      "  ~ Choose the service's sizing [-10GB-]{+(50GB or 300GB) without downgrade option+}  (reworded, 53% alike; lines 31 → 28)",
    );
    expect(lines).toContain('      OVHcloud: RI → RA');
    expect(lines).toContain('  + Deliver PST file following client request  (line 147)');
    expect(lines.indexOf('Accountable changes hands:')).toBeLessThan(lines.indexOf('Metadata:'));
    expect(lines.indexOf('Metadata:')).toBeLessThan(lines.indexOf('1.1 Specify service as needed'));
    expect(lines.at(-1)).toBe(
      '1 added, 0 removed, 3 reworded, 0 moved, 1 reassigned, 1 accountable changing hands, 0 section changes, 3 metadata/legend changes; 44 activities unchanged',
    );
  });

  it('json: the diffModels result, valid against the schema', async () => {
    const { out } = await run([EMAIL_PRO, HOSTED_EXCHANGE], { format: 'json' });
    const parsed = ModelDiffSchema.parse(JSON.parse(out));
    expect(parsed).toEqual(diffModels(load(EMAIL_PRO), load(HOSTED_EXCHANGE), { oldLabel: EMAIL_PRO, newLabel: HOSTED_EXCHANGE }));
  });

  it('markdown: headings per section, word diffs as strike-through and bold', async () => {
    const { out } = await run([EMAIL_PRO, HOSTED_EXCHANGE], { format: 'markdown' });
    const lines = out.split('\n');
    expect(lines[0]).toBe('### Responsibility model diff: Email Pro - Responsibility model → Hosted Exchange - Responsibility model');
    expect(lines).toContain('#### Accountable changes hands');
    expect(lines).toContain(
      '- **3.1.1** Administrate the service infrastructure (servers, OS, antivirus, storage): **Customer → OVHcloud**',
    );
    expect(lines).toContain('#### 3.1.1 Daily operations');
    expect(lines).toContain(
      "- **reworded** Choose the service's sizing ~~10GB~~ **(50GB or 300GB) without downgrade option** (lines 31 → 28)",
    );
    expect(lines).toContain('- **added** Deliver PST file following client request: Customer `A`, OVHcloud `RI` (line 147)');
  });

  it('--exit-code: 1 when the guides differ, 0 when they carry the same model', async () => {
    expect((await run([EMAIL_PRO, HOSTED_EXCHANGE], { exitCode: true })).code).toBe(1);
    const same = await run([EMAIL_PRO_LEGACY, EMAIL_PRO], { exitCode: true });
    expect(same.code).toBe(0);
    expect(same.out).toContain('No difference in activities, responsibilities, sections, legend or metadata.');
  });

  it('colours on a terminal only, never with --no-color or NO_COLOR', async () => {
    const saved = process.env.NO_COLOR;
    delete process.env.NO_COLOR;
    try {
      const args = [`${DIFF_FIXTURES}/base.en-gb.md`, `${DIFF_FIXTURES}/reworded.en-gb.md`];
      expect((await run(args, {}, true)).out).toContain('\u001b[');
      expect((await run(args, { color: false }, true)).out).not.toContain('\u001b[');
      expect((await run(args, {}, false)).out).not.toContain('\u001b[');
      process.env.NO_COLOR = '1';
      expect((await run(args, {}, true)).out).not.toContain('\u001b[');
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });

  it('usage problems are one-line UsageErrors (exit 2)', async () => {
    await expect(run([EMAIL_PRO])).rejects.toThrow(
      new UsageError('raci diff takes OLD and NEW (files or REV:path), or --since REV [paths...]; got 1 argument'),
    );
    await expect(run(['missing.md', EMAIL_PRO])).rejects.toThrow('missing.md: no such file or directory');
    await expect(run(['fixtures', EMAIL_PRO])).rejects.toThrow('fixtures: is a directory; give a guide file (or use --since REV fixtures)');
    await expect(run([EMAIL_PRO, EMAIL_PRO], { similarity: '2' })).rejects.toThrow(
      '--similarity 2: give a number from 0 to 1 (default 0.5)',
    );
  });

  it('a file that is not a guide at all is refused, with its error on stderr', async () => {
    const folder = scratchFolder('raci-diff-');
    writeFileSync(join(folder, 'binary.md'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    const io = capture();
    await expect(runDiff([join(folder, 'binary.md'), join(ROOT, EMAIL_PRO)], {}, io)).rejects.toThrow(
      /binary\.md: no responsibility model could be read/,
    );
    expect(io.err).toHaveLength(1);
    expect(io.err[0]).toMatch(/binary\.md:1:1 error .* input-binary$/);
  });

  it.each([['package.json'], ['README.md'], ['fixtures/README.md']])(
    '%s, which raci check would skip, is refused in one line',
    async (file) => {
      const io = capture();
      await expect(runDiff([file, `${DIFF_FIXTURES}/base.en-gb.md`], { cwd: ROOT }, io)).rejects.toThrow(
        new UsageError(`${file}: not a responsibility-model guide (no activity, no legend and numbered sections)`),
      );
      await expect(runDiff([`${DIFF_FIXTURES}/base.en-gb.md`, file], { cwd: ROOT }, io)).rejects.toThrow(UsageError);
      expect([io.out, io.err]).toEqual([[], []]);
    },
  );

  it('an empty file, and markdown with numbered sections but no table, are not guides either', async () => {
    const folder = scratchFolder('raci-diff-');
    writeFileSync(join(folder, 'empty.md'), '');
    writeFileSync(join(folder, 'notes.md'), '# Notes\n\n## 1. First\n\nSome text.\n');
    for (const name of ['empty.md', 'notes.md'])
      await expect(runDiff([join(folder, name), join(ROOT, EMAIL_PRO)], {}, capture())).rejects.toThrow(
        `${name}: not a responsibility-model guide`,
      );
  });

  it('a similarity threshold of 1 turns rewordings into removals and additions', async () => {
    const { out } = await run([EMAIL_PRO, HOSTED_EXCHANGE], { format: 'json', similarity: '1' });
    expect(JSON.parse(out).summary).toMatchObject({ reworded: 0, added: 4, removed: 3 });
  });
});

describe('raci diff with git: REV:path and --since', () => {
  const repo = scratchFolder('raci-git-');
  const git = (...args: string[]) => runGit(repo, args);
  const fixture = (name: string) => readFileSync(join(ROOT, DIFF_FIXTURES, name));
  const runIn = async (args: string[], options: Parameters<typeof runDiff>[1] = {}) => {
    const io = capture();
    const code = await runDiff(args, { cwd: repo, ...options }, io);
    return { code, out: io.out.join('\n'), err: io.err };
  };

  beforeAll(() => {
    git('init', '-q', '-b', 'main');
    cpSync(join(ROOT, DIFF_FIXTURES, 'base.en-gb.md'), join(repo, 'pages/a/guide.en-gb.md'), { recursive: true });
    cpSync(join(ROOT, DIFF_FIXTURES, 'base.en-gb.md'), join(repo, 'pages/c/guide.en-gb.md'), { recursive: true });
    writeFileSync(join(repo, 'README.md'), '# Guides\n');
    git('add', '.');
    git('commit', '-q', '-m', 'first');
    writeFileSync(join(repo, 'pages/a/guide.en-gb.md'), fixture('reassigned.en-gb.md'));
    git('commit', '-q', '-am', 'second: the infrastructure changes hands');
  });

  it('reads REV:path from git and compares it with the working tree', async () => {
    const { code, out } = await runIn(['HEAD~1:pages/a/guide.en-gb.md', 'pages/a/guide.en-gb.md'], { format: 'json', exitCode: true });
    expect(code).toBe(1);
    const diff = JSON.parse(out);
    expect(diff.old.label).toBe('HEAD~1:pages/a/guide.en-gb.md');
    expect(diff.old.locale).toBe('en-gb');
    expect(diff.summary).toMatchObject({ reassigned: 2, accountable: 1 });
  });

  it('two revisions of one path, and the same revision twice', async () => {
    expect((await runIn(['HEAD~1:pages/a/guide.en-gb.md', 'HEAD:pages/a/guide.en-gb.md'], { exitCode: true })).code).toBe(1);
    expect((await runIn(['HEAD:pages/a/guide.en-gb.md', 'pages/a/guide.en-gb.md'], { exitCode: true })).code).toBe(0);
  });

  it('a missing revision or path is a one-line error in git’s words', async () => {
    await expect(runIn(['HEAD~5:pages/a/guide.en-gb.md', 'pages/a/guide.en-gb.md'])).rejects.toThrow(
      /^HEAD~5:pages\/a\/guide\.en-gb\.md: invalid object name 'HEAD~5'\.?$/,
    );
    await expect(runIn(['HEAD:pages/b/guide.en-gb.md', 'pages/a/guide.en-gb.md'])).rejects.toThrow(
      /^HEAD:pages\/b\/guide\.en-gb\.md: path 'pages\/b\/guide\.en-gb\.md' does not exist in 'HEAD'$/,
    );
    await expect(runIn(['pages/a/guide.en-gb.md'], { since: 'nope' })).rejects.toThrow(
      new UsageError('nope: not a commit in this git repository'),
    );
  });

  it('without git on the PATH, says so', async () => {
    const saved = process.env.PATH;
    process.env.PATH = '';
    try {
      await expect(runIn(['HEAD~1:pages/a/guide.en-gb.md', 'pages/a/guide.en-gb.md'])).rejects.toThrow(
        'HEAD~1:pages/a/guide.en-gb.md: git is not installed or not on PATH; it is needed to read from a git revision',
      );
    } finally {
      process.env.PATH = saved;
    }
  });

  it('--since REV: every guide changed, added or deleted since, and markdown without a table skipped', async () => {
    writeFileSync(join(repo, 'pages/a/guide.en-gb.md'), fixture('moved.en-gb.md'));
    cpSync(join(ROOT, DIFF_FIXTURES, 'reworded.en-gb.md'), join(repo, 'pages/b/guide.en-gb.md'), { recursive: true });
    unlinkSync(join(repo, 'pages/c/guide.en-gb.md'));
    // Numbered sections but no activity table: not a guide, as raci check tells, so skipped.
    writeFileSync(join(repo, 'README.md'), '# Guides, changed\n\n### 1. Layout\n\nOne folder per service.\n');
    try {
      const { code, out, err } = await runIn([], { since: 'HEAD~1', format: 'json', exitCode: true });
      expect(code).toBe(1);
      const diffs = JSON.parse(out) as { old: { label: string }; new: { label: string }; summary: Record<string, number> }[];
      expect(diffs.map((diff) => [diff.old.label, diff.new.label])).toEqual([
        ['HEAD~1:pages/a/guide.en-gb.md', 'pages/a/guide.en-gb.md'],
        ['HEAD~1:pages/b/guide.en-gb.md (absent)', 'pages/b/guide.en-gb.md'],
        ['HEAD~1:pages/c/guide.en-gb.md', 'pages/c/guide.en-gb.md (absent)'],
      ]);
      expect(diffs.map((diff) => [diff.summary.added, diff.summary.removed, diff.summary.moved])).toEqual([
        [0, 0, 1],
        [7, 0, 0],
        [0, 7, 0],
      ]);
      expect(err).toEqual(['raci: 1 changed markdown file has no RACI table and was skipped']);
      // Paths narrow the search, as with git diff.
      const narrowed = await runIn(['pages/b'], { since: 'HEAD~1', format: 'json' });
      expect((JSON.parse(narrowed.out) as unknown[]).length).toBe(1);
      // From a subfolder, labels stay relative to where raci runs.
      const io = capture();
      await runDiff([], { since: 'HEAD', cwd: join(repo, 'pages'), format: 'json' }, io);
      expect((JSON.parse(io.out.join('\n')) as { new: { label: string } }[]).map((diff) => diff.new.label)).toEqual([
        'a/guide.en-gb.md',
        'b/guide.en-gb.md',
        'c/guide.en-gb.md (absent)',
      ]);
    } finally {
      git('checkout', '-q', '--', '.');
      rmSync(join(repo, 'pages/b'), { recursive: true, force: true });
    }
  });

  it('--since outside a git repository says so', async () => {
    const folder = scratchFolder('raci-nogit-');
    await expect(runDiff([], { since: 'HEAD', cwd: folder }, capture())).rejects.toThrow(new RegExp(`^${folder}: not a git repository`));
  });

  it('--since with nothing changed says so and exits 0', async () => {
    const { code, out } = await runIn([], { since: 'HEAD', exitCode: true });
    expect(code).toBe(0);
    expect(out).toBe('No responsibility model changed since HEAD.');
  });
});
