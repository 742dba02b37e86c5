import pc from 'picocolors';
import type { DriftFinding, DriftGuide, DriftRow, LocaleComparison, TranslationReport } from '../schema/drift.js';
import type { RoleLetter } from '../schema/model.js';
import { inertText } from '../util/control-characters.js';
import { mapStrings } from '../util/map-strings.js';
import { NONE, plural } from '../util/strings.js';
import { lettersText } from './diff-shared.js';
import { escapeMarkdown, inlineCode } from './markdown-escape.js';

export interface DriftTextOptions {
  /** ANSI colours (the CLI turns them on for a terminal). */
  color?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

const KIND_TEXT: Record<DriftFinding['kind'], string> = {
  'letters-differ': 'letters differ',
  'scopes-differ': 'applicability differs',
  'row-order-differs': 'row order differs',
  'row-missing': 'row missing',
  'row-extra': 'row extra',
  'section-missing': 'section missing',
  'section-extra': 'section extra',
  'section-number-differs': 'section renumbered',
  'party-missing': 'party column missing',
  'party-extra': 'party column extra',
};

function baseName(file: string | undefined): string {
  return file ? (file.split(/[\\/]/).pop() ?? file) : '(model)';
}

function place(file: string | undefined, line: number | null): string {
  return line === null ? '—' : `${baseName(file)}:${line}`;
}

/** `[Customer RA · OVHcloud R]`, each party named by its column header in that guide. */
function assignmentsText(assignments: Record<string, RoleLetter[]> | undefined, guide: DriftGuide): string {
  if (!assignments) return '';
  const label = (id: string): string => guide.parties.find((party) => party.id === id)?.label ?? id;
  const parts = Object.entries(assignments)
    .filter(([, letters]) => letters.length > 0)
    .map(([party, letters]) => `${label(party)} ${letters.join('')}`);
  return `[${parts.length > 0 ? parts.join(' · ') : NONE}]`;
}

function where(finding: DriftFinding): string {
  if (finding.section === null) return 'table';
  return finding.row === null ? finding.section : `${finding.section} row ${finding.row}`;
}

function applies(value: boolean): string {
  return value ? 'applies' : 'does not apply';
}

/** What disagrees, in a few words: `OVHcloud: RA in en-gb, R in fr-fr`. */
function findingSummary(finding: DriftFinding, referenceLocale: string, translationLocale: string): string {
  switch (finding.kind) {
    case 'letters-differ':
    case 'scopes-differ':
      return [
        ...finding.parties.map(
          (party) =>
            `${party.label}: ${lettersText(party.reference)} in ${referenceLocale}, ${lettersText(party.translation)} in ${translationLocale}`,
        ),
        ...finding.scopes.map(
          (scope) =>
            `${scope.label}: ${applies(scope.reference)} in ${referenceLocale}, ${applies(scope.translation)} in ${translationLocale}`,
        ),
      ].join('; ');
    case 'row-order-differs':
      return `${referenceLocale} row ${finding.reference.row ?? '?'} is row ${finding.translation.row ?? '?'} in ${translationLocale} (same letters)`;
    case 'row-missing':
      return `no such row in ${translationLocale}`;
    case 'row-extra':
      return `row only in ${translationLocale}`;
    case 'section-missing':
      return `no such section in ${translationLocale}`;
    case 'section-extra':
      return `section only in ${translationLocale}`;
    case 'section-number-differs':
      return `numbered ${finding.translation.section ?? '?'} in ${translationLocale}`;
    case 'party-missing':
      return `column ${finding.party?.label ?? '?'} missing in ${translationLocale}`;
    case 'party-extra':
      return `column ${finding.party?.label ?? '?'} only in ${translationLocale}`;
  }
}

/** The row, the section heading, or where the missing thing would be. */
function rowDescription(row: DriftRow, kind: DriftFinding['kind'], guide: DriftGuide): string {
  if (kind === 'party-missing' || kind === 'party-extra') return row.line === null ? '(no table)' : '(first row of the tables)';
  if (row.text !== undefined) return `${row.section ? `(in ${row.section}) ` : ''}${row.text}  ${assignmentsText(row.assignments, guide)}`;
  if (row.title !== undefined) return `§ ${row.section ? `${row.section} ` : ''}${row.title}`;
  return row.line === null ? '(not there)' : '(not there; would follow this line)';
}

function rowLine(guide: DriftGuide, row: DriftRow, kind: DriftFinding['kind'], c: Colors): string {
  return `      ${guide.locale.padEnd(5)}  ${c.dim(place(guide.file, row.line))}  ${rowDescription(row, kind, guide)}`;
}

/** `raci drift --format text`: each guide's folder, then each translation with its findings, control characters escaped. */
export function renderDriftText(original: readonly LocaleComparison[], options: DriftTextOptions = {}): string {
  const comparisons = mapStrings(original, inertText);
  const c = pc.createColors(options.color ?? false);
  const blocks: string[] = [];
  for (const comparison of comparisons) {
    if (!comparison.reference || comparison.translations.length === 0) continue;
    const reference = comparison.reference;
    const lines = [c.bold(groupName(comparison))];
    for (const translation of comparison.translations) lines.push(...translationLines(reference, translation, c));
    blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n');
}

/** `fr-fr is stale: the en-gb matrix changed on 2025-01-01, fr-fr last on 2024-01-01 (git history)`. */
function staleText(referenceLocale: string, translation: TranslationReport): string | undefined {
  const stale = translation.stale;
  if (!stale) return undefined;
  const day = (at: string): string => at.slice(0, 10);
  return (
    `${translation.locale} is stale: the ${referenceLocale} matrix changed on ${day(stale.referenceChanged)}, ` +
    `${translation.locale} last on ${day(stale.translationChanged)} (${stale.source === 'git' ? 'git history' : 'updated dates'})`
  );
}

/** `pt-pt looks untranslated: its title ends with (EN); 14 of 14 activities are the en-gb text word for word`. */
function untranslatedText(referenceLocale: string, translation: TranslationReport): string | undefined {
  const evidence = translation.untranslated;
  if (!evidence) return undefined;
  const reasons = [
    ...(evidence.titleMarker ? [`its title ends with (${evidence.titleMarker})`] : []),
    `${evidence.identical} of ${plural(evidence.activities, 'activity', 'activities')} ${evidence.identical === 1 ? 'is' : 'are'} the ${referenceLocale} text word for word`,
  ];
  return `${translation.locale} looks untranslated: ${reasons.join('; ')}`;
}

function translationLines(reference: NonNullable<LocaleComparison['reference']>, translation: TranslationReport, c: Colors): string[] {
  const count = translation.findings.length;
  const head = `  ${translation.locale} (${baseName(translation.file)}) against ${reference.locale} (${baseName(reference.file)}): `;
  const notes = [
    ...[staleText(reference.locale, translation)].flatMap((text) => (text ? [`    ${c.yellow('stale')}  ${text}`] : [])),
    ...[untranslatedText(reference.locale, translation)].flatMap((text) => (text ? [`    ${c.cyan('info')}  ${text}`] : [])),
  ];
  if (count === 0) return [head + c.green('agrees'), ...notes];
  const lines = [head + c.red(plural(count, 'disagreement')), ...notes];
  for (const finding of translation.findings) {
    lines.push(
      `    ${c.bold(where(finding))}  ${c.yellow(KIND_TEXT[finding.kind])}  ${findingSummary(finding, reference.locale, translation.locale)}`,
    );
    lines.push(rowLine(reference, finding.reference, finding.kind, c));
    lines.push(rowLine(translation, finding.translation, finding.kind, c));
  }
  return lines;
}

/** The folder and file name shared by the translations: `pages/x/guide.*.md`. */
function groupName(comparison: LocaleComparison): string {
  const first = comparison.guides.find((guide) => guide.file) ?? comparison.guides[0];
  if (!first) return '(no guide)';
  if (!first.file) return first.title;
  return first.file.replace(new RegExp(`${first.locale.replace(/[-]/g, '\\-')}\\.md$`, 'i'), '*.md');
}

/** `raci drift --format markdown`: one table of findings per translation. */
export function renderDriftMarkdown(comparisons: readonly LocaleComparison[]): string {
  const blocks: string[] = [];
  for (const comparison of comparisons) {
    if (!comparison.reference || comparison.translations.length === 0) continue;
    const reference = comparison.reference;
    const lines = [`#### ${inlineCode(groupName(comparison))}`, ''];
    for (const translation of comparison.translations) {
      const count = translation.findings.length;
      lines.push(
        `**${escapeMarkdown(translation.locale)}** against **${escapeMarkdown(reference.locale)}**: ${count === 0 ? 'agrees' : plural(count, 'disagreement')}`,
        '',
      );
      const notes = [staleText(reference.locale, translation), untranslatedText(reference.locale, translation)].filter(
        (note): note is string => note !== undefined,
      );
      if (notes.length > 0) lines.push(...notes.map((note) => `- ${escapeMarkdown(note)}`), '');
      if (count === 0) continue;
      lines.push(
        `| Where | Finding | ${escapeMarkdown(reference.locale)} | ${escapeMarkdown(translation.locale)} |`,
        '| --- | --- | --- | --- |',
      );
      for (const finding of translation.findings) {
        const cells = [
          escapeMarkdown(where(finding)),
          escapeMarkdown(findingSummary(finding, reference.locale, translation.locale)),
          markdownRow(reference, finding.reference, finding.kind),
          markdownRow(translation, finding.translation, finding.kind),
        ];
        lines.push(`| ${cells.join(' | ')} |`);
      }
      lines.push('');
    }
    blocks.push(lines.join('\n').trimEnd());
  }
  return blocks.join('\n\n');
}

function markdownRow(guide: DriftGuide, row: DriftRow, kind: DriftFinding['kind']): string {
  return `${escapeMarkdown(place(guide.file, row.line))} ${escapeMarkdown(rowDescription(row, kind, guide))}`;
}
