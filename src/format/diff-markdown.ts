import type { ActivityChange, ModelDiff, WordDiffPart } from '../schema/diff.js';
import type { RoleLetter } from '../schema/model.js';
import { NONE } from '../util/strings.js';
import { accountableChanges, accountableText, groupBySection, lettersText, partyNamer, summaryText } from './diff-shared.js';
import { linesOf } from './diff-text.js';
import { escapeMarkdown, inlineCode } from './markdown-escape.js';

/** `raci diff --format markdown`: fit for a pull-request comment (GitHub-flavoured). */
export function renderDiffMarkdown(diff: ModelDiff): string {
  const name = partyNamer(diff);
  const lines: string[] = [
    `### Responsibility model diff: ${titles(diff)}`,
    '',
    `${inlineCode(diff.old.label)} → ${inlineCode(diff.new.label)}`,
    '',
  ];
  if (diff.identical) {
    lines.push('No difference in activities, responsibilities, sections, legend or metadata.');
    return lines.join('\n');
  }
  lines.push(`**${summaryText(diff)}.**`);

  const handovers = accountableChanges(diff);
  if (handovers.length > 0) {
    lines.push('', '#### Accountable changes hands', '');
    for (const change of handovers) {
      const before = escapeMarkdown(accountableText(change.accountable!.old, name));
      const after = escapeMarkdown(accountableText(change.accountable!.new, name));
      lines.push(`- **${escapeMarkdown(change.section.number)}** ${escapeMarkdown(change.new!.text)}: **${before} → ${after}**`);
    }
  }

  const labelRows = [
    ...diff.meta.map((change) => [change.field, change.old, change.new] as const),
    ...diff.legend.map((change) => [`legend ${change.key}`, change.old, change.new] as const),
    ...diff.parties.map((change) => [`party ${change.key}`, change.old, change.new] as const),
    ...diff.scopes.map((change) => [`scope ${change.key}`, change.old, change.new] as const),
  ];
  if (labelRows.length > 0) {
    lines.push('', '#### Metadata', '', '| | Old | New |', '| --- | --- | --- |');
    for (const [field, old, now] of labelRows) lines.push(`| ${escapeMarkdown(field)} | ${cell(old)} | ${cell(now)} |`);
  }

  if (diff.sections.length > 0) {
    lines.push('', '#### Sections', '');
    for (const change of diff.sections) {
      if (change.kind === 'added') lines.push(`- **added** ${escapeMarkdown(change.number)} ${escapeMarkdown(change.newTitle ?? '')}`);
      else if (change.kind === 'removed')
        lines.push(`- **removed** ${escapeMarkdown(change.number)} ${escapeMarkdown(change.oldTitle ?? '')}`);
      else if (change.kind === 'renumbered')
        lines.push(
          `- **renumbered** ${escapeMarkdown(change.oldNumber ?? '')} → ${escapeMarkdown(change.number)} ${escapeMarkdown(change.newTitle ?? '')}`,
        );
      else
        lines.push(
          `- **renamed** ${escapeMarkdown(change.number)} ~~${escapeMarkdown(change.oldTitle ?? '')}~~ ${escapeMarkdown(change.newTitle ?? '')}`,
        );
    }
  }

  for (const group of groupBySection(diff.activities)) {
    lines.push('', `#### ${escapeMarkdown(group.section.number)} ${escapeMarkdown(group.section.title)}`, '');
    for (const change of group.changes) lines.push(activityLine(change, name));
  }
  return lines.join('\n');
}

function titles(diff: ModelDiff): string {
  const before = diff.old.title || diff.old.label;
  const after = diff.new.title || diff.new.label;
  return before === after ? escapeMarkdown(after) : `${escapeMarkdown(before)} → ${escapeMarkdown(after)}`;
}

function cell(value: string | null): string {
  return value === null ? NONE : escapeMarkdown(value);
}

function wordDiffMarkdown(parts: readonly WordDiffPart[]): string {
  return parts
    .map((part, index) => {
      // A deletion followed at once by its replacement reads better with a space between them.
      const gap =
        part.op === 'insert' && parts[index - 1]?.op === 'delete' && !/\s$/.test(parts[index - 1]!.text) && !/^\s/.test(part.text)
          ? ' '
          : '';
      if (part.op === 'equal') return escapeMarkdown(part.text);
      // Emphasis markers must hug non-space text, so the spaces around a part stay outside them.
      const [before, core, after] = splitSurroundingSpace(part.text);
      if (core === '') return escapeMarkdown(part.text);
      return `${gap}${before}${part.op === 'delete' ? `~~${escapeMarkdown(core)}~~` : `**${escapeMarkdown(core)}**`}${after}`;
    })
    .join('');
}

function assignmentsMarkdown(assignments: Record<string, readonly RoleLetter[]>, name: (id: string) => string): string {
  const parts = Object.entries(assignments)
    .filter(([, letters]) => letters.length > 0)
    .map(([party, letters]) => `${escapeMarkdown(name(party))} \`${lettersText(letters)}\``);
  return parts.length === 0 ? NONE : parts.join(', ');
}

function activityLine(change: ActivityChange, name: (id: string) => string): string {
  if (change.kind === 'added')
    return `- **added** ${escapeMarkdown(change.new!.text)}: ${assignmentsMarkdown(change.new!.assignments, name)} (line ${change.new!.line})`;
  if (change.kind === 'removed')
    return `- **removed** ${escapeMarkdown(change.old!.text)}: ${assignmentsMarkdown(change.old!.assignments, name)} (line ${change.old!.line})`;
  const labels: string[] = [];
  if (change.reworded) labels.push('reworded');
  if (change.moved) labels.push(`moved from ${escapeMarkdown(change.old!.section.number)}`);
  if (change.assignments.length > 0) labels.push('reassigned');
  if (change.assignments.length === 0 && change.scopes.length > 0) labels.push('scope changed');
  const text = change.reworded && change.words ? wordDiffMarkdown(change.words) : escapeMarkdown(change.new!.text);
  const details = [
    ...change.assignments.map(
      (assignment) =>
        `${escapeMarkdown(name(assignment.party))} ${code(lettersText(assignment.old))} → ${code(lettersText(assignment.new))}`,
    ),
    ...change.scopes.map((scope) => `${escapeMarkdown(scope.label)} ${applicability(scope.old)} → ${applicability(scope.new)}`),
  ];
  return `- **${labels.join(', ')}** ${text}${details.length > 0 ? `: ${details.join('; ')}` : ''} (${linesOf(change)})`;
}

function applicability(value: boolean | null): string {
  return value === null ? 'no column' : value ? 'applies' : 'does not apply';
}

function code(letters: string): string {
  return letters === NONE ? NONE : `\`${letters}\``;
}

/** Leading spaces, the text, trailing spaces: what `/^(\s*)([\s\S]*?)(\s*)$/` captures, without its quadratic backtracking. */
function splitSurroundingSpace(text: string): [string, string, string] {
  const start = text.length - text.trimStart().length;
  const end = Math.max(start, text.trimEnd().length);
  return [text.slice(0, start), text.slice(start, end), text.slice(end)];
}
