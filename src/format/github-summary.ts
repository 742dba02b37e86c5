import type { Severity } from '../schema/model.js';
import { plural } from '../util/strings.js';
import { rankFindings } from './github.js';
import { escapeMarkdown, inlineCode } from './markdown-escape.js';
import { type ReportInput, totals } from './report-input.js';

/** Where the checked commit can be browsed: `${server}/${repository}/blob/${sha}` is the root of its files. */
export interface BlobLocation {
  server: string;
  repository: string;
  sha: string;
}

const SEVERITY_LABEL: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'info' };

/**
 * The commit's URL for a line, only for a path inside the checkout (relative,
 * not climbing out with `..`): an absolute path names no file of the repository.
 */
export function lineUrl(blob: BlobLocation, file: string, line: number): string | undefined {
  const path = file.split('\\').join('/').replace(/^\.\//, '');
  if (path.startsWith('/') || /^[A-Za-z]:/.test(path) || path === '..' || path.startsWith('../')) return undefined;
  const encoded = path.split('/').map(encodeURIComponent).join('/');
  let server = blob.server;
  while (server.endsWith('/')) server = server.slice(0, -1);
  return `${server}/${blob.repository}/blob/${blob.sha}/${encoded}#L${line}`;
}

/**
 * The job summary of a `--format github` run: the totals and a table of every
 * finding (GitHub annotates only a few), most important first, each line a
 * link into the commit when its location is known.
 */
export function renderGithubSummary(input: ReportInput, blob?: BlobLocation): string {
  const count = totals(input);
  const out = [
    '## raci check',
    '',
    `${plural(count.error, 'error')}, ${plural(count.warning, 'warning')}, ${plural(count.info, 'info')} ` +
      `in ${plural(input.files.length, 'file')}.`,
  ];
  const ranked = rankFindings(input);
  if (ranked.length > 0) {
    out.push('', '| Severity | File | Line | Rule | Message |', '| --- | --- | --- | --- | --- |');
    for (const { file, finding } of ranked) {
      const url = blob === undefined ? undefined : lineUrl(blob, file, finding.line);
      const line = url === undefined ? String(finding.line) : `[${finding.line}](${url})`;
      out.push(
        `| ${SEVERITY_LABEL[finding.severity]} | ${escapeMarkdown(file)} | ${line} | ${inlineCode(finding.code)} | ${escapeMarkdown(finding.message)} |`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
