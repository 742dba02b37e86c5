import type { Span } from '../diagnostics/diagnostic.js';
import type { DiagnosticCode, DirectiveCode, RuleCode } from '../schema/codes.js';
import type { FindingActivity, TextEdit } from '../schema/finding.js';
import type { RowContext, RuleContext } from './guide-context.js';

/** What a rule check returns; the engine adds the rule id, the severity and the file. */
export interface RuleFinding {
  message: string;
  span: Span;
  activity?: FindingActivity;
  subject?: string;
  fix?: TextEdit[];
}

/** A rule: a pure function of the guide. */
export type RuleCheck = (context: RuleContext) => RuleFinding[];

export function activityOf(row: RowContext): FindingActivity {
  return { id: row.activity.id, text: row.activity.text };
}

/** Letters as they are read, whatever else is in the cell. */
export function hasLetter(row: RowContext, letter: string): boolean {
  return row.cells.some((cell) => (cell.normalized.roles as string[]).includes(letter));
}

/** The row has something written in a party column: a RACI letter or an unknown one. */
export function isWritten(row: RowContext): boolean {
  return row.cells.some((cell) => cell.normalized.roles.length > 0 || cell.normalized.unknown.length > 0);
}

/**
 * A cell the parser could not read (unknown letters, merged cells) and
 * reported as an error that says what the row is left without; the rules
 * about missing letters leave such a row alone, so one typo is one finding.
 */
export function hasUnreadableCell(row: RowContext): boolean {
  return row.cells.some((cell) => cell.normalized.unknown.length > 0 || cell.normalized.merged !== undefined);
}

/**
 * Markdown a rule reports on, and what `raci check` reports on it. The test
 * suite checks every example as written (test/rules/examples.test.ts) and
 * docs/rules.md shows them, so the documentation cannot drift from the code.
 */
export interface RuleExample {
  /** Part of a guide. When it has no legend of its own, the standard legend and a title are appended after it. */
  markdown: string;
  /**
   * Every finding on the example, in reading order, as
   * `line:column-endLine:endColumn: message` (positions in `markdown`); a finding
   * with another code than the rule's ends with ` [code]`. None: the example passes.
   */
  findings: readonly string[];
  /** The markdown after `raci check --fix`, for a rule with a fix. */
  fixed?: string;
}

/** What documents a rule (or a comment check): its severity and summary are in the code table, never here. */
export interface RuleDocumentation<Id extends DiagnosticCode = DiagnosticCode> {
  id: Id;
  /** `raci check --fix` can rewrite it safely. */
  fixable: boolean;
  /** Why it matters to a reader of the guide. */
  why: string;
  howToFix: string;
  examples: readonly RuleExample[];
}

/** A RACI rule: one module of `checks/`, its check beside its documentation. */
export interface RuleModule extends RuleDocumentation<RuleCode> {
  check: RuleCheck;
}

/** A check of `raci-disable` comments: it needs every other finding first, so it runs in suppressions.ts. */
export type DirectiveModule = RuleDocumentation<DirectiveCode>;

/** The first lines of most examples: a numbered section and a table head, so that rows start at line 5. */
export const EXAMPLE_TABLE = '## 1. Before subscription\n\n| Activity | Customer | OVHcloud |\n| --- | --- | --- |';
