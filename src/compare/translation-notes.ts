import { listActivities } from '../model/list-activities.js';
import type { StaleTranslation, Untranslated } from '../schema/drift.js';
import type { ResponsibilityModel } from '../schema/model.js';
import { normaliseText } from './text-similarity.js';

/** When a guide's matrix last changed, as its git history tells (date and time of the commit, ISO 8601). */
export interface MatrixChange {
  source: 'git';
  at: string;
}

/** One side of a staleness question: the model, and its last matrix change when git knows it. */
interface Dated {
  model: ResponsibilityModel;
  changed?: MatrixChange;
}

/**
 * A translation is stale when the reference's matrix changed after the
 * translation last changed. Git history decides when both files have it;
 * otherwise the guides' `updated` dates, when both state one. Undefined when
 * the translation is not behind, or when nothing tells.
 */
export function staleness(reference: Dated, translation: Dated): StaleTranslation | undefined {
  if (reference.changed && translation.changed) {
    const behind = Date.parse(reference.changed.at) > Date.parse(translation.changed.at);
    return behind ? { source: 'git', referenceChanged: reference.changed.at, translationChanged: translation.changed.at } : undefined;
  }
  const referenceDate = reference.model.meta.updated;
  const translationDate = translation.model.meta.updated;
  if (!referenceDate || !translationDate || referenceDate <= translationDate) return undefined;
  return { source: 'updated', referenceChanged: referenceDate, translationChanged: translationDate };
}

/** A language marker ending a title: `Block Storage - Shared responsibilities (EN)`. */
const TITLE_MARKER = /\(([A-Za-z]{2})\)\s*$/;

/** At least this share of a translation's activities word for word the reference's, and at least this many. */
const IDENTICAL_SHARE = 0.5;
const IDENTICAL_LEAST = 2;

/**
 * Whether a file reads as another language than its locale says: its title
 * ends with a marker of another language (`(EN)` in a `de-de` file), or at
 * least half its activities are the reference's text word for word while the
 * two locales are of different languages. Cheap on purpose: a file copied
 * from the reference and not yet translated is the case it catches; a real
 * translation shares a few words, not whole activity texts. Undefined when
 * the file looks translated.
 */
export function untranslatedEvidence(
  reference: ResponsibilityModel,
  translation: ResponsibilityModel,
  referenceLocale: string,
  translationLocale: string,
): Untranslated | undefined {
  const language = (locale: string): string => locale.slice(0, 2).toLowerCase();
  if (language(referenceLocale) === language(translationLocale)) return undefined;
  const marker = TITLE_MARKER.exec(translation.meta.title)?.[1];
  const titleMarker = marker && marker.toLowerCase() !== language(translationLocale) ? marker : undefined;
  const referenceTexts = new Set(listActivities(reference).map((activity) => normaliseText(activity.text)));
  const texts = listActivities(translation).map((activity) => normaliseText(activity.text));
  const identical = texts.filter((text) => text !== '' && referenceTexts.has(text)).length;
  const mostlyIdentical = identical >= IDENTICAL_LEAST && identical >= IDENTICAL_SHARE * texts.length;
  if (!titleMarker && !mostlyIdentical) return undefined;
  return { ...(titleMarker ? { titleMarker } : {}), identical, activities: texts.length };
}
