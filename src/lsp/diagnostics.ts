import { type Diagnostic, type DiagnosticRelatedInformation, DiagnosticSeverity } from 'vscode-languageserver';
import { cellSpan, type RuleContext } from '../rules/guide-context.js';
import type { Finding } from '../schema/finding.js';
import type { Severity } from '../schema/model.js';
import type { DocumentAnalysis } from './analysis.js';
import { documentationUrl } from './documentation.js';
import { rangeOf } from './ranges.js';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** What every diagnostic of the server says it comes from, as remark and the remark plugin name it. */
const DIAGNOSTIC_SOURCE = 'raci';

/**
 * The findings of `raci check` as the editor shows them, or none for a
 * document that is not a guide (no activity table, no legend and numbered
 * sections), as `raci check` skips it.
 */
export function documentDiagnostics(analysis: DocumentAnalysis, uri: string): Diagnostic[] {
  if (!analysis.result.looksLikeGuide) return [];
  return analysis.result.findings.map((finding) => findingDiagnostic(finding, analysis, uri));
}

export function findingDiagnostic(finding: Finding, analysis: DocumentAnalysis, uri: string): Diagnostic {
  const related = relatedInformation(finding, analysis.context, uri, analysis.bom);
  return {
    range: rangeOf(finding, analysis.bom),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    codeDescription: { href: documentationUrl(finding.code) },
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    ...(related.length > 0 ? { relatedInformation: related } : {}),
  };
}

/** For two accountable parties, each of their cells: the places a writer chooses between. */
function relatedInformation(finding: Finding, context: RuleContext, uri: string, bom: boolean): DiagnosticRelatedInformation[] {
  if (finding.code !== 'accountable-multiple') return [];
  const row = context.rows.find((candidate) => candidate.line === finding.line);
  if (!row) return [];
  return row.cells.flatMap((cell) => {
    if (!cell.normalized.roles.includes('A') || !cell.slice) return [];
    return [
      {
        location: { uri, range: rangeOf(cellSpan(row.line, cell.slice), bom) },
        message: `${cell.label} “${cell.text}” is accountable (A) here`,
      },
    ];
  });
}
