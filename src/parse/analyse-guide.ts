import type { Heading, Paragraph, Root, RootContent, Yaml } from 'mdast';
import { compareDiagnostics, createDiagnostic, quote, type Span, START_OF_FILE, spanOf } from '../diagnostics/diagnostic.js';
import { parseMarkdownChunked } from '../markdown/chunked-parse.js';
import type { Container } from '../markdown/gfm-row.js';
import { headingText, plainText } from '../markdown/text.js';
import { lastUpdatedDateText } from '../meta/dates.js';
import { type FrontMatter, readFrontMatter } from '../meta/front-matter.js';
import { resolveUpdated } from '../meta/updated.js';
import { parseHeadingNumber } from '../outline/heading-number.js';
import { LevelOutlineBuilder } from '../outline/level-outline.js';
import { OutlineBuilder } from '../outline/outline.js';
import { findMojibake } from '../read/mojibake.js';
import { assignPartyIds } from '../roles/parties.js';
import { normalizeRoleCell } from '../roles/role-cell.js';
import {
  type Diagnostic,
  type Meta,
  type ParseOptions,
  type Party,
  type ResponsibilityModel,
  type RoleDefinition,
  SCHEMA_VERSION,
  type Scope,
} from '../schema/model.js';
import { type ActivityTable, type ActivityTableContext, assignScopeIds, readActivityRows } from '../tables/activity-rows.js';
import { type ActivityLayout, detectLayout, headerSignature } from '../tables/columns.js';
import { isLegendTable, otherMeanings, readLegend, standardRoles } from '../tables/legend.js';
import { legendFromHtml, legendFromList, legendFromParagraph } from '../tables/legend-text.js';
import { notRaciReason } from '../tables/not-raci.js';
import { type ReadTable, readTable } from '../tables/read-table.js';
import { rowText, type TableData } from '../tables/table-data.js';
import { stripBom } from '../util/lines.js';
import { firstExceededInputLimit, limitsOf } from './limits.js';

export interface GuideAnalysis {
  model: ResponsibilityModel;
  diagnostics: Diagnostic[];
  /**
   * The activity tables as read, with the source span of every header cell,
   * row and cell, and the activity each row became: what the rules, their
   * fixes and their suppressions point at. Not part of the model.
   */
  tables: ActivityTable[];
}

/**
 * The whole reading of one guide: front matter, legend, outline and activity
 * tables. Never throws on odd input; every problem becomes a diagnostic.
 * `parse` is the markdown parse; the default cuts large guides into pieces
 * (chunked-parse.ts), with the same tree as a whole parse.
 */
export function analyseGuide(
  source: string,
  options: ParseOptions = {},
  parse: (text: string) => Root = parseMarkdownChunked,
): GuideAnalysis {
  const text = stripBom(source);
  const limits = limitsOf(options);
  const locale = options.locale;
  const exceeded = firstExceededInputLimit(text, limits);
  if (exceeded) return notParsed(exceeded, locale);
  try {
    return analyseTree(parse(text), text, { locale, maxColumns: limits.maxColumns, maxDepth: limits.maxDepth });
  } catch (caught) {
    // Deeply nested inline markup (thousands of `*`) can still exhaust remark's recursion.
    if (!(caught instanceof RangeError)) throw caught;
    return notParsed(
      createDiagnostic(
        'input-too-deep',
        `The markdown parser ran out of stack on this guide (${caught.message}); it nests too deeply to be read.`,
        START_OF_FILE,
      ),
      locale,
    );
  }
}

function notParsed(diagnostic: Diagnostic, locale: string | undefined): GuideAnalysis {
  return { model: emptyModel(locale), diagnostics: [diagnostic], tables: [] };
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

/** A block of the document, with the containers it is in (outermost first). */
interface PlacedBlock {
  node: RootContent;
  containers: readonly Container[];
}

const CONTAINER_OF: Partial<Record<RootContent['type'], Container>> = {
  blockquote: 'blockQuote',
  listItem: 'listItem',
  footnoteDefinition: 'footnoteDefinition',
};

/**
 * Blocks in document order, looking inside block quotes, lists and footnote
 * definitions (a table indented under `[^1]:` is still a table of the guide);
 * iterative, so deep nesting cannot overflow the stack. A list that is a
 * legend (`- **R** - Responsible`) is given whole.
 */
function* blocksInOrder(topLevel: Iterable<RootContent>): Generator<PlacedBlock, void, undefined> {
  for (const top of topLevel) {
    const stack: PlacedBlock[] = [{ node: top, containers: [] }];
    while (stack.length > 0) {
      const { node, containers } = stack.pop()!;
      if (node.type === 'list' && legendFromList(node)) {
        yield { node, containers };
      } else if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
        const container = CONTAINER_OF[node.type];
        const inner = container ? [...containers, container] : containers;
        for (let index = node.children.length - 1; index >= 0; index--) stack.push({ node: node.children[index]!, containers: inner });
      } else {
        yield { node, containers };
      }
    }
  }
}

/** What the walk over the blocks has read so far. */
interface Reading {
  readonly source: string;
  readonly options: TreeOptions;
  readonly diagnostics: Diagnostic[];
  /** From the heading numbers; from the heading levels when the guide numbers none of its headings. */
  readonly outline: OutlineBuilder | LevelOutlineBuilder;
  readonly parties: Party[];
  readonly scopes: Scope[];
  readonly knownLayouts: Map<string, ActivityLayout>;
  readonly tables: ActivityTable[];
  readonly introParts: string[];
  roles: RoleDefinition[] | undefined;
  /** Where the legend is, and whether it is made of bold-letter paragraphs (which may follow each other). */
  legend: { span: Span; paragraphs: boolean } | undefined;
  firstHeadingTitle: string | undefined;
  updatedLine: { text: string; span: Span } | undefined;
  /** A numbered heading (or, in a guide that numbers none, any heading but the title) has been seen: the intro has ended. */
  seenSectionHeading: boolean;
}

/** @public The analysis of a tree already parsed; the benchmark compares it with the markdown parse alone. */
export function analyseTree(tree: Root, source: string, options: TreeOptions): GuideAnalysis {
  // Front matter can only open the document, so it is a top-level block.
  const frontMatterNode = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const frontMatter = readFrontMatter(frontMatterNode);
  const reading: Reading = {
    source,
    options,
    diagnostics: [...findMojibake(source), ...frontMatter.diagnostics],
    outline: outlineFor(tree, frontMatter.data['title'], options.maxDepth),
    parties: [],
    scopes: [],
    knownLayouts: new Map(),
    tables: [],
    introParts: [],
    roles: undefined,
    legend: undefined,
    firstHeadingTitle: undefined,
    updatedLine: undefined,
    seenSectionHeading: false,
  };
  for (const block of blocksInOrder(tree.children)) readBlock(reading, block);
  reading.diagnostics.push(...reading.outline.diagnostics, ...missingParts(reading), ...legendMeanings(reading));
  const meta = finishMeta(frontMatter, spanOf(frontMatterNode?.position), reading, options.locale);
  const model: ResponsibilityModel = {
    schemaVersion: SCHEMA_VERSION,
    meta,
    intro: reading.introParts.join('\n\n'),
    roles: reading.roles ?? [],
    parties: reading.parties,
    scopes: reading.scopes,
    sections: reading.outline.sections,
  };
  return { model, diagnostics: reading.diagnostics.sort(compareDiagnostics), tables: reading.tables };
}

/**
 * A guide that numbers any heading takes its sections from the numbers; one
 * that numbers none takes them from the heading levels, its title (a lone
 * level-1 heading first) aside.
 */
function outlineFor(tree: Root, frontMatterTitle: unknown, maxDepth: number): OutlineBuilder | LevelOutlineBuilder {
  const headings: Heading[] = [];
  for (const { node } of blocksInOrder(tree.children)) if (node.type === 'heading') headings.push(node);
  if (headings.some((heading) => parseHeadingNumber(headingText(heading)) !== undefined)) return new OutlineBuilder(maxDepth);
  const first = headings[0];
  const title = first?.depth === 1 && headings.filter((heading) => heading.depth === 1).length === 1 ? first : undefined;
  return new LevelOutlineBuilder(maxDepth, title, typeof frontMatterTitle === 'string' ? frontMatterTitle.trim() : '');
}

function readBlock(reading: Reading, { node, containers }: PlacedBlock): void {
  switch (node.type) {
    case 'heading':
      readHeading(reading, node);
      break;
    case 'table':
      readTableBlock(reading, readTable(reading.source, node, containers));
      break;
    case 'paragraph':
      readParagraph(reading, node, containers);
      break;
    case 'list':
      readLegendBlock(reading, legendFromList(node), spanOf(node.position), false);
      break;
    case 'html':
      readLegendBlock(reading, legendFromHtml(node), spanOf(node.position), false);
      break;
    default:
      // Code, HTML, definitions and rules are neither intro prose nor tables.
      break;
  }
}

function readHeading(reading: Reading, heading: Heading): void {
  const title = headingText(heading);
  if (reading.outline.addHeading(heading, title, spanOf(heading.position))) reading.seenSectionHeading = true;
  else if (heading.depth === 1 && reading.firstHeadingTitle === undefined) reading.firstHeadingTitle = title;
}

/** A paragraph is a collapsed table, or intro prose (with perhaps the "last updated" line) before the sections. */
function readParagraph(reading: Reading, paragraph: Paragraph, containers: readonly Container[]): void {
  const recovered = readTable(reading.source, paragraph, containers);
  if (recovered) {
    readTableBlock(reading, recovered);
    return;
  }
  const legend = legendFromParagraph(paragraph);
  if (legend && (!reading.roles || (reading.legend?.paragraphs && reading.tables.length === 0))) {
    readLegendBlock(reading, legend, spanOf(paragraph.position), true);
    return;
  }
  if (reading.seenSectionHeading) return;
  const text = plainText(paragraph);
  const dateText = reading.updatedLine ? undefined : lastUpdatedDateText(text);
  if (dateText !== undefined) reading.updatedLine = { text: dateText, span: spanOf(paragraph.position) };
  else if (text !== '') reading.introParts.push(text);
}

/** Any table: too wide to read, the legend, or a table of activities. */
function readTableBlock(reading: Reading, table: ReadTable): void {
  const { diagnostics, options } = reading;
  if (table.collapsed) diagnostics.push(collapsedDiagnostic(table.header.length, table.delimiterMissing, table.span));
  if (table.header.length > options.maxColumns) {
    diagnostics.push(
      createDiagnostic(
        'table-too-wide',
        `This table has ${table.header.length} columns, more than the limit of ${options.maxColumns} (option maxColumns); its rows are not read.`,
        table.span,
      ),
    );
    ignoreRows(table, 'the table is too wide', diagnostics);
  } else if (isLegendTable(table)) {
    readLegendTable(reading, table);
  } else {
    readActivityTable(reading, table);
  }
}

function collapsedDiagnostic(width: number, delimiterMissing: boolean, span: Span): Diagnostic {
  return createDiagnostic(
    'table-collapsed',
    delimiterMissing
      ? `These lines look like a table but are read as a paragraph: a table needs a delimiter row (the "| --- |" ` +
          `line) under its header, with one cell per header cell (${width}). Its rows were recovered as written.`
      : `These lines look like a table but are read as a paragraph: the delimiter row (the "| --- |" ` +
          `line) must have one cell per header cell (${width}). Its rows were recovered as written.`,
    span,
  );
}

function readLegendTable(reading: Reading, table: TableData): void {
  if (reading.roles) {
    reading.diagnostics.push(createDiagnostic('legend-duplicate', 'A second legend table; only the first one is used.', table.span));
    return;
  }
  const legend = readLegend(table);
  reading.roles = legend.roles;
  reading.legend = { span: table.span, paragraphs: false };
  reading.diagnostics.push(...legend.diagnostics);
}

/** A legend written as a list, bold-letter paragraphs or an HTML definition list; consecutive paragraphs add up. */
function readLegendBlock(reading: Reading, roles: RoleDefinition[] | undefined, span: Span, paragraphs: boolean): void {
  if (!roles) return;
  if (reading.roles && !(paragraphs && reading.legend?.paragraphs)) {
    reading.diagnostics.push(createDiagnostic('legend-duplicate', 'A second legend; only the first one is used.', span));
    return;
  }
  reading.roles = [...(reading.roles ?? []), ...roles];
  reading.legend = { span: reading.legend?.span ?? span, paragraphs };
}

/** The rows of a table under a section become its activities; any other table's rows are reported. */
function readActivityTable(reading: Reading, table: TableData): void {
  const { diagnostics, outline } = reading;
  const header = quote(table.header.map((cell) => cell.text).join(' | '));
  if (table.rows.length === 0) {
    diagnostics.push(createDiagnostic('table-empty', `The table ${header} has a header but no rows.`, table.span));
    return;
  }
  if (outline instanceof LevelOutlineBuilder) readUnnumberedTable(reading, outline, table, header);
  else readNumberedTable(reading, outline, table, header);
}

function readNumberedTable(reading: Reading, outline: OutlineBuilder, table: TableData, header: string): void {
  const { diagnostics } = reading;
  const section = outline.currentSection;
  if (!section) {
    const where = reading.seenSectionHeading ? 'after the numbered sections ended' : 'before the first numbered section';
    diagnostics.push(
      createDiagnostic(
        'table-outside-section',
        `The table ${header} is ${where}, so its rows are not activities; put it under a numbered heading.`,
        table.span,
      ),
    );
    ignoreRows(table, `its table is ${where}`, diagnostics);
    return;
  }
  const layout = detectLayout(table, reading.knownLayouts);
  if (!layout) {
    diagnostics.push(
      createDiagnostic(
        'table-without-parties',
        `The table ${header} in section ${section.number} has no column of role codes, so no party can be read from it.`,
        table.span,
      ),
    );
    ignoreRows(table, 'its table has no party column', diagnostics);
    return;
  }
  readRows(reading, table, layout, {
    nextActivityId: () => outline.nextActivityId(section),
    addActivity: (activity) => section.activities.push(activity),
  });
}

/**
 * Whether some party cell of the table holds RACI letters and nothing else
 * (a note in brackets aside): without one, a table of a guide that numbers
 * no heading is not a matrix, however its columns look. The walk's pre-check
 * (mayBeGuide) relies on this.
 */
function hasRoleLetter(table: TableData, layout: ActivityLayout): boolean {
  return table.rows.some((row) =>
    layout.partyColumns.some((column) => {
      const { roles, unknown } = normalizeRoleCell(row.cells[column]?.text ?? '');
      return roles.length > 0 && unknown.length === 0;
    }),
  );
}

/**
 * In a guide without numbered headings, a table with no column of role codes,
 * or whose letters mean something else, is not a matrix: it is said why.
 */
function readUnnumberedTable(reading: Reading, outline: LevelOutlineBuilder, table: TableData, header: string): void {
  const layout = detectLayout(table, reading.knownLayouts);
  const skipped = !layout
    ? 'it has no column of role codes'
    : !hasRoleLetter(table, layout)
      ? 'none of its party cells holds an R, A, C or I'
      : notRaciReason(table, layout);
  if (!layout || skipped) {
    reading.diagnostics.push(
      createDiagnostic('table-not-raci', `The table ${header} is not read as a responsibility matrix: ${skipped}.`, table.span),
    );
    ignoreRows(table, 'its table is not a responsibility matrix', reading.diagnostics);
    return;
  }
  readRows(reading, table, layout, {
    nextActivityId: () => outline.nextActivityId(outline.currentSection()),
    addActivity: (activity) => outline.currentSection().activities.push(activity),
    openGroup: (title, line) => outline.openGroup(title, line),
  });
  outline.closeGroup();
}

function readRows(
  reading: Reading,
  table: TableData,
  layout: ActivityLayout,
  placing: Pick<ActivityTableContext, 'nextActivityId' | 'addActivity' | 'openGroup'>,
): void {
  reading.knownLayouts.set(headerSignature(table), layout);
  const labelsOf = (columns: number[]) => columns.map((column) => table.header[column]?.text ?? '');
  const rows = readActivityRows(table, {
    layout,
    partyIds: assignPartyIds(labelsOf(layout.partyColumns), reading.parties),
    scopeIds: assignScopeIds(labelsOf(layout.scopeColumns), reading.scopes),
    ...placing,
  });
  reading.tables.push(rows.read);
  reading.diagnostics.push(...rows.diagnostics);
}

function ignoreRows(table: TableData, reason: string, diagnostics: Diagnostic[]): void {
  for (const row of table.rows) {
    diagnostics.push(createDiagnostic('row-ignored', `Row ${quote(rowText(row))} is not read as an activity: ${reason}.`, row.span));
  }
}

/**
 * A guide without sections (numbered ones, or in a guide that numbers no
 * heading, any with rows) or without a legend is reported once, at its start.
 */
function missingParts(reading: Reading): Diagnostic[] {
  const missing: Diagnostic[] = [];
  const noSections = reading.outline instanceof LevelOutlineBuilder ? reading.outline.sections.length === 0 : !reading.seenSectionHeading;
  if (noSections) {
    missing.push(
      createDiagnostic(
        'sections-missing',
        'No numbered section heading (such as "### 1. Before subscription") was found, so the guide has no activities.',
        START_OF_FILE,
      ),
    );
  }
  if (!reading.roles && reading.tables.some((table) => table.rows.length > 0)) {
    reading.roles = standardRoles();
    missing.push(
      createDiagnostic(
        'legend-standard',
        `No RACI legend was found; the letters are read with their standard meanings (${reading.roles.map((role) => `${role.code}: ${role.label}`).join(', ')}).`,
        START_OF_FILE,
      ),
    );
  } else if (!reading.roles) {
    missing.push(
      createDiagnostic(
        'legend-missing',
        'No RACI legend was found: add a one-column table whose rows read "R: …", "A: …", "C: …", "I: …".',
        START_OF_FILE,
      ),
    );
  }
  return missing;
}

/** Legend letters given a meaning that is not RACI's (`A: Application`): reported, the letters still read as written. */
function legendMeanings(reading: Reading): Diagnostic[] {
  const span = reading.legend?.span;
  if (!span || !reading.roles) return [];
  return otherMeanings(reading.roles).map(({ role, usual }) =>
    createDiagnostic(
      'legend-meaning-other',
      `The legend gives ${quote(role.code)} the meaning ${quote(role.label)}, where RACI means ${usual}; ` +
        'the tables are still read as RACI letters: check that they are a responsibility matrix.',
      span,
    ),
  );
}

/** Title, excerpt and dates, from the front matter first and the document second; what is missing or wrong is reported. */
function finishMeta(frontMatter: FrontMatter, frontMatterSpan: Span, reading: Reading, locale: string | undefined): Meta {
  const data = frontMatter.data;
  const updated = resolveUpdated(data['updated'], frontMatter.keySpans.get('updated') ?? frontMatterSpan, reading.updatedLine);
  reading.diagnostics.push(...updated.diagnostics);
  const title = typeof data['title'] === 'string' ? data['title'].trim() : (reading.firstHeadingTitle ?? '');
  if (title === '')
    reading.diagnostics.push(
      createDiagnostic(
        'title-missing',
        'The guide has no title: add `title:` to the front matter.',
        frontMatter.keySpans.get('title') ?? frontMatterSpan,
      ),
    );
  return {
    title,
    ...(typeof data['excerpt'] === 'string' ? { excerpt: data['excerpt'].trim() } : {}),
    ...(updated.updated ? { updated: updated.updated } : {}),
    ...(updated.updatedText ? { updatedText: updated.updatedText } : {}),
    ...(locale ? { locale } : {}),
    frontMatter: data,
  };
}
