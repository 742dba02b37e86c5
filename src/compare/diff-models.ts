import { listActivities } from '../model/list-activities.js';
import { listSections } from '../model/walk-sections.js';
import { ROLE_LETTERS } from '../roles/role-cell.js';
import {
  type ActivityChange,
  type AssignmentChange,
  DIFF_SCHEMA_VERSION,
  type DiffActivitySide,
  type DiffOptions,
  DiffOptionsSchema,
  type LabelChange,
  type MetaChange,
  type ModelDiff,
  type ScopeChange,
} from '../schema/diff.js';
import type { ActivityRow, ResponsibilityModel, RoleLetter, Section } from '../schema/model.js';
import { assertOptions } from '../util/options.js';
import { type ActivityMatch, matchActivities } from './match-activities.js';
import { pairSections } from './pair-sections.js';
import { normaliseText } from './text-similarity.js';
import { wordDiff } from './word-diff.js';

/**
 * What changed between two versions of a guide (or between two guides): duties
 * that moved between parties first of all, then rewordings, additions and
 * removals, sections, legend and metadata. Pure: models in, data out.
 * Options that do not match `DiffOptionsSchema` throw a TypeError or RangeError.
 */
export function diffModels(oldModel: ResponsibilityModel, newModel: ResponsibilityModel, options: DiffOptions = {}): ModelDiff {
  assertOptions(DiffOptionsSchema, options);
  const sectionPairing = pairSections(oldModel.sections, newModel.sections);
  const oldRows = listActivities(oldModel);
  const newRows = listActivities(newModel);
  const sectionOf = sectionKeys(oldModel, newModel, oldRows, newRows, sectionPairing.newOf);
  const matching = matchActivities(oldRows, newRows, {
    ...(options.rewordedThreshold !== undefined ? { reworded: options.rewordedThreshold } : {}),
    ...(options.movedRewordedThreshold !== undefined ? { movedReworded: options.movedRewordedThreshold } : {}),
    sectionOf,
  });
  const partyLabels = labelsById([...oldModel.parties, ...newModel.parties].map((party) => [party.id, party.label]));
  const partyOrder = unionInOrder(
    newModel.parties.map((party) => party.id),
    oldModel.parties.map((party) => party.id),
  );
  const sharedScopes = newModel.scopes.filter((scope) => oldModel.scopes.some((old) => old.id === scope.id));

  const modified = matching.pairs.map((pair) => compareMatched(pair, sectionOf, partyOrder, partyLabels, sharedScopes));
  const activities = orderInReading(
    modified,
    matching.added.map((row) => addedOrRemoved('added', row)),
    matching.removed.map((row) => addedOrRemoved('removed', row)),
    matching,
  );

  const meta = metaChanges(oldModel, newModel);
  const legend = labelChanges(
    oldModel.roles.map((role) => [role.code, role.label]),
    newModel.roles.map((role) => [role.code, role.label]),
  );
  const parties = labelChanges(
    oldModel.parties.map((party) => [party.id, party.label]),
    newModel.parties.map((party) => [party.id, party.label]),
  );
  const scopes = labelChanges(
    oldModel.scopes.map((scope) => [scope.id, scope.label]),
    newModel.scopes.map((scope) => [scope.id, scope.label]),
  );
  const sections = sectionPairing.changes;

  const reported = activities.filter((change) => change !== undefined);
  const count = (predicate: (change: ActivityChange) => boolean): number => reported.filter(predicate).length;
  const summary = {
    added: count((change) => change.kind === 'added'),
    removed: count((change) => change.kind === 'removed'),
    reworded: count((change) => change.reworded),
    moved: count((change) => change.moved),
    reassigned: count((change) => change.kind === 'modified' && change.assignments.length > 0),
    accountable: count((change) => change.accountable !== undefined),
    unchanged: matching.pairs.length - count((change) => change.kind === 'modified'),
    sections: sections.length,
    meta: meta.length + legend.length + parties.length + scopes.length,
  };
  return {
    diffSchemaVersion: DIFF_SCHEMA_VERSION,
    old: side(oldModel, options.oldLabel ?? 'old'),
    new: side(newModel, options.newLabel ?? 'new'),
    identical: reported.length === 0 && summary.sections === 0 && summary.meta === 0,
    summary,
    meta,
    legend,
    parties,
    scopes,
    sections,
    activities: reported,
  };
}

function side(model: ResponsibilityModel, label: string): ModelDiff['old'] {
  return {
    label,
    title: model.meta.title,
    ...(model.meta.locale ? { locale: model.meta.locale } : {}),
    parties: model.parties.map((party) => ({ id: party.id, label: party.label })),
  };
}

function labelsById(entries: [string, string][]): Map<string, string> {
  // Later entries (the new guide's) win, so a relabelled party shows its new name.
  return new Map(entries);
}

function unionInOrder(first: readonly string[], second: readonly string[]): string[] {
  return [...new Set([...first, ...second])];
}

function sideOf(row: ActivityRow): DiffActivitySide {
  return {
    id: row.id,
    text: row.text,
    line: row.line,
    section: { number: row.sectionNumber, title: row.sectionTitle },
    assignments: row.assignments,
  };
}

function sorted(letters: readonly RoleLetter[] | undefined): RoleLetter[] {
  return ROLE_LETTERS.filter((letter) => letters?.includes(letter));
}

function accountableParties(row: ActivityRow, partyOrder: readonly string[]): string[] {
  const ids = unionInOrder(partyOrder, Object.keys(row.assignments));
  return ids.filter((id) => row.assignments[id]?.includes('A'));
}

function compareMatched(
  pair: ActivityMatch,
  sectionOf: (row: ActivityRow) => number,
  partyOrder: readonly string[],
  partyLabels: Map<string, string>,
  sharedScopes: readonly { id: string; label: string }[],
): ActivityChange | undefined {
  const parties = unionInOrder(partyOrder, [...Object.keys(pair.old.assignments), ...Object.keys(pair.new.assignments)]);
  const assignments: AssignmentChange[] = [];
  for (const party of parties) {
    const before = sorted(pair.old.assignments[party]);
    const after = sorted(pair.new.assignments[party]);
    if (before.join('') !== after.join('')) assignments.push({ party, label: partyLabels.get(party) ?? party, old: before, new: after });
  }
  const scopes: ScopeChange[] = [];
  for (const scope of sharedScopes) {
    const before = pair.old.scopes[scope.id] ?? null;
    const after = pair.new.scopes[scope.id] ?? null;
    if (before !== after) scopes.push({ scope: scope.id, label: scope.label, old: before, new: after });
  }
  const oldAccountable = accountableParties(pair.old, partyOrder);
  const newAccountable = accountableParties(pair.new, partyOrder);
  const accountableChanged = oldAccountable.join('\u0000') !== newAccountable.join('\u0000');
  const reworded = pair.how === 'reworded';
  const moved = sectionOf(pair.old) !== sectionOf(pair.new);
  if (!reworded && !moved && assignments.length === 0 && scopes.length === 0) return undefined;
  return {
    kind: 'modified',
    section: { number: pair.new.sectionNumber, title: pair.new.sectionTitle },
    old: sideOf(pair.old),
    new: sideOf(pair.new),
    reworded,
    moved,
    ...(reworded ? { similarity: round(pair.similarity), words: wordDiff(pair.old.text, pair.new.text) } : {}),
    assignments,
    ...(accountableChanged ? { accountable: { old: oldAccountable, new: newAccountable } } : {}),
    scopes,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function addedOrRemoved(kind: 'added' | 'removed', row: ActivityRow): ActivityChange {
  return {
    kind,
    section: { number: row.sectionNumber, title: row.sectionTitle },
    ...(kind === 'added' ? { new: sideOf(row) } : { old: sideOf(row) }),
    reworded: false,
    moved: false,
    assignments: [],
    scopes: [],
  };
}

/**
 * The new guide's reading order, with each removed activity placed just after
 * the old activity that preceded it (or first when nothing did), so a reader
 * sees it where it used to stand.
 */
function orderInReading(
  modified: readonly (ActivityChange | undefined)[],
  added: readonly ActivityChange[],
  removed: readonly ActivityChange[],
  matching: ReturnType<typeof matchActivities>,
): (ActivityChange | undefined)[] {
  const newIndex = new Map<ActivityRow, number>();
  const entries: { key: number; tie: number; change: ActivityChange | undefined }[] = [];
  // Positions along the new guide: pairs and additions interleaved as they appear there.
  const newRows = [...matching.pairs.map((pair) => pair.new), ...matching.added].sort((a, b) => a.line - b.line);
  for (const [index, row] of newRows.entries()) newIndex.set(row, index);
  for (const [index, pair] of matching.pairs.entries()) entries.push({ key: newIndex.get(pair.new)!, tie: 0, change: modified[index] });
  for (const [index, row] of matching.added.entries()) entries.push({ key: newIndex.get(row)!, tie: 0, change: added[index] });
  const oldPosition = new Map<ActivityRow, number>();
  for (const pair of matching.pairs) oldPosition.set(pair.old, newIndex.get(pair.new)!);
  const removedIndex = new Map(matching.removed.map((row, index) => [row, index] as const));
  const oldRows = [...matching.pairs.map((pair) => pair.old), ...matching.removed].sort((a, b) => a.line - b.line);
  let anchor = -1;
  let tie = 0;
  for (const row of oldRows) {
    const position = oldPosition.get(row);
    if (position !== undefined) {
      anchor = position;
      tie = 0;
      continue;
    }
    tie += 1;
    entries.push({ key: anchor, tie, change: removed[removedIndex.get(row)!] });
  }
  return entries.sort((a, b) => a.key - b.key || a.tie - b.tie).map((entry) => entry.change);
}

function metaText(value: string | undefined): string | null {
  const text = value === undefined ? '' : normaliseText(value);
  return text === '' ? null : text;
}

function metaChanges(oldModel: ResponsibilityModel, newModel: ResponsibilityModel): MetaChange[] {
  const fields: [MetaChange['field'], string | undefined, string | undefined][] = [
    ['title', oldModel.meta.title, newModel.meta.title],
    ['excerpt', oldModel.meta.excerpt, newModel.meta.excerpt],
    ['updated', oldModel.meta.updated ?? oldModel.meta.updatedText, newModel.meta.updated ?? newModel.meta.updatedText],
    ['intro', oldModel.intro, newModel.intro],
  ];
  const changes: MetaChange[] = [];
  for (const [field, before, after] of fields) {
    const old = metaText(before);
    const now = metaText(after);
    if (old === now) continue;
    changes.push({ field, old, new: now, ...(field === 'intro' && old !== null && now !== null ? { words: wordDiff(old, now) } : {}) });
  }
  return changes;
}

function labelChanges(before: [string, string][], after: [string, string][]): LabelChange[] {
  const oldLabels = new Map(before);
  const newLabels = new Map(after);
  const changes: LabelChange[] = [];
  for (const key of unionInOrder(
    after.map(([key]) => key),
    before.map(([key]) => key),
  )) {
    const old = oldLabels.has(key) ? normaliseText(oldLabels.get(key)!) : null;
    const now = newLabels.has(key) ? normaliseText(newLabels.get(key)!) : null;
    if (old !== now) changes.push({ key, old, new: now });
  }
  return changes;
}

/**
 * Which section each activity is in, as a number shared by an old section and the new section
 * it became, so the activities of a renumbered section stay in their section rather than move.
 */
function sectionKeys(
  oldModel: ResponsibilityModel,
  newModel: ResponsibilityModel,
  oldRows: readonly ActivityRow[],
  newRows: readonly ActivityRow[],
  newOf: ReadonlyMap<Section, Section>,
): (row: ActivityRow) => number {
  const newSections = listSections(newModel.sections);
  const keyOfSection = new Map(newSections.map((section, index) => [section, index]));
  let nextKey = newSections.length;
  for (const section of listSections(oldModel.sections)) {
    const now = newOf.get(section);
    keyOfSection.set(section, now === undefined ? nextKey++ : keyOfSection.get(now)!);
  }
  const keyOfRow = new Map<ActivityRow, number>();
  // listActivities walks the sections in this same order, one row per activity.
  for (const [model, rows] of [
    [oldModel, oldRows],
    [newModel, newRows],
  ] as const) {
    const keys = listSections(model.sections).flatMap((section) => section.activities.map(() => keyOfSection.get(section)!));
    for (const [index, row] of rows.entries()) keyOfRow.set(row, keys[index]!);
  }
  return (row) => keyOfRow.get(row) ?? -1;
}
