import { stat } from 'node:fs/promises';
import { readGuideBytes } from '../../read/read-file.js';
import { isDynamicPattern } from 'tinyglobby';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { buildDatasets, type DatasetBuild } from '../../exports/datasets/build.js';
import { compareDatasets } from '../../exports/datasets/compare.js';
import { DatasetError, type DatasetInput } from '../../exports/datasets/types.js';
import { writeDatasets } from '../../exports/datasets/write.js';
import { describeFsError, expandInputs, UsageError } from '../inputs.js';
import type { CommandIo } from '../io.js';
import type { Progress } from '../progress.js';

export interface BuildCommandOptions {
  out: string;
  check?: boolean;
  allowErrors?: boolean;
  /** commander's `--no-escape-formulas` sets this to false. */
  escapeFormulas?: boolean;
  root?: string;
}

/** A README beside the guides documents the folder; it is not a guide. Named explicitly, it is read like any file. */
const FOLDER_DOCUMENTATION = /^readme\.md$/i;

const plural = (count: number, word: string, words = `${word}s`): string => `${count} ${count === 1 ? word : words}`;

function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

/**
 * The default root: the deepest folder that holds every argument (a folder
 * itself, a file's folder, a glob's fixed start). Guide ids then depend on
 * the command line only, not on the folder it is run from.
 */
export async function commonRoot(paths: readonly string[]): Promise<string> {
  const folders = await Promise.all(
    paths.map(async (path) => {
      if (isDynamicPattern(path)) {
        const fixed: string[] = [];
        for (const segment of path.split('/')) {
          if (isDynamicPattern(segment)) break;
          fixed.push(segment);
        }
        return resolve(fixed.join('/') || '.');
      }
      const info = await stat(path).catch(() => undefined);
      return info?.isDirectory() ? resolve(path) : dirname(resolve(path));
    }),
  );
  let common = folders[0] ?? resolve('.');
  for (const folder of folders.slice(1)) while (!isInside(folder, common)) common = dirname(common);
  return common;
}

/** The guides to build, read into memory, each named by its path relative to the root. */
async function readInputs(paths: string[], options: BuildCommandOptions): Promise<{ inputs: DatasetInput[]; shownPaths: Map<string, string> }> {
  const { files, explicit } = await expandInputs(paths);
  const guides = files.filter((file) => explicit.has(file) || !FOLDER_DOCUMENTATION.test(basename(file)));
  if (guides.length === 0) throw new UsageError(`no guide found in ${paths.join(', ')} (folders are searched for *.md)`);
  const root = options.root !== undefined ? resolve(options.root) : await commonRoot(paths);
  const shownRoot = options.root ?? (relative('.', root) || '.');
  const out = resolve(options.out);
  const inputs: DatasetInput[] = [];
  const shownPaths = new Map<string, string>();
  for (const file of guides) {
    const absolute = resolve(file);
    if (isInside(absolute, out)) throw new UsageError(`${file}: the guide is inside the output folder ${options.out}, which the build replaces`);
    const path = relative(root, absolute);
    if (path.startsWith('..') || isAbsolute(path)) {
      throw new UsageError(`${file}: outside the build root ${shownRoot}; guide ids are paths relative to it`);
    }
    let bytes;
    try {
      bytes = await readGuideBytes(file);
    } catch (caught) {
      throw new UsageError(`${file}: ${describeFsError(caught)}`);
    }
    inputs.push({ path: path.split(sep).join('/'), bytes });
    shownPaths.set(path.split(sep).join('/'), file);
  }
  return { inputs, shownPaths };
}

function summaryLine(build: DatasetBuild): string {
  const { totals } = build;
  const list = (ids: string[]): string => (ids.length > 0 && ids.length <= 6 ? ` (${ids.join(', ')})` : '');
  return (
    `${plural(totals.guides, 'guide')}, ${plural(totals.activities, 'activity', 'activities')}, ` +
    `${plural(totals.parties.length, 'party', 'parties')}${list(totals.parties)}, ${plural(totals.scopes.length, 'scope')}${list(totals.scopes)}; ` +
    `findings: ${plural(totals.findings.error, 'error')}, ${plural(totals.findings.warning, 'warning')}, ${plural(totals.findings.info, 'info')}`
  );
}

/**
 * `raci build PATH... --out DIR [--check]`: the datasets of the guides, built
 * in memory, then written atomically or compared with DIR.
 * Exit 1 when --check finds a difference, or when a guide has error findings
 * (unless --allow-errors); 2 for usage and I/O problems.
 */
export async function runBuild(paths: string[], options: BuildCommandOptions, io: CommandIo, progress?: Progress): Promise<number> {
  const { inputs, shownPaths } = await readInputs(paths, options);
  const shownOut = options.out.replace(/(?<![/\\])[/\\]+$/, '') || options.out;
  let build: DatasetBuild;
  try {
    build = buildDatasets(inputs, {
      escapeFormulas: options.escapeFormulas ?? true,
      ...(progress ? { onGuide: (step: { done: number; total: number; path: string }) => progress.update(step) } : {}),
    });
  } catch (caught) {
    if (caught instanceof DatasetError) throw new UsageError(caught.message);
    throw caught;
  } finally {
    progress?.done();
  }

  for (const diagnostic of build.diagnostics) if (diagnostic.severity === 'error') io.stderr(formatDiagnostic(diagnostic, shownPaths.get(diagnostic.file ?? '') ?? diagnostic.file));
  const guidesWithErrors = build.guides.filter((guide) => guide.findings.error > 0).length;
  let differs = false;

  if (options.check) {
    let comparison;
    try {
      comparison = await compareDatasets(options.out, build.files);
    } catch (caught) {
      throw new UsageError(`${options.out}: ${describeFsError(caught)}`);
    }
    for (const stale of comparison.stale) io.stdout(`${shownOut}/${stale.path}: stale (first difference on line ${stale.line})`);
    for (const path of comparison.missing) io.stdout(`${shownOut}/${path}: missing`);
    for (const path of comparison.extra) io.stdout(`${shownOut}/${path}: extra (the build does not produce it)`);
    io.stdout(summaryLine(build));
    const count = comparison.stale.length + comparison.missing.length + comparison.extra.length;
    differs = count > 0;
    io.stdout(
      differs
        ? `${shownOut}/ is out of date: ${comparison.stale.length} stale, ${comparison.missing.length} missing, ${comparison.extra.length} extra (of ${plural(build.files.length, 'file')} built). Run the same command without --check to update it.`
        : `${shownOut}/ is up to date (${plural(build.files.length, 'file')}).`,
    );
  } else {
    let result;
    try {
      result = await writeDatasets(options.out, build.files);
    } catch (caught) {
      if (caught instanceof DatasetError) throw new UsageError(caught.message);
      throw caught;
    }
    io.stdout(summaryLine(build));
    io.stdout(`${shownOut}/: ${plural(build.files.length, 'file')}, ${result.written.length} written, ${result.removed.length} removed, ${result.unchanged.length} unchanged.`);
  }

  if (guidesWithErrors > 0) {
    const verdict = options.allowErrors ? 'allowed by --allow-errors' : 'pass --allow-errors to exit 0 anyway';
    io.stderr(`${plural(guidesWithErrors, 'guide')} with error findings (above; all findings are in diagnostics.jsonl): ${verdict}.`);
  }
  return differs || (guidesWithErrors > 0 && !options.allowErrors) ? 1 : 0;
}
