import transliterate from '@sindresorhus/transliterate';

/**
 * The one way an id is made from text (party, scope and guide ids, report page
 * names): letters transliterated to ASCII (`Właściciel` → `wlasciciel`,
 * `Straße` → `strasse`, `Заказчик` → `zakazchik`), lower-cased, every run of
 * other characters one `-`, none at either end. `keepDotAndUnderscore` keeps
 * `.` and `_` as written, as file and folder names need (and then no `.` at
 * either end either). Text with nothing transliterable (`日本語`) gives `''`.
 */
export function slugify(text: string, keepDotAndUnderscore = false): string {
  const ascii = transliterate(text.normalize('NFKC')).normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const other = keepDotAndUnderscore ? /[^a-z0-9._-]+/g : /[^a-z0-9]+/g;
  const ends = keepDotAndUnderscore ? /^[-.]+|(?<![-.])[-.]+$/g : /^-+|(?<!-)-+$/g;
  return ascii.replace(other, '-').replace(/-{2,}/g, '-').replace(ends, '');
}
