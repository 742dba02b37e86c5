import type { Section } from '../schema/model.js';

/** Numbered sections at every level of the outline (phases, sections, subsections…). */
export function countSections(sections: readonly Section[]): number {
  return sections.reduce((total, section) => total + 1 + countSections(section.sections), 0);
}
