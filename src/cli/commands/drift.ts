import { compareLocales, type LocaleGuide } from '../../compare/compare-locales.js';
import { formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { renderDriftMarkdown, renderDriftText } from '../../format/drift.js';
import { safeParseResponsibilityModelFile } from '../../parse/read-file.js';
import { localeFromPath } from '../../read/locale.js';
import { type LocaleComparison, LocaleComparisonSchema } from '../../schema/drift.js';
import { plural } from '../../util/strings.js';
import { describeFsError } from '../inputs.js';
import type { CommandIo } from '../io.js';

export interface DriftCommandOptions {
  reference?: string;
  format?: 'text' | 'markdown' | 'json';
  color?: boolean;
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

/**
 * `raci drift [paths...]`: every guide that has translations compared with the
 * reference locale. Exit 1 when a translation disagrees, 2 when a file cannot
 * be read (the others are still compared).
 */
export async function runDrift(files: readonly string[], options: DriftCommandOptions, io: CommandIo): Promise<number> {
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
  let withoutReference = 0;
  for (const [group, members] of groups) {
    if (members.length < 2) continue;
    const guides: LocaleGuide[] = [];
    for (const file of members) {
      try {
        const result = await safeParseResponsibilityModelFile(file);
        for (const diagnostic of result.diagnostics) if (diagnostic.severity === 'error') io.stderr(formatDiagnostic(diagnostic, file));
        guides.push({ model: result.model, file });
      } catch (caught) {
        io.stderr(`raci: ${file}: ${describeFsError(caught)}`);
        unreadable = true;
      }
    }
    const comparison = compareLocales(guides, { reference });
    if (!comparison.reference) {
      withoutReference += 1;
      io.stderr(
        `raci: note: ${group}*.md has no ${reference} guide (${comparison.guides.map((guide) => guide.locale).join(', ')}); not compared`,
      );
      continue;
    }
    comparisons.push(comparison);
  }

  const disagreements = comparisons.reduce((total, comparison) => total + comparison.disagreements, 0);
  const translations = comparisons.reduce((total, comparison) => total + comparison.translations.length, 0);
  const disagreeing = comparisons.reduce(
    (total, comparison) => total + comparison.translations.filter((translation) => translation.findings.length > 0).length,
    0,
  );
  const format = options.format ?? 'text';
  if (format === 'json') {
    io.stdout(
      JSON.stringify(
        comparisons.map((comparison) => LocaleComparisonSchema.parse(comparison)),
        null,
        2,
      ),
    );
  } else {
    const summary =
      `${plural(comparisons.length, 'guide')} with translations, ${plural(translations, 'translation')} compared with ${reference}: ` +
      (disagreements === 0 ? 'no disagreement' : `${plural(disagreements, 'disagreement')} in ${plural(disagreeing, 'translation')}`) +
      (withoutReference > 0 ? `; ${withoutReference} without ${reference}, not compared` : '');
    const body =
      format === 'markdown'
        ? renderDriftMarkdown(comparisons)
        : renderDriftText(comparisons, { color: options.color !== false && io.isTTY && !process.env.NO_COLOR });
    io.stdout(body === '' ? summary : `${body}\n\n${format === 'markdown' ? `**${summary}**` : summary}`);
  }
  if (unreadable) return 2;
  return disagreements > 0 ? 1 : 0;
}
