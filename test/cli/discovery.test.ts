import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runBuild } from '../../src/cli/commands/build.js';
import { type CheckCommandOptions, runCheck } from '../../src/cli/commands/check.js';
import { runSummary } from '../../src/cli/commands/summary.js';
import { discoverGuides } from '../../src/cli/discover.js';
import { expandInputs } from '../../src/cli/find-files.js';
import { decodeFileName } from '../../src/util/file-names.js';
import { capture, usageMessage } from '../helpers/capture.js';
import { runGit } from '../helpers/git.js';
import { FIXTURES } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

/**
 * How every command that walks folders finds guides: ignore files and
 * patterns, the pre-check that skips non-guides unparsed, links out of the
 * walked folder, names that are not UTF-8, and --since.
 */

const GUIDE = readFileSync(join(FIXTURES, 'seeds/000_ab7808a33b482c41.txt'));
const README_WITH_TABLE = '# Tool\n\n| option | default |\n| --- | --- |\n| `level` | 1 |\n';

function tree(root: string, files: Record<string, string | Buffer>): void {
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), content);
  }
}

async function check(paths: string[], cwd: string, options: CheckCommandOptions = {}) {
  const io = capture();
  const code = await runCheck(paths, { format: 'json', ...options }, io, { env: {}, cwd, version: '0.0.0-test' });
  const report = JSON.parse(io.out.join('\n')) as { files: { file: string }[]; summary: { skipped: number } };
  return { code, files: report.files.map((entry) => entry.file), skipped: report.summary.skipped, err: io.err };
}

describe('ignore files and patterns', () => {
  const root = scratchFolder('raci-discovery-');
  beforeAll(() => {
    mkdirSync(join(root, '.git'));
    tree(root, {
      'pages/a/guide.en-gb.md': GUIDE,
      'pages/b/guide.en-gb.md': GUIDE,
      'pages/drafts/guide.en-gb.md': GUIDE,
      'pages/drafts/keep/guide.en-gb.md': GUIDE,
      'pages/build/guide.en-gb.md': GUIDE,
      'pages/.raciignore': 'drafts/*\n!drafts/keep/\n',
      '.gitignore': 'build/\n',
    });
  });
  const found = async (inputs: string[], options: Parameters<typeof expandInputs>[1] = {}) =>
    (await expandInputs(inputs, { cwd: root, ...options })).files;

  it('.raciignore of a walked folder, with a negated pattern; .gitignore of the repository above it', async () => {
    expect(await found(['pages'])).toEqual(['pages/a/guide.en-gb.md', 'pages/b/guide.en-gb.md', 'pages/drafts/keep/guide.en-gb.md']);
  });

  it('--no-gitignore reads what .gitignore leaves out; .raciignore still applies', async () => {
    expect(await found(['pages'], { gitignore: false })).toContain('pages/build/guide.en-gb.md');
    expect(await found(['pages'], { gitignore: false })).not.toContain('pages/drafts/guide.en-gb.md');
  });

  it('--ignore-pattern (repeatable) and a path starting with "!" leave files out, relative to the current folder', async () => {
    expect(await found(['pages'], { ignorePatterns: ['pages/a/**'] })).toEqual([
      'pages/b/guide.en-gb.md',
      'pages/drafts/keep/guide.en-gb.md',
    ]);
    expect(await found(['pages', '!pages/b/**'], { ignorePatterns: ['pages/a/'] })).toEqual(['pages/drafts/keep/guide.en-gb.md']);
    expect(await found(['!pages/a/**'])).toEqual(['pages/b/guide.en-gb.md', 'pages/drafts/keep/guide.en-gb.md']);
  });

  it('a file named on the command line is never ignored', async () => {
    expect(await found(['pages/drafts/guide.en-gb.md'], { ignorePatterns: ['**/*.md'] })).toEqual(['pages/drafts/guide.en-gb.md']);
  });

  it('paths that match no file at all are a one-line usage error, also when every file is ignored', async () => {
    mkdirSync(join(root, 'empty'), { recursive: true });
    expect(await usageMessage(expandInputs(['empty'], { cwd: root }))).toBe('empty: no file found (folders are searched for *.md)');
    expect(await usageMessage(expandInputs(['pages/a'], { cwd: root, ignorePatterns: ['*.md'] }))).toBe(
      'pages/a: every file found is ignored (1 by .raciignore, .gitignore or --ignore-pattern)',
    );
  });
});

describe('the pre-check', () => {
  it('skips markdown that cannot be a guide without parsing it, counted as skipped like before', async () => {
    const root = scratchFolder('raci-discovery-');
    tree(root, { 'docs/guide.en-gb.md': GUIDE, 'docs/README.md': README_WITH_TABLE, 'docs/other.md': '# 1. Numbered\n\nNo table.\n' });
    const discovery = await discoverGuides(['docs'], { cwd: root });
    expect(discovery.files).toEqual(['docs/guide.en-gb.md']);
    expect(discovery.notGuides).toEqual(['docs/README.md', 'docs/other.md']);
    expect(await check(['docs'], root)).toMatchObject({ files: ['docs/guide.en-gb.md'], skipped: 2 });
  });

  it('says so on stderr when files are found and none is a guide', async () => {
    const root = scratchFolder('raci-discovery-');
    tree(root, { 'README.md': README_WITH_TABLE, 'CHANGES.md': '# Changes\n' });
    const result = await check(['.'], root);
    expect(result).toEqual({ code: 0, files: [], skipped: 2, err: ['raci: 2 markdown files found, none is a responsibility-model guide'] });
    const io = capture();
    const discovery = await discoverGuides(['.'], { cwd: root });
    await runSummary(discovery.files, io, { explicit: discovery.explicit, notGuides: discovery.notGuides.length });
    expect(io.err).toEqual(['raci: 2 markdown files found, none is a responsibility-model guide']);
  });
});

describe('hostile trees', () => {
  it('a link to a file outside the walked folder is never read: not in the datasets, not in check output', async () => {
    const root = scratchFolder('raci-discovery-');
    tree(root, {
      'secret/config': '[http "https://github.com/"]\n\textraheader = AUTHORIZATION: basic c2VjcmV0LXRva2Vu\n',
      'secret/guide.en-gb.md': GUIDE,
      'repo/pages/a/guide.en-gb.md': GUIDE,
      'repo/pages/b/notes.md': 'inside',
    });
    symlinkSync('../../../secret/config', join(root, 'repo/pages/a/leak.en-gb.md'));
    symlinkSync('../../../secret/guide.en-gb.md', join(root, 'repo/pages/a/outside.fr-fr.md'));
    symlinkSync('../a/guide.en-gb.md', join(root, 'repo/pages/b/inside.fr-fr.md'));
    const pages = join(root, 'repo/pages');

    const checked = await check([pages], root);
    expect(checked.files).toEqual([`${pages}/a/guide.en-gb.md`, `${pages}/b/inside.fr-fr.md`]);
    expect(checked.err).toEqual([
      `raci: ${pages}/a/leak.en-gb.md: skipped: a symbolic link to a file outside ${pages} (not read)`,
      `raci: ${pages}/a/outside.fr-fr.md: skipped: a symbolic link to a file outside ${pages} (not read)`,
    ]);

    const out = join(root, 'datasets');
    const io = capture();
    expect(await runBuild([pages], { out, allowErrors: true, jobs: 1 }, io)).toBe(0);
    expect(io.err).toContain(`raci: ${pages}/a/leak.en-gb.md: skipped: a symbolic link to a file outside ${pages} (not read)`);
    const written = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(json|jsonl|csv)$/.test(name))
      .map((name) => readFileSync(join(out, name), 'utf8'))
      .join('\n');
    expect(written).not.toContain('AUTHORIZATION');
    expect(written).not.toContain('outside.fr-fr');
    expect(written).toContain('inside.fr-fr');
  });

  it('a file name that is not valid UTF-8 is read by its bytes, and the rest of the folder still is', async () => {
    const root = scratchFolder('raci-discovery-');
    tree(root, { 'docs/guide.en-gb.md': GUIDE });
    const name = Buffer.concat([Buffer.from(join(root, 'docs/caf')), Buffer.of(0xe9), Buffer.from('.en-gb.md')]);
    writeFileSync(name, GUIDE);
    const shown = decodeFileName(name);
    const checked = await check(['docs'], root);
    expect(checked.code).toBe(0);
    expect(checked.err).toEqual([]);
    expect(checked.files).toEqual([shown.slice(root.length + 1), 'docs/guide.en-gb.md'].sort());
    const io = capture();
    const discovery = await discoverGuides(['docs'], { cwd: root });
    expect(
      await runSummary(
        discovery.files.map((file) => join(root, file)),
        io,
      ),
    ).toBe(0);
    expect(io.out.join('\n')).toMatch(/2 guides\s+48\s+96/);
  });
});

describe('--since REV', () => {
  const repo = scratchFolder('raci-since-');
  const git = (...args: string[]) => runGit(repo, args);

  beforeAll(() => {
    git('init', '-q', '-b', 'main');
    tree(repo, { 'pages/a/guide.en-gb.md': GUIDE, 'pages/b/guide.en-gb.md': GUIDE, 'README.md': '# Guides\n' });
    git('add', '.');
    git('commit', '-q', '-m', 'first');
  });

  it('no guide changed: a clean run, saying so', async () => {
    expect(await check(['pages'], repo, { since: 'HEAD' })).toEqual({
      code: 0,
      files: [],
      skipped: 0,
      err: ['raci: no guide changed since HEAD'],
    });
  });

  it('checks only the guides added or changed; a changed README is skipped, not reported', async () => {
    tree(repo, {
      'pages/b/guide.en-gb.md': Buffer.concat([GUIDE, Buffer.from('\nOne more line.\n')]),
      'pages/c/guide.fr-fr.md': GUIDE,
      'README.md': README_WITH_TABLE,
    });
    const result = await check([], repo, { since: 'HEAD' });
    expect(result.files).toEqual(['pages/b/guide.en-gb.md', 'pages/c/guide.fr-fr.md']);
    expect(result.err).toEqual([]);
    expect((await check(['pages/c'], repo, { since: 'HEAD' })).files).toEqual(['pages/c/guide.fr-fr.md']);
  });

  it('a changed link to a file outside the repository is never read', async () => {
    const outside = scratchFolder('raci-outside-');
    writeFileSync(join(outside, 'guide.en-gb.md'), GUIDE);
    symlinkSync(join(outside, 'guide.en-gb.md'), join(repo, 'pages/a/linked.en-gb.md'));
    const result = await check(['pages/a'], repo, { since: 'HEAD' });
    expect(result.files).toEqual([]);
    expect(result.err).toContain('raci: pages/a/linked.en-gb.md: skipped: a symbolic link to a file outside the repository (not read)');
  });

  it('a revision that is not a commit is a one-line usage error', async () => {
    expect(await usageMessage(check([], repo, { since: 'no-such-rev' }))).toBe('no-such-rev: not a commit in this git repository');
  });
});
