import type { Severity } from './model.js';

/**
 * Every structural diagnostic the parser can report. The table is the single
 * source for the severity and for docs/diagnostics.md (a test keeps the two
 * in step).
 */
export const DIAGNOSTIC_CODES = {
  'input-too-large': { severity: 'error', summary: 'The input is larger than the `maxBytes` limit; it was not parsed.' },
  'input-too-deep': {
    severity: 'error',
    summary:
      'Block quotes or list items nested deeper than the `maxNesting` limit (or too deep for the markdown parser); it was not parsed.',
  },
  'input-too-complex': {
    severity: 'error',
    summary:
      'A paragraph or table cell with more emphasis or strikethrough markers (`*`, `_`, `~`) than the `maxInlineMarkers` limit; it was not parsed.',
  },
  'input-binary': { severity: 'error', summary: 'The file contains NUL bytes: it is not a text guide.' },
  'encoding-invalid': { severity: 'error', summary: 'The file is not valid UTF-8; the byte offset of the first bad sequence is given.' },
  'encoding-utf16': {
    severity: 'warning',
    summary: 'The file is UTF-16 (it starts with a UTF-16 byte order mark); it was decoded, but guides should be UTF-8.',
  },
  'encoding-mojibake': {
    severity: 'warning',
    summary: 'Text that was UTF-8 read as Windows-1252 (`customerâ€™s`); the likely intended text is given.',
  },
  'front-matter-invalid': { severity: 'error', summary: 'The YAML front matter does not parse, or is not a mapping.' },
  'front-matter-key-ignored': {
    severity: 'warning',
    summary: 'A front matter key named `__proto__` is left out of `meta.frontMatter`, so no consumer can pollute a prototype with it.',
  },
  'title-missing': { severity: 'warning', summary: 'No `title` in the front matter and no level-1 heading.' },
  'date-unpadded': {
    severity: 'warning',
    summary: 'The `updated` date is missing zero padding (`2024-6-25`); it was read as `2024-06-25`.',
  },
  'date-invalid': { severity: 'warning', summary: 'The `updated` value or "Last updated" line is not a real date.' },
  'date-ambiguous': {
    severity: 'warning',
    summary: 'A numeric date such as `05/07/2023` could be day/month or month/day; `updated` is left unset.',
  },
  'date-placeholder': {
    severity: 'warning',
    summary: 'The date is a placeholder (`XX/XX/XX`, `xx décembre 2022`); `updated` is left unset.',
  },
  'legend-missing': { severity: 'warning', summary: 'No RACI legend table (a one-column table of `R: label` rows) was found.' },
  'legend-duplicate': { severity: 'warning', summary: 'More than one legend table; the first one is used.' },
  'legend-row-invalid': { severity: 'warning', summary: 'A legend row does not read `letter: label`.' },
  'sections-missing': {
    severity: 'warning',
    summary: 'No numbered section heading (`### 1. Before subscription`) was found, so the guide has no activities.',
  },
  'section-duplicate': { severity: 'error', summary: 'Two headings carry the same section number.' },
  'section-parent-missing': {
    severity: 'warning',
    summary: 'A section whose parent number has no heading (`3.1.1` without `3.1`); it is attached to the nearest ancestor that exists.',
  },
  'section-number-too-deep': { severity: 'warning', summary: 'A heading number with more levels than the `maxDepth` limit.' },
  'table-outside-section': {
    severity: 'warning',
    summary: 'A table (other than the legend) before any numbered section or after the numbered part ended; its rows are not activities.',
  },
  'table-without-parties': {
    severity: 'error',
    summary: 'A table in a numbered section with no column of role codes, so no party can be read from it.',
  },
  'table-empty': { severity: 'warning', summary: 'A table with a header row and no body rows.' },
  'table-collapsed': {
    severity: 'error',
    summary:
      'Lines that look like a table but that markdown renders as a paragraph (usually: the delimiter row has a different number of cells than the header).',
  },
  'table-too-wide': { severity: 'error', summary: 'A table with more columns than the `maxColumns` limit; its rows are not read.' },
  'row-ignored': {
    severity: 'info',
    summary:
      'A table row that is not an activity (empty, or its table is outside a section, too wide or has no party column); the row is quoted.',
  },
  'row-missing-cells': { severity: 'warning', summary: 'A row with fewer cells than the header; the missing cells are read as empty.' },
  'row-extra-cells': { severity: 'warning', summary: 'A row with more cells than the header; the extra cells are quoted and ignored.' },
  'activity-text-missing': { severity: 'error', summary: 'A row with role codes but no activity text.' },
  'role-unknown': { severity: 'error', summary: 'A party cell contains letters that are not R, A, C or I (for example `MP`).' },
  'role-noncanonical': {
    severity: 'info',
    summary: 'A role cell not written in canonical form (`IR`, `ra`, `R/A`, `R, A`); it was normalised.',
  },
  'scope-value-unknown': {
    severity: 'warning',
    summary: 'An applicability cell that is neither empty nor a mark such as `X`; it is read as applicable.',
  },
  'internal-error': {
    severity: 'error',
    summary: 'The parser itself failed on this input. This is a bug: please report it with the guide.',
  },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
