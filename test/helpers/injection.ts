import { expect } from 'vitest';

/**
 * What a hostile pull request puts in file names and guide text to take over
 * a terminal or a CI log: terminal escapes (set the window title, write the
 * clipboard), a line break opening a GitHub workflow command, markdown and HTML
 * that would break out of a pull-request comment.
 */
export const TITLE_ESCAPE = '\u001b]0;PWNED\u0007';
export const CLIPBOARD_ESCAPE = '\u001b]52;c;cm0gLXJmIH4=\u0007';
const CSI_C1 = '\u009b2J';
export const INJECTED_COMMAND = '::error file=README.md,line=1,title=Injected::Security review passed';

/** A file name that ends a line and starts a workflow command. */
export const COMMAND_FILE_NAME = `x\n${INJECTED_COMMAND}.md`;
/** A file name that is a workflow command at the start of a line, without any line break. */
export const LEADING_COMMAND_FILE_NAME = '::stop-commands::pwned.md';

/** Activity text with every payload: escapes, a C1 control, DEL, a mention, a reference, an entity, HTML. */
export const HOSTILE_ACTIVITY = `Title ${TITLE_ESCAPE} set, clipboard ${CLIPBOARD_ESCAPE} written ${CSI_C1}\u007f @octocat #1 &amp; <b>bold</b>`;

/**
 * A guide whose title is hostile, and whose first activity too, with no accountable party by default
 * (so `check` quotes it); `customer` is the Customer's letters in that row.
 */
export function hostileGuide(activity = HOSTILE_ACTIVITY, customer = 'R'): string {
  return [
    '---',
    `title: "Guide ${TITLE_ESCAPE.replace('\u001b', '\\e').replace('\u0007', '\\a')}"`,
    '---',
    '',
    '| Roles |',
    '| --- |',
    '| R: Responsible |',
    '| A: Accountable |',
    '| C: Consulted |',
    '| I: Informed |',
    '',
    '### 1. Run',
    '',
    '| Activity | Customer | OVHcloud |',
    '| --- | --- | --- |',
    `| ${activity} | ${customer} | I |`,
    '| Keep logs | AR | I |',
    '',
  ].join('\n');
}

/** Control characters a terminal may obey: C0 but tab and line feed, DEL, C1. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this pattern finds
export const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** The lines GitHub's runner reads as workflow commands: `::` after leading spaces, or `##[` anywhere. */
export function commandLines(output: string): string[] {
  return output.split('\n').filter((line) => line.trimStart().startsWith('::') || line.includes('##['));
}

/** No raw control character, and no line that GitHub would run as a command. */
export function expectInert(output: string): void {
  expect(output).not.toMatch(RAW_CONTROL);
  expect(commandLines(output)).toEqual([]);
}

/** The text without the colours' own escapes (`ESC [ … m`). */
export function withoutColours(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the colours are ANSI escape sequences
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
