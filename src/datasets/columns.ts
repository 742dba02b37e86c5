import { ROLE_LETTERS } from '../roles/role-cell.js';
import type { ActivityRow, Diagnostic, ResponsibilityModel } from '../schema/model.js';

/**
 * The columns of the tabular files, once: the CSV headers, the JSONL keys and
 * the Table Schemas of `datapackage.json` are all read from these lists, so
 * they cannot drift apart.
 */

/** A value before it is written: JSONL keeps the type, CSV writes it as text. */
export type CellValue = string | number | boolean | null | readonly string[];

/** A Frictionless Table Schema field (v2), plus how to read its value from a row. */
export interface Column<Row> {
  name: string;
  type: 'string' | 'integer' | 'boolean' | 'date' | 'list';
  description: string;
  constraints?: { required?: boolean; enum?: string[]; minimum?: number };
  /** For `list` fields: items are joined with this in CSV. */
  delimiter?: string;
  itemType?: 'string';
  value: (row: Row) => CellValue;
}

/** Every way to write RACI letters in canonical order (R, A, C, I), one letter at least. */
export const CANONICAL_LETTERS: string[] = (() => {
  const combos: string[] = [];
  for (let mask = 1; mask < 1 << ROLE_LETTERS.length; mask++) combos.push(ROLE_LETTERS.filter((_, bit) => mask & (1 << bit)).join(''));
  return combos;
})();

const LIST_DELIMITER = ';';

export interface GuideRecord {
  id: string;
  source: string;
  translationGroup: string;
  referenceLocale: string | null;
  copyOf: string[];
  /** See productOf. */
  product: string;
  model: ResponsibilityModel;
  diagnostics: Diagnostic[];
  sections: number;
  activities: ActivityRow[];
}

export interface ActivityRecord {
  guide: GuideRecord;
  activity: ActivityRow;
}

export interface DiagnosticRecord {
  guide: GuideRecord;
  diagnostic: Diagnostic;
}

const count = (guide: GuideRecord, severity: Diagnostic['severity']): number =>
  guide.diagnostics.filter((d) => d.severity === severity).length;

export const GUIDE_COLUMNS: Column<GuideRecord>[] = [
  {
    name: 'id',
    type: 'string',
    description: 'Guide id: the folder path of the source and its locale, made file-system safe. Names guides/<id>.json.',
    constraints: { required: true },
    value: (g) => g.id,
  },
  {
    name: 'source',
    type: 'string',
    description: 'Path of the guide, relative to the build root, as given.',
    constraints: { required: true },
    value: (g) => g.source,
  },
  {
    name: 'product',
    type: 'string',
    description:
      "The product the guide describes: the front matter's product, else from its folder (responsibility-model-kms → kms, " +
      'kubernetes-k8s/responsibility-model → kubernetes-k8s); empty when neither says.',
    value: (g) => g.product || null,
  },
  {
    name: 'locale',
    type: 'string',
    description: 'Locale from the file name (guide.fr-fr.md → fr-fr); empty when the name has none.',
    value: (g) => g.model.meta.locale ?? null,
  },
  {
    name: 'translation_group',
    type: 'string',
    description:
      'The translations of one guide share it: the folder of guide.<locale>.md (the path without the locale for another file name). Join on it to compare locales.',
    constraints: { required: true },
    value: (g) => g.translationGroup,
  },
  {
    name: 'reference_locale',
    type: 'string',
    description: 'The locale the translations of the group are compared with (en-gb, as raci drift does); empty when the group has none.',
    value: (g) => g.referenceLocale,
  },
  {
    name: 'copy_of',
    type: 'list',
    itemType: 'string',
    delimiter: LIST_DELIMITER,
    description:
      'Ids of guides in other folders with the same model (locale, parties, activities and letters): legacy copies. ' +
      'To count each model once, leave out a guide whose copy_of holds an id sorted before its own.',
    value: (g) => g.copyOf,
  },
  {
    name: 'title',
    type: 'string',
    description: 'Title from the front matter, else the first level-1 heading.',
    value: (g) => g.model.meta.title,
  },
  {
    name: 'updated',
    type: 'date',
    description: 'Date of last update (YYYY-MM-DD) when the guide states it unambiguously.',
    value: (g) => g.model.meta.updated ?? null,
  },
  {
    name: 'updated_text',
    type: 'string',
    description: 'The date as written, when it could not be read as a date (placeholder, ambiguous).',
    value: (g) => g.model.meta.updatedText ?? null,
  },
  {
    name: 'sections',
    type: 'integer',
    description: 'Number of numbered sections, at every level.',
    constraints: { required: true, minimum: 0 },
    value: (g) => g.sections,
  },
  {
    name: 'activities',
    type: 'integer',
    description: 'Number of activities (table rows read as activities).',
    constraints: { required: true, minimum: 0 },
    value: (g) => g.activities.length,
  },
  {
    name: 'errors',
    type: 'integer',
    description: 'Findings of severity error (see diagnostics.jsonl).',
    constraints: { required: true, minimum: 0 },
    value: (g) => count(g, 'error'),
  },
  {
    name: 'warnings',
    type: 'integer',
    description: 'Findings of severity warning.',
    constraints: { required: true, minimum: 0 },
    value: (g) => count(g, 'warning'),
  },
  {
    name: 'infos',
    type: 'integer',
    description: 'Findings of severity info.',
    constraints: { required: true, minimum: 0 },
    value: (g) => count(g, 'info'),
  },
  {
    name: 'parties',
    type: 'list',
    itemType: 'string',
    delimiter: LIST_DELIMITER,
    description: 'Ids of the parties of the guide (its RACI columns), in table order.',
    value: (g) => g.model.parties.map((p) => p.id),
  },
  {
    name: 'scopes',
    type: 'list',
    itemType: 'string',
    delimiter: LIST_DELIMITER,
    description: 'Ids of the applicability columns of the guide, if any.',
    value: (g) => g.model.scopes.map((s) => s.id),
  },
];

const partiesWith = (record: ActivityRecord, letter: 'A' | 'R'): string[] =>
  record.guide.model.parties.map((p) => p.id).filter((id) => record.activity.assignments[id]?.includes(letter));

export const ACTIVITY_FIXED_COLUMNS: Column<ActivityRecord>[] = [
  {
    name: 'guide_id',
    type: 'string',
    description: 'Id of the guide (guides.csv id).',
    constraints: { required: true },
    value: (r) => r.guide.id,
  },
  {
    name: 'activity_id',
    type: 'string',
    description: '"<section number>#<row ordinal within that section>", e.g. 3.1.1#4; unique within a guide.',
    constraints: { required: true },
    value: (r) => r.activity.id,
  },
  { name: 'product', type: 'string', description: 'Product of the guide (guides.csv product).', value: (r) => r.guide.product || null },
  { name: 'locale', type: 'string', description: 'Locale of the guide.', value: (r) => r.guide.model.meta.locale ?? null },
  { name: 'guide_title', type: 'string', description: 'Title of the guide.', value: (r) => r.guide.model.meta.title },
  {
    name: 'section_number',
    type: 'string',
    description: 'Number of the section holding the activity, e.g. 3.1.1.',
    constraints: { required: true },
    value: (r) => r.activity.sectionNumber,
  },
  {
    name: 'phase_title',
    type: 'string',
    description: 'Title of the level-1 section (the phase).',
    value: (r) => r.activity.path[0]?.title ?? null,
  },
  {
    name: 'section_title',
    type: 'string',
    description: 'Title of the level-2 section; empty for an activity directly under a phase.',
    value: (r) => r.activity.path[1]?.title ?? null,
  },
  {
    name: 'subsection_title',
    type: 'string',
    description: 'Title of the level-3 section (deeper levels joined with " / "); empty above level 3.',
    value: (r) =>
      r.activity.path
        .slice(2)
        .map((s) => s.title)
        .join(' / ') || null,
  },
  {
    name: 'activity_text',
    type: 'string',
    description: 'The activity as written in the first column of the table.',
    value: (r) => r.activity.text,
  },
  {
    name: 'line',
    type: 'integer',
    description: 'Line of the table row in the source guide.',
    constraints: { required: true, minimum: 1 },
    value: (r) => r.activity.line,
  },
  {
    name: 'accountable',
    type: 'list',
    itemType: 'string',
    delimiter: LIST_DELIMITER,
    description: 'Ids of the parties marked A (normally exactly one).',
    value: (r) => partiesWith(r, 'A'),
  },
  {
    name: 'responsible',
    type: 'list',
    itemType: 'string',
    delimiter: LIST_DELIMITER,
    description: 'Ids of the parties marked R.',
    value: (r) => partiesWith(r, 'R'),
  },
];

/** `party_<id>`: the letters of one party in canonical order; empty when the cell is empty or the guide has no such party. */
export function partyColumn(partyId: string): Column<ActivityRecord> {
  return {
    name: `party_${partyId}`,
    type: 'string',
    description:
      `RACI letters of the party "${partyId}", in canonical order (R, A, C, I).` +
      ' Empty: no role (JSONL: "" for an empty cell, null when the guide has no such party).',
    constraints: { enum: CANONICAL_LETTERS },
    value: (r) => {
      if (!r.guide.model.parties.some((p) => p.id === partyId)) return null;
      return (r.activity.assignments[partyId] ?? []).join('');
    },
  };
}

/** `scope_<id>`: whether the activity applies to that scope; empty when the guide has no such scope. */
export function scopeColumn(scopeId: string): Column<ActivityRecord> {
  return {
    name: `scope_${scopeId}`,
    type: 'boolean',
    description: `Whether the activity applies to the scope "${scopeId}" (an applicability column); empty when the guide has no such column.`,
    value: (r) => r.activity.scopes[scopeId] ?? null,
  };
}

export const DIAGNOSTIC_COLUMNS: Column<DiagnosticRecord>[] = [
  {
    name: 'guide_id',
    type: 'string',
    description: 'Id of the guide (guides.csv id).',
    constraints: { required: true },
    value: (r) => r.guide.id,
  },
  {
    name: 'file',
    type: 'string',
    description: 'Path of the guide, relative to the build root.',
    constraints: { required: true },
    value: (r) => r.guide.source,
  },
  {
    name: 'line',
    type: 'integer',
    description: '1-based line where the finding starts.',
    constraints: { required: true, minimum: 1 },
    value: (r) => r.diagnostic.line,
  },
  {
    name: 'column',
    type: 'integer',
    description: '1-based column where the finding starts.',
    constraints: { required: true, minimum: 1 },
    value: (r) => r.diagnostic.column,
  },
  {
    name: 'end_line',
    type: 'integer',
    description: '1-based line where the finding ends.',
    constraints: { required: true, minimum: 1 },
    value: (r) => r.diagnostic.endLine,
  },
  {
    name: 'end_column',
    type: 'integer',
    description: '1-based column where the finding ends.',
    constraints: { required: true, minimum: 1 },
    value: (r) => r.diagnostic.endColumn,
  },
  {
    name: 'severity',
    type: 'string',
    description: 'error, warning or info.',
    constraints: { required: true, enum: ['error', 'warning', 'info'] },
    value: (r) => r.diagnostic.severity,
  },
  {
    name: 'code',
    type: 'string',
    description: 'Stable kebab-case code of the finding.',
    constraints: { required: true },
    value: (r) => r.diagnostic.code,
  },
  {
    name: 'message',
    type: 'string',
    description: 'What is wrong and what to do, in English.',
    constraints: { required: true },
    value: (r) => r.diagnostic.message,
  },
];
