import type { Root, RootContent, Yaml } from 'mdast';
import { compareDiagnostics, createDiagnostic, quote, type Span, START_OF_FILE, spanOf } from '../diagnostics/diagnostic.js';
import { parseMarkdownChunked } from '../markdown/chunked-parse.js';
import { firstBlockWithMoreMarkersThan } from '../markdown/inline-markers.js';
import { firstLineNestedDeeperThan } from '../markdown/nesting.js';
import { headingText, plainText } from '../markdown/text.js';
import { lastUpdatedDateText } from '../meta/dates.js';
import { readFrontMatter } from '../meta/front-matter.js';
import { resolveUpdated } from '../meta/updated.js';
import { OutlineBuilder } from '../outline/outline.js';
import { findMojibake } from '../read/mojibake.js';
import { assignPartyIds } from '../roles/parties.js';
import {
  type Diagnostic,
  type Options,
  type Party,
  type ResponsibilityModel,
  type RoleDefinition,
  SCHEMA_VERSION,
  type Scope,
} from '../schema/model.js';
import { assignScopeIds, readActivityRows } from '../tables/activity-rows.js';
import { recoverCollapsedTable } from '../tables/collapsed-table.js';
import { type ActivityLayout, detectLayout, headerSignature } from '../tables/columns.js';
import { isLegendTable, readLegend } from '../tables/legend.js';
import { rowText, type TableData, tableDataFromMdast } from '../tables/table-data.js';

export interface Limits {
  maxBytes: number;
  maxColumns: number;
  maxDepth: number;
  maxNesting: number;
  maxInlineMarkers: number;
}

/**
 * Each limit is far past any real guide (the largest bundled one is 11 KB,
 * with 3 columns, 3 levels of numbering and lists 2 deep) and keeps the worst
 * input within what remark can parse in bounded time and memory; see
 * "Reliability" in the README for the measurements.
 */
export const DEFAULT_LIMITS: Readonly<Limits> = {
  /**
   * Bytes of a file (UTF-16 code units of a string). remark needs up to
   * 5 KB of memory per byte of the densest markdown (a list of one-letter
   * items): 512 KiB stays near 2.6 GB, where 1 MB could exhaust Node's heap.
   */
  maxBytes: 524_288,
  maxColumns: 64,
  /** Levels of section numbering (`1.2.3` has 3). */
  maxDepth: 8,
  /** Block quotes and list items inside each other. */
  maxNesting: 32,
  /** `*`, `_` and `~` in one paragraph or table cell. */
  maxInlineMarkers: 5_000,
};

export interface GuideAnalysis {
  model: ResponsibilityModel;
  diagnostics: Diagnostic[];
}

/**
 * Blocks in document order, looking inside block quotes, lists and footnote
 * definitions (a table indented under `[^1]:` is still a table of the guide);
 * iterative, so deep nesting cannot overflow the stack.
 */
function* blocksInOrder(topLevel: Iterable<RootContent>): Generator<RootContent, void, undefined> {
  for (const top of topLevel) {
    const stack: RootContent[] = [top];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'blockquote' || node.type === 'list' || node.type === 'listItem' || node.type === 'footnoteDefinition') {
        for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
      } else {
        yield node;
      }
    }
  }
}

/**
 * The whole reading of one guide: front matter, legend, outline and activity
 * tables. Never throws on odd input; every problem becomes a diagnostic.
 */
/** `parse` is the markdown parse; the default cuts large guides into pieces (chunked-parse.ts), with the same tree as a whole parse. */
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
  const deep = firstLineNestedDeeperThan(text, limits.maxNesting);
  if (deep) {
    const diagnostic = createDiagnostic(
      'input-too-deep',
      `This line nests block quotes or list items about ${deep.depth} levels deep, more than the limit of ${limits.maxNesting} (option maxNesting); the guide was not parsed.`,
      { line: deep.line, column: 1, endLine: deep.line, endColumn: 1 },
    );
    return { model: emptyModel(locale), diagnostics: [diagnostic] };
  }
  const dense = firstBlockWithMoreMarkersThan(text, limits.maxInlineMarkers);
  if (dense) {
    const diagnostic = createDiagnostic(
      'input-too-complex',
      `This paragraph or table cell has ${dense.markers} emphasis or strikethrough markers (*, _, ~), more than the limit of ${limits.maxInlineMarkers} (option maxInlineMarkers): the markdown parser's time grows with their square, so the guide was not parsed.`,
      { line: dense.line, column: 1, endLine: dense.line, endColumn: 1 },
    );
    return { model: emptyModel(locale), diagnostics: [diagnostic] };
  }
  try {
    return analyseTree(parse(text), text, { locale, maxColumns: limits.maxColumns, maxDepth: limits.maxDepth });
  } catch (caught) {
    // Deeply nested inline markup (thousands of `*`) can still exhaust remark's recursion.
    if (!(caught instanceof RangeError)) throw caught;
    const diagnostic = createDiagnostic(
      'input-too-deep',
      `The markdown parser ran out of stack on this guide (${caught.message}); it nests too deeply to be read.`,
      START_OF_FILE,
    );
    return { model: emptyModel(locale), diagnostics: [diagnostic] };
  }
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
  // Front matter can only open the document, so it is a top-level block.
  const frontMatterNode = tree.children.find((node): node is Yaml => node.type === 'yaml');
  const frontMatter = readFrontMatter(frontMatterNode);
  const diagnostics: Diagnostic[] = [...findMojibake(source), ...frontMatter.diagnostics];
  const outline = new OutlineBuilder(options.maxDepth);
  const parties: Party[] = [];
  const scopes: Scope[] = [];
  let roles: RoleDefinition[] | undefined;
  const knownLayouts = new Map<string, ActivityLayout>();
  const introParts: string[] = [];
  let firstHeadingTitle: string | undefined;
  let updatedLine: { text: string; span: Span } | undefined;
  let seenNumberedSection = false;

  const handleTable = (table: TableData): void => {
    if (table.header.length > options.maxColumns) {
      diagnostics.push(
        createDiagnostic(
          'table-too-wide',
          `This table has ${table.header.length} columns, more than the limit of ${options.maxColumns} (option maxColumns); its rows are not read.`,
          table.span,
        ),
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
    const layout = detectLayout(table, knownLayouts);
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

  for (const block of blocksInOrder(tree.children)) {
    switch (block.type) {
      case 'heading': {
        const title = headingText(block);
        const span = spanOf(block.position);
        if (outline.addHeading(block, title, span)) seenNumberedSection = true;
        else if (block.depth === 1 && firstHeadingTitle === undefined) firstHeadingTitle = title;
        break;
      }
      case 'table':
        handleTable(tableDataFromMdast(block));
        break;
      case 'paragraph': {
        const recovered = recoverCollapsedTable(source, block);
        if (recovered) {
          diagnostics.push(
            createDiagnostic(
              'table-collapsed',
              recovered.delimiterMissing
                ? `These lines look like a table but are read as a paragraph: a table needs a delimiter row (the "| --- |" line) under its header, with one cell per header cell (${recovered.header.length}). Its rows were recovered as written.`
                : `These lines look like a table but are read as a paragraph: the delimiter row (the "| --- |" line) must have one cell per header cell (${recovered.header.length}). Its rows were recovered as written.`,
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
        // Code, HTML, definitions and rules are neither intro prose nor tables.
        break;
    }
  }
  diagnostics.push(...outline.diagnostics);

  if (!seenNumberedSection) {
    diagnostics.push(
      createDiagnostic(
        'sections-missing',
        'No numbered section heading (such as "### 1. Before subscription") was found, so the guide has no activities.',
        START_OF_FILE,
      ),
    );
  }
  if (!roles) {
    diagnostics.push(
      createDiagnostic(
        'legend-missing',
        'No RACI legend was found: add a one-column table whose rows read "R: …", "A: …", "C: …", "I: …".',
        START_OF_FILE,
      ),
    );
  }

  const data = frontMatter.data;
  const frontMatterSpan = spanOf(frontMatterNode?.position);
  const updated = resolveUpdated(data['updated'], frontMatter.keySpans.get('updated') ?? frontMatterSpan, updatedLine);
  diagnostics.push(...updated.diagnostics);
  const title = typeof data['title'] === 'string' ? data['title'].trim() : (firstHeadingTitle ?? '');
  if (title === '')
    diagnostics.push(
      createDiagnostic(
        'title-missing',
        'The guide has no title: add `title:` to the front matter.',
        frontMatter.keySpans.get('title') ?? frontMatterSpan,
      ),
    );

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
