/**
 * Text from file names and guides, made safe to print on a terminal or a CI
 * log: a control character could move the cursor, set the window title, write
 * the clipboard (`ESC]52;…`) or end the line and start a GitHub workflow
 * command (`::error …`, `::stop-commands::`). Each control character is shown
 * as a visible escape instead, as `cat -v` does: `\n`, `\r`, and `\xNN` for the
 * others (`ESC` is `\x1b`). Tab is kept. Display only: a backslash already in
 * the text is not doubled, so the escaping is not meant to be reversed.
 */

/** C0 controls except tab, DEL, and the C1 controls (U+0080–U+009F, which some terminals obey too). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this pattern finds
const CONTROL_CHARACTER = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g;

/** What GitHub's runner reads as a command: `::name` opening a line (after spaces), or the older `##[name` anywhere. */
const COMMAND_OPENING = /^(\s*):(?=:)|##\[/g;

function visibleEscape(character: string): string {
  if (character === '\n') return '\\n';
  if (character === '\r') return '\\r';
  return `\\x${character.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

/** Control characters shown as visible escapes (`\n`, `\r`, `\x1b`); every other character unchanged. */
export function escapeControlCharacters(text: string): string {
  return text.replace(CONTROL_CHARACTER, visibleEscape);
}

/**
 * A value that may be printed anywhere on a line, even at its start, without
 * a control character reaching the terminal or GitHub reading a workflow
 * command: control characters escaped, and the `:` of a leading `::` and the
 * second `#` of `##[` shown as `\x3a` and `\x23`.
 */
export function inertText(text: string): string {
  return escapeControlCharacters(text).replace(COMMAND_OPENING, (match, spaces: string | undefined) =>
    match === '##[' ? '#\\x23[' : `${spaces ?? ''}\\x3a`,
  );
}

/** The same for an output of several lines: each line made inert, its line breaks (LF, CRLF) kept and a lone CR escaped. */
export function inertLines(text: string): string {
  return text.split(/\r?\n/).map(inertText).join('\n');
}

/** Beyond what `JSON.stringify` escapes: DEL and the C1 controls, which it leaves raw. */
const JSON_RAW_CONTROL = /[\u007f-\u009f]/g;

/**
 * JSON for a terminal or a CI log, two-space indented: `JSON.stringify` with DEL and
 * the C1 controls also written as `\u` escapes, so the same data with no raw control character.
 */
export function stringifyJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(
    JSON_RAW_CONTROL,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * The bidirectional embedding, override and isolate controls (U+202A–U+202E,
 * U+2066–U+2069): invisible, they change the order in which the text around
 * them is displayed, so what a reader sees is not what is written (Trojan Source).
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/g;

/** `U+202E`: how a bidirectional control is named when shown. */
export function codePointName(character: string): string {
  return `U+${character.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Where each bidirectional control is in the text (UTF-16 offsets), with the character. */
export function findBidiControls(text: string): { index: number; character: string }[] {
  return [...text.matchAll(BIDI_CONTROL)].map((match) => ({ index: match.index, character: match[0] }));
}

/** The text with each bidirectional control shown as a visible `<U+202E>` token instead of reordering the text. */
export function showBidiControls(text: string): string {
  return text.replace(BIDI_CONTROL, (character) => `<${codePointName(character)}>`);
}
