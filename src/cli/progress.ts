import { inertText } from '../util/control-characters.js';

/** A progress line on a terminal: redrawn in place, erased when done. */
export interface Progress {
  update(progress: { done: number; total: number; path: string }): void;
  done(): void;
}

/** More guides than this and the build shows where it is. */
const HANDFUL = 10;

/**
 * A progress line on stderr, only when stderr is a terminal and not in CI (CI
 * logs keep every carriage return as a new line). Undefined otherwise.
 */
export function terminalProgress(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv): Progress | undefined {
  if (!stream.isTTY || env.CI) return undefined;
  let shown = false;
  return {
    update({ done, total, path }) {
      if (total <= HANDFUL) return;
      const width = Math.max(20, (stream.columns || 80) - 1);
      const line = `[${done}/${total}] ${inertText(path)}`;
      stream.write(`\r\u001b[K${line.length > width ? `${line.slice(0, width - 1)}…` : line}`);
      shown = true;
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
      shown = false;
    },
  };
}
