import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeParseResponsibilityModelBytes } from '../../src/index.js';
import { ROOT } from '../helpers/paths.js';

const GOLDEN = join(ROOT, 'test', 'parse', 'golden');
const realCases = JSON.parse(readFileSync(join(GOLDEN, 'cases.json'), 'utf8')) as Record<string, string>;
const syntheticCases = readdirSync(GOLDEN, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(GOLDEN, entry.name, 'input.md')))
  .map((entry) => entry.name);

const update = process.env['UPDATE'] === '1';
// In CI a missing expected file is a failure: written there, it would pass unreviewed.
const writeMissing = !process.env['CI'];

function expectGolden(file: string, actual: unknown): void {
  const text = `${JSON.stringify(actual, null, 2)}\n`;
  if (update || (!existsSync(file) && writeMissing)) {
    writeFileSync(file, text);
    return;
  }
  if (!existsSync(file)) {
    throw new Error(`${relative(ROOT, file)} is missing: run the tests without CI set (or with UPDATE=1), review the file and commit it`);
  }
  expect(JSON.parse(text)).toEqual(JSON.parse(readFileSync(file, 'utf8')));
}

function runCase(name: string, inputPath: string, fileName: string): void {
  const result = safeParseResponsibilityModelBytes(readFileSync(inputPath), { file: fileName });
  const folder = join(GOLDEN, name);
  if (!existsSync(folder)) throw new Error(`missing folder ${folder}`);
  expectGolden(join(folder, 'model.json'), result.model);
  expectGolden(
    join(folder, 'diagnostics.json'),
    result.diagnostics.map(({ file: _file, ...diagnostic }) => diagnostic),
  );
}

describe('golden models of real guides', () => {
  for (const [name, source] of Object.entries(realCases)) {
    it(name, () => runCase(name, join(ROOT, source), source));
  }
});

describe('golden models of synthetic guides', () => {
  for (const name of syntheticCases) {
    it(name, () => runCase(name, join(GOLDEN, name, 'input.md'), `${name}/input.md`));
  }
});
