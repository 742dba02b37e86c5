import type { Activity, Section, SectionRef } from '../schema/model.js';

/** One section as the walk meets it. */
export interface SectionVisit {
  section: Section;
  /** 1 for a phase (a top-level section), 2 for its sections, and so on. */
  depth: number;
  /** From the phase down to this section, itself included. */
  path: SectionRef[];
}

/** Every section of the outline, at every level, in reading order: each section before its subsections. */
export function walkSections(sections: readonly Section[]): SectionVisit[] {
  const visits: SectionVisit[] = [];
  const visit = (section: Section, parentPath: SectionRef[]): void => {
    const path = [...parentPath, { number: section.number, title: section.title }];
    visits.push({ section, depth: path.length, path });
    for (const child of section.sections) visit(child, path);
  };
  for (const section of sections) visit(section, []);
  return visits;
}

/** The sections of `walkSections`, without their depth and path. */
export function listSections(sections: readonly Section[]): Section[] {
  return walkSections(sections).map((visit) => visit.section);
}

/** Numbered sections at every level of the outline (phases, sections, subsections…). */
export function countSections(sections: readonly Section[]): number {
  return walkSections(sections).length;
}

/** The activities of the sections and of all their subsections, in reading order. */
export function activitiesIn(sections: readonly Section[]): Activity[] {
  return walkSections(sections).flatMap((visit) => visit.section.activities);
}
