import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { buildReportSite, type ReportGuide } from '../../exports/report/site.js';
import type { SkippedFile } from '../../exports/report/overview-page.js';
import { checkGuideBytes } from '../../rules/check-guide.js';
import { describeFsError, expandInputs, UsageError } from '../inputs.js';
import type { CommandIo } from '../io.js';

export interface ReportCommandOptions {
  out: string;
  title?: string;
  /** `https://host/{path}#L{line}`: where the source links go instead of the local files. */
  sourceUrl?: string;
}

/** Marks a folder as ours, so a second run may replace it and never touches anything else. */
export const MARKER_FILE = '.raci-report';
const MARKER_TEXT = 'This folder was written by `raci report`; the next run replaces all of it.\n';

const { version } = JSON.parse(await readFile(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Markdown without a single numbered section (a README beside the guides) is not a guide; `raci summary` agrees. */
function isNotAGuide(guide: ReportGuide): boolean {
  return guide.model.sections.length === 0;
}

/** The source link of a row: the template when given, else the file relative to the output folder. */
function sourceLinker(out: string, template: string | undefined): (file: string, line: number) => string {
  if (template !== undefined) {
    return (file, line) => template.replaceAll('{path}', encodePath(file)).replaceAll('{line}', String(line));
  }
  const root = resolve(out);
  return (file, line) => `${encodePath(toPosix(relative(root, resolve(file))))}#L${line}`;
}

async function prepareOutput(out: string, inputs: readonly string[]): Promise<void> {
  const root = resolve(out);
  const inside = inputs.find((file) => {
    const path = relative(root, resolve(file));
    return path !== '' && !path.startsWith('..') && !path.startsWith(sep) && !/^[a-zA-Z]:/.test(path);
  });
  if (inside !== undefined) throw new UsageError(`${out}: the output folder contains an input (${inside}); choose another --out`);
  let entries: string[];
  try {
    const info = await stat(root);
    if (!info.isDirectory()) throw new UsageError(`${out}: exists and is not a folder`);
    entries = await readdir(root);
  } catch (caught) {
    if (caught instanceof UsageError) throw caught;
    if ((caught as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw new UsageError(`${out}: ${describeFsError(caught)}`);
  }
  if (entries.length === 0) return;
  if (!entries.includes(MARKER_FILE)) {
    throw new UsageError(`${out}: the folder is not empty and was not written by raci report; choose an empty or new folder`);
  }
  // Ours: replace it whole, so pages of guides that are gone do not linger.
  for (const entry of entries) await rm(join(root, entry), { recursive: true, force: true });
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
  const { files, explicit } = await expandInputs(paths);
  const guides: ReportGuide[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    let bytes;
    try {
      bytes = await readFile(file);
    } catch (caught) {
      throw new UsageError(`${file}: ${describeFsError(caught)}`);
    }
    const path = toPosix(file);
    const result = checkGuideBytes(bytes, { file: path });
    const guide = { file: path, model: result.model, findings: result.diagnostics };
    if (!explicit.has(file) && isNotAGuide(guide)) {
      skipped.push({ file: path, reason: 'no numbered section, so not a guide' });
      continue;
    }
    guides.push(guide);
  }
  if (guides.length === 0) throw new UsageError(`no guide found in ${paths.join(', ')}`);

  const site = buildReportSite(guides, {
    ...(options.title !== undefined ? { title: options.title } : {}),
    generator: `raci ${version}`,
    sourceHref: sourceLinker(options.out, options.sourceUrl),
    skipped,
  });

  await prepareOutput(options.out, files);
  try {
    for (const file of [...site, { path: MARKER_FILE, content: MARKER_TEXT }]) {
      const target = join(options.out, ...file.path.split('/'));
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content, 'utf8');
    }
  } catch (caught) {
    throw new UsageError(`${options.out}: ${describeFsError(caught)}`);
  }

  const findings = guides.flatMap((guide) => guide.findings);
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  for (const file of skipped) io.stderr(`raci report: skipped ${file.file}: ${file.reason}`);
  io.stdout(
    `${join(options.out, 'index.html')}: ${guides.length} guide page${guides.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} shown)`,
  );
  return 0;
}
