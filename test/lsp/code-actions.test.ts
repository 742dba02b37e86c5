import { describe, expect, it } from 'vitest';
import type { CodeAction, TextEdit } from 'vscode-languageserver';
import { analyseDocument } from '../../src/lsp/analysis.js';
import { codeActions } from '../../src/lsp/code-actions.js';
import { applyFixes, safeFixEdits } from '../../src/rules/fix.js';
import { lineStarts } from '../../src/util/lines.js';
import { guide, LEGEND } from '../helpers/check.js';

const URI = 'file:///guide.en-gb.md';

/** The code actions for the whole of `line` (1-based) of `text`. */
function actionsOn(text: string, line: number): CodeAction[] {
  const analysis = analyseDocument(text);
  const { result } = analysis;
  return codeActions({
    analysis,
    uri: URI,
    range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: 1_000 } },
    safeEdits: new Set(safeFixEdits(result.text, result.findings)),
    recheck: (edited) => analyseDocument(edited).result,
  });
}

/** The text with the edits of an action applied (edits of one action never overlap). */
function applied(text: string, action: CodeAction | undefined): string {
  const edits: TextEdit[] = action?.edit?.changes?.[URI] ?? [];
  expect(edits.length).toBeGreaterThan(0);
  const starts = lineStarts(text);
  const offset = (position: { line: number; character: number }) => starts[position.line]! + position.character;
  return [...edits]
    .sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((result, edit) => result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end)), text);
}

const codes = (text: string) => analyseDocument(text).result.findings.map((finding) => finding.code);
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('quick fixes', () => {
  it('are the fixes raci check --fix makes: the fixed text is the same', () => {
    const text = guide(['| Plan | IR | A |', '| Watch | AR | CI |']);
    const fixAll = actionsOn(text, lineOf(text, '| Plan |')).find((action) => action.kind === 'source.fixAll.raci');
    expect(applied(text, fixAll)).toBe(applyFixes(text, analyseDocument(text).result.findings).text);
    const one = actionsOn(text, lineOf(text, '| Watch |')).find((action) => action.isPreferred);
    expect(one?.title).toBe('Write “RA” (role-noncanonical)');
    expect(applied(text, one)).toBe(text.replace('| AR |', '| RA |'));
  });

  it('are not offered where raci check --fix leaves the cell alone (a row with a cell too many)', () => {
    const text = guide(['| Plan | IR | A | I |']);
    expect(codes(text)).toContain('role-noncanonical');
    expect(applyFixes(text, analyseDocument(text).result.findings).applied).toBe(0);
    const actions = actionsOn(text, lineOf(text, '| Plan |'));
    expect(actions.filter((action) => action.isPreferred || action.kind === 'source.fixAll.raci')).toEqual([]);
  });
});

describe('silencing a finding on its line', () => {
  const silence = (text: string, line: number, code: string) =>
    actionsOn(text, line).find((action) => action.title === `Silence ${code} on line ${line} (raci-disable comment)`);

  it('puts raci-disable-line at the end of the activity cell of a row, and the table stays whole', () => {
    const text = guide(['| Keep logs | RA | RA |', '| Watch | R | A |']);
    const after = applied(text, silence(text, lineOf(text, 'Keep logs'), 'accountable-multiple'));
    expect(after).toBe(text.replace('| Keep logs |', '| Keep logs <!-- raci-disable-line accountable-multiple --> |'));
    expect(codes(after)).toEqual([]);
    expect(analyseDocument(after).result.model.sections[0]?.activities).toHaveLength(2);
  });

  it('adds the id to a comment already aimed at the line', () => {
    const text = guide(['| Keep logs <!-- raci-disable-line role-noncanonical --> | AR | RA |']);
    // The comment silences the letters written out of order; the two accountable parties are still reported.
    expect(codes(text)).toEqual(['accountable-multiple']);
    const after = applied(text, silence(text, lineOf(text, 'Keep logs'), 'accountable-multiple'));
    expect(after).toContain('<!-- raci-disable-line accountable-multiple role-noncanonical -->');
    expect(codes(after)).toEqual([]);
  });

  it('puts raci-disable-next-line on a line of its own above a line that is not a table row', () => {
    const text = guide(['| Keep logs | R | A |']).replace('## 1. Before subscription', '## 1. Before subscription\n\n## 1. Again');
    expect(codes(text)).toContain('section-duplicate');
    const line = lineOf(text, '## 1. Again');
    const after = applied(text, silence(text, line, 'section-duplicate'));
    expect(after.split('\n')[line - 1]).toBe('<!-- raci-disable-next-line section-duplicate -->');
    expect(codes(after)).not.toContain('section-duplicate');
  });

  it('is offered only when the comment does silence the finding, and never for the comment checks', () => {
    const text = `${guide(['| Keep logs | R | A |'])}\n\n<!-- raci-disable-next-line role-repeated -->\n`;
    expect(codes(text)).toEqual(['disable-unused']);
    expect(actionsOn(text, lineOf(text, 'role-repeated'))).toEqual([]);
  });

  it('keeps a legend row in its table', () => {
    const legend = LEGEND.replace(
      '| I: Is informed of the results of the process |',
      '| I: Is informed of the results of the process |\n| Q: Quietly watches |',
    );
    const text = guide(['| Keep logs | R | A |']).replace(LEGEND, legend);
    const line = lineOf(text, 'Q: Quietly');
    const found = analyseDocument(text).result.findings.find((finding) => finding.line === line);
    expect(found).toBeDefined();
    const after = applied(text, silence(text, line, found!.code));
    expect(after.split('\n')[line - 1]).toBe(`| Q: Quietly watches <!-- raci-disable-line ${found!.code} --> |`);
    expect(codes(after)).toEqual(codes(text).filter((code) => code !== found!.code));
  });
});
