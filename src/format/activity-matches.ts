import { stringify } from 'csv-stringify/sync';
import type { ActivityMatch } from '../model/query-activities.js';
import { compareStrings } from '../util/strings.js';

/** The party and scope ids of the matches, each sorted: one column each. */
export function columnIds(matches: readonly ActivityMatch[]): { parties: string[]; scopes: string[] } {
  const parties = new Set(matches.flatMap((match) => Object.keys(match.assignments)));
  const scopes = new Set(matches.flatMap((match) => Object.keys(match.scopes)));
  return { parties: [...parties].sort(compareStrings), scopes: [...scopes].sort(compareStrings) };
}

const FIXED_COLUMNS = ['file', 'product', 'locale', 'guide_title', 'section_number', 'activity_id', 'activity_text', 'line'];

function flatRecord(match: ActivityMatch, parties: readonly string[], scopes: readonly string[]): string[] {
  return [
    match.file,
    match.product,
    match.locale ?? '',
    match.title,
    match.sectionNumber,
    match.activityId,
    match.text,
    String(match.line),
    ...parties.map((party) => (match.assignments[party] ?? []).join('')),
    ...scopes.map((scope) => (match.scopes[scope] === undefined ? '' : String(match.scopes[scope]))),
  ];
}

/**
 * The matches as CSV, with the conventions of activities.csv: LF records, a
 * header, one `party_<id>` and `scope_<id>` column per id found, and cells a
 * spreadsheet would run as a formula prefixed with `'`.
 */
export function renderMatchesCsv(matches: readonly ActivityMatch[]): string {
  const { parties, scopes } = columnIds(matches);
  const header = [...FIXED_COLUMNS, ...parties.map((id) => `party_${id}`), ...scopes.map((id) => `scope_${id}`)];
  return stringify([header, ...matches.map((match) => flatRecord(match, parties, scopes))], {
    record_delimiter: 'unix',
    eof: true,
    escape_formulas: true,
    quoted_match: /\r/,
    cast: { string: (value) => (value.startsWith("'") ? `'${value}` : value) },
  });
}

/** The matches as one JSON array. */
export function renderMatchesJson(matches: readonly ActivityMatch[]): string {
  return `${JSON.stringify(matches, null, 2)}\n`;
}

/** The matches as JSON Lines: one object per line. */
export function renderMatchesJsonl(matches: readonly ActivityMatch[]): string {
  return matches.map((match) => `${JSON.stringify(match)}\n`).join('');
}
