import { escapeControlCharacters } from '../util/control-characters.js';

/** Stops GitHub from reading `@name` as a mention or `#1` as a reference: invisible, and kept out of any autolink. */
const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Characters that start emphasis, links, code, HTML, entities, math or table
 * cells; an `@` that would mention someone; a `#` that would reference an issue.
 */
const MARKDOWN_SPECIAL = /[\\`*_[\]<>|~&$]|@(?=[\p{L}\p{N}_-])|#(?=\p{N})/gu;

/**
 * Text made inert for GitHub-flavoured markdown (a pull-request comment, a job
 * summary): line breaks become spaces so one activity stays on one list line or
 * table row, other control characters are shown escaped (`\x1b`), characters
 * that start markup are backslash-escaped, and a zero-width space follows an
 * `@` or `#` that GitHub would turn into a mention or a reference. The rendered
 * text reads as the original.
 */
export function escapeMarkdown(text: string): string {
  const oneLine = escapeControlCharacters(text.replace(/(?<!\s)\s*[\r\n]+\s*/g, ' '));
  return oneLine.replace(MARKDOWN_SPECIAL, (character) =>
    character === '@' || character === '#' ? `${character}${ZERO_WIDTH_SPACE}` : `\\${character}`,
  );
}

/** Inline code that survives backticks inside it; control characters (line breaks too) are shown escaped. */
export function inlineCode(raw: string): string {
  const text = escapeControlCharacters(raw);
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  // A space is taken off each end when both ends have one; a backtick at an end would join the fence.
  const strippable = text.startsWith(' ') && text.endsWith(' ') && text.trim() !== '';
  const padded = text.startsWith('`') || text.endsWith('`') || strippable ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}
