import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseFormatSpecs } from '../../src/cli/format-specs.js';
import { scratchGuideToCheck } from '../helpers/check.js';
import { CLI_MAIN } from '../helpers/paths.js';

const KNOWN = ['stylish', 'json', 'github', 'sarif'] as const;

describe('--format NAME[:FILE] values', () => {
  it('splits at the first colon only after a known format name', () => {
    expect(parseFormatSpecs(['stylish', 'sarif:out/raci.sarif'], KNOWN, 'stylish', undefined)).toEqual([
      { format: 'stylish' },
      { format: 'sarif', file: 'out/raci.sarif' },
    ]);
    expect(parseFormatSpecs(['json:C:\\reports\\raci.json'], KNOWN, 'stylish', undefined)).toEqual([
      { format: 'json', file: 'C:\\reports\\raci.json' },
    ]);
  });

  it('is stylish when no format is given, and sends reports without a file to --output-file', () => {
    expect(parseFormatSpecs([], KNOWN, 'stylish', undefined)).toEqual([{ format: 'stylish' }]);
    expect(parseFormatSpecs(['json', 'sarif:b.sarif'], KNOWN, 'stylish', 'a.json')).toEqual([
      { format: 'json', file: 'a.json' },
      { format: 'sarif', file: 'b.sarif' },
    ]);
  });

  it('refuses unknown names, an empty file, two reports to stdout and one file named twice', () => {
    expect(() => parseFormatSpecs(['C:\\x.sarif'], KNOWN, 'stylish', undefined)).toThrow(
      '--format C:\\x.sarif: unknown format; use one of stylish, json, github, sarif',
    );
    expect(() => parseFormatSpecs(['sarif:'], KNOWN, 'stylish', undefined)).toThrow('--format sarif:: expected a file after “sarif:”');
    expect(() => parseFormatSpecs(['stylish', 'json'], KNOWN, 'stylish', undefined)).toThrow(
      '--format stylish, json: only one report can go to stdout',
    );
    expect(() => parseFormatSpecs(['json:r.txt', 'sarif:r.txt'], KNOWN, 'stylish', undefined)).toThrow('r.txt: named for two reports');
    expect(() => parseFormatSpecs(['json', 'sarif:r.txt'], KNOWN, 'stylish', 'r.txt')).toThrow('r.txt: named for two reports');
  });
});

describe('raci check with several formats', () => {
  let dir: string;
  let file: string;
  let run: ReturnType<typeof scratchGuideToCheck>['run'];

  beforeEach(() => {
    const checked = scratchGuideToCheck('raci-formats-');
    ({ dir, file } = checked);
    run = (options) => checked.run({ color: false, ...options });
  });

  it('prints one report and writes the others, each as its format alone would', async () => {
    const stylish = await run({});
    const sarif = await run({ format: 'sarif' });
    const json = await run({ format: 'json' });
    const both = await run({ format: ['stylish', 'sarif:reports/raci.sarif', 'json:raci.json'] });
    expect(both.code).toBe(1);
    expect(both.out).toBe(stylish.out);
    expect(readFileSync(join(dir, 'reports/raci.sarif'), 'utf8')).toBe(`${sarif.out}\n`);
    expect(readFileSync(join(dir, 'raci.json'), 'utf8')).toBe(`${json.out}\n`);
  });

  it('the built command takes --format more than once', () => {
    const result = spawnSync(process.execPath, [CLI_MAIN, 'check', file, '--format', 'github', '-f', 'json:out/raci.json'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('::error file=');
    expect(JSON.parse(readFileSync(join(dir, 'out/raci.json'), 'utf8')).files[0].findings[0].code).toBe('accountable-multiple');
  });
});
