import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ACTIVITY_FIXED_COLUMNS, DIAGNOSTIC_COLUMNS, GUIDE_COLUMNS } from '../../src/datasets/columns.js';
import { ROOT } from '../helpers/paths.js';

/** The reference pages name everything the code has: every dataset column, every command. */
describe('docs/datasets.md', () => {
  it('documents every column the build writes', async () => {
    const docs = await readFile(join(ROOT, 'docs/datasets.md'), 'utf8');
    for (const column of [...GUIDE_COLUMNS, ...ACTIVITY_FIXED_COLUMNS, ...DIAGNOSTIC_COLUMNS]) {
      expect(docs, column.name).toContain(`\`${column.name}\``);
    }
  });
});

describe('docs/cli.md', () => {
  it('shows the --help of every command', async () => {
    const docs = await readFile(join(ROOT, 'docs/cli.md'), 'utf8');
    const { stdout } = await promisify(execFile)(process.execPath, [join(ROOT, 'dist/cli/main.js'), '--help']);
    const commands = [...stdout.split('Commands:')[1]!.matchAll(/^ {2}([a-z]+) \[options\]/gm)].map((match) => match[1]);
    expect(commands).toEqual(expect.arrayContaining(['parse', 'check', 'report']));
    for (const command of commands) expect(docs, command).toContain(`$ raci ${command} --help\n`);
  });
});

describe('docs/testing.md', () => {
  it('names every test file in its table', async () => {
    const docs = await readFile(join(ROOT, 'docs/testing.md'), 'utf8');
    const { stdout } = await promisify(execFile)('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'test/**.test.ts'], {
      cwd: ROOT,
    });
    const files = stdout.split('\n').filter(Boolean);
    expect(files.length).toBeGreaterThan(40);
    expect(files.filter((file) => !docs.includes(`\`${file.split('/').at(-1)}\``))).toEqual([]);
  });
});
