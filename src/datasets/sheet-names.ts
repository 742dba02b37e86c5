/** Excel refuses longer sheet names. */
export const MAX_SHEET_NAME = 31;

/** Characters Excel refuses in a sheet name, and control characters. */
const FORBIDDEN = /[\\/?*[\]:\p{Cc}]+/gu;

function clean(name: string): string {
  // An apostrophe may not open or close a name; "History" is reserved by Excel.
  const cleaned = name.replace(FORBIDDEN, ' ').replace(/\s+/g, ' ').trim();
  const unquoted = trimApostrophes(cleaned).trim();
  return unquoted === '' || unquoted.toLowerCase() === 'history' ? 'Guide' : unquoted;
}

/** The text without the apostrophes that open or close it (a scan: no regular expression to backtrack). */
function trimApostrophes(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && text[start] === "'") start++;
  while (end > start && text[end - 1] === "'") end--;
  return text.slice(start, end);
}

/** Cuts to `length` UTF-16 units without splitting a surrogate pair, then drops trailing spaces. */
function cut(text: string, length: number): string {
  let end = Math.min(text.length, length);
  if (end < text.length && /[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end--;
  return text.slice(0, end).trimEnd();
}

/**
 * Sheet names for the wanted names, in order: allowed by Excel (no `\ / ? * [ ] :`,
 * at most 31 characters) and unique without regard to case, also against
 * `reserved` (the workbook's other sheets). A clash gets ` (2)`, ` (3)`… within
 * the 31 characters.
 */
export function sheetNames(wanted: readonly string[], reserved: readonly string[] = []): string[] {
  const taken = new Set(reserved.map((name) => name.toLowerCase()));
  return wanted.map((name) => {
    const base = cut(clean(name), MAX_SHEET_NAME);
    let candidate = base;
    for (let counter = 2; taken.has(candidate.toLowerCase()); counter++) {
      const suffix = ` (${counter})`;
      candidate = `${cut(base, MAX_SHEET_NAME - suffix.length)}${suffix}`;
    }
    taken.add(candidate.toLowerCase());
    return candidate;
  });
}
