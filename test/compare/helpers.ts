import { readFileSync } from 'node:fs';
import { safeParseResponsibilityModelBytes } from '../../src/parse/parse-bytes.js';
import type { ActivityChange } from '../../src/schema/diff.js';
import type { ResponsibilityModel } from '../../src/schema/model.js';

import { CORPUS, ROOT } from '../helpers/paths.js';

export const EMAIL_PRO_LEGACY = `${CORPUS}/web/emails-pro/responsibility_model/guide.en-gb.md`;
export { EMAIL_PRO } from '../helpers/corpus-guides.js';
export const HOSTED_EXCHANGE = `${CORPUS}/web_cloud/email_and_collaborative_solutions/microsoft_exchange/responsibility-model/guide.en-gb.md`;

/** A guide of the repository, parsed; its path relative to the repository root. */
export function load(path: string): ResponsibilityModel {
  return safeParseResponsibilityModelBytes(readFileSync(`${ROOT}${path}`), { file: path }).model;
}

/** The parts of a change a reader sees, for exact assertions without repeating every field. */
export function brief(change: ActivityChange): Record<string, unknown> {
  return {
    kind: change.kind,
    section: change.section.number,
    text: (change.new ?? change.old)!.text,
    ...(change.reworded ? { reworded: change.old!.text } : {}),
    ...(change.moved ? { movedFrom: change.old!.section.number } : {}),
    ...(change.assignments.length > 0
      ? { assignments: change.assignments.map((a) => `${a.party}: ${a.old.join('') || '-'} → ${a.new.join('') || '-'}`) }
      : {}),
    ...(change.accountable
      ? { accountable: `${change.accountable.old.join('+') || '-'} → ${change.accountable.new.join('+') || '-'}` }
      : {}),
    ...(change.scopes.length > 0 ? { scopes: change.scopes.map((s) => `${s.scope}: ${String(s.old)} → ${String(s.new)}`) } : {}),
  };
}
