import { type DocumentSymbol, SymbolKind } from 'vscode-languageserver';
import { walkSections } from '../model/walk-sections.js';
import type { Section } from '../schema/model.js';
import type { DocumentAnalysis } from './analysis.js';
import { rangeOf } from './ranges.js';

/**
 * The numbered outline as nested symbols: phases, their sections and
 * subsections, each from its heading to the line before the next heading of
 * its level or above (the end of the file for the last), so the editor's
 * outline and breadcrumbs follow the numbering.
 */
export function documentSymbols(analysis: DocumentAnalysis): DocumentSymbol[] {
  if (!analysis.result.looksLikeGuide) return [];
  const { lines } = analysis.context;
  const lineRange = (first: number, last: number) =>
    rangeOf({ line: first, column: 1, endLine: last, endColumn: (lines[last - 1] ?? '').length + 1 }, analysis.bom);
  const roots: DocumentSymbol[] = [];
  // The symbols still open, one per depth, with the line of their heading.
  const open: { symbol: DocumentSymbol; line: number }[] = [];
  const close = (depth: number, lastLine: number) => {
    for (const { symbol, line } of open.splice(depth - 1)) symbol.range = lineRange(line, Math.max(line, lastLine));
  };
  for (const { section, depth } of walkSections(analysis.result.model.sections)) {
    close(depth, section.line - 1);
    const symbol = sectionSymbol(section, depth, lineRange(section.line, section.line));
    const parent = open.at(-1)?.symbol;
    if (parent) parent.children!.push(symbol);
    else roots.push(symbol);
    open.push({ symbol, line: section.line });
  }
  close(1, lines.length);
  return roots;
}

function sectionSymbol(section: Section, depth: number, headingRange: DocumentSymbol['range']): DocumentSymbol {
  const activities = section.activities.length;
  return {
    name: `${section.number}. ${section.title}`,
    ...(activities > 0 ? { detail: `${activities} ${activities === 1 ? 'activity' : 'activities'}` } : {}),
    kind: depth === 1 ? SymbolKind.Namespace : SymbolKind.Module,
    range: headingRange,
    selectionRange: headingRange,
    children: [],
  };
}
