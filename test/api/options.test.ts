import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDatasets } from '../../src/entries/datasets.js';
import { compareLocales, diffModels } from '../../src/entries/diff.js';
import { parseResponsibilityModelFile, safeParseResponsibilityModelFile } from '../../src/entries/files.js';
import {
  checkGuideBytes,
  checkGuideText,
  type ParseOptions,
  parseResponsibilityModel,
  parseResponsibilityModelBytes,
  safeParseResponsibilityModel,
  safeParseResponsibilityModelBytes,
} from '../../src/index.js';
import { FIXTURES } from '../helpers/paths.js';

const GUIDE = join(FIXTURES, 'corpus/pages/web_cloud/email_and_collaborative_solutions/email_pro/responsibility_model/guide.en-gb.md');
const bytes = readFileSync(GUIDE);
const text = bytes.toString('utf8');
const model = parseResponsibilityModel(text, { locale: 'en-gb' });

/** Options as a caller without types might pass them. */
const wrong = (options: unknown) => options as ParseOptions;

/** Every public function that takes parse options, called with the given ones. */
const parsers: [string, (options: ParseOptions) => unknown][] = [
  ['safeParseResponsibilityModel', (options) => safeParseResponsibilityModel(text, options)],
  ['parseResponsibilityModel', (options) => parseResponsibilityModel(text, options)],
  ['safeParseResponsibilityModelBytes', (options) => safeParseResponsibilityModelBytes(bytes, options)],
  ['parseResponsibilityModelBytes', (options) => parseResponsibilityModelBytes(bytes, options)],
  ['checkGuideText', (options) => checkGuideText(text, options)],
  ['checkGuideBytes', (options) => checkGuideBytes(bytes, options)],
];

describe('options are checked where they enter the API: a wrong one is a programmer error, thrown', () => {
  describe.each(parsers)('%s', (_name, call) => {
    it('throws a RangeError naming the option and the value for a limit that is negative, zero, fractional or not finite', () => {
      expect(() => call({ maxBytes: -1 })).toThrow(new RangeError('Invalid option maxBytes: expected a number greater than 0, got -1.'));
      expect(() => call({ maxColumns: 0 })).toThrow(new RangeError('Invalid option maxColumns: expected a number greater than 0, got 0.'));
      expect(() => call({ maxDepth: 2.5 })).toThrow(new RangeError('Invalid option maxDepth: expected an integer, got 2.5.'));
      expect(() => call({ maxNesting: Number.NaN })).toThrow(new RangeError('Invalid option maxNesting: expected a number, got NaN.'));
      expect(() => call({ maxInlineMarkers: Number.POSITIVE_INFINITY })).toThrow(RangeError);
    });

    it('throws a TypeError for a value of the wrong type, or options that are not an object', () => {
      expect(() => call(wrong({ maxBytes: '1000' }))).toThrow(new TypeError('Invalid option maxBytes: expected a number, got "1000".'));
      expect(() => call(wrong({ locale: 5 }))).toThrow(new TypeError('Invalid option locale: expected a string, got 5.'));
      expect(() => call(wrong(null))).toThrow(TypeError);
    });

    it('accepts valid options, and a limit is applied as a diagnostic, not thrown', () => {
      expect(() => call({ locale: 'en-gb', file: 'guide.en-gb.md', maxBytes: 10_000_000, maxColumns: 10 })).not.toThrow();
      const limited = safeParseResponsibilityModelBytes(bytes, { maxBytes: 100 });
      expect(limited.diagnostics.map((diagnostic) => diagnostic.code)).toEqual(['input-too-large']);
    });
  });

  it('says when the options are not an object at all', () => {
    expect(() => safeParseResponsibilityModel(text, wrong(null))).toThrow(new TypeError('Invalid options: expected an object, got null.'));
    expect(() => parseResponsibilityModelBytes(bytes, wrong('en-gb'))).toThrow(
      new TypeError('Invalid options: expected an object, got "en-gb".'),
    );
  });

  it('the file functions check the options before touching the file', async () => {
    await expect(safeParseResponsibilityModelFile('no/such/file.md', { maxBytes: -5 })).rejects.toThrow(
      new RangeError('Invalid option maxBytes: expected a number greater than 0, got -5.'),
    );
    await expect(parseResponsibilityModelFile(GUIDE, wrong({ file: 1 }))).rejects.toThrow(TypeError);
    await expect(parseResponsibilityModelFile(GUIDE, { maxBytes: 1_000_000 })).resolves.toEqual(model);
  });

  it('diffModels checks its thresholds (0 to 1)', () => {
    expect(() => diffModels(model, model, { rewordedThreshold: 1.5 })).toThrow(
      new RangeError('Invalid option rewordedThreshold: expected a number of at most 1, got 1.5.'),
    );
    expect(() => diffModels(model, model, { movedRewordedThreshold: -0.1 })).toThrow(RangeError);
    expect(diffModels(model, model, { rewordedThreshold: 0.3, oldLabel: 'a', newLabel: 'b' }).identical).toBe(true);
  });

  it('compareLocales checks its reference locale', () => {
    expect(() => compareLocales([model], { reference: wrong(['en-gb']) as unknown as string })).toThrow(
      new TypeError('Invalid option reference: expected a string, got an array.'),
    );
    expect(compareLocales([model], { reference: 'en-gb' }).reference?.locale).toBe('en-gb');
  });

  it('buildDatasets checks its options before building, nested ones by their path', async () => {
    await expect(buildDatasets([], { check: { maxBytes: 0 } })).rejects.toThrow(
      new RangeError('Invalid option check.maxBytes: expected a number greater than 0, got 0.'),
    );
    await expect(buildDatasets([], { escapeFormulas: wrong('yes') as unknown as boolean })).rejects.toThrow(
      new TypeError('Invalid option escapeFormulas: expected a boolean, got "yes".'),
    );
    const progress: number[] = [];
    const build = await buildDatasets([{ path: 'guide.en-gb.md', bytes }], {
      escapeFormulas: false,
      onGuide: ({ done }) => progress.push(done),
    });
    expect(build.guides).toHaveLength(1);
    expect(progress).toEqual([1]);
  });
});
