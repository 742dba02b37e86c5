/**
 * The Email Pro guide with four edits, one of each kind a diff page shows:
 * a duty changing hands, a row removed, a row added and a row reworded.
 */
const EDITS: readonly [string, string][] = [
  ['| Manage backups on the service |  | RA |', '| Manage backups on the service | RA | I |'],
  ['| Choose service location in EU | I | RA |\n', ''],
  [
    '| Provide service licences | I | RA |\n',
    '| Provide service licences | I | RA |\n| Check the number of licences every month | RA | I |\n',
  ],
  [
    '| Define and configure a domain name before service subscription | RA |  |',
    '| Define and configure a domain name before subscribing to the service | RA |  |',
  ],
];

export function editGuide(markdown: string): string {
  return EDITS.reduce((text, [from, to]) => {
    if (!text.includes(from)) throw new Error(`the guide no longer contains ${JSON.stringify(from)}`);
    return text.replace(from, to);
  }, markdown);
}
