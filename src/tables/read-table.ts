import type { Paragraph, Table } from 'mdast';
import type { Container } from '../markdown/gfm-row.js';
import { type RecoveredTable, recoverCollapsedTable } from './collapsed-table.js';
import { tableDataFromMdast } from './mdast-table.js';
import type { TableData } from './table-data.js';

export type ReadTable = (TableData & { collapsed: false }) | RecoveredTable;

/**
 * The one reading of a table, with the source span of every row and cell: a
 * real GFM table where the markdown parser found it, or a paragraph of pipes
 * that is a collapsed table (undefined for any other paragraph). `containers`
 * are the blocks around it (block quotes, list items, footnote definitions),
 * outermost first.
 */
export function readTable(source: string, block: Table, containers: readonly Container[]): ReadTable;
export function readTable(source: string, block: Table | Paragraph, containers: readonly Container[]): ReadTable | undefined;
export function readTable(source: string, block: Table | Paragraph, containers: readonly Container[]): ReadTable | undefined {
  if (block.type === 'table') return tableDataFromMdast(source, block);
  return recoverCollapsedTable(source, block, containers);
}
