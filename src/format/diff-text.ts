import pc from 'picocolors';
import type { ActivityChange, AssignmentChange, LabelChange, MetaChange, ModelDiff, WordDiffPart } from '../schema/diff.js';
import type { RoleLetter } from '../schema/model.js';
import { inertText } from '../util/control-characters.js';
import { mapStrings } from '../util/map-strings.js';
import { NONE } from '../util/strings.js';
import { accountableChanges, accountableText, groupBySection, lettersText, partyNamer, summaryText } from './diff-shared.js';

export interface DiffTextOptions {
  /** ANSI colours (the CLI turns them on for a terminal); without them, word diffs use `[-…-]{+…+}` like `git diff --word-diff=plain`. */
  color?: boolean;
}

type Colors = ReturnType<typeof pc.createColors>;

/**
 * `raci diff --format text`: accountable changes first, then metadata, sections and activities by section.
 * File names and guide text are printed with their control characters escaped.
 */
export function renderDiffText(original: ModelDiff, options: DiffTextOptions = {}): string {
  const diff = mapStrings(original, inertText);
  const c = pc.createColors(options.color ?? false);
  const name = partyNamer(diff);
  const lines: string[] = [c.bold(`--- ${diff.old.label}`), c.bold(`+++ ${diff.new.label}`)];
  if (diff.identical) {
    lines.push('', 'No difference in activities, responsibilities, sections, legend or metadata.');
    return lines.join('\n');
  }

  const handovers = accountableChanges(diff);
  if (handovers.length > 0) {
    lines.push('', c.bold(c.magenta('Accountable changes hands:')));
    for (const change of handovers) {
      lines.push(`  ${change.section.number} ${change.new!.text}`);
      lines.push(
        `      ${c.bold(`${accountableText(change.accountable!.old, name)} → ${accountableText(change.accountable!.new, name)}`)} ` +
          ` ${c.dim(lineRef(change))}`,
      );
    }
  }

  if (diff.meta.length + diff.legend.length + diff.parties.length + diff.scopes.length > 0) {
    lines.push('', c.bold('Metadata:'));
    for (const change of diff.meta)
      lines.push(`  ${change.field.padEnd(8)} ${change.words ? wordDiffText(change.words, c) : metaValue(change, c)}`);
    for (const [what, changes] of [
      ['legend', diff.legend],
      ['party', diff.parties],
      ['scope', diff.scopes],
    ] as const) {
      for (const change of changes) lines.push(`  ${labelChangeText(what, change, c)}`);
    }
  }

  if (diff.sections.length > 0) {
    lines.push('', c.bold('Sections:'));
    for (const change of diff.sections) {
      if (change.kind === 'added') lines.push(c.green(`  + ${change.number} ${change.newTitle}`) + c.dim(`  (line ${change.newLine})`));
      else if (change.kind === 'removed')
        lines.push(c.red(`  - ${change.number} ${change.oldTitle}`) + c.dim(`  (line ${change.oldLine})`));
      else if (change.kind === 'renumbered')
        lines.push(
          `  ~ ${c.red(change.oldNumber ?? '')} → ${c.green(change.number)} ${change.newTitle}` +
            c.dim(`  (renumbered; lines ${change.oldLine} → ${change.newLine})`),
        );
      else lines.push(`  ~ ${change.number} ${c.red(change.oldTitle ?? '')} → ${c.green(change.newTitle ?? '')}`);
    }
  }

  for (const group of groupBySection(diff.activities)) {
    lines.push('', c.bold(c.cyan(`${group.section.number} ${group.section.title}`)));
    for (const change of group.changes) lines.push(...activityLines(change, c, name));
  }

  lines.push('', summaryText(diff));
  return lines.join('\n');
}

function lineRef(change: ActivityChange): string {
  return `(${linesOf(change)})`;
}

/** `line 12` in one file, `lines 12 → 15` across two. */
export function linesOf(change: ActivityChange): string {
  if (change.old && change.new && change.old.line !== change.new.line) return `lines ${change.old.line} → ${change.new.line}`;
  return `line ${(change.new ?? change.old)!.line}`;
}

function notesOf(change: ActivityChange): string {
  const notes: string[] = [];
  if (change.reworded) notes.push(`reworded, ${Math.round((change.similarity ?? 0) * 100)}% alike`);
  if (change.moved) notes.push(`moved from ${change.old!.section.number} ${change.old!.section.title}`);
  notes.push(linesOf(change));
  return `(${notes.join('; ')})`;
}

function wordDiffText(parts: readonly WordDiffPart[], c: Colors): string {
  return parts
    .map((part) => {
      if (part.op === 'equal') return part.text;
      if (c.isColorSupported) return part.op === 'delete' ? c.red(c.strikethrough(part.text)) : c.green(c.underline(part.text));
      return part.op === 'delete' ? `[-${part.text}-]` : `{+${part.text}+}`;
    })
    .join('');
}

/** `party added: Reseller`, `legend C: Is consulted → Is asked`. */
function labelChangeText(what: string, change: LabelChange, c: Colors): string {
  // A legend letter is named by its code; a column by its header.
  const named = (label: string): string => (what === 'legend' ? `${change.key}: ${label}` : label || change.key);
  if (change.old === null) return `${what} added: ${c.green(named(change.new ?? ''))}`;
  if (change.new === null) return `${what} removed: ${c.red(named(change.old))}`;
  return `${what} ${change.key}: ${labelValue(change.old, change.new, c)}`;
}

function metaValue(change: MetaChange, c: Colors): string {
  return labelValue(change.old, change.new, c);
}

function labelValue(old: string | null, now: string | null, c: Colors): string {
  return `${old === null ? c.dim(NONE) : c.red(old)} → ${now === null ? c.dim(NONE) : c.green(now)}`;
}

function assignmentsText(assignments: Record<string, readonly RoleLetter[]>, name: (id: string) => string): string {
  const parts = Object.entries(assignments)
    .filter(([, letters]) => letters.length > 0)
    .map(([party, letters]) => `${name(party)} ${lettersText(letters)}`);
  return parts.length === 0 ? NONE : parts.join(' · ');
}

function assignmentLine(change: AssignmentChange, name: (id: string) => string, c: Colors): string {
  return `      ${name(change.party)}: ${c.red(lettersText(change.old))} → ${c.green(lettersText(change.new))}`;
}

function activityLines(change: ActivityChange, c: Colors, name: (id: string) => string): string[] {
  if (change.kind === 'added') {
    return [`${c.green(`  + ${change.new!.text}`)}  ${c.dim(lineRef(change))}`, `      ${assignmentsText(change.new!.assignments, name)}`];
  }
  if (change.kind === 'removed') {
    return [`${c.red(`  - ${change.old!.text}`)}  ${c.dim(lineRef(change))}`, `      ${assignmentsText(change.old!.assignments, name)}`];
  }
  const text = change.reworded && change.words ? wordDiffText(change.words, c) : change.new!.text;
  const lines = [`  ${c.yellow('~')} ${text}  ${c.dim(notesOf(change))}`];
  for (const assignment of change.assignments) lines.push(assignmentLine(assignment, name, c));
  if (change.accountable)
    lines.push(
      c.magenta(`      accountable: ${accountableText(change.accountable.old, name)} → ${accountableText(change.accountable.new, name)}`),
    );
  for (const scope of change.scopes) lines.push(`      ${scope.label}: ${scopeText(scope.old)} → ${scopeText(scope.new)}`);
  return lines;
}

function scopeText(value: boolean | null): string {
  return value === null ? '(no column)' : value ? 'applies' : 'does not apply';
}
