import type { ResponsibilityModel, RoleLetter, SectionRef } from '../schema/model.js';
import { listActivities } from './list-activities.js';
import { productOf } from './product.js';

/** One guide to query: its path (which gives its product) and its model. */
export interface QueryGuide {
  file: string;
  model: ResponsibilityModel;
}

/** Which activities to keep; every filter given must match, an absent one matches all. */
export interface QueryFilters {
  /** A party id (`customer`): the party must have a letter, or `letters` when given. */
  party?: string | undefined;
  /** RACI letters (`A`, `RA`): the party (or, without `party`, any party) must hold each of them. */
  letters?: string | undefined;
  /** A scope id: the activity must apply to it. */
  scope?: string | undefined;
  /** A locale (`en-gb`), without regard to case. */
  locale?: string | undefined;
  /** A product (`kms`), as productOf gives it. */
  product?: string | undefined;
  /** A section number (`3.1` keeps 3.1 and everything under it), or words of a section title. */
  section?: string | undefined;
  /** Words of the activity's text, without regard to case or accents. */
  text?: string | undefined;
}

/** One activity that matched, with its guide. */
export interface ActivityMatch {
  file: string;
  product: string;
  locale?: string;
  title: string;
  activityId: string;
  sectionNumber: string;
  /** From the phase down to the activity's own section. */
  path: SectionRef[];
  text: string;
  line: number;
  /** Party id → letters in canonical order. */
  assignments: Record<string, RoleLetter[]>;
  scopes: Record<string, boolean>;
}

const SECTION_NUMBER = /^\d+(?:\.\d+)*\.?$/;

/** Lowercase, without accents and with single spaces: how text filters compare. */
function folded(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The letters of a filter, upper-case and without duplicates; throws a RangeError for anything but R, A, C, I. */
function lettersOf(letters: string): RoleLetter[] {
  const wanted = [
    ...new Set(
      letters
        .toUpperCase()
        .replace(/[\s,]+/g, '')
        .split(''),
    ),
  ];
  const wrong = wanted.filter((letter) => !'RACI'.includes(letter));
  if (wanted.length === 0 || wrong.length > 0) throw new RangeError(`letters: expected R, A, C or I, got "${letters}"`);
  return wanted as RoleLetter[];
}

function sectionMatches(filter: string, number: string, path: readonly SectionRef[]): boolean {
  if (SECTION_NUMBER.test(filter)) {
    const wanted = filter.replace(/\.$/, '');
    return number === wanted || number.startsWith(`${wanted}.`);
  }
  const words = folded(filter);
  return path.some((section) => folded(section.title).includes(words));
}

/**
 * The activities of the guides that pass every filter, guide by guide in the
 * order given, each in reading order: the rows of `raci query`. Pure. Throws a
 * RangeError when `letters` holds anything but R, A, C or I.
 */
export function queryActivities(guides: readonly QueryGuide[], filters: QueryFilters = {}): ActivityMatch[] {
  const letters = filters.letters !== undefined && filters.letters !== '' ? lettersOf(filters.letters) : [];
  const text = filters.text !== undefined ? folded(filters.text) : '';
  const holds = (have: readonly RoleLetter[] | undefined): boolean =>
    have !== undefined && have.length > 0 && letters.every((letter) => have.includes(letter));
  const matches: ActivityMatch[] = [];
  for (const { file, model } of guides) {
    const product = productOf(file, model);
    const locale = model.meta.locale;
    if (filters.locale !== undefined && locale?.toLowerCase() !== filters.locale.toLowerCase()) continue;
    if (filters.product !== undefined && product !== filters.product.toLowerCase()) continue;
    const parties = filters.party !== undefined ? [filters.party] : model.parties.map((party) => party.id);
    for (const activity of listActivities(model)) {
      if ((filters.party !== undefined || letters.length > 0) && !parties.some((party) => holds(activity.assignments[party]))) continue;
      if (filters.scope !== undefined && activity.scopes[filters.scope] !== true) continue;
      if (filters.section !== undefined && !sectionMatches(filters.section, activity.sectionNumber, activity.path)) continue;
      if (text !== '' && !folded(activity.text).includes(text)) continue;
      matches.push({
        file,
        product,
        ...(locale !== undefined ? { locale } : {}),
        title: model.meta.title,
        activityId: activity.id,
        sectionNumber: activity.sectionNumber,
        path: activity.path,
        text: activity.text,
        line: activity.line,
        assignments: activity.assignments,
        scopes: activity.scopes,
      });
    }
  }
  return matches;
}
