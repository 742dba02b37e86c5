import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './paths.js';

/** Where the bundled Chromium is unpacked once, and found again by later runs. */
const BUNDLED_CACHE = join(ROOT, 'node_modules', '.cache', 'raci-chromium');
const INSTALLED = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

/**
 * The Chromium the browser tests drive: `CHROMIUM_PATH` when set, else a
 * Chrome or Chromium installed on the machine, else the headless Chromium that
 * the `@sparticuz/chromium` development dependency ships inside its package.
 * So `npm install && npm test` needs no browser installed by hand, and nothing
 * is downloaded.
 */
export async function chromiumExecutable(): Promise<string> {
  const chosen = process.env.CHROMIUM_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM_PATH is ${chosen}, which does not exist`);
    return chosen;
  }
  const installed = INSTALLED.find((path) => existsSync(path));
  return installed ?? (await unpackBundledChromium());
}

/**
 * The package unpacks its compressed binary, fonts and graphics libraries
 * into the temporary folder; pointing that at a cache inside node_modules
 * keeps the test run's temporary folder clean and unpacks only once.
 */
async function unpackBundledChromium(): Promise<string> {
  mkdirSync(BUNDLED_CACHE, { recursive: true });
  const temporary = process.env.TMPDIR;
  process.env.TMPDIR = BUNDLED_CACHE;
  try {
    const { default: bundled } = await import('@sparticuz/chromium');
    return await bundled.executablePath();
  } finally {
    if (temporary === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = temporary;
  }
}

/**
 * The environment to start Chromium with: its temporary files (such as
 * `.org.chromium.Chromium.*`) go into `folder`, a scratch folder of the test,
 * which is removed with it.
 */
export function chromiumEnvironment(folder: string): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) if (value !== undefined) environment[name] = value;
  return { ...environment, TMPDIR: folder };
}

/** Flags for a headless run as root on a machine with no display and no network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
