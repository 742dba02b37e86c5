import { stat } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { diffModels } from '../../compare/diff-models.js';
import { formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { renderDiffMarkdown } from '../../format/diff-markdown.js';
import { renderDiffText } from '../../format/diff-text.js';
import { looksLikeGuide, NOT_A_GUIDE } from '../../model/looks-like-guide.js';
import { emptyModel } from '../../parse/analyse-guide.js';
import { safeParseResponsibilityModelBytes } from '../../parse/parse-bytes.js';
import { readGuideBytes } from '../../parse/read-bytes.js';
import { localeFromPath } from '../../read/locale.js';
import { type ModelDiff, ModelDiffSchema } from '../../schema/diff.js';
import type { Diagnostic, ResponsibilityModel } from '../../schema/model.js';
import { stringifyJson } from '../../util/control-characters.js';
import { plural } from '../../util/strings.js';
import { gitChangedSince, gitShow, gitTopLevel, gitVerifyCommit } from '../git.js';
import { describeFsError, UsageError } from '../inputs.js';
import type { CommandIo } from '../io.js';

type DiffFormat = 'text' | 'markdown' | 'json';

export interface DiffCommandOptions {
  since?: string;
  format?: DiffFormat;
  exitCode?: boolean;
  /** false with --no-color; colours are used only on a terminal anyway. */
  color?: boolean;
  /** The reworded threshold, as given on the command line. */
  similarity?: string;
  /** Where relative paths and git run from (tests); the process's folder by default. */
  cwd?: string;
}

interface LoadedGuide {
  label: string;
  model: ResponsibilityModel;
  diagnostics: Diagnostic[];
}

/**
 * `raci diff OLD NEW` and `raci diff --since REV [paths...]`.
 * Exit 0 (or 1 with --exit-code when something differs); 2 for usage, I/O and git problems.
 */
export async function runDiff(args: readonly string[], options: DiffCommandOptions, io: CommandIo): Promise<number> {
  const cwd = options.cwd ?? process.cwd();
  const format = options.format ?? 'text';
  const rewordedThreshold = parseSimilarity(options.similarity);
  const diffOptions = rewordedThreshold === undefined ? {} : { rewordedThreshold };
  const color = options.color !== false && io.isTTY && !process.env.NO_COLOR;

  if (options.since === undefined) {
    if (args.length !== 2)
      throw new UsageError(
        `raci diff takes OLD and NEW (files or REV:path), or --since REV [paths...]; got ${plural(args.length, 'argument')}`,
      );
    const [oldGuide, newGuide] = await Promise.all([loadArgument(args[0]!, cwd), loadArgument(args[1]!, cwd)]);
    for (const guide of [oldGuide, newGuide]) reportErrors(guide, io);
    for (const guide of [oldGuide, newGuide]) refuseNonGuide(guide);
    noteLocales(oldGuide, newGuide, io);
    const diff = diffModels(oldGuide.model, newGuide.model, { ...diffOptions, oldLabel: oldGuide.label, newLabel: newGuide.label });
    io.stdout(render([diff], format, color, false));
    return options.exitCode && !diff.identical ? 1 : 0;
  }

  const since = options.since;
  const top = await gitTopLevel({ cwd });
  await gitVerifyCommit(since, { cwd });
  const changed = (await gitChangedSince(since, args, { cwd })).filter((file) => /\.md$/i.test(file.path));
  const diffs: ModelDiff[] = [];
  let failed = false;
  let skipped = 0;
  for (const file of changed) {
    const shown = relative(cwd, join(top, file.path)) || file.path;
    const oldLabel = `${since}:${file.path}`;
    let oldGuide: LoadedGuide;
    let newGuide: LoadedGuide;
    try {
      oldGuide = file.status === 'added' ? absent(oldLabel, file.path) : parseBytes(await gitShow(since, file.path, { cwd }), oldLabel);
      newGuide = file.status === 'deleted' ? absent(shown, file.path) : parseBytes(await readGuideFile(join(top, file.path), shown), shown);
    } catch (caught) {
      if (!(caught instanceof UsageError)) throw caught;
      io.stderr(`raci: ${caught.message}`);
      failed = true;
      continue;
    }
    if (!looksLikeGuide(oldGuide.model) && !looksLikeGuide(newGuide.model)) {
      skipped += 1; // markdown that is not a responsibility model (a README): nothing to compare
      continue;
    }
    for (const guide of [oldGuide, newGuide]) reportErrors(guide, io);
    diffs.push(diffModels(oldGuide.model, newGuide.model, { ...diffOptions, oldLabel: oldGuide.label, newLabel: newGuide.label }));
  }
  if (skipped > 0)
    io.stderr(
      `raci: ${skipped} changed markdown ${skipped === 1 ? 'file has' : 'files have'} no RACI table and ${skipped === 1 ? 'was' : 'were'} skipped`,
    );
  io.stdout(render(diffs, format, color, true, since));
  if (failed) return 2;
  return options.exitCode && diffs.some((diff) => !diff.identical) ? 1 : 0;
}

function parseSimilarity(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (value.trim() === '' || !Number.isFinite(number) || number < 0 || number > 1) {
    throw new UsageError(`--similarity ${value}: give a number from 0 to 1 (default 0.5)`);
  }
  return number;
}

function render(diffs: readonly ModelDiff[], format: DiffFormat, color: boolean, many: boolean, since?: string): string {
  if (format === 'json') {
    const checked = diffs.map((diff) => ModelDiffSchema.parse(diff));
    return stringifyJson(many ? checked : checked[0]);
  }
  if (many && diffs.length === 0)
    return format === 'markdown'
      ? `No responsibility model changed since \`${since}\`.`
      : `No responsibility model changed since ${since}.`;
  const blocks = diffs.map((diff) => (format === 'markdown' ? renderDiffMarkdown(diff) : renderDiffText(diff, { color })));
  return blocks.join(format === 'markdown' ? '\n\n---\n\n' : '\n\n');
}

/** A file, or `REV:path` read from git when no file has that name. */
async function loadArgument(argument: string, cwd: string): Promise<LoadedGuide> {
  const path = resolve(cwd, argument);
  let isFile = false;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new UsageError(`${argument}: is a directory; give a guide file (or use --since REV ${argument})`);
    isFile = true;
  } catch (caught) {
    if (caught instanceof UsageError) throw caught;
  }
  if (isFile) return parseBytes(await readGuideFile(path, argument), argument);
  const revisionPath = /^([^:]*):(.+)$/.exec(argument);
  if (!revisionPath) throw new UsageError(`${argument}: no such file or directory`);
  return parseBytes(await gitShow(revisionPath[1]!, revisionPath[2]!, { cwd }), argument);
}

async function readGuideFile(path: string, label: string): Promise<Uint8Array> {
  try {
    return await readGuideBytes(path);
  } catch (caught) {
    throw new UsageError(`${label}: ${describeFsError(caught)}`);
  }
}

function parseBytes(bytes: Uint8Array, label: string): LoadedGuide {
  const result = safeParseResponsibilityModelBytes(bytes, { file: label });
  return { label, model: result.model, diagnostics: result.diagnostics };
}

/** The side of a guide that does not exist (added or deleted since the revision). */
function absent(label: string, path: string): LoadedGuide {
  return { label: `${label} (absent)`, model: emptyModel(localeFromPath(path)), diagnostics: [] };
}

/**
 * Only guides are compared: a file that `raci check` would skip (a README, package.json, an
 * empty file) is a usage error, named with why; one that could not be read at all (a binary
 * file), with its first error.
 */
function refuseNonGuide(guide: LoadedGuide): void {
  if (looksLikeGuide(guide.model)) return;
  const error = guide.diagnostics.find((diagnostic) => diagnostic.severity === 'error');
  if (error && guide.model.sections.length === 0)
    throw new UsageError(`${guide.label}: no responsibility model could be read (${error.message})`);
  throw new UsageError(`${guide.label}: ${NOT_A_GUIDE}`);
}

/** Errors explain a surprising diff (a table that could not be read); warnings are `raci check`'s business. */
function reportErrors(guide: LoadedGuide, io: CommandIo): void {
  for (const diagnostic of guide.diagnostics) if (diagnostic.severity === 'error') io.stderr(formatDiagnostic(diagnostic, guide.label));
}

function noteLocales(oldGuide: LoadedGuide, newGuide: LoadedGuide, io: CommandIo): void {
  const before = oldGuide.model.meta.locale;
  const after = newGuide.model.meta.locale;
  if (before && after && before !== after) {
    io.stderr(`raci: note: comparing ${before} with ${after}; to compare translations row by row, use raci drift`);
  }
}
