import type { ActivityRow, ResponsibilityModel } from '../schema/model.js';
import { walkSections } from './walk-sections.js';

/** Every activity of the model in reading order, each with the numbers and titles of its section path. */
export function listActivities(model: ResponsibilityModel): ActivityRow[] {
  return walkSections(model.sections).flatMap(({ section, path }) =>
    section.activities.map((activity) => ({ ...activity, sectionNumber: section.number, sectionTitle: section.title, path })),
  );
}
