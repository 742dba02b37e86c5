import { listSections } from '../model/walk-sections.js';
import { compareSectionNumbers } from '../outline/heading-number.js';
import { ROLE_LETTERS } from '../roles/role-cell.js';
import {
  DRIFT_SCHEMA_VERSION,
  type DriftFinding,
  type DriftGuide,
  type DriftOptions,
  DriftOptionsSchema,
  type DriftRow,
  type LocaleComparison,
  type PartyDisagreement,
  type ScopeDisagreement,
  type TranslationReport,
} from '../schema/drift.js';
import type { Activity, Party, ResponsibilityModel, RoleLetter, Scope, Section } from '../schema/model.js';
import { assertOptions } from '../util/options.js';
import { alignRows } from './align-rows.js';
import { textSimilarity } from './text-similarity.js';
import { type MatrixChange, staleness, untranslatedEvidence } from './translation-notes.js';

export const DEFAULT_REFERENCE_LOCALE = 'en-gb';

/** One translation of a guide: its model, and the file it came from when there is one. */
export interface LocaleGuide {
  model: ResponsibilityModel;
  file?: string;
  /** When its matrix last changed, from git; without it, staleness is told by the `updated` dates. */
  changed?: MatrixChange;
}

/**
 * Compares every translation of one guide with the reference locale, section
 * by section (by number) and row by row (by position): rows missing or extra,
 * letters and applicability marks that disagree, party columns missing. The
 * text is never compared (it is translated), but an untranslated body is
 * compared all the same, and named (`untranslated`). A translation whose
 * reference changed after it is `stale`. Pure: models in, data out. Options that do not
 * match `DriftOptionsSchema` throw a TypeError.
 */
export function compareLocales(models: readonly (LocaleGuide | ResponsibilityModel)[], options: DriftOptions = {}): LocaleComparison {
  assertOptions(DriftOptionsSchema, options);
  const reference = (options.reference ?? DEFAULT_REFERENCE_LOCALE).toLowerCase();
  const guides = models.map((entry) => ('model' in entry ? entry : { model: entry }));
  const unlocalised = guides.filter((guide) => !guide.model.meta.locale).map((guide) => guide.file ?? guide.model.meta.title);
  const localised = guides.filter((guide) => guide.model.meta.locale);
  const referenceIndex = localised.findIndex((guide) => guide.model.meta.locale!.toLowerCase() === reference);
  if (referenceIndex < 0) {
    return {
      driftSchemaVersion: DRIFT_SCHEMA_VERSION,
      guides: localised.map(describe),
      reference: null,
      translations: [],
      unlocalised,
      disagreements: 0,
    };
  }
  const base = localised[referenceIndex]!;
  const translations: TranslationReport[] = localised
    .filter((_, index) => index !== referenceIndex)
    .map((guide) => {
      const stale = staleness(base, guide);
      const untranslated = untranslatedEvidence(base.model, guide.model, base.model.meta.locale!, guide.model.meta.locale!);
      return {
        ...describe(guide),
        findings: compareTranslation(base.model, guide.model),
        ...(stale ? { stale } : {}),
        ...(untranslated ? { untranslated } : {}),
      };
    });
  return {
    driftSchemaVersion: DRIFT_SCHEMA_VERSION,
    guides: localised.map(describe),
    reference: describe(base),
    translations,
    unlocalised,
    disagreements: translations.reduce((total, translation) => total + translation.findings.length, 0),
  };
}

function describe(guide: LocaleGuide): DriftGuide {
  return {
    locale: guide.model.meta.locale!,
    ...(guide.file ? { file: guide.file } : {}),
    title: guide.model.meta.title,
    parties: guide.model.parties.map((party) => ({ id: party.id, label: party.label })),
  };
}

/** Columns paired by id (customer, ovhcloud are the same in every language), then the rest by column order. */
export function pairColumns<T extends { id: string }>(
  reference: readonly T[],
  translation: readonly T[],
): { pairs: [T, T][]; missing: T[]; extra: T[] } {
  const pairs: [T, T][] = [];
  const rest = translation.filter((column) => !reference.some((candidate) => candidate.id === column.id));
  const missing: T[] = [];
  for (const column of reference) {
    const same = translation.find((candidate) => candidate.id === column.id);
    if (same) pairs.push([column, same]);
    else missing.push(column);
  }
  const paired = Math.min(missing.length, rest.length);
  for (let index = 0; index < paired; index++) pairs.push([missing[index]!, rest[index]!]);
  return { pairs, missing: missing.slice(paired), extra: rest.slice(paired) };
}

interface SectionPairing {
  pairs: [Section, Section][];
  missing: Section[];
  extra: Section[];
}

/**
 * Sections paired by number. Sections left over on both sides between the
 * same two paired sections are paired in order: a translation that numbers
 * "3.1.6" what the reference numbers "3.1.7" still has its rows compared.
 */
function pairSections(reference: readonly Section[], translation: readonly Section[]): SectionPairing {
  const referenceNumbers = new Set(reference.map((section) => section.number));
  const translationNumbers = new Set(translation.map((section) => section.number));
  const byNumber = new Map(translation.map((section) => [section.number, section]));
  const pairs: [Section, Section][] = [];
  for (const section of reference) {
    const other = byNumber.get(section.number);
    if (other) pairs.push([section, other]);
  }
  const leftovers = (sections: readonly Section[], shared: Set<string>): Map<string, Section[]> => {
    const groups = new Map<string, Section[]>();
    let anchor = '';
    for (const section of sections) {
      if (shared.has(section.number)) {
        anchor = section.number;
        continue;
      }
      const group = groups.get(anchor);
      if (group) group.push(section);
      else groups.set(anchor, [section]);
    }
    return groups;
  };
  const referenceLeft = leftovers(reference, translationNumbers);
  const translationLeft = leftovers(translation, referenceNumbers);
  const missing: Section[] = [];
  const extra: Section[] = [];
  for (const [anchor, sections] of referenceLeft) {
    const others = translationLeft.get(anchor) ?? [];
    sections.forEach((section, index) => {
      const other = others[index];
      if (other) pairs.push([section, other]);
      else missing.push(section);
    });
    extra.push(...others.slice(sections.length));
    translationLeft.delete(anchor);
  }
  for (const sections of translationLeft.values()) extra.push(...sections);
  return { pairs, missing, extra };
}

export function lettersOf(activity: Activity, party: string): RoleLetter[] {
  return ROLE_LETTERS.filter((letter) => activity.assignments[party]?.includes(letter));
}

function rowOf(activity: Activity, position: number, section?: Section, referenceNumber?: string): DriftRow {
  return {
    line: activity.line,
    row: position + 1,
    ...(section && section.number !== referenceNumber ? { section: section.number } : {}),
    text: activity.text,
    assignments: activity.assignments,
  };
}

function firstActivityLine(model: ResponsibilityModel): number | null {
  for (const section of listSections(model.sections)) if (section.activities[0]) return section.activities[0].line;
  return null;
}

function sectionRow(section: Section): DriftRow {
  return { line: section.line, section: section.number, title: section.title };
}

function compareTranslation(reference: ResponsibilityModel, translation: ResponsibilityModel): DriftFinding[] {
  const findings: DriftFinding[] = [];
  const parties = pairColumns<Party>(reference.parties, translation.parties);
  const scopes = pairColumns<Scope>(reference.scopes, translation.scopes);
  const empty = { parties: [], scopes: [] };
  // A party column the translation lacks, or has in addition: about the whole guide, placed at its first activity.
  const partyFinding = (kind: 'party-missing' | 'party-extra', party: Party): DriftFinding => ({
    kind,
    section: null,
    row: null,
    reference: { line: firstActivityLine(reference) },
    translation: { line: firstActivityLine(translation) },
    ...empty,
    party: { id: party.id, label: party.label },
  });
  for (const party of parties.missing) findings.push(partyFinding('party-missing', party));
  for (const party of parties.extra) findings.push(partyFinding('party-extra', party));

  const sections = pairSections(listSections(reference.sections), listSections(translation.sections));
  const sectionFindings: DriftFinding[] = [];
  for (const [section, other] of sections.pairs) {
    if (section.number !== other.number) {
      sectionFindings.push({
        kind: 'section-number-differs',
        section: section.number,
        row: null,
        reference: sectionRow(section),
        translation: sectionRow(other),
        ...empty,
      });
    }
    sectionFindings.push(...compareRows(section, other, parties.pairs, scopes.pairs));
  }
  for (const section of sections.missing) {
    sectionFindings.push({
      kind: 'section-missing',
      section: section.number,
      row: null,
      reference: sectionRow(section),
      translation: { line: null },
      ...empty,
    });
  }
  for (const section of sections.extra) {
    sectionFindings.push({
      kind: 'section-extra',
      section: section.number,
      row: null,
      reference: { line: null },
      translation: sectionRow(section),
      ...empty,
    });
  }
  // Reading order of the reference; an extra section goes by its own number.
  sectionFindings.sort((a, b) => compareSectionNumbers(a.section ?? '', b.section ?? '') || (a.row ?? 0) - (b.row ?? 0));
  return [...findings, ...sectionFindings];
}

function compareRows(
  section: Section,
  other: Section,
  parties: readonly [Party, Party][],
  scopes: readonly [Scope, Scope][],
): DriftFinding[] {
  const disagreeingParties = (a: Activity, b: Activity): PartyDisagreement[] =>
    parties
      .map(([left, right]) => ({
        party: left.id,
        label: left.label,
        reference: lettersOf(a, left.id),
        translation: lettersOf(b, right.id),
      }))
      .filter((entry) => entry.reference.join('') !== entry.translation.join(''));
  const disagreeingScopes = (a: Activity, b: Activity): ScopeDisagreement[] =>
    scopes
      .map(([left, right]) => ({
        scope: left.id,
        label: left.label,
        reference: a.scopes[left.id] ?? false,
        translation: b.scopes[right.id] ?? false,
      }))
      .filter((entry) => entry.reference !== entry.translation);
  const agree = (a: Activity, b: Activity): boolean => disagreeingParties(a, b).length === 0 && disagreeingScopes(a, b).length === 0;
  // Letters decide; the text only breaks ties, and only counts when the body is in one language.
  const cost = (i: number, j: number): number => {
    const a = section.activities[i]!;
    const b = other.activities[j]!;
    return disagreeingParties(a, b).length + disagreeingScopes(a, b).length + 0.5 * (1 - textSimilarity(a.text, b.text));
  };
  const alignment = alignRows(section.activities.length, other.activities.length, cost);

  // Two rows whose letters disagree but agree crosswise are the same rows in another order.
  const swapped = new Map<number, number>();
  const mismatched = alignment.filter(([i, j]) => i !== null && j !== null && !agree(section.activities[i]!, other.activities[j]!)) as [
    number,
    number,
  ][];
  for (const [i, j] of mismatched) {
    if (swapped.has(i)) continue;
    const partner = mismatched.find(
      ([k, l]) =>
        k !== i &&
        !swapped.has(k) &&
        agree(section.activities[i]!, other.activities[l]!) &&
        agree(section.activities[k]!, other.activities[j]!),
    );
    if (!partner) continue;
    swapped.set(i, partner[1]);
    swapped.set(partner[0], j);
  }

  const findings: DriftFinding[] = [];
  const here = (activity: Activity, position: number): DriftRow => rowOf(activity, position, other, section.number);
  let lastReferenceLine = section.line;
  let lastTranslationLine = other.line;
  for (const [i, j] of alignment) {
    const a = i === null ? undefined : section.activities[i];
    const b = j === null ? undefined : other.activities[j];
    if (a && b) {
      const moved = swapped.get(i!);
      if (moved !== undefined) {
        findings.push({
          kind: 'row-order-differs',
          section: section.number,
          row: i! + 1,
          reference: rowOf(a, i!),
          translation: here(other.activities[moved]!, moved),
          parties: [],
          scopes: [],
        });
      } else {
        const partyFindings = disagreeingParties(a, b);
        const scopeFindings = disagreeingScopes(a, b);
        if (partyFindings.length > 0 || scopeFindings.length > 0) {
          findings.push({
            kind: partyFindings.length > 0 ? 'letters-differ' : 'scopes-differ',
            section: section.number,
            row: i! + 1,
            reference: rowOf(a, i!),
            translation: here(b, j!),
            parties: partyFindings,
            scopes: scopeFindings,
          });
        }
      }
      lastReferenceLine = a.line;
      lastTranslationLine = b.line;
    } else if (a) {
      findings.push({
        kind: 'row-missing',
        section: section.number,
        row: i! + 1,
        reference: rowOf(a, i!),
        translation: { line: lastTranslationLine },
        parties: [],
        scopes: [],
      });
      lastReferenceLine = a.line;
    } else if (b) {
      findings.push({
        kind: 'row-extra',
        section: section.number,
        row: j! + 1,
        reference: { line: lastReferenceLine },
        translation: here(b, j!),
        parties: [],
        scopes: [],
      });
      lastTranslationLine = b.line;
    }
  }
  return findings;
}
