import { guessContainerPrefixLength, looksLikeTableLine } from '../markdown/gfm-row.js';
import { codesFrom, DIAGNOSTIC_CODES } from '../schema/codes.js';
import type { Finding } from '../schema/finding.js';
import { KNOWN_RULE_IDS, unknownRuleMessage } from './config.js';

/**
 * `<!-- raci-disable-next-line rule-id … -->` silences the named rules on the
 * next line that is not blank; `<!-- raci-disable-line rule-id … -->` on its own
 * line, typically at the end of a row's activity cell, where it keeps the table
 * whole. Ids are separated by spaces or commas; `-- reason` may follow.
 */
export interface Directive {
  kind: 'line' | 'next-line';
  ruleIds: string[];
  line: number;
  column: number;
  endColumn: number;
  /** The line whose findings it silences. */
  targetLine: number | undefined;
  /** A next-line comment alone on a line between two table rows: it ends the table there. */
  splitsTable: boolean;
}

// The body may not contain another `<!--` (comments do not nest), so an unclosed directive is not rescanned from every later one.
const DIRECTIVE = /<!--\s*raci-disable-(next-line|line)(?![\w-])((?:(?!<!--)[\s\S])*?)-->/g;

export function readDirectives(lines: readonly string[]): Directive[] {
  const directives: Directive[] = [];
  lines.forEach((text, index) => {
    // Most lines have no comment at all: skip them before running the pattern.
    if (!text.includes('raci-disable')) return;
    for (const match of text.matchAll(DIRECTIVE)) {
      const kind = match[1] === 'line' ? 'line' : 'next-line';
      const ids = match[2]!
        .split(/\s--\s|\s--$/)[0]!
        .split(/[\s,]+/)
        .filter((id) => id !== '');
      const line = index + 1;
      const alone = content(text) === match[0];
      const splitsTable =
        kind === 'next-line' &&
        alone &&
        looksLikeTableLine(lines[index - 1] ?? '') &&
        looksLikeTableLine(lines[index + 1] ?? '') &&
        content(lines[index + 1] ?? '') !== '';
      directives.push({
        kind,
        ruleIds: ids,
        line,
        column: match.index + 1,
        endColumn: match.index + match[0].length + 1,
        targetLine: kind === 'line' ? line : nextNonBlankLine(lines, index + 1),
        splitsTable,
      });
    }
  });
  return directives;
}

/** A line without the `>` markers and indentation of the blocks around it: a lone `>` is a blank line of its block quote. */
function content(line: string): string {
  return line.slice(guessContainerPrefixLength(line)).trim();
}

function nextNonBlankLine(lines: readonly string[], from: number): number | undefined {
  for (let index = from; index < lines.length; index++) if (content(lines[index]!) !== '') return index + 1;
  return undefined;
}

const SEVERITY = Object.fromEntries(codesFrom('directive').map((id) => [id, DIAGNOSTIC_CODES[id].severity]));

/**
 * Drops the findings the comments silence, and reports each comment (or each
 * rule id of a comment) that silences nothing, and each comment that splits a
 * table (which silences nothing either: the rows below it are no longer read).
 */
export function applyDirectives(findings: readonly Finding[], directives: readonly Directive[], file?: string): Finding[] {
  const silenced = new Set<Finding>();
  const reports: Finding[] = [];
  const at = (directive: Directive) => ({
    line: directive.line,
    column: directive.column,
    endLine: directive.line,
    endColumn: directive.endColumn,
    ...(file !== undefined ? { file } : {}),
  });
  const comment = (directive: Directive) => `raci-disable-${directive.kind}`;

  for (const directive of directives) {
    if (directive.splitsTable) {
      reports.push({
        code: 'disable-misplaced',
        severity: SEVERITY['disable-misplaced']!,
        message:
          `This ${comment(directive)} comment splits the table: markdown ends a table at an HTML line, so the rows below it are no longer ` +
          `a table. Put <!-- raci-disable-line ${directive.ruleIds.join(' ') || 'rule-id'} --> inside the row's activity cell instead.`,
        ...at(directive),
      });
      continue;
    }
    if (directive.ruleIds.length === 0) {
      reports.push({
        code: 'disable-unused',
        severity: SEVERITY['disable-unused']!,
        message: `This ${comment(directive)} comment names no rule, so it silences nothing; name the rule ids to silence.`,
        ...at(directive),
      });
      continue;
    }
    for (const id of directive.ruleIds) {
      if (!KNOWN_RULE_IDS.includes(id) || id in SEVERITY) {
        const reason = id in SEVERITY ? `“${id}” findings cannot be silenced by a comment` : unknownRuleMessage(id);
        reports.push({
          code: 'disable-unused',
          severity: SEVERITY['disable-unused']!,
          message: `This ${comment(directive)} comment silences nothing: ${reason}${reason.endsWith('?') ? '' : '.'}`,
          ...at(directive),
        });
        continue;
      }
      const matches = findings.filter((finding) => finding.code === id && finding.line === directive.targetLine);
      if (matches.length === 0) {
        const where =
          directive.targetLine === undefined ? 'there is no line after it' : `line ${directive.targetLine} has no ${id} finding`;
        reports.push({
          code: 'disable-unused',
          severity: SEVERITY['disable-unused']!,
          message: `This ${comment(directive)} comment silences nothing: ${where}.`,
          subject: `${id} unused`,
          ...at(directive),
        });
      }
      for (const match of matches) silenced.add(match);
    }
  }
  return [...findings.filter((finding) => !silenced.has(finding)), ...reports];
}
