import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, renameSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../helpers/paths.js';

const run = promisify(execFile);

/** The package as npm packs it: the tarball, what is in it, and its size unpacked. */
export interface PackedPackage {
  tarball: string;
  files: string[];
  unpackedSize: number;
}

/**
 * npm with no network and no notices: an offline run fails rather than
 * reaching the registry, and the scripts (`prepack` builds) are not run, so the
 * tests pack the `dist/` that `npm run build` made before them.
 */
function npmEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    npm_config_offline: 'true',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    npm_config_ignore_scripts: 'true',
  };
}

/** `npm pack` of the repository into `folder` (`dryRun`: only the listing, no tarball). */
export async function packPackage(folder: string, options: { dryRun?: boolean } = {}): Promise<PackedPackage> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const args = ['pack', '--json', '--ignore-scripts', '--pack-destination', folder, ...(options.dryRun ? ['--dry-run'] : [])];
  const { stdout } = await run(npm, args, { cwd: ROOT, env: npmEnvironment(), shell: process.platform === 'win32' });
  const [report] = JSON.parse(stdout) as { filename: string; unpackedSize: number; files: { path: string }[] }[];
  if (!report) throw new Error(`npm pack printed no report: ${stdout}`);
  return { tarball: join(folder, report.filename), files: report.files.map((file) => file.path).sort(), unpackedSize: report.unpackedSize };
}

/** The `dependencies` the packed package declares, read from the tarball's own package.json. */
export function declaredDependencies(packageFolder: string): string[] {
  const manifest = JSON.parse(readFileSync(join(packageFolder, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {}).sort();
}

/**
 * The tarball unpacked into `project` as `node_modules/responsibility-model`,
 * as `npm install` would leave it; returns that folder.
 */
export async function unpackInto(project: string, tarball: string): Promise<string> {
  mkdirSync(join(project, 'node_modules'), { recursive: true });
  await run('tar', ['-xzf', tarball, '-C', project]);
  const installed = join(project, 'node_modules', 'responsibility-model');
  renameSync(join(project, 'package'), installed);
  return installed;
}

/**
 * Each named package linked into `project`'s node_modules from the
 * repository's: nothing is downloaded, and a package not named is not there.
 */
export function linkPackages(project: string, names: readonly string[]): void {
  for (const name of names) {
    const target = join(project, 'node_modules', ...name.split('/'));
    mkdirSync(dirname(target), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', ...name.split('/')), target, 'junction');
  }
}
