import { writeFile } from 'node:fs/promises';
import { compareLocales, type LocaleGuide } from '../../compare/compare-locales.js';
import type { DriftFixResult, SkippedDriftRow } from '../../compare/fix-drift.js';
import { formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { renderDriftMarkdown, renderDriftText } from '../../format/drift.js';
import { parseGuideBytes } from '../../parse/parse-bytes.js';
import { readGuideBytes } from '../../parse/read-bytes.js';
import { localeFromPath } from '../../read/locale.js';
import { type LocaleComparison, LocaleComparisonSchema } from '../../schema/drift.js';
import type { ResponsibilityModel } from '../../schema/model.js';
import { stringifyJson } from '../../util/control-characters.js';
import { plural } from '../../util/strings.js';
import { describeFsError, UsageError } from '../inputs.js';
import type { CommandIo } from '../io.js';
import { lastMatrixChange } from '../matrix-history.js';
import { encodeLike } from './check-file.js';

export interface DriftCommandOptions {
  reference?: string;
  format?: 'text' | 'markdown' | 'json';
  color?: boolean;
  /** Write the reference's letters into the translations' rows whose letters differ. */
  fix?: boolean;
  /** With `fix`: print the diff instead of writing. */
  dryRun?: boolean;
}

/**
 * The translations of one guide sit side by side: `dir/guide.en-gb.md`,
 * `dir/guide.fr-fr.md`. The group is the path with the locale taken out.
 */
export function translationGroup(file: string): string | undefined {
  const locale = localeFromPath(file);
  if (!locale) return undefined;
  return file.slice(0, file.length - `${locale}.md`.length);
}

/** One file of a translation group, as read. */
interface ReadFile {
  file: string;
  bytes: Uint8Array;
  model: ResponsibilityModel;
  /** The decoded text, when writing it back as UTF-8 gives the same bytes elsewhere (else no fix). */
  text?: string;
}

const REASONS: Record<SkippedDriftRow['reason'], string> = {
  'reference-error': 'the reference row has an error of its own',
  'section-unaligned': 'its section has a row missing, extra or out of order, so rows are paired by a guess',
  'cell-not-letters': 'a cell holds more than letters',
  'row-width': 'the row has cells missing or in excess',
  'not-verified': 'the fixed row did not read back as the reference’s letters',
};

/**
 * `raci drift [paths...]`: every guide that has translations compared with the
 * reference locale. With `--fix`, the letters of rows that differ are first
 * rewritten to the reference's (`--dry-run`: shown as a diff) and what is
 * left is reported. Exit 1 when a translation disagrees (after the fixes),
 * 2 when a file cannot be read or written (the others are still compared).
 */
export async function runDrift(files: readonly string[], options: DriftCommandOptions, io: CommandIo): Promise<number> {
  if (options.dryRun && !options.fix) throw new UsageError('--dry-run only applies to --fix');
  const reference = (options.reference ?? 'en-gb').toLowerCase();
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const group = translationGroup(file);
    if (group === undefined) continue; // not a translation (README.md and the like)
    const members = groups.get(group);
    if (members) members.push(file);
    else groups.set(group, [file]);
  }

  let unreadable = false;
  const comparisons: LocaleComparison[] = [];
  const fixes = new FixTally();
  let withoutReference = 0;
  for (const [group, members] of groups) {
    if (members.length < 2) continue;
    const read: ReadFile[] = [];
    for (const file of members) {
      try {
        read.push(await readFile(file, io));
      } catch (caught) {
        io.stderr(`raci: ${file}: ${describeFsError(caught)}`);
        unreadable = true;
      }
    }
    const guides = await Promise.all(read.map(localeGuide));
    let comparison = compareLocales(guides, { reference });
    if (!comparison.reference) {
      withoutReference += 1;
      io.stderr(
        `raci: note: ${group}*.md has no ${reference} guide (${comparison.guides.map((guide) => guide.locale).join(', ')}); not compared`,
      );
      continue;
    }
    if (options.fix) {
      const fixed = await fixGroup(read, comparison, reference, options, io, fixes);
      if (fixed.writeFailed) unreadable = true;
      if (fixed.changed) comparison = compareLocales(await Promise.all(fixed.read.map(localeGuide)), { reference });
    }
    comparisons.push(comparison);
  }

  if (options.dryRun) {
    io.stdout(fixes.diffs.join('\n').trimEnd());
    io.stderr(`raci: --dry-run: ${fixes.summary('would be fixed')}.`);
  } else {
    if (options.fix) io.stderr(`raci: --fix: ${fixes.summary('fixed')}.`);
    report(comparisons, reference, withoutReference, options, io);
  }
  if (unreadable) return 2;
  return comparisons.some((comparison) => comparison.disagreements > 0) ? 1 : 0;
}

async function readFile(file: string, io: CommandIo): Promise<ReadFile> {
  const bytes = await readGuideBytes(file);
  const { result, decoded } = parseGuideBytes(bytes, { file });
  for (const diagnostic of result.diagnostics) if (diagnostic.severity === 'error') io.stderr(formatDiagnostic(diagnostic, file));
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  const rewritable = decoded?.isText === true && decoded.diagnostics.length === 0 && !utf16;
  return { file, bytes, model: result.model, ...(rewritable ? { text: decoded.text } : {}) };
}

async function localeGuide(entry: ReadFile): Promise<LocaleGuide> {
  const changed = await lastMatrixChange(entry.file);
  return { model: entry.model, file: entry.file, ...(changed ? { changed } : {}) };
}

/** Rows fixed and left, over the whole run. */
class FixTally {
  readonly diffs: string[] = [];
  rows = 0;
  files = 0;
  left = 0;

  summary(done: string): string {
    const rows = `${plural(this.rows, 'row')} ${done} in ${plural(this.files, 'translation')}`;
    return this.left === 0 ? rows : `${rows}; ${plural(this.left, 'row')} with letters that differ left for a writer`;
  }
}

/**
 * The fixes of one group's translations, written (or diffed with --dry-run).
 * `read` comes back with the fixed texts and models, to be compared again.
 */
async function fixGroup(
  read: readonly ReadFile[],
  comparison: LocaleComparison,
  reference: string,
  options: DriftCommandOptions,
  io: CommandIo,
  tally: FixTally,
): Promise<{ read: ReadFile[]; changed: boolean; writeFailed: boolean }> {
  const { fixDrift } = await import('../../compare/fix-drift.js');
  const { unifiedDiff } = await import('../../rules/fix.js');
  const base = read.find((entry) => entry.file === comparison.reference?.file);
  let changed = false;
  let writeFailed = false;
  const after: ReadFile[] = [];
  for (const entry of read) {
    const translation = comparison.translations.find((candidate) => candidate.file === entry.file);
    const lettersDiffer = translation?.findings.filter((finding) => finding.kind === 'letters-differ').length ?? 0;
    if (!translation || lettersDiffer === 0 || !base) {
      after.push(entry);
      continue;
    }
    if (base.text === undefined || entry.text === undefined) {
      io.stderr(`raci: ${entry.file}: not fixed: ${base.text === undefined ? base.file : entry.file} is not plain UTF-8 text`);
      tally.left += lettersDiffer;
      after.push(entry);
      continue;
    }
    const result: DriftFixResult = fixDrift({ text: base.text, locale: reference }, { text: entry.text, locale: translation.locale });
    for (const row of result.skipped) {
      io.stderr(`raci: ${entry.file}:${row.line}: ${row.section} row ${row.row} not fixed: ${REASONS[row.reason]}`);
    }
    tally.left += result.skipped.length;
    if (result.fixed.length === 0) {
      after.push(entry);
      continue;
    }
    tally.rows += result.fixed.length;
    tally.files += 1;
    changed = true;
    const bytes = encodeLike(entry.bytes, result.text);
    if (options.dryRun) tally.diffs.push(unifiedDiff(entry.file, entry.text, result.text));
    else {
      try {
        await writeFile(entry.file, bytes);
      } catch (caught) {
        io.stderr(`raci: ${entry.file}: cannot write the fixes: ${describeFsError(caught)}`);
        writeFailed = true;
      }
    }
    const { result: parsed } = parseGuideBytes(bytes, { file: entry.file });
    after.push({ file: entry.file, bytes, model: parsed.model, text: result.text });
  }
  return { read: after, changed, writeFailed };
}

function report(
  comparisons: readonly LocaleComparison[],
  reference: string,
  withoutReference: number,
  options: DriftCommandOptions,
  io: CommandIo,
): void {
  const disagreements = comparisons.reduce((total, comparison) => total + comparison.disagreements, 0);
  const translations = comparisons.reduce((total, comparison) => total + comparison.translations.length, 0);
  const count = (test: (translation: LocaleComparison['translations'][number]) => boolean): number =>
    comparisons.reduce((total, comparison) => total + comparison.translations.filter(test).length, 0);
  const disagreeing = count((translation) => translation.findings.length > 0);
  const stale = count((translation) => translation.stale !== undefined);
  const untranslated = count((translation) => translation.untranslated !== undefined);
  const format = options.format ?? 'text';
  if (format === 'json') {
    io.stdout(stringifyJson(comparisons.map((comparison) => LocaleComparisonSchema.parse(comparison))));
    return;
  }
  const summary =
    `${plural(comparisons.length, 'guide')} with translations, ${plural(translations, 'translation')} compared with ${reference}: ` +
    (disagreements === 0 ? 'no disagreement' : `${plural(disagreements, 'disagreement')} in ${plural(disagreeing, 'translation')}`) +
    (stale > 0 ? `; ${stale} stale` : '') +
    (untranslated > 0 ? `; ${untranslated} untranslated` : '') +
    (withoutReference > 0 ? `; ${withoutReference} without ${reference}, not compared` : '');
  const body =
    format === 'markdown'
      ? renderDriftMarkdown(comparisons)
      : renderDriftText(comparisons, { color: options.color !== false && io.isTTY && !process.env.NO_COLOR });
  io.stdout(body === '' ? summary : `${body}\n\n${format === 'markdown' ? `**${summary}**` : summary}`);
}
