import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { CLI_MAIN, ROOT } from '../helpers/paths.js';

/**
 * The README shows real runs of raci diff and raci drift over the bundled
 * guides. Each block after a `<!-- raci-example: ARGS -->` comment must be what
 * `raci ARGS` prints today (its `$ npx raci …` line aside).
 */
const readme = readFileSync(`${ROOT}README.md`, 'utf8');
const examples = [...readme.matchAll(/<!-- raci-example: (.+?) -->\n```[a-z]*\n([\s\S]*?)\n```/g)].map((match) => ({
  args: match[1]!.split(' '),
  shown: match[2]!.replace(/^\$ npx raci .*\n/, ''),
}));

async function raci(args: string[]): Promise<string> {
  try {
    return (await promisify(execFile)(process.execPath, [CLI_MAIN, ...args], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 })).stdout;
  } catch (caught) {
    return (caught as { stdout: string }).stdout; // exit 1 still prints the comparison
  }
}

describe('README examples of raci diff and raci drift', () => {
  it('has one for each diff format and one for drift', () => {
    const commands = examples.map((example) => example.args.filter((arg) => !arg.includes('/')).join(' '));
    expect(commands).toEqual(['diff', 'diff --format markdown', 'diff --format json --exit-code', 'drift']);
  });

  it.each(examples.map((example) => [example.args.join(' ').slice(0, 60), example] as const))(
    '%s… prints what the README shows',
    async (_name, example) => {
      expect(await raci(example.args)).toBe(`${example.shown}\n`);
    },
  );
});
