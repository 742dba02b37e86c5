import type { ActivityChange, ModelDiff } from '../schema/diff.js';
import type { RoleLetter, SectionRef } from '../schema/model.js';
import { NONE, plural } from '../util/strings.js';

/** Letters as the diff shows them: canonical order, `NONE` for an empty cell. */
export function lettersText(letters: readonly RoleLetter[]): string {
  return letters.length === 0 ? NONE : letters.join('');
}

/** Party ids → labels from both guides, the new one's wording winning. */
export function partyNamer(diff: ModelDiff): (id: string) => string {
  const labels = new Map<string, string>();
  for (const party of [...diff.old.parties, ...diff.new.parties]) labels.set(party.id, party.label);
  return (id) => labels.get(id) ?? prettyPartyId(id);
}

function prettyPartyId(id: string): string {
  if (id === 'ovhcloud') return 'OVHcloud';
  return id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');
}

export function accountableText(parties: readonly string[], name: (id: string) => string): string {
  return parties.length === 0 ? NONE : parties.map(name).join(' + ');
}

export interface SectionGroup {
  section: SectionRef;
  changes: ActivityChange[];
}

/** Activity changes grouped by section number, groups in order of first appearance. */
export function groupBySection(changes: readonly ActivityChange[]): SectionGroup[] {
  const groups = new Map<string, SectionGroup>();
  for (const change of changes) {
    const group = groups.get(change.section.number);
    if (group) {
      group.changes.push(change);
      // The new guide's title names the section when it still has it.
      if (change.kind !== 'removed') group.section = change.section;
    } else groups.set(change.section.number, { section: change.section, changes: [change] });
  }
  return [...groups.values()];
}

export function summaryText(diff: ModelDiff): string {
  const { summary } = diff;
  const parts = [
    `${summary.added} added`,
    `${summary.removed} removed`,
    `${summary.reworded} reworded`,
    `${summary.moved} moved`,
    `${summary.reassigned} reassigned`,
    `${summary.accountable} accountable changing hands`,
    plural(summary.sections, 'section change'),
    plural(summary.meta, 'metadata/legend change'),
  ];
  return `${parts.join(', ')}; ${plural(summary.unchanged, 'activity', 'activities')} unchanged`;
}

/** The accountable changes, called out before everything else. */
export function accountableChanges(diff: ModelDiff): ActivityChange[] {
  return diff.activities.filter((change) => change.accountable !== undefined);
}
