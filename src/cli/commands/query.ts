import { columnIds, renderMatchesCsv, renderMatchesJson, renderMatchesJsonl } from '../../format/activity-matches.js';
import { looksLikeGuide } from '../../model/looks-like-guide.js';
import { type ActivityMatch, type QueryFilters, queryActivities } from '../../model/query-activities.js';
import { safeParseResponsibilityModelBytes } from '../../parse/parse-bytes.js';
import { plural } from '../../util/strings.js';
import { type DiscoveryFlags, discoverGuides, discoveryOptions } from '../discover.js';
import { UsageError } from '../inputs.js';
import type { CommandIo } from '../io.js';
import { readGuideFile } from '../read-guide.js';
import { formatTable } from '../text-table.js';

const QUERY_FORMATS = ['text', 'csv', 'json', 'jsonl'] as const;

export interface QueryCommandOptions extends Omit<QueryFilters, 'letters'>, DiscoveryFlags {
  /** RACI letters the party must hold (`--role A`). */
  role?: string | undefined;
  format?: (typeof QUERY_FORMATS)[number];
}

/** Activity text longer than this is cut in the text table (the other formats keep it whole). */
const TEXT_WIDTH = 60;

const cut = (text: string): string => (text.length > TEXT_WIDTH ? `${text.slice(0, TEXT_WIDTH - 1)}…` : text);

/** The matches for a terminal: one row each, with the letters of every party, and a count. */
function renderMatchesText(matches: readonly ActivityMatch[]): string {
  const guides = new Set(matches.map((match) => match.file)).size;
  const count = `${plural(matches.length, 'activity', 'activities')} in ${plural(guides, 'guide')}`;
  if (matches.length === 0) return count;
  const { parties } = columnIds(matches);
  const rows = matches.map((match) => [
    match.product,
    match.locale ?? '',
    match.sectionNumber,
    cut(match.text.replace(/\s+/g, ' ')),
    ...parties.map((party) => (match.assignments[party] ?? []).join('')),
  ]);
  return `${formatTable(['product', 'locale', 'section', 'activity', ...parties], rows)}\n${count}`;
}

/**
 * `raci query PATH... [filters]`: the activities of every guide that pass
 * the filters, as a table, CSV, JSON or JSON Lines. Exit 0 whether or not
 * anything matches; 2 for usage or I/O problems.
 */
export async function runQuery(paths: string[], options: QueryCommandOptions, io: CommandIo): Promise<number> {
  const { files, explicit, notices } = await discoverGuides(paths, discoveryOptions(options));
  for (const notice of notices) io.stderr(`raci: ${notice}`);
  const guides = [];
  for (const file of files) {
    const { model } = safeParseResponsibilityModelBytes(await readGuideFile(file), { file });
    // As raci check does: a README found beside the guides is not one.
    if (!explicit.has(file) && !looksLikeGuide(model)) continue;
    guides.push({ file, model });
  }
  // With --since, no changed guide is an ordinary, empty answer.
  if (guides.length === 0 && options.since === undefined) throw new UsageError(`no guide found in ${paths.join(', ')}`);
  let matches;
  try {
    matches = queryActivities(guides, { ...options, letters: options.role });
  } catch (caught) {
    if (caught instanceof RangeError) throw new UsageError(`--role: expected letters among R, A, C and I, got "${options.role}"`);
    throw caught;
  }
  const format = options.format ?? 'text';
  const render = { text: renderMatchesText, csv: renderMatchesCsv, json: renderMatchesJson, jsonl: renderMatchesJsonl }[format];
  const output = render(matches).replace(/\n$/, '');
  if (output !== '') io.stdout(output);
  return 0;
}
