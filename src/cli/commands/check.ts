import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, relative, resolve, sep } from 'node:path';
import { renderGithub } from '../../format/github.js';
import { type BlobLocation, renderGithubSummary } from '../../format/github-summary.js';
import { renderGitlab } from '../../format/gitlab.js';
import { renderJson } from '../../format/json.js';
import { renderJunit } from '../../format/junit.js';
import type { FileReport, ReportInput } from '../../format/report-input.js';
import { totals } from '../../format/report-input.js';
import { renderSarif } from '../../format/sarif.js';
import { renderStylish } from '../../format/stylish.js';
import { DEFAULT_LIMITS } from '../../parse/limits.js';
import { readGuideBytes, readGuideBytesSync } from '../../parse/read-bytes.js';
import { type Baseline, BaselineSchema, createBaseline, matchBaseline } from '../../rules/baseline.js';
import { effectiveRuleSettings, type RaciConfig } from '../../rules/config.js';
import type { Finding } from '../../schema/finding.js';
import { splitLines } from '../../util/lines.js';
import { plural } from '../../util/strings.js';
import {
  type CheckCache,
  cachedResult,
  cacheFilePath,
  cacheKey,
  hashBytes,
  loadCheckCache,
  recordResult,
  saveCheckCache,
} from '../check-cache.js';
import { shouldUseColor } from '../color.js';
import { loadConfig } from '../config-file.js';
import { type DiscoveryFlags, discoverGuides, discoveryOptions, noGuideNote } from '../discover.js';
import { parseFormatSpecs, type ReportOutput } from '../format-specs.js';
import { describeFsError, UsageError } from '../inputs.js';
import type { CommandIo } from '../io.js';
import { readCapped } from '../read-stdin.js';
import { mapFiles } from '../worker-pool.js';
import type { CheckedFile, CheckFileSettings } from './check-file.js';

const FORMATS = ['stylish', 'json', 'github', 'sarif', 'gitlab', 'junit'] as const;
type Format = (typeof FORMATS)[number];

export interface CheckCommandOptions extends DiscoveryFlags {
  /** `NAME` or `NAME:FILE`, once or several times. */
  format?: string | string[];
  /** Where the report goes instead of stdout. */
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  frail?: boolean;
  baseline?: string;
  updateBaseline?: boolean;
  fix?: boolean;
  dryRun?: boolean;
  config?: string;
  color?: boolean;
  /** Worker processes (default: one per core; 1 = none). */
  jobs?: number | undefined;
  /** Check the guide given on standard input instead of files. */
  stdin?: boolean;
  /** With --stdin: the path the guide is reported as (and whose locale it takes). */
  stdinFilename?: string;
  /** Keep each guide's result, and reuse it while its bytes, the configuration and the tool version are unchanged. */
  cache?: boolean;
  /** With --cache: the cache file, or a folder to keep it in. */
  cacheLocation?: string;
  /** Print the configuration that applies to this file instead of checking. */
  printConfig?: string;
}

export interface CheckEnvironment {
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  version: string;
  /** Standard input, for --stdin. */
  stdin?: AsyncIterable<Uint8Array>;
}

interface Settings {
  outputs: ReportOutput<Format>[];
  maxWarnings: number | undefined;
}

function readSettings(options: CheckCommandOptions): Settings {
  const specs = options.format === undefined ? [] : [options.format].flat();
  const outputs = parseFormatSpecs(specs, FORMATS, 'stylish', options.outputFile);
  if (options.dryRun && outputs.some((output) => output.file !== undefined))
    throw new UsageError('--dry-run prints a diff, not a report: it takes no report file (--output-file, --format NAME:FILE)');
  let maxWarnings: number | undefined;
  if (options.maxWarnings !== undefined) {
    if (!/^\d+$/.test(options.maxWarnings))
      throw new UsageError(`--max-warnings ${options.maxWarnings}: expected a whole number (0 or more)`);
    maxWarnings = Number(options.maxWarnings);
  }
  if (options.dryRun && !options.fix) throw new UsageError('--dry-run only applies to --fix');
  if (options.stdinFilename !== undefined && !options.stdin) throw new UsageError('--stdin-filename only applies to --stdin');
  if (options.stdin && options.fix) throw new UsageError('--fix rewrites files, not standard input; run it on the file');
  if (options.updateBaseline && options.baseline === undefined)
    throw new UsageError('--update-baseline needs --baseline FILE (where to write it)');
  if (options.cacheLocation !== undefined && !options.cache) throw new UsageError('--cache-location only applies to --cache');
  if (options.stdin && options.cache) throw new UsageError('--cache keeps the results of files; standard input is not one');
  if (options.updateBaseline && options.fix && !options.dryRun)
    throw new UsageError('use --fix and --update-baseline in two runs, so the baseline records what --fix left');
  return { outputs, maxWarnings };
}

interface Checked {
  file: string;
  findings: Finding[];
  text: string;
}

/**
 * `raci check [paths...]` (or `--stdin`): the findings of every guide, in
 * one report or several (`--format` repeated). Exit code: 0 clean, 1 findings that fail (errors; warnings with
 * --frail or past --max-warnings), 2 usage or I/O errors.
 */
export async function runCheck(
  paths: string[],
  options: CheckCommandOptions,
  io: CommandIo,
  environment: CheckEnvironment,
): Promise<number> {
  const settings = readSettings(options);
  if (options.stdin && paths.length > 0) throw new UsageError(`--stdin checks standard input; it takes no paths (got ${paths.join(' ')})`);
  if (options.printConfig !== undefined) return printConfig(options.printConfig, paths, options, io, environment);
  const { config, warnings } = await loadConfig(options.config, environment.cwd);
  for (const warning of warnings) io.stderr(`raci: warning: ${warning}`);
  if (options.stdin) return reportChecked([await checkStdin(options, config, environment)], 0, options, settings, io, environment);
  const { files, explicit, notGuides, notices } = await discoverGuides(paths, discoveryOptions(options, environment.cwd));
  for (const notice of notices) io.stderr(`raci: ${notice}`);
  let ioFailed = false;
  const checked: Checked[] = [];
  let skipped = notGuides.length;
  const diffs: string[] = [];
  let fixesApplied = 0;

  const worker = { module: new URL('./check-file.js', import.meta.url), name: 'checkFile' };
  const data: CheckFileSettings = { config, fix: Boolean(options.fix), dryRun: Boolean(options.dryRun), cwd: environment.cwd };
  // --fix changes the files it reads: it neither uses nor records results.
  const cached = options.cache && !options.fix ? await CachedRun.open(options, config, environment, io) : undefined;
  const fromCache = cached ? cached.lookUp(files) : new Map<string, CheckedFile>();
  const toCheck = files.filter((file) => !fromCache.has(file));
  const computed = await mapFiles<CheckFileSettings, CheckedFile>(worker, toCheck, { data, jobs: options.jobs });
  const byFile = new Map(toCheck.map((file, index) => [file, computed[index]!]));
  const outcomes = files.map((file) => fromCache.get(file) ?? byFile.get(file)!);
  if (cached) await cached.save(outcomes);
  for (const outcome of outcomes) {
    if (outcome.status === 'unreadable') {
      io.stderr(`raci: ${outcome.file}: ${outcome.reason}`);
      ioFailed = true;
      continue;
    }
    if (outcome.status === 'not-a-guide') {
      // A file named on the command line is always checked; one found in a folder is skipped silently.
      if (explicit.has(outcome.file)) checked.push({ file: outcome.file, findings: outcome.findings, text: outcome.text });
      else skipped++;
      continue;
    }
    fixesApplied += outcome.fixesApplied;
    if (outcome.diff !== '') diffs.push(outcome.diff);
    if (outcome.writeError !== undefined) {
      io.stderr(`raci: ${outcome.file}: cannot write the fixes: ${outcome.writeError}`);
      ioFailed = true;
    }
    checked.push({ file: outcome.file, findings: outcome.findings, text: outcome.text });
  }
  if (checked.length === 0 && skipped > 0) io.stderr(noGuideNote(skipped));
  else if (checked.length === 0 && options.since !== undefined) io.stderr(`raci: no guide changed since ${options.since}`);

  return reportChecked(checked, skipped, options, settings, io, environment, { diffs, fixesApplied, ioFailed });
}

/** --cache over one run: results looked up before the files are checked, and recorded after. */
class CachedRun {
  private readonly hashes = new Map<string, string>();

  private constructor(
    private readonly cache: CheckCache,
    private readonly shown: string,
    private readonly cwd: string,
  ) {}

  static async open(options: CheckCommandOptions, config: RaciConfig | undefined, environment: CheckEnvironment, io: CommandIo) {
    const path = await cacheFilePath(options.cacheLocation, environment.cwd);
    const shown = options.cacheLocation ?? relative(environment.cwd, path);
    const { cache, warning } = await loadCheckCache(path, cacheKey(environment.version, config), shown);
    if (warning) io.stderr(warning);
    return new CachedRun(cache, shown, environment.cwd);
  }

  /** The files whose recorded result still holds, with that result. */
  lookUp(files: readonly string[]): Map<string, CheckedFile> {
    const hits = new Map<string, CheckedFile>();
    for (const file of files) {
      let bytes: Uint8Array;
      try {
        bytes = readGuideBytesSync(resolve(this.cwd, file));
      } catch {
        continue; // checked as usual, which reports it
      }
      const hash = hashBytes(bytes);
      this.hashes.set(file, hash);
      const hit = cachedResult(this.cache, resolve(this.cwd, file), hash);
      if (hit) hits.set(file, withFile(hit, file));
    }
    return hits;
  }

  async save(outcomes: readonly CheckedFile[]): Promise<void> {
    for (const outcome of outcomes) {
      const hash = this.hashes.get(outcome.file);
      if (outcome.status !== 'unreadable' && hash !== undefined) recordResult(this.cache, resolve(this.cwd, outcome.file), hash, outcome);
    }
    await saveCheckCache(this.cache, this.shown);
  }
}

/** A recorded result as the file is named in this run (the findings carry the name too). */
function withFile(result: Exclude<CheckedFile, { status: 'unreadable' }>, file: string): CheckedFile {
  const findings = result.findings.map((finding) => (finding.file === undefined ? finding : { ...finding, file }));
  return { ...result, file, findings };
}

/**
 * `--print-config FILE`: every rule id with the severity it has when FILE is checked, as a configuration file
 * (stdout), and where that configuration comes from (stderr). The configuration is looked up from the working
 * directory, so it is the same for every file of a run.
 */
async function printConfig(
  file: string,
  paths: readonly string[],
  options: CheckCommandOptions,
  io: CommandIo,
  environment: CheckEnvironment,
): Promise<number> {
  if (paths.length > 0 || options.stdin) throw new UsageError('--print-config FILE checks nothing: give it no paths and no --stdin');
  const { config, source, warnings } = await loadConfig(options.config, environment.cwd);
  for (const warning of warnings) io.stderr(`raci: warning: ${warning}`);
  io.stdout(JSON.stringify({ rules: effectiveRuleSettings(config) }, null, 2));
  io.stderr(
    source === undefined ? `raci: ${file}: no configuration file; the default severities apply` : `raci: ${file}: configured by ${source}`,
  );
  return 0;
}

/** What --fix and the reading of the files leave for the report. */
interface RunExtras {
  diffs: string[];
  fixesApplied: number;
  ioFailed: boolean;
}

/** The guide on standard input, checked as if it were the file --stdin-filename names. */
async function checkStdin(options: CheckCommandOptions, config: RaciConfig | undefined, environment: CheckEnvironment): Promise<Checked> {
  if (environment.stdin === undefined) throw new UsageError('--stdin: no standard input to read');
  const file = options.stdinFilename ?? '<stdin>';
  const bytes = await readCapped(environment.stdin, DEFAULT_LIMITS.maxBytes);
  // Loaded here: a run over files checks them in check-file.ts (or in workers), and one answered by --cache parses nothing.
  const { checkGuideBytes } = await import('../../rules/check-guide.js');
  const result = checkGuideBytes(bytes, { file, ...(config ? { config } : {}) });
  return { file, findings: result.findings, text: result.text };
}

/** Baseline, report(s), job summary and exit code of the checked guides. */
async function reportChecked(
  checked: Checked[],
  skipped: number,
  options: CheckCommandOptions,
  settings: Settings,
  io: CommandIo,
  environment: CheckEnvironment,
  { diffs, fixesApplied, ioFailed }: RunExtras = { diffs: [], fixesApplied: 0, ioFailed: false },
): Promise<number> {
  const baselined = await applyBaseline(checked, options, io);
  const reports: FileReport[] = checked.map(({ file, text }) => ({
    file,
    findings: baselined.fresh.get(file)!.filter((finding) => !options.quiet || finding.severity === 'error'),
    lines: splitLines(text),
  }));
  const input: ReportInput = { files: reports, skipped, baselined: baselined.count };

  if (options.dryRun) {
    io.stdout(diffs.join('\n').trimEnd() || '');
    const remaining = totals(input);
    io.stderr(
      `raci: --dry-run: ${plural(fixesApplied, 'fix', 'fixes')} would be applied; ` +
        `${plural(remaining.error, 'error')}, ${plural(remaining.warning, 'warning')}, ${plural(remaining.info, 'info')} would remain.`,
    );
  } else {
    for (const output of settings.outputs) {
      if (output.file === undefined) io.stdout(render(input, output.format, options, io.isTTY, environment));
      else await writeReport(resolve(environment.cwd, output.file), output.file, render(input, output.format, options, false, environment));
    }
    if (settings.outputs.some((output) => output.format === 'github')) await appendJobSummary(input, environment.env);
  }

  const count = totals(input);
  let failed = count.error > 0 || (Boolean(options.frail) && count.warning > 0);
  if (settings.maxWarnings !== undefined && count.warning > settings.maxWarnings) {
    io.stderr(`raci: too many warnings: ${count.warning} (--max-warnings ${settings.maxWarnings}).`);
    failed = true;
  }
  if (ioFailed) return 2;
  return failed ? 1 : 0;
}

/** The report written to a file (its folders made first); a path that cannot be written is an I/O error. */
async function writeReport(path: string, shown: string, report: string): Promise<void> {
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, `${report}\n`);
  } catch (caught) {
    throw new UsageError(`${shown}: cannot write the report: ${describeFsError(caught)}`);
  }
}

/** `toTerminal`: whether the report goes to a terminal, where the stylish format may be coloured. */
function render(
  input: ReportInput,
  format: Format,
  options: CheckCommandOptions,
  toTerminal: boolean,
  environment: CheckEnvironment,
): string {
  switch (format) {
    case 'json':
      return renderJson(input);
    case 'github':
      return renderGithub(input, { summary: Boolean(environment.env.GITHUB_STEP_SUMMARY) });
    case 'sarif':
      return renderSarif(input, { version: environment.version });
    case 'gitlab':
      return renderGitlab(input);
    case 'junit':
      return renderJunit(input);
    case 'stylish':
      return renderStylish(input, { color: shouldUseColor(options.color, environment.env, toTerminal) });
  }
}

/** In GitHub Actions, every finding goes to the job summary, as annotations show only a few. */
async function appendJobSummary(input: ReportInput, env: CheckEnvironment['env']): Promise<void> {
  const summaryFile = env.GITHUB_STEP_SUMMARY;
  if (!summaryFile) return;
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repository, GITHUB_SHA: sha } = env;
  const blob: BlobLocation | undefined = server && repository && sha ? { server, repository, sha } : undefined;
  try {
    await appendFile(summaryFile, renderGithubSummary(input, blob));
  } catch (caught) {
    throw new UsageError(`${summaryFile}: cannot write the job summary (GITHUB_STEP_SUMMARY): ${describeFsError(caught)}`);
  }
}

/** Baseline paths are relative to the baseline file, with "/" separators, so it works from any directory. */
function baselinePath(baselineFile: string, file: string): string {
  return relative(dirname(resolve(baselineFile)), resolve(file))
    .split(sep)
    .join('/');
}

/** A baseline larger than this is refused unread: far past any real one (a finding takes about 300 bytes). */
const MAX_BASELINE_BYTES = 256 * 1024 * 1024;

async function readBaseline(path: string, required: boolean): Promise<Baseline | undefined> {
  let text: string;
  try {
    // Read as guides are: a FIFO or device named --baseline is refused, not waited on or read forever.
    const bytes = await readGuideBytes(path, MAX_BASELINE_BYTES);
    if (bytes.length > MAX_BASELINE_BYTES)
      throw new UsageError(`${path}: larger than ${MAX_BASELINE_BYTES / 1024 / 1024} MiB, not read as a baseline`);
    text = Buffer.from(bytes).toString('utf8');
  } catch (caught) {
    if (caught instanceof UsageError) throw caught;
    if (!required && (caught as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UsageError(
      `${path}: ${describeFsError(caught)}${(caught as NodeJS.ErrnoException).code === 'ENOENT' ? ' (create it with --update-baseline)' : ''}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (caught) {
    throw new UsageError(`${path}: not valid JSON: ${caught instanceof Error ? caught.message : String(caught)}`);
  }
  const parsed = BaselineSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UsageError(`${path}: not a raci baseline: ${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * With --baseline, the findings it records are taken out; with
 * --update-baseline, the baseline is first rewritten with today's findings of
 * the checked files (entries of other files are kept).
 */
async function applyBaseline(
  checked: readonly Checked[],
  options: CheckCommandOptions,
  io: CommandIo,
): Promise<{ fresh: Map<string, Finding[]>; count: number }> {
  const fresh = new Map(checked.map(({ file, findings }) => [file, findings]));
  if (options.baseline === undefined) return { fresh, count: 0 };
  const baselineFile = options.baseline;
  const items = checked.flatMap(({ file, findings }) =>
    findings.map((finding) => ({ file: baselinePath(baselineFile, file), shown: file, finding })),
  );
  let baseline = await readBaseline(baselineFile, !options.updateBaseline);
  const checkedPaths = new Set(checked.map(({ file }) => baselinePath(baselineFile, file)));
  if (options.updateBaseline) {
    const kept = (baseline?.findings ?? []).filter((entry) => !checkedPaths.has(entry.file));
    const recorded = createBaseline(items);
    baseline = { version: 1, findings: [...kept, ...recorded.findings].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)) };
    try {
      await writeFile(baselineFile, `${JSON.stringify(baseline, null, 2)}\n`);
    } catch (caught) {
      throw new UsageError(`${baselineFile}: cannot write the baseline: ${describeFsError(caught)}`);
    }
    io.stderr(`raci: wrote ${baselineFile}: ${plural(items.length, 'finding')} in ${new Set(items.map((item) => item.file)).size} files.`);
  }
  // Only the entries of the files checked now: a run on one guide says nothing about the others.
  const matched = matchBaseline(items, { ...baseline!, findings: baseline!.findings.filter((entry) => checkedPaths.has(entry.file)) });
  for (const { file } of checked) fresh.set(file, []);
  for (const item of matched.fresh) fresh.get(item.shown)!.push(item.finding);
  if (matched.unusedEntries > 0 && !options.updateBaseline) {
    io.stderr(
      `raci: ${plural(matched.unusedEntries, 'finding')} of the baseline no longer occur; ` +
        `run with --update-baseline to drop ${matched.unusedEntries === 1 ? 'it' : 'them'}.`,
    );
  }
  return { fresh, count: matched.baselined.length };
}
