import { type RoleLetter, RoleLetterSchema } from '../schema/model.js';

/** The RACI letters in canonical order, as the schema lists them. */
export const ROLE_LETTERS: readonly RoleLetter[] = RoleLetterSchema.options;

export interface NormalizedRoleCell {
  /** Known letters, each once, in canonical order R, A, C, I. */
  roles: RoleLetter[];
  /** `roles` joined: the way the cell should be written. */
  canonical: string;
  /** Characters that are not RACI letters nor separators, upper-cased, in order of appearance, each once. */
  unknown: string[];
  /** The part of the cell that holds the letters: the cell without its note, trimmed. */
  letters: string;
  /** A note in brackets after the letters (`C (Technical Input)` → `Technical Input`), when there is one. */
  note?: string;
}

/** Letters, then a note in brackets: `C (Technical Input)`, `A & R (Config, Ops)`. */
const LETTERS_THEN_NOTE = /^([^()]*\S)\s*\(([^()]*)\)$/su;

/**
 * The letters of a cell and the note after them. A bracket that does not
 * follow letters and separators alone (`Risk (analysis)`) is no note: the
 * whole cell is then its letters, and reads as unknown ones.
 */
export function splitRoleNote(cell: string): { letters: string; note?: string } {
  const trimmed = cell.trim();
  const match = LETTERS_THEN_NOTE.exec(trimmed);
  if (!match || !lettersOnly(match[1]!)) return { letters: trimmed };
  const note = match[2]!.trim();
  return note === '' ? { letters: match[1]! } : { letters: match[1]!, note };
}

function lettersOnly(text: string): boolean {
  for (const char of text) if (!IGNORED.test(char) && !(ROLE_LETTERS as readonly string[]).includes(char.toUpperCase())) return false;
  return true;
}

/** Separators writers put between letters (`R/A`, `R, A`, `R+A`) and emphasis markers. */
const IGNORED = /[\s,;/+&*_\-–—.·|]/;

/**
 * Reads a party cell: `IR` and `RI` both give Responsible + Informed. Case,
 * order, separators and repeats do not matter; anything else is `unknown`.
 */
export function normalizeRoleCell(cell: string): NormalizedRoleCell {
  const { letters, note } = splitRoleNote(cell);
  const present = new Set<string>();
  const unknown: string[] = [];
  for (const char of letters) {
    if (IGNORED.test(char)) continue;
    const upper = char.toUpperCase();
    if ((ROLE_LETTERS as readonly string[]).includes(upper)) present.add(upper);
    else if (!unknown.includes(upper)) unknown.push(upper);
  }
  const roles = ROLE_LETTERS.filter((letter) => present.has(letter));
  return { roles, canonical: roles.join(''), unknown, letters, ...(note === undefined ? {} : { note }) };
}

/** A party cell as the parser reads it; `merged` is set (and `roles` empty) for a cell like `I RA`. */
export interface RoleCellReading extends NormalizedRoleCell {
  merged?: string[];
}

/** Groups of RACI letters and nothing else, as in `I RA` or `A I`: only whitespace between them. */
const LETTER_GROUPS = /^[RACI]+(?:\s+[RACI]+)+$/iu;

/**
 * The letter groups of a cell that looks like two or more cells run together
 * (`I RA` where `| I | RA |` was meant: a dropped pipe), as written; undefined
 * for any other cell. Such a cell has no reading that is safe to take.
 */
function mergedRoleGroups(cell: string): string[] | undefined {
  const trimmed = cell.trim();
  return LETTER_GROUPS.test(trimmed) ? trimmed.split(/\s+/u) : undefined;
}

/**
 * The parser's reading of a party cell: `normalizeRoleCell`, except that a
 * cell of merged letter groups (`I RA`) gives no letter, so that no party is
 * given letters that were meant for another column.
 */
export function readRoleCell(cell: string): RoleCellReading {
  const merged = mergedRoleGroups(cell);
  if (merged) return { roles: [], canonical: '', unknown: [], letters: cell.trim(), merged };
  return normalizeRoleCell(cell);
}

/** True when the letters of the cell are written exactly as their canonical form (surrounding spaces and a note aside). */
export function isCanonicalRoleCell(cell: string): boolean {
  const { canonical, unknown, letters } = normalizeRoleCell(cell);
  return unknown.length === 0 && letters === canonical;
}

/** Letters that occur more than once in the cell (`RR`), upper-cased; a note after them is not looked at. */
export function repeatedLetters(cell: string): string[] {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  for (const char of splitRoleNote(cell).letters.toUpperCase()) {
    if (IGNORED.test(char)) continue;
    if (seen.has(char)) repeated.add(char);
    seen.add(char);
  }
  return [...repeated];
}
