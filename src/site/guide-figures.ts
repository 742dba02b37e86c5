import { countBySeverity } from '../diagnostics/diagnostic.js';
import { activitiesIn, walkSections } from '../model/walk-sections.js';
import { ROLE_LETTERS } from '../roles/role-cell.js';
import type { Activity, Diagnostic, ResponsibilityModel, RoleLetter, Severity } from '../schema/model.js';

/** The party whose share of accountability the overview compares across guides. */
export const CUSTOMER = 'customer';

export function hasLetter(activity: Activity, party: string, letter: RoleLetter): boolean {
  return activity.assignments[party]?.includes(letter) ?? false;
}

/** Party id → letter → how many activities give that party that letter. */
export function letterCounts(model: ResponsibilityModel): Record<string, Record<RoleLetter, number>> {
  const activities = activitiesIn(model.sections);
  const counts: Record<string, Record<RoleLetter, number>> = {};
  for (const party of model.parties) {
    counts[party.id] = Object.fromEntries(ROLE_LETTERS.map((letter) => [letter, 0])) as Record<RoleLetter, number>;
    for (const activity of activities) for (const letter of activity.assignments[party.id] ?? []) counts[party.id]![letter] += 1;
  }
  return counts;
}

export interface PhaseShare {
  number: string;
  title: string;
  total: number;
  /** Activities of the phase (its whole subtree) where the customer is accountable (A). */
  matching: number;
}

/** Per top-level section ("phase"): how many of its activities make the customer accountable. */
export function phaseShares(model: ResponsibilityModel): PhaseShare[] {
  return model.sections.map((section) => {
    const activities = activitiesIn([section]);
    return {
      number: section.number,
      title: section.title,
      total: activities.length,
      matching: activities.filter((activity) => hasLetter(activity, CUSTOMER, 'A')).length,
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
  /** Finding → the id of the activity it was put on. */
  activityOf: Map<Diagnostic, string>;
}

/** Puts each finding on the activity row or section heading it points at (by its first line). */
export function placeFindings(model: ResponsibilityModel, findings: readonly Diagnostic[]): PlacedFindings {
  const activityAt = new Map<number, string>();
  const sectionAt = new Map<number, string>();
  for (const { section } of walkSections(model.sections)) {
    sectionAt.set(section.line, section.number);
    for (const activity of section.activities) activityAt.set(activity.line, activity.id);
  }
  const byActivity = new Map<string, Diagnostic[]>();
  const bySection = new Map<string, Diagnostic[]>();
  const activityOf = new Map<Diagnostic, string>();
  const add = (target: Map<string, Diagnostic[]>, key: string, finding: Diagnostic): void => {
    const list = target.get(key);
    if (list) list.push(finding);
    else target.set(key, [finding]);
  };
  for (const finding of findings) {
    const activity = activityAt.get(finding.line);
    if (activity !== undefined) {
      add(byActivity, activity, finding);
      activityOf.set(finding, activity);
      continue;
    }
    const section = sectionAt.get(finding.line);
    if (section !== undefined) add(bySection, section, finding);
  }
  return { byActivity, bySection, activityOf };
}

/** The most serious severity among some findings, for a row's marker. */
export function worstSeverity(findings: readonly Diagnostic[]): Severity | undefined {
  const counts = countBySeverity(findings);
  return counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : counts.info > 0 ? 'info' : undefined;
}
