import type { Party } from '../schema/model.js';
import { slugify } from '../util/slug.js';

/**
 * Headers that name the two usual parties, in the languages of the
 * documentation, as slugs: matched without accents, case or punctuation.
 */
const KNOWN_PARTIES: Record<string, string> = {
  customer: 'customer',
  client: 'customer',
  clients: 'customer',
  kunde: 'customer',
  kunden: 'customer',
  cliente: 'customer',
  klient: 'customer',
  klant: 'customer',
  'le-client': 'customer',
  'the-customer': 'customer',
  ovhcloud: 'ovhcloud',
  ovh: 'ovhcloud',
  'ovh-cloud': 'ovhcloud',
};

/** The stable id of a party column: `customer`, `ovhcloud`, or a slug of the header. */
export function partyIdFor(label: string): string {
  const slug = slugify(label);
  const known = Object.hasOwn(KNOWN_PARTIES, slug) ? KNOWN_PARTIES[slug] : undefined;
  return known ?? (slug || 'party');
}

/**
 * Ids for the party columns of one table, unique within it (`partner`,
 * `partner-2`), registered in the guide's list of parties on first sight.
 */
export function assignPartyIds(labels: readonly string[], parties: Party[]): string[] {
  const used = new Set<string>();
  return labels.map((label) => {
    const base = partyIdFor(label);
    let id = base;
    for (let suffix = 2; used.has(id); suffix++) id = `${base}-${suffix}`;
    used.add(id);
    if (!parties.some((party) => party.id === id)) parties.push({ id, label });
    return id;
  });
}
