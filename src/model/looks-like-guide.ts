import type { ResponsibilityModel } from '../schema/model.js';
import { activitiesIn } from './walk-sections.js';

/**
 * The model reads as a responsibility-model guide: it has an activity, or a legend and numbered
 * sections (a guide whose tables are all broken). What `raci check`, `raci report` and
 * `raci diff` tell apart from other markdown (a README).
 */
export function looksLikeGuide(model: ResponsibilityModel): boolean {
  return activitiesIn(model.sections).length > 0 || (model.roles.length > 0 && model.sections.length > 0);
}

/** Why a file is not taken for a guide, in the words every command uses. */
export const NOT_A_GUIDE = 'not a responsibility-model guide (no activity, no legend and numbered sections)';
