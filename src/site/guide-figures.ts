import { countBySeverity } from '../diagnostics/diagnostic.js';
import type { Activity, Diagnostic, ResponsibilityModel, RoleLetter, Section, Severity } from '../schema/model.js';

/** The party whose share of accountability the overview compares across guides. */
export const CUSTOMER = 'customer';

export const LETTERS: readonly RoleLetter[] = ['R', 'A', 'C', 'I'];

export function sectionActivities(section: Section): Activity[] {
  return [...section.activities, ...section.sections.flatMap(sectionActivities)];
}

export function allActivities(model: ResponsibilityModel): Activity[] {
  return model.sections.flatMap(sectionActivities);
}

export function hasLetter(activity: Activity, party: string, letter: RoleLetter): boolean {
  return activity.assignments[party]?.includes(letter) ?? false;
}

/** Party id → letter → how many activities give that party that letter. */
export function letterCounts(model: ResponsibilityModel): Record<string, Record<RoleLetter, number>> {
  const activities = allActivities(model);
  const counts: Record<string, Record<RoleLetter, number>> = {};
  for (const party of model.parties) {
    counts[party.id] = { R: 0, A: 0, C: 0, I: 0 };
    for (const activity of activities) for (const letter of activity.assignments[party.id] ?? []) counts[party.id]![letter] += 1;
  }
  return counts;
}

export interface PhaseShare {
  number: string;
  title: string;
  total: number;
  /** Activities of the phase (its whole subtree) where the party holds the letter. */
  matching: number;
}

/** Per top-level section ("phase"): how many of its activities give `party` the `letter`. */
export function phaseShares(model: ResponsibilityModel, party = CUSTOMER, letter: RoleLetter = 'A'): PhaseShare[] {
  return model.sections.map((section) => {
    const activities = sectionActivities(section);
    return {
      number: section.number,
      title: section.title,
      total: activities.length,
      matching: activities.filter((activity) => hasLetter(activity, party, letter)).length,
    };
  });
}

export function percent(matching: number, total: number): number {
  return total === 0 ? 0 : Math.round((matching / total) * 100);
}

export interface PlacedFindings {
  /** Activity id → the findings on its line. */
  byActivity: Map<string, Diagnostic[]>;
  /** Section number → the findings on its heading line. */
  bySection: Map<string, Diagnostic[]>;
}

/** Puts each finding on the activity row or section heading it points at (by its first line). */
export function placeFindings(model: ResponsibilityModel, findings: readonly Diagnostic[]): PlacedFindings {
  const activityAt = new Map<number, string>();
  const sectionAt = new Map<number, string>();
  const visit = (section: Section): void => {
    sectionAt.set(section.line, section.number);
    for (const activity of section.activities) activityAt.set(activity.line, activity.id);
    section.sections.forEach(visit);
  };
  model.sections.forEach(visit);
  const byActivity = new Map<string, Diagnostic[]>();
  const bySection = new Map<string, Diagnostic[]>();
  for (const finding of findings) {
    const activity = activityAt.get(finding.line);
    const section = activity === undefined ? sectionAt.get(finding.line) : undefined;
    const [target, key] = activity !== undefined ? [byActivity, activity] : section !== undefined ? [bySection, section] : [undefined, ''];
    if (target) target.set(key, [...(target.get(key) ?? []), finding]);
  }
  return { byActivity, bySection };
}

/** The most serious severity among some findings, for a row's marker. */
export function worstSeverity(findings: readonly Diagnostic[]): Severity | undefined {
  const counts = countBySeverity(findings);
  return counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : counts.info > 0 ? 'info' : undefined;
}
