import { DEFAULT_REFERENCE_LOCALE } from '../compare/compare-locales.js';
import { listActivities } from '../model/list-activities.js';
import { localeFromPath } from '../read/locale.js';
import type { ResponsibilityModel } from '../schema/model.js';
import { compareStrings } from '../util/strings.js';

/** What the datasets say of a guide beside its translations and copies. */
export interface GuideRelations {
  /** The translations of one guide share it: the folder of `guide.<locale>.md`. */
  translationGroup: string;
  /** The locale its group's translations are compared with (`raci drift`'s default), when the group has that guide. */
  referenceLocale: string | null;
  /** Ids of guides of other groups whose models are the same (same locale, parties, activities and letters), sorted. */
  copyOf: string[];
}

/**
 * The group of a guide's translations, from its source path: the folder for
 * `folder/guide.fr-fr.md`; the path without its locale for a name with
 * another stem (`folder/Instances.guide.fr-fr.md` → `folder/Instances.guide`).
 */
export function translationGroupOf(source: string): string {
  const locale = localeFromPath(source);
  const stem = source.slice(0, source.length - (locale ? `.${locale}.md` : '.md').length);
  return stem.endsWith('/guide') ? stem.slice(0, -'/guide'.length) : stem === 'guide' ? '.' : stem;
}

/** The parts of a model a copy shares: locale, party columns, every activity with its section, text, letters and marks. */
function modelSignature(model: ResponsibilityModel): string {
  return JSON.stringify([
    model.meta.locale ?? null,
    model.parties.map((party) => [party.id, party.label]),
    listActivities(model).map((activity) => [activity.id, activity.text, activity.assignments, activity.scopes]),
  ]);
}

/**
 * Translation group, reference locale and copies of every guide, in the order
 * given. Two guides are copies when their models match (see `modelSignature`)
 * and they sit in different groups: a legacy path kept beside the current one.
 * A guide with no activity is nobody's copy.
 */
export function relateGuides(guides: readonly { id: string; source: string; model: ResponsibilityModel }[]): GuideRelations[] {
  const groups = guides.map((guide) => translationGroupOf(guide.source));
  const localesOf = new Map<string, Set<string>>();
  guides.forEach((guide, index) => {
    const locales = localesOf.get(groups[index]!) ?? new Set<string>();
    if (guide.model.meta.locale) locales.add(guide.model.meta.locale.toLowerCase());
    localesOf.set(groups[index]!, locales);
  });
  const bySignature = new Map<string, number[]>();
  guides.forEach((guide, index) => {
    if (listActivities(guide.model).length === 0) return;
    const signature = modelSignature(guide.model);
    bySignature.set(signature, [...(bySignature.get(signature) ?? []), index]);
  });
  const copies = new Map<number, string[]>();
  for (const members of bySignature.values()) {
    for (const index of members) {
      const others = members.filter((other) => groups[other] !== groups[index]).map((other) => guides[other]!.id);
      if (others.length > 0) copies.set(index, others.sort(compareStrings));
    }
  }
  return guides.map((_, index) => ({
    translationGroup: groups[index]!,
    referenceLocale: localesOf.get(groups[index]!)!.has(DEFAULT_REFERENCE_LOCALE) ? DEFAULT_REFERENCE_LOCALE : null,
    copyOf: copies.get(index) ?? [],
  }));
}
