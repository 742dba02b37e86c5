import type { Severity } from './model.js';

/**
 * Who reports a code: the parser (every function that reads a guide), a RACI
 * rule of `raci check` (src/rules/checks/), or the check of `raci-disable`
 * comments themselves.
 */
export type DiagnosticSource = 'parser' | 'rule' | 'directive';

export interface DiagnosticCodeEntry {
  source: DiagnosticSource;
  /** The default; a `raci check` configuration may change it. */
  severity: Severity;
  /** One line: what the code reports. */
  summary: string;
}

/**
 * Every code a diagnostic or a finding can carry, each once: the single source
 * of their default severity, of the ids a configuration or a comment may name,
 * of the SARIF rule list, and of docs/diagnostics.md and the index of
 * docs/rules.md. Parser codes come first, in the order of the pipeline; then
 * the rules, in the order they run; then the comment checks.
 */
export const DIAGNOSTIC_CODES = {
  'input-too-large': { source: 'parser', severity: 'error', summary: 'The input is larger than the `maxBytes` limit; it was not parsed.' },
  'input-too-deep': {
    source: 'parser',
    severity: 'error',
    summary:
      'Block quotes or list items nested deeper than the `maxNesting` limit (or too deep for the markdown parser); it was not parsed.',
  },
  'input-too-complex': {
    source: 'parser',
    severity: 'error',
    summary:
      'A paragraph or table cell with more emphasis or strikethrough markers (`*`, `_`, `~`) than the `maxInlineMarkers` limit; it was not parsed.',
  },
  'input-binary': { source: 'parser', severity: 'error', summary: 'The file contains NUL bytes: it is not a text guide.' },
  'encoding-invalid': {
    source: 'parser',
    severity: 'error',
    summary: 'The file is not valid UTF-8; the byte offset of the first bad sequence is given.',
  },
  'encoding-utf16': {
    source: 'parser',
    severity: 'warning',
    summary: 'The file is UTF-16 (it starts with a UTF-16 byte order mark); it was decoded, but guides should be UTF-8.',
  },
  'encoding-mojibake': {
    source: 'parser',
    severity: 'warning',
    summary: 'Text that was UTF-8 read as Windows-1252 (`customerâ€™s`); the likely intended text is given.',
  },
  'front-matter-invalid': { source: 'parser', severity: 'error', summary: 'The YAML front matter does not parse, or is not a mapping.' },
  'front-matter-key-ignored': {
    source: 'parser',
    severity: 'warning',
    summary: 'A front matter key named `__proto__` is left out of `meta.frontMatter`, so no consumer can pollute a prototype with it.',
  },
  'title-missing': { source: 'parser', severity: 'warning', summary: 'No `title` in the front matter and no level-1 heading.' },
  'date-unpadded': {
    source: 'parser',
    severity: 'warning',
    summary: 'The `updated` date is missing zero padding (`2024-6-25`); it was read as `2024-06-25`.',
  },
  'date-invalid': { source: 'parser', severity: 'warning', summary: 'The `updated` value or "Last updated" line is not a real date.' },
  'date-ambiguous': {
    source: 'parser',
    severity: 'warning',
    summary: 'A numeric date such as `05/07/2023` could be day/month or month/day; `updated` is left unset.',
  },
  'date-placeholder': {
    source: 'parser',
    severity: 'warning',
    summary: 'The date is a placeholder (`XX/XX/XX`, `xx décembre 2022`); `updated` is left unset.',
  },
  'legend-missing': {
    source: 'parser',
    severity: 'warning',
    summary: 'No RACI legend table (a one-column table of `R: label` rows) was found.',
  },
  'legend-standard': {
    source: 'parser',
    severity: 'info',
    summary:
      'No legend, but tables with role letters: the letters are read with their standard meanings (Responsible, Accountable, Consulted, Informed).',
  },
  'legend-meaning-other': {
    source: 'parser',
    severity: 'warning',
    summary:
      'The legend gives a RACI letter another meaning (`A: Application`, `R: Required`); the letters are still read as written, and the tables may not be a responsibility matrix.',
  },
  'legend-duplicate': { source: 'parser', severity: 'warning', summary: 'More than one legend table; the first one is used.' },
  'legend-row-invalid': { source: 'parser', severity: 'warning', summary: 'A legend row does not read `letter: label`.' },
  'sections-missing': {
    source: 'parser',
    severity: 'warning',
    summary: 'No numbered section heading (`### 1. Before subscription`) was found, so the guide has no activities.',
  },
  'section-duplicate': { source: 'parser', severity: 'error', summary: 'Two headings carry the same section number.' },
  'section-number-missing': {
    source: 'parser',
    severity: 'warning',
    summary:
      'A heading without a number among numbered headings of its level (`#### Setup` after `#### 2.2. …`): its rows are read as part of the section before it.',
  },
  'section-parent-missing': {
    source: 'parser',
    severity: 'warning',
    summary: 'A section whose parent number has no heading (`3.1.1` without `3.1`); it is attached to the nearest ancestor that exists.',
  },
  'section-number-too-deep': {
    source: 'parser',
    severity: 'warning',
    summary: 'A heading number with more levels than the `maxDepth` limit.',
  },
  'table-outside-section': {
    source: 'parser',
    severity: 'warning',
    summary: 'A table (other than the legend) before any numbered section or after the numbered part ended; its rows are not activities.',
  },
  'table-without-parties': {
    source: 'parser',
    severity: 'error',
    summary: 'A table in a numbered section with no column of role codes, so no party can be read from it.',
  },
  'table-not-raci': {
    source: 'parser',
    severity: 'info',
    summary:
      'A table in a guide without numbered headings that is not a responsibility matrix: no column of role codes, ' +
      'or letters that mean something else (`R/A` for Required/Addressable, Read/Write permissions); its rows are quoted.',
  },
  'table-empty': { source: 'parser', severity: 'warning', summary: 'A table with a header row and no body rows.' },
  'table-collapsed': {
    source: 'parser',
    severity: 'error',
    summary:
      'Lines that look like a table but that markdown renders as a paragraph ' +
      '(usually: the delimiter row has a different number of cells than the header).',
  },
  'table-too-wide': {
    source: 'parser',
    severity: 'error',
    summary: 'A table with more columns than the `maxColumns` limit; its rows are not read.',
  },
  'row-ignored': {
    source: 'parser',
    severity: 'info',
    summary:
      'A table row that is not an activity (empty, or its table is outside a section, too wide or has no party column); the row is quoted.',
  },
  'row-missing-cells': {
    source: 'parser',
    severity: 'warning',
    summary: 'A row with fewer cells than the header; the missing cells are read as empty.',
  },
  'row-extra-cells': {
    source: 'parser',
    severity: 'warning',
    summary: 'A row with more cells than the header; the extra cells are quoted and ignored.',
  },
  'activity-text-missing': { source: 'parser', severity: 'error', summary: 'A row with role codes but no activity text.' },
  'role-unknown': {
    source: 'parser',
    severity: 'error',
    summary: 'A party cell contains letters that are not R, A, C or I (for example `MP`).',
  },
  'role-cells-merged': {
    source: 'parser',
    severity: 'error',
    summary:
      'A party cell of letter groups separated by spaces (`I RA`, `A I`): two cells run together by a missing `|`; its letters are not read.',
  },
  'scope-value-unknown': {
    source: 'parser',
    severity: 'warning',
    summary: 'An applicability cell that is neither empty nor a mark such as `X`; it is read as applicable.',
  },
  'internal-error': {
    source: 'parser',
    severity: 'error',
    summary: 'The parser itself failed on this input. This is a bug: please report it with the guide.',
  },
  'accountable-missing': { source: 'rule', severity: 'error', summary: 'No party is A (Accountable) for an activity.' },
  'accountable-multiple': { source: 'rule', severity: 'error', summary: 'More than one party is A (Accountable) for an activity.' },
  'responsible-missing': {
    source: 'rule',
    severity: 'warning',
    summary: 'Nobody is R (Responsible) for an activity, not even the A party.',
  },
  'activity-unassigned': {
    source: 'rule',
    severity: 'error',
    summary: 'A row has activity text but no letter in any party column.',
  },
  'role-repeated': { source: 'rule', severity: 'warning', summary: 'A letter appears twice in one cell (`RR`).' },
  'role-noncanonical': {
    source: 'rule',
    severity: 'info',
    summary:
      'A role cell is not written in canonical form: letters out of R, A, C, I order (`IR`, `AR`), lower case, or separators (`R/A`, `R, A`).',
  },
  'legend-mismatch': {
    source: 'rule',
    severity: 'warning',
    summary: 'A letter used in the tables is not defined by the legend, or the legend defines a letter other than R, A, C and I.',
  },
  'parties-inconsistent': { source: 'rule', severity: 'warning', summary: 'The tables of one guide do not have the same party columns.' },
  'section-duplicate-activity': {
    source: 'rule',
    severity: 'warning',
    summary: 'The same activity text appears twice in one section.',
  },
  'bidi-control': {
    source: 'rule',
    severity: 'warning',
    summary: 'Bidirectional embedding, override or isolate controls (U+202A–U+202E, U+2066–U+2069) that reorder how the text is displayed.',
  },
  'disable-unused': {
    source: 'directive',
    severity: 'warning',
    summary:
      'A `raci-disable` comment silences nothing: no finding of the named rule on its line, an unknown rule id, or no rule id at all.',
  },
  'disable-misplaced': {
    source: 'directive',
    severity: 'error',
    summary: 'A `raci-disable-next-line` comment on its own line between two table rows: it splits the table.',
  },
} as const satisfies Record<string, DiagnosticCodeEntry>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

type CodeFrom<Source extends DiagnosticSource> = {
  [Code in DiagnosticCode]: (typeof DIAGNOSTIC_CODES)[Code]['source'] extends Source ? Code : never;
}[DiagnosticCode];

/** The ids of the RACI rules (src/rules/checks/). */
export type RuleCode = CodeFrom<'rule'>;
/** The ids of the checks of `raci-disable` comments. */
export type DirectiveCode = CodeFrom<'directive'>;

/** Every code, in the order of the table: what `DiagnosticSchema.code` accepts. */
export const DIAGNOSTIC_CODE_IDS = Object.keys(DIAGNOSTIC_CODES) as [DiagnosticCode, ...DiagnosticCode[]];

/** The codes of one source, in the order of the table. */
export function codesFrom<Source extends DiagnosticSource>(source: Source): CodeFrom<Source>[] {
  return DIAGNOSTIC_CODE_IDS.filter((code): code is CodeFrom<Source> => DIAGNOSTIC_CODES[code].source === source);
}
