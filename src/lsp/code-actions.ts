import { type CodeAction, CodeActionKind, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import type { CheckResult } from '../rules/check-guide.js';
import { DIAGNOSTIC_CODES } from '../schema/codes.js';
import type { Finding, TextEdit as FindingEdit } from '../schema/finding.js';
import { lineStarts } from '../util/lines.js';
import type { DocumentAnalysis } from './analysis.js';
import { findingDiagnostic } from './diagnostics.js';
import { rangeOf, rangesMeet } from './ranges.js';
import { type SourceEdit, silenceEdit } from './silence.js';

/** `source.fixAll.raci`: what an editor runs on save when asked to fix everything it safely can. */
export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.raci`;

export interface CodeActionInput {
  analysis: DocumentAnalysis;
  uri: string;
  /** The part of the document the editor asks about (the cursor, or a selection). */
  range: Range;
  /**
   * The edits `raci check --fix` would make on this text (`safeFixEdits`):
   * a finding's fix is offered only when every one of its edits is among them.
   */
  safeEdits: ReadonlySet<FindingEdit>;
  /** `raci check` again, with the same configuration, on an edited text. */
  recheck: (text: string) => CheckResult;
}

/**
 * For each finding in the range: its safe fix (the one `raci check --fix`
 * makes) when it has one, and a comment that silences it on its line when
 * the comment does silence it; and, when the document has safe fixes, one
 * action that makes them all.
 */
export function codeActions(input: CodeActionInput): CodeAction[] {
  const { analysis, uri, range } = input;
  if (!analysis.result.looksLikeGuide) return [];
  const here = analysis.result.findings.filter((finding) => rangesMeet(rangeOf(finding, analysis.bom), range));
  const actions: CodeAction[] = [];
  for (const finding of here) {
    const diagnostic = findingDiagnostic(finding, analysis, uri);
    const fix = fixAction(finding, diagnostic, input);
    if (fix) actions.push(fix);
    const silence = silenceAction(finding, diagnostic, input);
    if (silence) actions.push(silence);
  }
  if (input.safeEdits.size > 0) {
    actions.push({
      title: `Fix all role cells in the file (${input.safeEdits.size} ${input.safeEdits.size === 1 ? 'edit' : 'edits'}, as raci check --fix)`,
      kind: FIX_ALL_KIND,
      edit: { changes: { [uri]: [...input.safeEdits].map((edit) => findingEditToLsp(edit, analysis.bom)) } },
    });
  }
  return actions;
}

function fixAction(finding: Finding, diagnostic: Diagnostic, input: CodeActionInput): CodeAction | undefined {
  const edits = finding.fix ?? [];
  if (edits.length === 0 || !edits.every((edit) => input.safeEdits.has(edit))) return undefined;
  const [first] = edits;
  return {
    title: edits.length === 1 && first ? `Write “${first.text}” (${finding.code})` : `Fix ${finding.code}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: true,
    edit: { changes: { [input.uri]: edits.map((edit) => findingEditToLsp(edit, input.analysis.bom)) } },
  };
}

function silenceAction(finding: Finding, diagnostic: Diagnostic, input: CodeActionInput): CodeAction | undefined {
  // The comment checks report comments; no comment silences them.
  if (DIAGNOSTIC_CODES[finding.code].source === 'directive') return undefined;
  const { analysis } = input;
  const eol = analysis.result.text.includes('\r\n') ? '\r\n' : '\n';
  const edit = silenceEdit(analysis.context, finding.line, finding.code, eol);
  if (!edit || !silences(edit, finding, input)) return undefined;
  return {
    title: `Silence ${finding.code} on line ${finding.line} (raci-disable comment)`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    edit: { changes: { [input.uri]: [{ range: rangeOf(edit.span, analysis.bom), newText: edit.text }] } },
  };
}

/**
 * The comment takes the finding away and brings no other: no finding of the
 * comment checks, and one finding of the code fewer (a comment in the wrong
 * place, or one that ends a table, is never offered).
 */
function silences(edit: SourceEdit, finding: Finding, input: CodeActionInput): boolean {
  const before = input.analysis.result.findings;
  const after = input.recheck(applySourceEdit(input.analysis.result.text, edit)).findings;
  const count = (findings: readonly Finding[], keep: (candidate: Finding) => boolean) => findings.filter(keep).length;
  const ofCode = (candidate: Finding) => candidate.code === finding.code;
  const ofComments = (candidate: Finding) => DIAGNOSTIC_CODES[candidate.code].source === 'directive';
  return count(after, ofCode) === count(before, ofCode) - 1 && count(after, ofComments) === count(before, ofComments);
}

function applySourceEdit(text: string, edit: SourceEdit): string {
  const starts = lineStarts(text);
  const offsetOf = (line: number, column: number) => (starts[line - 1] ?? text.length) + column - 1;
  return (
    text.slice(0, offsetOf(edit.span.line, edit.span.column)) + edit.text + text.slice(offsetOf(edit.span.endLine, edit.span.endColumn))
  );
}

function findingEditToLsp(edit: FindingEdit, bom: boolean): TextEdit {
  return {
    range: rangeOf({ line: edit.line, column: edit.column, endLine: edit.line, endColumn: edit.endColumn }, bom),
    newText: edit.text,
  };
}
