/** Each segment of a POSIX path percent-encoded, the slashes kept. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** The URL of a source line from a template such as `https://host/{path}#L{line}`. */
export function sourceLink(template: string, path: string, line: number): string {
  return template.replaceAll('{path}', encodePath(path)).replaceAll('{line}', String(line));
}
