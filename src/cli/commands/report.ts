import { readFile, realpath, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { diffModels } from '../../compare/diff-models.js';
import { type FolderOwner, writeOwnedFolder } from '../../datasets/owned-folder.js';
import { DatasetError } from '../../datasets/types.js';
import { NOT_A_GUIDE } from '../../model/looks-like-guide.js';
import { emptyModel } from '../../parse/analyse-guide.js';
import { safeParseResponsibilityModelBytes } from '../../parse/parse-bytes.js';
import { localeFromPath } from '../../read/locale.js';
import { checkGuideBytes } from '../../rules/check-guide.js';
import type { ResponsibilityModel } from '../../schema/model.js';
import type { SkippedFile } from '../../site/overview-page.js';
import { buildReportSite, type RemovedGuide, type ReportGuide, type SiteFile } from '../../site/site.js';
import { inertText } from '../../util/control-characters.js';
import { encodePath, sourceLink } from '../../util/source-link.js';
import { plural } from '../../util/strings.js';
import { loadConfig } from '../config-file.js';
import { type DiscoveryFlags, discoverGuides, discoveryOptions } from '../discover.js';
import { gitChangedSince, gitShow, gitTopLevel, gitVerifyCommit } from '../git.js';
import { UsageError } from '../inputs.js';
import type { CommandIo } from '../io.js';
import { readGuideFile } from '../read-guide.js';
import { inputInsideOutput } from './build-paths.js';

export interface ReportCommandOptions extends DiscoveryFlags {
  out: string;
  title?: string;
  /** `https://host/{path}#L{line}`: where the source links go instead of the local files. */
  sourceUrl?: string;
  /** A git revision, or a file to compare the one guide with: adds the diff pages. */
  base?: string;
  /** The `raci check` configuration file (found as `raci check` finds it otherwise). */
  config?: string;
  /** Where git runs and the configuration is looked up from; the process's folder by default. */
  cwd?: string;
}

/**
 * How `raci report` marks its output folder: `.raci-report` lists every file
 * it wrote, the only ones a later run replaces or removes (see owned-folder.ts).
 */
export const MARKER_FILE = '.raci-report';
const REPORT_OWNER: FolderOwner = { tool: 'raci report', manifest: MARKER_FILE, stagingPrefix: '.raci-report-', lock: '.raci-report.lock' };

const { version } = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/** The source link of a row: the template when given, else the file relative to the output folder. */
function sourceLinker(out: string, template: string | undefined): (file: string, line: number) => string {
  if (template !== undefined) {
    return (file, line) => sourceLink(template, file, line);
  }
  const root = resolve(out);
  return (file, line) => `${encodePath(toPosix(relative(root, resolve(file))))}#L${line}`;
}

/** The parser's reading of a base version (the diff compares models; findings are the new version's business). */
function baseModel(bytes: Uint8Array, label: string): ResponsibilityModel {
  return safeParseResponsibilityModelBytes(bytes, { file: label }).model;
}

/**
 * Sets `change` on every guide that differs from the base, and returns the
 * guides the base has and the report does not. The base is a file when one has
 * that name (then there must be exactly one guide), otherwise a git revision.
 */
async function compareWithBase(guides: ReportGuide[], base: string, paths: readonly string[], cwd: string): Promise<RemovedGuide[]> {
  const baseFile = await stat(resolve(cwd, base)).then(
    (info) => info.isFile(),
    () => false,
  );
  if (baseFile) {
    if (guides.length !== 1) throw new UsageError(`--base ${base}: a file is compared with one guide, and ${guides.length} were given`);
    const guide = guides[0]!;
    const old = baseModel(await readGuideFile(resolve(cwd, base)), base);
    guide.change = { status: 'modified', diff: diffModels(old, guide.model, { oldLabel: base, newLabel: guide.file }) };
    return [];
  }
  const top = await realpath(await gitTopLevel({ cwd }));
  await gitVerifyCommit(base, { cwd });
  const changed = new Map(
    (await gitChangedSince(base, paths, { cwd })).filter((file) => /\.md$/i.test(file.path)).map((file) => [file.path, file]),
  );
  const inReport = new Set<string>();
  for (const guide of guides) {
    const repositoryPath = toPosix(relative(top, await realpath(resolve(guide.file))));
    inReport.add(repositoryPath);
    const entry = changed.get(repositoryPath);
    if (!entry) continue;
    const label = `${base}:${repositoryPath}`;
    const old =
      entry.status === 'added'
        ? emptyModel(localeFromPath(repositoryPath))
        : baseModel(await gitShow(base, repositoryPath, { cwd }), label);
    guide.change = {
      status: entry.status === 'added' ? 'added' : 'modified',
      diff: diffModels(old, guide.model, { oldLabel: entry.status === 'added' ? `${label} (absent)` : label, newLabel: guide.file }),
    };
  }
  const removed: RemovedGuide[] = [];
  for (const entry of changed.values()) {
    if (entry.status !== 'deleted' || inReport.has(entry.path)) continue;
    const old = baseModel(await gitShow(base, entry.path, { cwd }), `${base}:${entry.path}`);
    if (old.sections.length > 0) removed.push({ file: entry.path, title: old.meta.title });
  }
  return removed;
}

async function writeSite(out: string, inputs: readonly string[], site: readonly SiteFile[]): Promise<void> {
  const inside = await inputInsideOutput(inputs, out);
  if (inside !== undefined) throw new UsageError(`${out}: the output folder contains an input (${inside}); choose another --out`);
  try {
    await writeOwnedFolder(out, site, REPORT_OWNER);
  } catch (caught) {
    throw caught instanceof DatasetError ? new UsageError(caught.message) : caught;
  }
}

/**
 * `raci report PATH... --out DIR`: a static site of the guides. Findings are
 * shown in the pages, not judged: the exit code is 0 once the site is written
 * (use `raci check` to fail a build), 2 for usage and I/O problems.
 */
export async function runReport(paths: string[], options: ReportCommandOptions, io: CommandIo): Promise<number> {
  if (options.sourceUrl !== undefined && !/^https?:\/\//i.test(options.sourceUrl)) {
    throw new UsageError(`--source-url must be an http(s) URL template such as https://example.org/{path}#L{line}`);
  }
  const cwd = options.cwd ?? process.cwd();
  const loaded = await loadConfig(options.config, cwd);
  for (const warning of loaded.warnings) io.stderr(`raci: warning: ${warning}`);
  const { config } = loaded;
  const { files, explicit, notGuides, notices } = await discoverGuides(paths, discoveryOptions(options, cwd));
  for (const notice of notices) io.stderr(`raci: ${notice}`);
  const guides: ReportGuide[] = [];
  const skipped: SkippedFile[] = notGuides.map((file) => ({ file: toPosix(file), reason: NOT_A_GUIDE }));
  for (const file of files) {
    const path = toPosix(file);
    const result = checkGuideBytes(await readGuideFile(resolve(cwd, file), { shown: file }), { file: path, ...(config ? { config } : {}) });
    // The same rule as raci check: a README found beside the guides is not one.
    if (!explicit.has(file) && !result.looksLikeGuide) {
      skipped.push({ file: path, reason: NOT_A_GUIDE });
      continue;
    }
    guides.push({ file: path, model: result.model, findings: result.findings });
  }
  if (guides.length === 0) {
    if (options.since === undefined) throw new UsageError(`no guide found in ${paths.join(', ')}`);
    io.stderr(`raci: no guide changed since ${options.since}; no report written`);
    return 0;
  }
  // In the order of the files, as the overview lists them.
  skipped.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const removed = options.base === undefined ? [] : await compareWithBase(guides, options.base, paths, cwd);

  const site = buildReportSite(guides, {
    ...(options.title !== undefined ? { title: options.title } : {}),
    generator: `raci ${version}`,
    sourceHref: sourceLinker(options.out, options.sourceUrl),
    skipped,
    ...(options.base !== undefined ? { base: options.base, removed } : {}),
  });

  await writeSite(options.out, files, site);

  const findings = guides.flatMap((guide) => guide.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  for (const file of skipped) io.stderr(`raci report: skipped ${file.file}: ${file.reason}`);
  io.stdout(
    `${inertText(join(options.out, 'index.html'))}: ${plural(guides.length, 'guide page')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')} shown)`,
  );
  return 0;
}
