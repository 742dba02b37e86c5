/**
 * Whether to write ANSI colours: `--color` / `--no-color` first, then
 * FORCE_COLOR (which wins over NO_COLOR, as in Node.js; `0` or `false` turn
 * colours off), then NO_COLOR, then whether stdout is a terminal.
 */
export function shouldUseColor(flag: boolean | undefined, env: Readonly<Record<string, string | undefined>>, isTTY: boolean): boolean {
  if (flag !== undefined) return flag;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force.toLowerCase() !== 'false';
  const none = env['NO_COLOR'];
  if (none !== undefined && none !== '') return false;
  return isTTY;
}
