/**
 * Reads the `console` code blocks of the documentation: each `$ ` line is a
 * command (a line ending in `\` continues on the next), and the lines after it,
 * up to the next command or the end of the block, are what it prints.
 */

export interface ConsoleCommand {
  /** The shell command, without the `$ ` prompt (continuation lines joined with `\n`). */
  readonly command: string;
  /** What the command prints (stdout and stderr as they interleave), without the final newline. */
  readonly output: string;
}

export interface FencedBlock {
  readonly info: string;
  readonly line: number;
  readonly lines: readonly string[];
}

const OPENING_FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/** Every fenced code block of a markdown file, with its info string (CommonMark fences, not indented code). */
export function fencedBlocks(markdown: string): FencedBlock[] {
  const lines = markdown.split('\n');
  const blocks: FencedBlock[] = [];
  for (let index = 0; index < lines.length; index++) {
    const opening = OPENING_FENCE.exec(lines[index]!);
    if (!opening) continue;
    const fence = opening[1]!;
    const closing = new RegExp(`^ {0,3}\\${fence[0]}{${fence.length},}\\s*$`);
    const start = index;
    const body: string[] = [];
    for (index++; index < lines.length && !closing.test(lines[index]!); index++) body.push(lines[index]!);
    blocks.push({ info: opening[2]!.trim(), line: start + 1, lines: body });
  }
  return blocks;
}

/** The commands of one `console` block; throws when output comes before the first command. */
export function consoleCommands(lines: readonly string[]): ConsoleCommand[] {
  const commands: { command: string[]; output: string[] }[] = [];
  let continuing = false;
  for (const line of lines) {
    const current = commands.at(-1);
    if (continuing && current) {
      current.command.push(line);
      continuing = line.endsWith('\\');
    } else if (line.startsWith('$ ')) {
      commands.push({ command: [line.slice(2)], output: [] });
      continuing = line.endsWith('\\');
    } else if (current) {
      current.output.push(line);
    } else {
      throw new Error(`output before the first command: ${line}`);
    }
  }
  return commands.map(({ command, output }) => ({ command: command.join('\n'), output: output.join('\n') }));
}
