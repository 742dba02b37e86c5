import type { Node } from 'mdast';
import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../schema/codes.js';
import type { Diagnostic, Severity } from '../schema/model.js';
import { escapeControlCharacters, inertText } from '../util/control-characters.js';

/** unist's position types, reached through mdast (the package that declares our syntax trees). */
type Position = NonNullable<Node['position']>;

/** A span in the source; every mdast node's `position` is one. */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export const START_OF_FILE: Span = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export function spanOf(position: Position | undefined): Span {
  if (!position) return START_OF_FILE;
  return { line: position.start.line, column: position.start.column, endLine: position.end.line, endColumn: position.end.column };
}

export function createDiagnostic(code: DiagnosticCode, message: string, span: Span, severity?: Severity): Diagnostic {
  return {
    code,
    severity: severity ?? DIAGNOSTIC_CODES[code].severity,
    message,
    line: span.line,
    column: span.column,
    endLine: span.endLine,
    endColumn: span.endColumn,
  };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Diagnostics in reading order; ties broken by severity then code, so output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  return (
    a.line - b.line ||
    a.column - b.column ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const diagnostic of diagnostics) counts[diagnostic.severity] += 1;
  return counts;
}

/** `file:line:column severity message code`, the one-line form used on stderr: one line whatever the file name or message hold. */
export function formatDiagnostic(diagnostic: Diagnostic, file = diagnostic.file): string {
  const place = `${diagnostic.line}:${diagnostic.column}`;
  const message = escapeControlCharacters(diagnostic.message);
  return `${file ? `${inertText(file)}:` : ''}${place} ${diagnostic.severity} ${message} ${diagnostic.code}`;
}

/** Shortens quoted input so one huge cell cannot flood a message. */
export function quote(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `“${flat.length > max ? `${flat.slice(0, max - 1)}…` : flat}”`;
}
