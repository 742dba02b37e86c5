import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Paragraph, Root, Table } from 'mdast';
import { renderPlainText } from '../../src/entries/format.js';
import type { Diagnostic, ResponsibilityModel, SafeParseResult } from '../../src/index.js';
import { listActivities } from '../../src/index.js';
import { parseMarkdown } from '../../src/markdown/processor.js';
import { isLegendTable } from '../../src/tables/legend.js';
import { tableDataFromMdast } from '../../src/tables/mdast-table.js';
import { bundledGuides, ROOT } from './paths.js';

/** Fixed seed and bounded runs for every property test, so `npm test` is repeatable and fast. */
export const SEED = 6_2024;

/** A handful of real guides of different shapes (languages, legacy front matter, a collapsed table, mojibake). */
export function sampleGuides(): { name: string; text: string }[] {
  const guides = bundledGuides();
  const picked = [guides[0]!, guides[7]!, guides[15]!, guides[23]!, guides[31]!, guides[39]!].map((path) => ({
    name: path,
    text: readFileSync(join(ROOT, path), 'utf8'),
  }));
  picked.push({
    name: 'fixtures/seeds/000_ab7808a33b482c41.txt',
    text: readFileSync(join(ROOT, 'fixtures/seeds/000_ab7808a33b482c41.txt'), 'utf8'),
  });
  return picked;
}

export type Mutation =
  | { kind: 'delete' | 'duplicate' | 'truncate' | 'insert-pipe'; at: number; offset: number }
  | { kind: 'swap'; at: number; other: number }
  | { kind: 'drop-delimiter-rows' }
  | { kind: 'line-endings'; ending: '\r\n' | '\r' | 'mixed' };

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('delete', 'duplicate', 'truncate', 'insert-pipe'),
    at: fc.nat(),
    offset: fc.nat(),
  }) as fc.Arbitrary<Mutation>,
  fc.record({ kind: fc.constant('swap'), at: fc.nat(), other: fc.nat() }) as fc.Arbitrary<Mutation>,
  fc.constant({ kind: 'drop-delimiter-rows' } as const),
  fc.record({ kind: fc.constant('line-endings'), ending: fc.constantFrom('\r\n', '\r', 'mixed') }) as fc.Arbitrary<Mutation>,
);

/** The guide after the mutations, in order; positions are taken modulo the line count (and line length). */
export function mutate(text: string, mutations: readonly Mutation[]): string {
  let lines = text.split(/\r\n|\r|\n/);
  let ending: string | undefined;
  for (const mutation of mutations) {
    if (lines.length === 0) lines = [''];
    switch (mutation.kind) {
      case 'delete':
        lines.splice(mutation.at % lines.length, 1);
        break;
      case 'duplicate': {
        const at = mutation.at % lines.length;
        lines.splice(at, 0, lines[at]!);
        break;
      }
      case 'truncate': {
        const at = mutation.at % lines.length;
        lines[at] = lines[at]!.slice(0, mutation.offset % (lines[at]!.length + 1));
        break;
      }
      case 'insert-pipe': {
        const at = mutation.at % lines.length;
        const offset = mutation.offset % (lines[at]!.length + 1);
        lines[at] = `${lines[at]!.slice(0, offset)}|${lines[at]!.slice(offset)}`;
        break;
      }
      case 'swap': {
        const a = mutation.at % lines.length;
        const b = mutation.other % lines.length;
        [lines[a], lines[b]] = [lines[b]!, lines[a]!];
        break;
      }
      case 'drop-delimiter-rows':
        lines = lines.filter((line) => !(/^[\s|:-]+$/.test(line) && line.includes('-') && line.includes('|')));
        break;
      case 'line-endings':
        ending = mutation.ending;
        break;
    }
  }
  if (ending === 'mixed') return lines.map((line, index) => line + ['\n', '\r', '\r\n'][index % 3]).join('');
  return lines.join(ending ?? '\n');
}

/**
 * The rows the parser must account for, found with remark alone: every body
 * row of every GFM table anywhere in the tree (block quotes, lists, footnote
 * definitions), and every line after the first of a paragraph whose lines all
 * open with a pipe (a table remark could not read). The legend's rows are
 * left out: they become `roles`.
 */
function rowLinesToAccountFor(text: string): number[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const tree: Root = parseMarkdown(source);
  const lines = text.split(/\r\n|\r|\n/);
  const rows: number[] = [];
  let legendSeen = false;
  const stack: { type: string; children?: unknown[] }[] = [tree];
  const inOrder: (Table | Paragraph)[] = [];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'table' || node.type === 'paragraph') inOrder.push(node as Table | Paragraph);
    if (node.type === 'table') continue;
    const children = (node.children ?? []) as { type: string }[];
    for (let index = children.length - 1; index >= 0; index--) stack.push(children[index]!);
  }
  for (const node of inOrder) {
    if (node.type === 'table') {
      const data = tableDataFromMdast(source, node);
      if (!legendSeen && data.header.length <= 64 && isLegendTable(data)) {
        legendSeen = true;
        continue;
      }
      for (const row of node.children.slice(1)) rows.push(row.position!.start.line);
    } else {
      const start = node.position!.start.line;
      const end = node.position!.end.line;
      const own = lines.slice(start - 1, end);
      if (own.length >= 2 && own.every((line) => line.trimStart().startsWith('|'))) {
        for (let line = start + 1; line <= end; line++) rows.push(line);
      }
    }
  }
  return rows;
}

/** Lines of `rowLinesToAccountFor` that are neither an activity nor inside a diagnostic's line range: lost rows. */
export function lostRows(text: string, result: SafeParseResult): number[] {
  // A guide refused whole (too large, too deep) is one error for all its rows.
  if (result.diagnostics.some((diagnostic) => diagnostic.code === 'input-too-large' || diagnostic.code === 'input-too-deep')) return [];
  const activityLines = new Set(listActivities(result.model).map((activity) => activity.line));
  const covered = (line: number) =>
    result.diagnostics.some((diagnostic: Diagnostic) => diagnostic.line <= line && line <= diagnostic.endLine);
  return rowLinesToAccountFor(text).filter((line) => !activityLines.has(line) && !covered(line));
}

/** The lines `renderPlainText` must end with: each section heading, then its activities, in reading order. */
export function expectedPlainTextTail(model: ResponsibilityModel): string[] {
  const expected: string[] = [];
  const visit = (section: ResponsibilityModel['sections'][number]): void => {
    expected.push(`${section.number}. ${section.title}`.trimEnd());
    for (const activity of section.activities)
      expected.push([activity.text, ...Object.values(activity.cells).filter((cell) => cell !== '')].join(' '));
    section.sections.forEach(visit);
  };
  model.sections.forEach(visit);
  return expected;
}

export function plainTextTail(model: ResponsibilityModel, length: number): string[] {
  const lines = renderPlainText(model)
    .split('\n')
    .filter((line) => line !== '');
  return length === 0 ? [] : lines.slice(-length);
}
