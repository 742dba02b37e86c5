/**
 * The OVHcloud documentation names each translation `guide.<locale>.md`
 * (sometimes with a prefix, `Instances.guide.fr-fr.md`). The locale is read from
 * that name only; it is never guessed from the text.
 */
const LOCALE_IN_FILE_NAME = /(?:^|[./\\])([a-z]{2}-[a-z]{2,4})\.md$/i;

export function localeFromPath(path: string): string | undefined {
  const match = LOCALE_IN_FILE_NAME.exec(path);
  return match ? match[1]!.toLowerCase() : undefined;
}
