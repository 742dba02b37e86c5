/**
 * Text made inert for GitHub-flavoured markdown: characters that start
 * emphasis, links, code, HTML or table cells are backslash-escaped, and line
 * breaks become spaces so one activity stays on one list line or table row.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/(?<!\s)\s*[\r\n]+\s*/g, ' ').replace(/[\\`*_[\]<>|~]/g, (character) => `\\${character}`);
}

/** Inline code that survives backticks inside it. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const padded = text.startsWith('`') || text.endsWith('`') ? ` ${text} ` : text;
  return `${fence}${padded}${fence}`;
}
