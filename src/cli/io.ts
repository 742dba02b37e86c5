import { inertText } from '../util/control-characters.js';

/** Where a command writes; the CLI passes the process streams, tests pass arrays. */
export interface CommandIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal (colours, progress). */
  isTTY: boolean;
}

export const processIo: CommandIo = {
  stdout: (text) => process.stdout.write(`${text}\n`),
  // Every message on stderr is one line, whatever file name or guide text it quotes.
  stderr: (text) => process.stderr.write(`${inertText(text)}\n`),
  isTTY: Boolean(process.stdout.isTTY),
};
