import type { ActivityRow, ResponsibilityModel, Section } from '../schema/model.js';

/** Every activity of the model in reading order, each with the numbers and titles of its section path. */
export function listActivities(model: ResponsibilityModel): ActivityRow[] {
  const rows: ActivityRow[] = [];
  const visit = (section: Section, path: { number: string; title: string }[]): void => {
    const here = [...path, { number: section.number, title: section.title }];
    for (const activity of section.activities) {
      rows.push({ ...activity, sectionNumber: section.number, sectionTitle: section.title, path: here });
    }
    for (const child of section.sections) visit(child, here);
  };
  for (const section of model.sections) visit(section, []);
  return rows;
}
