import type { Heading, Nodes, Paragraph, Root, RootContent, Table, Yaml } from 'mdast';
import { compareDiagnostics, createDiagnostic, quote, spanOf, START_OF_FILE, type Span } from '../diagnostics/diagnostic.js';
import { parseMarkdownChunked } from '../markdown/chunked-parse.js';
import { headingText, plainText } from '../markdown/text.js';
import { lastUpdatedDateText } from '../meta/dates.js';
import { readFrontMatter } from '../meta/front-matter.js';
import { resolveUpdated } from '../meta/updated.js';
import { OutlineBuilder } from '../outline/outline.js';
import { findMojibake } from '../read/mojibake.js';
import { assignPartyIds } from '../roles/parties.js';
import { assignScopeIds, readActivityRows } from '../tables/activity-rows.js';
import { recoverCollapsedTable } from '../tables/collapsed-table.js';
import { detectLayout, headerSignature, type ActivityLayout } from '../tables/columns.js';
import { isLegendTable, readLegend } from '../tables/legend.js';
import { rowText, tableDataFromMdast, type TableData } from '../tables/table-data.js';
import {
  SCHEMA_VERSION,
  type Diagnostic,
  type Options,
  type Party,
  type ResponsibilityModel,
  type RoleDefinition,
  type Scope,
} from './schema.js';

export interface Limits {
  maxBytes: number;
  maxColumns: number;
  maxDepth: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = {
  /** Characters; a 10 MB guide is far past any real one but still parses. */
  maxBytes: 50_000_000,
  maxColumns: 64,
  maxDepth: 8,
};

export interface GuideAnalysis {
  model: ResponsibilityModel;
  diagnostics: Diagnostic[];
}

/** Blocks in document order, looking inside block quotes and lists; iterative, so deep nesting cannot overflow the stack. */
function blocksInOrder(root: Root): RootContent[] {
  const blocks: RootContent[] = [];
  const stack: RootContent[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem') {
      for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
    } else {
      blocks.push(node);
    }
  }
  return blocks;
}

/**
 * The whole reading of one guide: front matter, legend, outline and activity
 * tables. Never throws on odd input; every problem becomes a diagnostic.
 */
export function analyseGuide(source: string, options: Options = {}, parse: (text: string) => Root = parseMarkdownChunked): GuideAnalysis {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const limits = { ...DEFAULT_LIMITS, ...definedOnly(options) };
  const locale = options.locale;
  if (text.length > limits.maxBytes) {
    const diagnostic = createDiagnostic(
      'input-too-large',
      `The guide has ${text.length} characters, more than the limit of ${limits.maxBytes} (option maxBytes); it was not parsed.`,
      START_OF_FILE,
    );
    return { model: emptyModel(locale), diagnostics: [diagnostic] };
  }
  const tree = parse(text);
  return analyseTree(tree, text, { locale, maxColumns: limits.maxColumns, maxDepth: limits.maxDepth });
}

function definedOnly(options: Options): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    if (options[key] !== undefined) limits[key] = options[key];
  }
  return limits;
}

/** The model of a guide that could not be read at all. */
export function emptyModel(locale?: string): ResponsibilityModel {
  return {
    schemaVersion: SCHEMA_VERSION,
    meta: { title: '', ...(locale ? { locale } : {}), frontMatter: {} },
    intro: '',
    roles: [],
    parties: [],
    scopes: [],
    sections: [],
  };
}

interface TreeOptions {
  locale: string | undefined;
  maxColumns: number;
  maxDepth: number;
}

export function analyseTree(tree: Root, source: string, options: TreeOptions): GuideAnalysis {
  const diagnostics: Diagnostic[] = [...findMojibake(source)];
  const outline = new OutlineBuilder(options.maxDepth);
  const parties: Party[] = [];
  const scopes: Scope[] = [];
  let roles: RoleDefinition[] | undefined;
  const knownLayouts = new Map<string, ActivityLayout>();
  const introParts: string[] = [];
  let firstHeadingTitle: string | undefined;
  let updatedLine: { text: string; span: Span } | undefined;
  let seenNumberedSection = false;

  const frontMatterNode = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const frontMatter = readFrontMatter(frontMatterNode);
  diagnostics.push(...frontMatter.diagnostics);

  const handleTable = (table: TableData): void => {
    if (table.header.length > options.maxColumns) {
      diagnostics.push(
        createDiagnostic('table-too-wide', `This table has ${table.header.length} columns, more than the limit of ${options.maxColumns} (option maxColumns); its rows are not read.`, table.span),
      );
      ignoreRows(table, 'the table is too wide', diagnostics);
      return;
    }
    if (isLegendTable(table)) {
      if (roles) {
        diagnostics.push(createDiagnostic('legend-duplicate', 'A second legend table; only the first one is used.', table.span));
        return;
      }
      const legend = readLegend(table);
      roles = legend.roles;
      diagnostics.push(...legend.diagnostics);
      return;
    }
    const section = outline.currentSection;
    const header = quote(table.header.map((cell) => cell.text).join(' | '));
    if (table.rows.length === 0) {
      diagnostics.push(createDiagnostic('table-empty', `The table ${header} has a header but no rows.`, table.span));
      return;
    }
    if (!section) {
      const where = seenNumberedSection ? 'after the numbered sections ended' : 'before the first numbered section';
      diagnostics.push(createDiagnostic('table-outside-section', `The table ${header} is ${where}, so its rows are not activities; put it under a numbered heading.`, table.span));
      ignoreRows(table, `its table is ${where}`, diagnostics);
      return;
    }
    const layout = detectLayout(table, knownLayouts);
    if (!layout) {
      diagnostics.push(
        createDiagnostic('table-without-parties', `The table ${header} in section ${section.number} has no column of role codes, so no party can be read from it.`, table.span),
      );
      ignoreRows(table, 'its table has no party column', diagnostics);
      return;
    }
    knownLayouts.set(headerSignature(table), layout);
    const labelsOf = (columns: number[]) => columns.map((column) => table.header[column]?.text ?? '');
    const rows = readActivityRows(table, {
      layout,
      partyIds: assignPartyIds(labelsOf(layout.partyColumns), parties),
      scopeIds: assignScopeIds(labelsOf(layout.scopeColumns), scopes),
      nextActivityId: () => outline.nextActivityId(section),
    });
    section.activities.push(...rows.activities);
    diagnostics.push(...rows.diagnostics);
  };

  for (const block of blocksInOrder(tree)) {
    switch (block.type) {
      case 'heading': {
        const title = headingText(block);
        const span = spanOf(block.position);
        if (outline.addHeading(block as Heading, title, span)) seenNumberedSection = true;
        else if (block.depth === 1 && firstHeadingTitle === undefined) firstHeadingTitle = title;
        break;
      }
      case 'table':
        handleTable(tableDataFromMdast(block as Table));
        break;
      case 'paragraph': {
        const recovered = recoverCollapsedTable(source, block as Paragraph);
        if (recovered) {
          diagnostics.push(
            createDiagnostic(
              'table-collapsed',
              `These lines look like a table but are read as a paragraph: the delimiter row (the "| --- |" line) must have one cell per header cell (${recovered.header.length}). Its rows were recovered as written.`,
              recovered.span,
            ),
          );
          handleTable(recovered);
          break;
        }
        if (!seenNumberedSection) {
          const paragraphText = plainText(block);
          const dateText = updatedLine ? undefined : lastUpdatedDateText(paragraphText);
          if (dateText !== undefined) updatedLine = { text: dateText, span: spanOf(block.position) };
          else if (paragraphText !== '') introParts.push(paragraphText);
        }
        break;
      }
      default:
        if (!seenNumberedSection && (block.type === 'code' || block.type === 'definition' || block.type === 'html' || block.type === 'yaml' || block.type === 'thematicBreak')) break;
        if (!seenNumberedSection && 'children' in block) {
          const blockText = plainText(block as Nodes);
          if (blockText !== '') introParts.push(blockText);
        }
    }
  }
  diagnostics.push(...outline.diagnostics);

  if (!roles) {
    diagnostics.push(
      createDiagnostic('legend-missing', 'No RACI legend was found: add a one-column table whose rows read "R: …", "A: …", "C: …", "I: …".', START_OF_FILE),
    );
  }

  const data = frontMatter.data;
  const frontMatterSpan = spanOf(frontMatterNode?.position);
  const updated = resolveUpdated(data['updated'], frontMatter.keySpans.get('updated') ?? frontMatterSpan, updatedLine);
  diagnostics.push(...updated.diagnostics);
  const title = typeof data['title'] === 'string' ? data['title'].trim() : firstHeadingTitle ?? '';
  if (title === '') diagnostics.push(createDiagnostic('title-missing', 'The guide has no title: add `title:` to the front matter.', frontMatter.keySpans.get('title') ?? frontMatterSpan));

  const model: ResponsibilityModel = {
    schemaVersion: SCHEMA_VERSION,
    meta: {
      title,
      ...(typeof data['excerpt'] === 'string' ? { excerpt: data['excerpt'].trim() } : {}),
      ...(updated.updated ? { updated: updated.updated } : {}),
      ...(updated.updatedText ? { updatedText: updated.updatedText } : {}),
      ...(options.locale ? { locale: options.locale } : {}),
      frontMatter: data,
    },
    intro: introParts.join('\n\n'),
    roles: roles ?? [],
    parties,
    scopes,
    sections: outline.sections,
  };
  return { model, diagnostics: diagnostics.sort(compareDiagnostics) };
}

function ignoreRows(table: TableData, reason: string, diagnostics: Diagnostic[]): void {
  for (const row of table.rows) {
    diagnostics.push(createDiagnostic('row-ignored', `Row ${quote(rowText(row))} is not read as an activity: ${reason}.`, row.span));
  }
}
