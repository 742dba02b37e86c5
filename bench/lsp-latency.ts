/**
 * The language server's goal: from a change of the largest bundled guide to
 * its diagnostics, over stdio as an editor sees it, after warm-up; next to the
 * check itself in this process, which is what the server cannot go below.
 * Part of `npm run bench`; alone: `npm run build && tsx bench/lsp-latency.ts`.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundledGuides, REPOSITORY, readText } from '../scripts/synthetic-guides.js';
import { spawnServer } from '../test/helpers/lsp-client.js';
import { median } from './measure.js';

export interface LspLatency {
  guide: string;
  kilobytes: number;
  /** Median wall ms from sending a change to receiving its diagnostics. */
  changeToDiagnosticsMs: number;
  /** Median wall ms of `checkGuideText` on the same text in this process. */
  checkMs: number;
  changes: number;
}

/** Longer than the server's throttle, so every change is checked at once, as a single edit after a pause is. */
const PAUSE_MS = 200;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function measureLspLatency(options: { warmUp: number; changes: number }): Promise<LspLatency> {
  const path = bundledGuides().reduce((largest, candidate) => (statSync(candidate).size > statSync(largest).size ? candidate : largest));
  const text = readText(path);
  // Two versions that differ by one space at the end, so each change is a real edit of the same size.
  const versions = [text, `${text} `];
  const uri = pathToFileURL(path).href;
  const { client, exited } = spawnServer();
  await client.initialize();
  await client.open(uri, text);
  const timings: number[] = [];
  for (let index = 0; index < options.warmUp + options.changes; index++) {
    await sleep(PAUSE_MS);
    const started = performance.now();
    await client.change(uri, versions[(index + 1) % 2]!);
    if (index >= options.warmUp) timings.push(performance.now() - started);
  }
  await client.shutdown();
  await exited;

  const { checkGuideText } = (await import(pathToFileURL(join(REPOSITORY, 'dist', 'index.js')).href)) as typeof import('../src/index.js');
  const checks: number[] = [];
  for (let index = 0; index < options.warmUp + options.changes; index++) {
    const started = performance.now();
    checkGuideText(versions[index % 2]!, { file: path });
    if (index >= options.warmUp) checks.push(performance.now() - started);
  }
  return {
    guide: path.slice(REPOSITORY.length),
    kilobytes: Buffer.byteLength(text) / 1024,
    changeToDiagnosticsMs: median(timings),
    checkMs: median(checks),
    changes: options.changes,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await measureLspLatency({ warmUp: 10, changes: 30 });
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
