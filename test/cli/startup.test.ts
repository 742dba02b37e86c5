import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EMAIL_PRO_GUIDE } from '../../scripts/synthetic-guides.js';
import { CLI_MAIN as MAIN, SUPPORT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

const RECORDER = join(SUPPORT, 'record-modules.mjs');
const scratch = scratchFolder('raci-startup-');

/** The ES modules `raci ARGS` loads, as URLs (the CLI must be built: npm test builds first). */
function modulesLoadedBy(args: string[]): string[] {
  const log = join(scratch, `${args.join('_').replace(/\W+/g, '-')}.log`);
  try {
    execFileSync(process.execPath, ['--import', RECORDER, MAIN, ...args], { env: { ...process.env, RACI_MODULE_LOG: log }, stdio: 'pipe' });
  } catch {
    // Findings give exit code 1; only the list of modules matters here.
  }
  return readFileSync(log, 'utf8').split('\n').filter(Boolean);
}

const HEAVY =
  /\/node_modules\/(?:unified|remark-[\w-]+|micromark[\w-]*|mdast-[\w-]+|zod|yaml)\/|\/dist\/(?:schema|parse|markdown|tables)\//;

describe('start-up: load only what the command needs', () => {
  it.each([['--version'], ['--help'], ['parse', '--help']])('raci %s loads commander but not the parser', (...args) => {
    const modules = modulesLoadedBy(args);
    expect(modules.some((url) => url.includes('/node_modules/commander/'))).toBe(true);
    expect(modules.filter((url) => HEAVY.test(url))).toEqual([]);
  });

  it('raci parse of a guide does load the parser (the recorder sees lazy imports)', () => {
    const modules = modulesLoadedBy(['parse', EMAIL_PRO_GUIDE]);
    expect(modules.some((url) => url.includes('/node_modules/micromark/'))).toBe(true);
    expect(modules.some((url) => url.endsWith('/dist/parse/parse.js'))).toBe(true);
  });
});
