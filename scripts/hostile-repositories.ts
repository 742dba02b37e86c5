import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Inputs a hostile pull request can bring that are within every default limit
 * (under `maxBytes`) yet once made a command quadratic. Written on demand into
 * a scratch folder by the benchmark and by the tests; never committed.
 */

const LEGEND = ['| Roles |', '| --- |', '| R: Responsible |', '| A: Accountable |', '| C: Consulted |', '| I: Informed |'];

/** A guide with one section holding every row given, each as `| text | customer | OVHcloud |`. */
export function oneSectionGuide(rows: readonly { text: string; customer: string; provider: string }[]): string {
  return [
    '---',
    'title: Hostile guide',
    '---',
    '',
    ...LEGEND,
    '',
    '## 1. Everything',
    '',
    '| Activity | Customer | OVHcloud |',
    '| --- | --- | --- |',
    ...rows.map((row) => `| ${row.text} | ${row.customer} | ${row.provider} |`),
    '',
  ].join('\n');
}

/** A made-up word for `index`, distinct for every index: letters only, so it is one word to the text measure. */
export function wordFor(index: number): string {
  let word = '';
  let rest = index;
  do {
    word += String.fromCharCode(97 + (rest % 26));
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  return `w${word}`;
}

/** `count` rows that share no word: every pair scores 0, so no pair is worth scoring. */
export function dissimilarRows(count: number, offset = 0): { text: string; customer: string; provider: string }[] {
  return Array.from({ length: count }, (_, index) => ({
    text: `${wordFor(2 * (index + offset))} ${wordFor(2 * (index + offset) + 1)}`,
    customer: 'RA',
    provider: 'I',
  }));
}

/** `count` rows that share all their words but one: every pair is similar enough to be a rewording. */
export function similarRows(count: number, provider = 'I'): { text: string; customer: string; provider: string }[] {
  return Array.from({ length: count }, (_, index) => ({
    text: `Configure the backup of server ${wordFor(index)}`,
    customer: 'RA',
    provider,
  }));
}

/** A baseline of `count` entries that all share one file, rule and text. */
export function sameKeyBaseline(file: string, count: number): string {
  const entry = { file, rule: 'accountable-missing', text: 'Do', count: 1 };
  return `${JSON.stringify({ version: 1, findings: Array.from({ length: count }, () => entry) })}\n`;
}

export interface HostileRepository {
  /** The folder the files were written to. */
  root: string;
  /** Paths relative to `root`. */
  files: {
    dissimilarOld: string;
    dissimilarNew: string;
    similarOld: string;
    similarNew: string;
    manyFindings: string;
    baselineGuide: string;
    baseline: string;
  };
}

/** Sizes of the inputs written by `writeHostileRepository`, each kept under the default `maxBytes`. */
export interface HostileSizes {
  dissimilarRows: number;
  similarRows: number;
  findingRows: number;
  baselineEntries: number;
}

export const REPRODUCTION_SIZES: HostileSizes = {
  dissimilarRows: 15_000,
  similarRows: 8_000,
  findingRows: 20_000,
  baselineEntries: 100_000,
};

export function writeHostileRepository(root: string, sizes: HostileSizes = REPRODUCTION_SIZES): HostileRepository {
  mkdirSync(root, { recursive: true });
  const files: HostileRepository['files'] = {
    dissimilarOld: 'dissimilar-old.md',
    dissimilarNew: 'dissimilar-new.md',
    similarOld: 'similar-old.md',
    similarNew: 'similar-new.md',
    manyFindings: 'many-findings.md',
    baselineGuide: 'baseline-guide.md',
    baseline: 'baseline.json',
  };
  const write = (name: string, text: string): void => writeFileSync(join(root, name), text);
  // Old and new share no text, so every row is a candidate rewording of every other.
  write(files.dissimilarOld, oneSectionGuide(dissimilarRows(sizes.dissimilarRows)));
  write(files.dissimilarNew, oneSectionGuide(dissimilarRows(sizes.dissimilarRows, sizes.dissimilarRows)));
  write(files.similarOld, oneSectionGuide(similarRows(sizes.similarRows)));
  write(files.similarNew, oneSectionGuide(similarRows(sizes.similarRows).map((row) => ({ ...row, text: `${row.text} daily` }))));
  // Every row has no accountable party: one finding per row.
  write(
    files.manyFindings,
    oneSectionGuide(Array.from({ length: sizes.findingRows }, (_, index) => ({ text: wordFor(index), customer: 'R', provider: 'I' }))),
  );
  write(files.baselineGuide, oneSectionGuide([{ text: 'Do', customer: 'R', provider: 'I' }]));
  write(files.baseline, sameKeyBaseline(files.baselineGuide, sizes.baselineEntries));
  return { root, files };
}
