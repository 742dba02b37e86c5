import { listSections } from '../model/walk-sections.js';
import { compareSectionNumbers } from '../outline/heading-number.js';
import type { SectionChange } from '../schema/diff.js';
import type { Section } from '../schema/model.js';
import { normaliseText } from './text-similarity.js';

export interface SectionPairing {
  /** Old section → the new section it became (same number, same title, or both). */
  newOf: Map<Section, Section>;
  changes: SectionChange[];
}

/**
 * Pairs the sections of two outlines, most certain first, each section used once:
 * 1. same number, same title: unchanged;
 * 2. same title, another number: renumbered (a section inserted before it, a phase renumbered
 *    with its subsections), paired in reading order;
 * 3. same number, another title: renamed.
 * What is left is added or removed. Using each section once means a duplicated number in one
 * version pairs with one section of the other, and the other heading is added (or removed).
 */
export function pairSections(oldSections: readonly Section[], newSections: readonly Section[]): SectionPairing {
  const before = listSections(oldSections);
  const after = listSections(newSections);
  const newOf = new Map<Section, Section>();
  const taken = new Set<Section>(); // new sections already paired
  const pairBy = (key: (section: Section) => string): void => {
    const waiting = new Map<string, Section[]>();
    for (const section of after) {
      if (taken.has(section)) continue;
      const list = waiting.get(key(section));
      if (list) list.push(section);
      else waiting.set(key(section), [section]);
    }
    // Reversed so that pop() hands out each list in reading order in constant time.
    for (const list of waiting.values()) list.reverse();
    for (const section of before) {
      if (newOf.has(section)) continue;
      const match = waiting.get(key(section))?.pop();
      if (match === undefined) continue;
      newOf.set(section, match);
      taken.add(match);
    }
  };
  const title = (section: Section): string => normaliseText(section.title);
  pairBy((section) => `${section.number}\u0000${title(section)}`);
  pairBy(title);
  pairBy((section) => section.number);

  const oldOf = new Map([...newOf].map(([old, now]) => [now, old] as const));
  const changes: SectionChange[] = [];
  for (const now of after) {
    const old = oldOf.get(now);
    if (!old) changes.push({ kind: 'added', number: now.number, newTitle: now.title, newLine: now.line });
    else if (old.number !== now.number) {
      changes.push({
        kind: 'renumbered',
        number: now.number,
        oldNumber: old.number,
        oldTitle: old.title,
        newTitle: now.title,
        oldLine: old.line,
        newLine: now.line,
      });
    } else if (title(old) !== title(now)) {
      changes.push({ kind: 'renamed', number: now.number, oldTitle: old.title, newTitle: now.title, oldLine: old.line, newLine: now.line });
    }
  }
  for (const old of before) {
    if (!newOf.has(old)) changes.push({ kind: 'removed', number: old.number, oldTitle: old.title, oldLine: old.line });
  }
  return { newOf, changes: changes.sort((a, b) => compareSectionNumbers(a.number, b.number)) };
}
