import type { Paragraph, Table } from 'mdast';
import { describe, expect, it } from 'vitest';
import type { Container } from '../../src/markdown/gfm-row.js';
import { parseMarkdown } from '../../src/markdown/processor.js';
import { readTable } from '../../src/tables/read-table.js';
import type { CellData, TableData } from '../../src/tables/table-data.js';

/** The first table, or paragraph with a pipe, of the text, with the containers it is in. */
function firstTableBlock(text: string): { block: Table | Paragraph; containers: Container[] } {
  const stack: { node: { type: string; children?: unknown[] }; containers: Container[] }[] = [
    { node: parseMarkdown(text), containers: [] },
  ];
  while (stack.length > 0) {
    const { node, containers } = stack.shift()!;
    const position = (node as Paragraph).position!;
    const hasPipe = text.slice(position.start.offset, position.end.offset).includes('|');
    if (node.type === 'table' || (node.type === 'paragraph' && hasPipe)) return { block: node as Table | Paragraph, containers };
    const container = ({ blockquote: 'blockQuote', listItem: 'listItem', footnoteDefinition: 'footnoteDefinition' } as const)[
      node.type as 'blockquote'
    ];
    const inner = container ? [...containers, container] : containers;
    stack.unshift(...((node.children ?? []) as { type: string }[]).map((child) => ({ node: child, containers: inner })));
  }
  throw new Error('no table in the text');
}

function read(text: string): TableData & { delimiterMissing?: boolean } {
  const { block, containers } = firstTableBlock(text);
  const table = readTable(text, block, containers);
  if (!table) throw new Error('not read as a table');
  return table;
}

/** Each cell as the source has it at its spans, and where it starts. */
function located(text: string, cell: CellData): string {
  const between = text.slice(cell.cellSpan.offset, cell.cellSpan.endOffset);
  const content = text.slice(cell.contentSpan.offset, cell.contentSpan.endOffset);
  expect(between).toBe(cell.raw);
  const lineStart = cell.contentSpan.offset - cell.contentSpan.column + 1;
  expect(text.slice(lineStart, cell.cellSpan.offset).includes('\n')).toBe(false);
  return `${cell.contentSpan.line}:${cell.contentSpan.column} ${JSON.stringify(content)}`;
}

const TABLE = ['| Activity | Customer | OVHcloud |', '| --- | --- |', '| Place the order | RA | I |', '| Pay \\| bill | I | RA |'];

describe('collapsed tables in containers', () => {
  const cases: [string, string][] = [
    ['at the top level', TABLE.join('\n')],
    ['in a block quote', TABLE.map((line) => `> ${line}`).join('\n')],
    ['in a block quote, with lazy lines', [`> ${TABLE[0]}`, `> ${TABLE[1]}`, TABLE[2], TABLE[3]].join('\n')],
    ['in a list item', TABLE.map((line, index) => `${index === 0 ? '- ' : '  '}${line}`).join('\n')],
    ['in a block quote in a list item', TABLE.map((line, index) => `${index === 0 ? '- > ' : '  > '}${line}`).join('\n')],
    ['in a footnote definition', ['[^1]: Note', '', ...TABLE.map((line) => `    ${line}`)].join('\n')],
  ];

  it.each(cases)('%s: every row and cell is read, at its place in the source', (_where, text) => {
    const table = read(text);
    expect(table.collapsed).toBe(true);
    expect(table.delimiterMissing).toBe(false);
    expect(table.header.map((cell) => cell.text)).toEqual(['Activity', 'Customer', 'OVHcloud']);
    expect(table.rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['Place the order', 'RA', 'I'],
      ['Pay | bill', 'I', 'RA'],
    ]);
    const lines = text.split('\n');
    const firstRowLine = lines.findIndex((line) => line.includes('Place the order')) + 1;
    const column = (line: number, text: string) => lines[line - 1]!.indexOf(text) + 1;
    expect(table.rows.map((row) => row.cells.map((cell) => located(text, cell)))).toEqual([
      [
        `${firstRowLine}:${column(firstRowLine, 'Place')} "Place the order"`,
        `${firstRowLine}:${column(firstRowLine, 'RA')} "RA"`,
        `${firstRowLine}:${column(firstRowLine, 'I |')} "I"`,
      ],
      [
        `${firstRowLine + 1}:${column(firstRowLine + 1, 'Pay')} "Pay \\\\| bill"`,
        `${firstRowLine + 1}:${column(firstRowLine + 1, 'I |')} "I"`,
        `${firstRowLine + 1}:${column(firstRowLine + 1, 'RA')} "RA"`,
      ],
    ]);
    const headerLine = firstRowLine - 2;
    expect(table.headerSpan).toMatchObject({ line: headerLine, column: column(headerLine, '| Activity') });
    expect(table.rows[0]!.span).toMatchObject({ line: firstRowLine, column: column(firstRowLine, '| Place') });
  });

  it('a paragraph of prose is no table', () => {
    const { block, containers } = firstTableBlock('> Some text\n> with a | pipe');
    expect(readTable('> Some text\n> with a | pipe', block, containers)).toBeUndefined();
  });
});

describe('real tables', () => {
  it('take their cells from the markdown parser: between the pipes, and what is written', () => {
    const text = ['> | a  |  | c <!-- x --> | d \\|', '> |---|---|---|---|', '> |  x | | `y` |  **z** |  '].join('\n');
    const table = read(text);
    expect(table.collapsed).toBe(false);
    expect(table.header.map((cell) => located(text, cell))).toEqual(['1:5 "a"', '1:11 ""', '1:13 "c <!-- x -->"', '1:28 "d \\\\|"']);
    expect(table.rows[0]!.cells.map((cell) => [cell.raw, located(text, cell)])).toEqual([
      ['  x ', '3:6 "x"'],
      [' ', '3:10 ""'],
      [' `y` ', '3:12 "`y`"'],
      ['  **z** ', '3:19 "**z**"'],
    ]);
  });
});
