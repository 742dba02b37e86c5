/**
 * Dates as guides write them: `2024-06-25` in the front matter, or a
 * "Last updated 17th November 2022" line in one of the documentation's
 * languages. Only unambiguous dates become ISO dates.
 */

export type WrittenDate =
  | { kind: 'date'; iso: string; unpadded: boolean }
  | { kind: 'ambiguous' }
  | { kind: 'placeholder' }
  | { kind: 'invalid' };

const MONTHS: Record<string, number> = {};
const MONTH_NAMES: readonly string[][] = [
  // en, fr, de, es, it, pt, nl, pl (nominative and genitive)
  ['january', 'jan', 'janvier', 'janv', 'januar', 'jänner', 'enero', 'gennaio', 'janeiro', 'januari', 'styczen', 'stycznia'],
  ['february', 'feb', 'fevrier', 'fevr', 'februar', 'febrero', 'febbraio', 'fevereiro', 'februari', 'luty', 'lutego'],
  ['march', 'mar', 'mars', 'marz', 'maerz', 'marzo', 'marco', 'maart', 'marzec', 'marca'],
  ['april', 'apr', 'avril', 'avr', 'abril', 'aprile', 'kwiecien', 'kwietnia'],
  ['may', 'mai', 'mayo', 'maggio', 'maio', 'mei', 'maj', 'maja'],
  ['june', 'jun', 'juin', 'juni', 'junio', 'giugno', 'junho', 'czerwiec', 'czerwca'],
  ['july', 'jul', 'juillet', 'juil', 'juli', 'julio', 'luglio', 'julho', 'lipiec', 'lipca'],
  ['august', 'aug', 'aout', 'agosto', 'augustus', 'sierpien', 'sierpnia'],
  ['september', 'sep', 'sept', 'septembre', 'septiembre', 'setembro', 'settembre', 'wrzesien', 'wrzesnia'],
  ['october', 'oct', 'octobre', 'oktober', 'okt', 'octubre', 'ottobre', 'outubro', 'pazdziernik', 'pazdziernika'],
  ['november', 'nov', 'novembre', 'noviembre', 'novembro', 'listopad', 'listopada'],
  ['december', 'dec', 'decembre', 'dezember', 'dez', 'diciembre', 'dicembre', 'dezembro', 'grudzien', 'grudnia'],
];
MONTH_NAMES.forEach((names, index) => {
  for (const name of names) MONTHS[name] = index + 1;
});

/** Words that may stand between the parts of a written date. */
const FILLER = new Set(['de', 'del', 'the', 'of', 'le', 'am', 'el', 'il', 'em', 'on', 'op', 'z', 'dnia', 'du']);

/** Lead-ins of a "last updated" line, accents removed and lower-cased. */
const UPDATED_LEAD_INS = [
  'last updated on',
  'last updated',
  'updated on',
  'derniere mise a jour le',
  'derniere mise a jour',
  'zuletzt aktualisiert am',
  'zuletzt aktualisiert',
  'letzte aktualisierung am',
  'letzte aktualisierung',
  'ultima actualizacion el',
  'ultima actualizacion',
  'ultimo aggiornamento il',
  'ultimo aggiornamento',
  'ultima atualizacao em',
  'ultima atualizacao',
  'ostatnia aktualizacja z dnia',
  'ostatnia aktualizacja',
  'laatst bijgewerkt op',
  'laatst bijgewerkt',
];

function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/**
 * When `text` is a "last updated" line, the date part of it as written.
 * The opening words ("Last updated", "Dernière mise à jour"…) are matched without accents, so the date keeps its own spelling.
 */
export function lastUpdatedDateText(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed.length > 120) return undefined;
  const folded = fold(trimmed);
  for (const leadIn of UPDATED_LEAD_INS) {
    if (folded.startsWith(leadIn)) {
      // NFD folding can change the length; count the opening words instead of characters.
      const words = leadIn.split(' ').length;
      const rest = trimmed
        .split(/\s+/)
        .slice(words)
        .join(' ')
        .replace(/^[:,\s-]+/, '')
        .replace(/(?<![.\s])[.\s]+$/, '');
      return rest.length > 0 ? rest : undefined;
    }
  }
  return undefined;
}

function isoOf(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function fullYear(text: string): number {
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

export function parseWrittenDate(input: string): WrittenDate {
  const text = input.trim();
  if (/x{2}/i.test(text) || /^[x?\-_/.\s]+$/i.test(text)) return { kind: 'placeholder' };

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) {
    const value = isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return value ? { kind: 'date', iso: value, unpadded: iso[2]!.length < 2 || iso[3]!.length < 2 } : { kind: 'invalid' };
  }

  const numeric = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(text);
  if (numeric) {
    const first = Number(numeric[1]);
    const second = Number(numeric[2]);
    const year = fullYear(numeric[3]!);
    const dayFirst = isoOf(year, second, first);
    const monthFirst = isoOf(year, first, second);
    if (dayFirst && monthFirst && dayFirst !== monthFirst) return { kind: 'ambiguous' };
    const value = dayFirst ?? monthFirst;
    return value ? { kind: 'date', iso: value, unpadded: false } : { kind: 'invalid' };
  }

  let day: number | undefined;
  let month: number | undefined;
  let year: number | undefined;
  for (const token of fold(text).split(/[\s,]+/)) {
    if (token === '' || FILLER.has(token)) continue;
    const dayMatch = /^(\d{1,2})(?:st|nd|rd|th|er|re|e|eme|º|o|\.)?$/.exec(token);
    const bare = token.replace(/\.$/, '');
    if (dayMatch && day === undefined) day = Number(dayMatch[1]);
    else if (/^\d{4}$/.test(token) && year === undefined) year = Number(token);
    else if (MONTHS[bare] !== undefined && month === undefined) month = MONTHS[bare];
    else return { kind: 'invalid' };
  }
  if (day === undefined || month === undefined || year === undefined) return { kind: 'invalid' };
  const value = isoOf(year, month, day);
  return value ? { kind: 'date', iso: value, unpadded: false } : { kind: 'invalid' };
}
