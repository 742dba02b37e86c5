import { createDiagnostic, type Span, START_OF_FILE } from '../diagnostics/diagnostic.js';
import { firstBlockWithMoreMarkersThan } from '../markdown/inline-markers.js';
import { firstLineNestedDeeperThan } from '../markdown/nesting.js';
import type { DiagnosticCode } from '../schema/codes.js';
import type { Diagnostic, ParseOptions } from '../schema/model.js';

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
 * docs/reliability.md for the measurements.
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

/** A limit checked on the text before it is parsed: past it, the guide is not parsed at all. */
interface InputLimit {
  option: 'maxBytes' | 'maxNesting' | 'maxInlineMarkers';
  code: DiagnosticCode;
  /** What goes past the limit, and where; undefined when the text is within it. */
  measure: (text: string, limit: number) => { value: number; span: Span } | undefined;
  message: (value: number, limit: number) => string;
}

const atLine = (line: number): Span => ({ line, column: 1, endLine: line, endColumn: 1 });

const INPUT_LIMITS: readonly InputLimit[] = [
  {
    option: 'maxBytes',
    code: 'input-too-large',
    measure: (text, limit) => (text.length > limit ? { value: text.length, span: START_OF_FILE } : undefined),
    message: (length, limit) => `The guide has ${length} characters, more than the limit of ${limit} (option maxBytes); it was not parsed.`,
  },
  {
    option: 'maxNesting',
    code: 'input-too-deep',
    measure: (text, limit) => {
      const deep = firstLineNestedDeeperThan(text, limit);
      return deep && { value: deep.depth, span: atLine(deep.line) };
    },
    message: (depth, limit) =>
      `This line nests block quotes or list items about ${depth} levels deep, more ` +
      `than the limit of ${limit} (option maxNesting); the guide was not parsed.`,
  },
  {
    option: 'maxInlineMarkers',
    code: 'input-too-complex',
    measure: (text, limit) => {
      const dense = firstBlockWithMoreMarkersThan(text, limit);
      return dense && { value: dense.markers, span: atLine(dense.line) };
    },
    message: (markers, limit) =>
      `This paragraph or table cell has ${markers} emphasis or strikethrough markers (*, _, ~), more than the limit of ` +
      `${limit} (option maxInlineMarkers): the markdown parser's time grows with their square, so the guide was not parsed.`,
  },
];

/** The limits of the options, the defaults for those not given. */
export function limitsOf(options: ParseOptions): Limits {
  return { ...DEFAULT_LIMITS, ...definedOnly(options) };
}

/** The diagnostic of the first input limit the text goes past, checked before parsing; undefined when it is within all. */
export function firstExceededInputLimit(text: string, limits: Limits): Diagnostic | undefined {
  for (const limit of INPUT_LIMITS) {
    const value = limits[limit.option];
    const found = limit.measure(text, value);
    if (found) return createDiagnostic(limit.code, limit.message(found.value, value), found.span);
  }
  return undefined;
}

function definedOnly(options: ParseOptions): Partial<Limits> {
  const limits: Partial<Limits> = {};
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    if (options[key] !== undefined) limits[key] = options[key];
  }
  return limits;
}
