import { stat } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { assembleDatasets, type DatasetBuild } from '../../datasets/assemble.js';
import { assignIds } from '../../datasets/assign-ids.js';
import { compareDatasets } from '../../datasets/compare.js';
import { DatasetError, type License } from '../../datasets/types.js';
import { writeDatasets } from '../../datasets/write.js';
import { formatDiagnostic } from '../../diagnostics/diagnostic.js';
import type { ResponsibilityModel } from '../../schema/model.js';
import { inertText } from '../../util/control-characters.js';
import { plural } from '../../util/strings.js';
import { type DiscoveryFlags, discoverGuides, discoveryOptions } from '../discover.js';
import { describeFsError, UsageError } from '../inputs.js';
import type { CommandIo } from '../io.js';
import { isInside } from '../is-inside.js';
import type { Progress } from '../progress.js';
import { mapFiles } from '../worker-pool.js';
import type { BuildFileData, BuildFileResult } from './build-file.js';
import { inputInsideOutput, sourcePathOf } from './build-paths.js';

export interface BuildCommandOptions extends DiscoveryFlags {
  out: string;
  check?: boolean;
  allowErrors?: boolean;
  /** commander's `--no-escape-formulas` sets this to false. */
  escapeFormulas?: boolean;
  root?: string;
  /** `https://host/{path}#L{line}`: the workbook links rows to their source lines, and the data package names its sources so. */
  sourceUrl?: string;
  /** The guides' license, an SPDX identifier: recorded in datapackage.json. */
  license?: string;
  /** Worker processes (default: one per core; 1 = none). A handful of guides is built in this process whatever it says. */
  jobs?: number | undefined;
  /** `true`: worker processes even for `jobs: 1` or a handful of guides (tests and benchmarks; see mapFiles). */
  workers?: boolean;
}

/** A README beside the guides documents the folder; it is not a guide. Named explicitly, it is read like any file. */
const FOLDER_DOCUMENTATION = /^readme\.md$/i;

/** Creative Commons licences by SPDX identifier, so the data package can link to their text. */
const CREATIVE_COMMONS = /^CC-(BY(?:-NC)?(?:-ND|-SA)?)-(\d\.\d)$/i;

/** A license from its SPDX identifier, with the text's URL for the Creative Commons ones. */
function licenseOf(id: string): License {
  const match = CREATIVE_COMMONS.exec(id);
  if (!match) return { name: id };
  return { name: id, path: `https://creativecommons.org/licenses/${match[1]!.toLowerCase()}/${match[2]}/` };
}

/** A DatasetError is about what was asked for (paths, the output folder): a usage error, exit code 2. */
const asUsageError = (caught: unknown): unknown => (caught instanceof DatasetError ? new UsageError(caught.message) : caught);

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

interface PlannedGuide {
  /** As found on the command line or in a folder: what is read, and what messages show. */
  file: string;
  /** Relative to the root: what names the guide. */
  path: string;
}

/**
 * The guides to build, in build order, each with its id: every check that
 * needs no guide's content (the output folder, the root, ids that collide),
 * done before any guide is read.
 */
async function planGuides(
  paths: string[],
  options: BuildCommandOptions,
): Promise<{ root: string; guides: { id: string; item: PlannedGuide }[]; notices: string[] }> {
  const { files, explicit, notices } = await discoverGuides(paths, discoveryOptions({ ...options, since: undefined }));
  const guides = files.filter((file) => explicit.has(file) || !FOLDER_DOCUMENTATION.test(basename(file)));
  if (guides.length === 0) throw new UsageError(`no guide found in ${paths.join(', ')} (folders are searched for *.md)`);
  const root = options.root !== undefined ? resolve(options.root) : await commonRoot(paths);
  const shownRoot = options.root ?? (relative('.', root) || '.');
  const planned: PlannedGuide[] = [];
  const inside = await inputInsideOutput(guides, options.out);
  if (inside !== undefined)
    throw new UsageError(`${inside}: the guide is inside the output folder ${options.out}, which the build replaces`);
  for (const file of guides) {
    const path = sourcePathOf(root, file);
    if (path === undefined) throw new UsageError(`${file}: outside the build root ${shownRoot}; guide ids are paths relative to it`);
    planned.push({ file, path });
  }
  try {
    return { root, guides: assignIds(planned), notices };
  } catch (caught) {
    throw asUsageError(caught);
  }
}

/**
 * Reads and prepares every guide, in worker processes when there are many,
 * then assembles the datasets here; also the file as shown for each source path.
 */
async function buildGuides(
  paths: string[],
  options: BuildCommandOptions,
  progress: Progress | undefined,
  io: CommandIo,
): Promise<{ build: DatasetBuild; shownPaths: Map<string, string> }> {
  const { root, guides, notices } = await planGuides(paths, options);
  for (const notice of notices) io.stderr(`raci: ${notice}`);
  let results: BuildFileResult[];
  try {
    results = await mapFiles<BuildFileData, BuildFileResult>(
      { module: new URL('./build-file.js', import.meta.url), name: 'buildFile' },
      guides.map((guide) => guide.item.file),
      {
        data: { root },
        jobs: options.jobs,
        ...(options.workers !== undefined ? { workers: options.workers } : {}),
        ...(progress
          ? {
              onResult: (_result: BuildFileResult, index: number) =>
                progress.update({ done: index + 1, total: guides.length, path: guides[index]!.item.path }),
            }
          : {}),
      },
    );
  } finally {
    progress?.done();
  }
  const prepared = results.map((result, index) => {
    if ('unreadable' in result) throw new UsageError(`${result.file}: ${result.unreadable}`);
    return { id: guides[index]!.id, ...result, model: JSON.parse(result.modelJson) as ResponsibilityModel };
  });
  const shownPaths = new Map(guides.map(({ item }) => [item.path, item.file]));
  try {
    const build = await assembleDatasets(prepared, {
      escapeFormulas: options.escapeFormulas ?? true,
      ...(options.sourceUrl !== undefined ? { sourceUrl: options.sourceUrl } : {}),
      ...(options.license !== undefined ? { licenses: [licenseOf(options.license)] } : {}),
    });
    return { build, shownPaths };
  } catch (caught) {
    throw asUsageError(caught);
  }
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
  if (options.sourceUrl !== undefined && !/^https?:\/\//i.test(options.sourceUrl))
    throw new UsageError('--source-url must be an http(s) URL template such as https://example.org/{path}#L{line}');
  if (options.since !== undefined) {
    if (!options.check) throw new UsageError('--since only applies to build --check (a build writes every guide)');
    // The datasets depend on every guide: when none changed, there is nothing to compare again.
    const changed = await discoverGuides(paths, discoveryOptions(options));
    for (const notice of changed.notices) io.stderr(`raci: ${notice}`);
    if (changed.files.length === 0) {
      io.stdout(`no guide changed since ${options.since}; ${options.out} not compared.`);
      return 0;
    }
  }
  const { build, shownPaths } = await buildGuides(paths, options, progress, io);
  const shownOut = inertText(options.out.replace(/(?<![/\\])[/\\]+$/, '') || options.out);

  for (const diagnostic of build.diagnostics)
    if (diagnostic.severity === 'error') io.stderr(formatDiagnostic(diagnostic, shownPaths.get(diagnostic.file ?? '') ?? diagnostic.file));
  const guidesWithErrors = build.guides.filter((guide) => guide.findings.error > 0).length;
  let differs = false;

  if (options.check) {
    let comparison;
    try {
      comparison = await compareDatasets(options.out, build.files);
    } catch (caught) {
      throw new UsageError(`${options.out}: ${describeFsError(caught)}`);
    }
    for (const stale of comparison.stale)
      io.stdout(
        `${shownOut}/${inertText(stale.path)}: stale (${stale.line !== undefined ? `first difference on line ${stale.line}` : 'the bytes differ'})`,
      );
    for (const path of comparison.missing) io.stdout(`${shownOut}/${inertText(path)}: missing`);
    for (const path of comparison.extra) io.stdout(`${shownOut}/${inertText(path)}: extra (the build does not produce it)`);
    io.stdout(summaryLine(build));
    const count = comparison.stale.length + comparison.missing.length + comparison.extra.length;
    differs = count > 0;
    io.stdout(
      differs
        ? `${shownOut}/ is out of date: ${comparison.stale.length} stale, ${comparison.missing.length} missing, ` +
            `${comparison.extra.length} extra (of ${plural(build.files.length, 'file')} built). Run the same command without --check to update it.`
        : `${shownOut}/ is up to date (${plural(build.files.length, 'file')}).`,
    );
  } else {
    let result;
    try {
      result = await writeDatasets(options.out, build.files);
    } catch (caught) {
      throw asUsageError(caught);
    }
    io.stdout(summaryLine(build));
    io.stdout(
      `${shownOut}/: ${plural(build.files.length, 'file')}, ${result.written.length} written, ` +
        `${result.removed.length} removed, ${result.unchanged.length} unchanged.`,
    );
  }

  if (guidesWithErrors > 0) {
    const verdict = options.allowErrors ? 'allowed by --allow-errors' : 'pass --allow-errors to exit 0 anyway';
    io.stderr(`${plural(guidesWithErrors, 'guide')} with error findings (above; all findings are in diagnostics.jsonl): ${verdict}.`);
  }
  return differs || (guidesWithErrors > 0 && !options.allowErrors) ? 1 : 0;
}
