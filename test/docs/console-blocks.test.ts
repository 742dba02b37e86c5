import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';
import { type ConsoleCommand, consoleCommands, fencedBlocks } from './console-blocks.js';

/**
 * Every `console` block of the README and of docs/ is run, and what each `$ `
 * line prints must be exactly the lines shown under it, so no shown output can
 * go stale. The reference pages generated from the code (rules, diagnostics)
 * and the API reference are checked by their own tests.
 *
 * A block runs as one `sh` script (so `echo $?` gives the exit code of the
 * command above it) in a fresh folder that mirrors the repository root through
 * symbolic links: paths read as they do from a clone, and folders a command
 * writes (`--out report/`) are new ones, removed afterwards. `raci` is the
 * built CLI, `node dist/cli/main.js`; stderr is shown where it interleaves with
 * stdout. Commands must not reach the network or write into mirrored folders
 * (an `--out` into one is refused, unless `--check` makes it read-only).
 * A `js` block of the same page whose first line is `// NAME.mjs` is written to
 * NAME.mjs in that folder first, where `responsibility-model` imports the
 * built package, so a page can show a program and what it prints.
 * `UPDATE=1` writes what the commands print into the blocks instead, to be
 * reviewed like any other change.
 */
const GENERATED_ELSEWHERE = new Set(['api.md', 'rules.md', 'diagnostics.md']);
/** Folders that are local state or output, not part of what a clone shows. */
const NOT_MIRRORED = new Set(['.git', 'node_modules', 'report', 'coverage', '.bench', '.scratch']);
const MIRRORED = (await readdir(ROOT)).filter((name) => !NOT_MIRRORED.has(name));

async function documentationFiles(): Promise<string[]> {
  const pages = (await readdir(join(ROOT, 'docs'))).filter((name) => name.endsWith('.md') && !GENERATED_ELSEWHERE.has(name));
  return ['README.md', ...pages.sort().map((name) => `docs/${name}`)];
}

const files = await documentationFiles();
const documents = await Promise.all(files.map(async (file) => ({ file, blocks: fencedBlocks(await readFile(join(ROOT, file), 'utf8')) })));
const consoleBlocks = documents.flatMap(({ file, blocks }) =>
  blocks.filter((block) => block.info === 'console').map((block) => ({ file, line: block.line, commands: consoleCommands(block.lines) })),
);
const PROGRAM_NAME = /^\/\/ ([\w.-]+\.mjs)$/;
/** The programs each page shows, by file name. */
const programs = new Map(
  documents.map(({ file, blocks }) => [
    file,
    blocks.flatMap((block) => {
      const name = block.info === 'js' ? PROGRAM_NAME.exec(block.lines[0] ?? '')?.[1] : undefined;
      return name ? [{ name, source: block.lines.join('\n') }] : [];
    }),
  ]),
);

/** A new folder whose entries link to the repository root's. */
async function mirrorOfRoot(): Promise<string> {
  const folder = scratchFolder('raci-docs-');
  await Promise.all(MIRRORED.map((name) => symlink(join(ROOT, name), join(folder, name))));
  await mkdir(join(folder, 'node_modules'));
  await symlink(ROOT, join(folder, 'node_modules', 'responsibility-model'));
  return folder;
}

/** The folder a command writes into, when it names one with --out or -o. */
function outputFolder(command: string): string | undefined {
  return /(?:--out|-o)[ =](\S+)/.exec(command)?.[1];
}

/** Runs the commands of one block in one shell and gives back what each printed. */
async function run(
  commands: readonly ConsoleCommand[],
  shownPrograms: readonly { name: string; source: string }[],
): Promise<ConsoleCommand[]> {
  for (const { command } of commands) {
    const out = outputFolder(command)?.split('/')[0];
    if (out !== undefined && MIRRORED.includes(out) && !/\s--check\b/.test(command))
      throw new Error(`${command}: would write into the repository's ${out}`);
  }
  const cwd = await mirrorOfRoot();
  await Promise.all(shownPrograms.map(({ name, source }) => writeFile(join(cwd, name), source)));
  const marker = `--- console block ${process.pid} ${Date.now()} ---`;
  // The marker keeps the exit status of the command before it, for `echo $?`.
  const printMarker = `raci_status=$?; printf '\\n%s\\n' '${marker}'; raci_return "$raci_status"`;
  const script = [
    'exec 2>&1',
    'raci() { node "$RACI_CLI" "$@"; }',
    'raci_return() { return "$1"; }',
    ...commands.flatMap(({ command }) => [printMarker, command]),
    printMarker,
    'exit 0',
  ].join('\n');
  const env: NodeJS.ProcessEnv = { ...process.env, RACI_CLI: join(ROOT, 'dist/cli/main.js') };
  delete env.FORCE_COLOR;
  delete env.NO_COLOR;
  // Examples run inside a CI job must not append to that job's summary.
  delete env.GITHUB_STEP_SUMMARY;
  const { stdout } = await promisify(execFile)('sh', ['-c', script], {
    cwd,
    env,
    maxBuffer: 64 * 1024 * 1024,
  });
  const outputs = stdout.split(`\n${marker}\n`).slice(1, -1);
  return commands.map(({ command }, index) => ({ command, output: (outputs[index] ?? '').replace(/\n$/, '') }));
}

function blockText(commands: readonly ConsoleCommand[]): string {
  const lines = commands.flatMap(({ command, output }) => [`$ ${command}`, ...(output === '' ? [] : [output])]);
  return `\`\`\`console\n${lines.join('\n')}\n\`\`\``;
}

async function rewriteBlock(file: string, shown: readonly ConsoleCommand[], printed: readonly ConsoleCommand[]): Promise<void> {
  const path = join(ROOT, file);
  const markdown = await readFile(path, 'utf8');
  await writeFile(path, markdown.replaceAll(blockText(shown), blockText(printed)));
}

describe('console blocks of the documentation', () => {
  it('are found in the README and the reference pages', () => {
    const documented = new Set(consoleBlocks.map((block) => block.file));
    expect([...documented]).toEqual(expect.arrayContaining(['README.md', 'docs/cli.md']));
    expect(consoleBlocks.every((block) => block.commands.length > 0)).toBe(true);
  });

  it.each(consoleBlocks.map((block) => [`${block.file}:${block.line}`, block] as const))(
    '%s prints what it shows',
    async (_place, block) => {
      const printed = await run(block.commands, programs.get(block.file) ?? []);
      if (process.env.UPDATE === '1') await rewriteBlock(block.file, block.commands, printed);
      else expect(printed).toEqual(block.commands);
    },
    180_000,
  );

  it('other code blocks show no command with its output: they are illustrations', () => {
    const prompts = documents.flatMap(({ file, blocks }) =>
      blocks
        .filter((block) => block.info !== 'console')
        .flatMap((block) => block.lines.filter((line) => line.startsWith('$ ')).map((line) => `${file}:${block.line}: ${line}`)),
    );
    expect(prompts).toEqual([]);
  });
});

describe('reading console blocks', () => {
  it('pairs each command with the lines under it, continuation lines included', () => {
    const lines = ['$ raci parse a.md \\', '  --locale fr-fr', 'first', 'second', '$ echo $?', '1'];
    expect(consoleCommands(lines)).toEqual([
      { command: 'raci parse a.md \\\n  --locale fr-fr', output: 'first\nsecond' },
      { command: 'echo $?', output: '1' },
    ]);
  });

  it('refuses output shown before any command', () => {
    expect(() => consoleCommands(['stray output', '$ raci --version'])).toThrow('output before the first command: stray output');
  });

  it('finds fenced blocks with their info string, and only those', () => {
    const markdown = ['text', '```console', '$ raci --version', '````', '', '~~~~ sh', 'npm test', '~~~~', '    $ indented code'].join(
      '\n',
    );
    expect(fencedBlocks(markdown)).toEqual([
      { info: 'console', line: 2, lines: ['$ raci --version'] },
      { info: 'sh', line: 6, lines: ['npm test'] },
    ]);
  });
});
