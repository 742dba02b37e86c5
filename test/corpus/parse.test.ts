import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, listActivities, ResponsibilityModelSchema, safeParseResponsibilityModelBytes } from '../../src/index.js';
import { bundledGuides, ROOT } from '../helpers/paths.js';

/**
 * An independent, deliberately simple reading of a guide: the line numbers of
 * table body rows that stand under a numbered heading. It knows nothing of
 * the parser's modules, so the two can check each other.
 */
function tableBodyRowLinesInNumberedSections(markdown: string): number[] {
  const lines = markdown.split(/\r\n|\r|\n/);
  const rows: number[] = [];
  let inNumberedSection = false;
  let numberedDepth = Infinity;
  let inFence = false;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      const depth = heading[1]!.length;
      const numbered = /^[*_]*\d+(\.\d+)*(\.|\s|$)/.test(heading[2]!);
      if (numbered) {
        inNumberedSection = true;
        numberedDepth = Math.min(numberedDepth, depth);
      } else if (depth <= numberedDepth) inNumberedSection = false;
      continue;
    }
    const isDelimiter = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(line);
    const next = lines[index + 1] ?? '';
    // A table starts with a header line followed by a delimiter line; its body runs until a line without a pipe.
    if (line.trim().startsWith('|') && /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/.test(next) && !isDelimiter) {
      const isLegend = line.split('|').filter((cell) => cell.trim() !== '').length === 1;
      let body = index + 2;
      while (body < lines.length && lines[body]!.includes('|') && lines[body]!.trim() !== '') {
        if (inNumberedSection && !isLegend) rows.push(body + 1);
        body++;
      }
      index = body - 1;
    }
  }
  return rows;
}

function coveredBy(line: number, diagnostics: Diagnostic[]): boolean {
  return diagnostics.some((diagnostic) => diagnostic.line <= line && line <= diagnostic.endLine);
}

describe('every bundled guide', () => {
  const guides = bundledGuides();

  it('is the whole corpus: 40 guides', () => {
    expect(guides).toHaveLength(40);
  });

  for (const guide of guides) {
    it(guide.replace('fixtures/corpus/pages/', ''), () => {
      const bytes = readFileSync(join(ROOT, guide));
      const result = safeParseResponsibilityModelBytes(bytes, { file: guide });
      expect(ResponsibilityModelSchema.safeParse(result.model).success).toBe(true);
      expect(result.model.roles.map((role) => role.code)).toEqual(['R', 'A', 'C', 'I']);
      expect(result.model.parties.map((party) => party.id)).toEqual(['customer', 'ovhcloud']);
      expect(result.model.meta.locale).toMatch(/^[a-z]{2}-[a-z]{2}$/);

      const expectedRows = tableBodyRowLinesInNumberedSections(bytes.toString('utf8'));
      const activityLines = new Set(listActivities(result.model).map((activity) => activity.line));
      const lost = expectedRows.filter((line) => !activityLines.has(line) && !coveredBy(line, result.diagnostics));
      expect(lost).toEqual([]);
      // Rows that did not become activities are exactly the ones a diagnostic quotes.
      expect(listActivities(result.model).length).toBe(expectedRows.filter((line) => activityLines.has(line)).length);
      expect(activityLines.size).toBe(listActivities(result.model).length);
    });
  }

  it('totals 1,932 activities across the corpus', () => {
    const total = guides.reduce(
      (sum, guide) =>
        sum + listActivities(safeParseResponsibilityModelBytes(readFileSync(join(ROOT, guide)), { file: guide }).model).length,
      0,
    );
    const rows = guides.reduce(
      (sum, guide) => sum + tableBodyRowLinesInNumberedSections(readFileSync(join(ROOT, guide), 'utf8')).length,
      0,
    );
    expect(total).toBe(rows);
    expect(total).toBe(1932);
  });
});
