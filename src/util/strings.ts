/** Code-unit order: unlike localeCompare, the same on every machine and every ICU version. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `1 file`, `2 files`; `many` for nouns that do not just take an `s`. */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** How an empty set of letters (or of parties, or a value absent) is shown to a reader, in every output. */
export const NONE = '(none)';
