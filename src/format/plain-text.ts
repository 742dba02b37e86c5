import { walkSections } from '../model/walk-sections.js';
import type { ResponsibilityModel } from '../schema/model.js';
import { inertLines } from '../util/control-characters.js';

/**
 * The guide as the help-center page shows it when flattened to text: title,
 * excerpt, intro, legend, then each section heading (`3.1.1. Daily operations`)
 * and each activity followed by its non-empty cells as written. Safe to print:
 * no line starts a workflow command and control characters are shown escaped.
 */
export function renderPlainText(model: ResponsibilityModel): string {
  const blocks: string[] = [];
  const { meta } = model;
  if (meta.title) blocks.push(meta.title);
  if (meta.excerpt) blocks.push(meta.excerpt);
  if (model.intro) blocks.push(model.intro);
  if (model.roles.length > 0) blocks.push(model.roles.map((role) => `${role.code}: ${role.label}`).join('\n'));
  for (const { section } of walkSections(model.sections)) {
    blocks.push(`${section.number}. ${section.title}`.trimEnd());
    if (section.activities.length > 0) {
      blocks.push(
        section.activities
          .map((activity) => [activity.text, ...Object.values(activity.cells).filter((cell) => cell !== '')].join(' '))
          .join('\n'),
      );
    }
  }
  return `${inertLines(blocks.join('\n\n'))}\n`;
}
