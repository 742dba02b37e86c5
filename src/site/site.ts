import { localeFromPath } from '../read/locale.js';
import type { ModelDiff } from '../schema/diff.js';
import type { Diagnostic, ResponsibilityModel } from '../schema/model.js';
import { sharedFolderDepth } from '../util/paths.js';
import { slugify } from '../util/slug.js';
import { compareStrings, plural } from '../util/strings.js';
import { ACROSS_PAGE, renderAcrossPage } from './across-page.js';
import { REPORT_SCRIPT } from './assets/report-script.js';
import { STYLESHEET } from './assets/stylesheet.js';
import { changeCount, renderDiffPage } from './diff-page.js';
import { type ChangeNote, renderGuidePage } from './guide-page.js';
import { safeHref } from './html.js';
import { type OverviewEntry, renderOverviewPage, type SkippedFile } from './overview-page.js';

/** What changed in a guide since the base (`--base`): `added` when the base has no such file. */
interface GuideChange {
  status: 'added' | 'modified';
  diff: ModelDiff;
}

/** One guide to show: its source path (as given, `/`-separated), its model and its findings. */
export interface ReportGuide {
  file: string;
  model: ResponsibilityModel;
  findings: readonly Diagnostic[];
  /** Set when the report compares with a base; a guide without it is unchanged. */
  change?: GuideChange;
}

/** A guide file the base has and the report does not. */
export interface RemovedGuide {
  file: string;
  title: string;
}

export interface ReportSiteOptions {
  /** The site's name, in the header and the overview's heading. */
  title?: string;
  /** Who wrote the pages, e.g. `raci 0.1.0` (kept out of the pages' bytes otherwise). */
  generator?: string;
  /**
   * Where a source file's line is: a URL relative to the site's root (the
   * builder adapts it for pages in sub-folders) or an absolute http(s) URL.
   * Undefined: the file and line are shown without a link.
   */
  sourceHref?: (file: string, line: number) => string | undefined;
  /** Files that were looked at and left out, listed on the overview. */
  skipped?: readonly SkippedFile[];
  /** What the guides are compared with (a revision or a file): adds the diff pages and a column to the overview. */
  base?: string;
  /** Guides the base has that are gone. */
  removed?: readonly RemovedGuide[];
}

export interface SiteFile {
  /** `/`-separated, relative to the output directory. */
  path: string;
  content: string;
}

export const DEFAULT_SITE_TITLE = 'Responsibility models';

/**
 * Page names from source paths: the path below the folder all guides share,
 * `/` → `--`, `.md` dropped, lower-case ASCII. Names that still clash (they
 * differ only in case or accents) get `-2`, `-3`… in file order.
 */
export function pageNames(files: readonly string[]): Map<string, string> {
  const sorted = [...files].sort();
  const shared = sharedFolderDepth(sorted);
  const names = new Map<string, string>();
  const used = new Set<string>();
  for (const file of sorted) {
    const rest = file.replace(/\.md$/i, '').split('/').slice(shared);
    const base =
      rest
        .map((segment) => slugify(segment, true))
        .filter((segment) => segment !== '')
        .join('--') || 'guide';
    let name = base;
    for (let attempt = 2; used.has(name); attempt += 1) name = `${base}-${attempt}`;
    used.add(name);
    names.set(file, name);
  }
  return names;
}

/** `dir/guide.fr-fr.md` and `dir/guide.en-gb.md` are one guide in two locales. */
export function guideKey(file: string): string {
  const locale = localeFromPath(file);
  return locale ? file.slice(0, file.length - `.${locale}.md`.length) : file;
}

function directoryOf(file: string): string {
  return file.split('/').slice(0, -1).join('/');
}

const HAS_SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

/** A URL from the site root, as seen from a page one folder down. */
function fromSubfolder(url: string): string {
  return HAS_SCHEME.test(url) || url.startsWith('/') || url.startsWith('#') ? url : `../${url}`;
}

/**
 * Guides link to each other by their path in the documentation repository
 * (`/pages/…/dedicated-servers`). When that guide is in the report, the link
 * goes to its page (same locale first, then en-gb, then the first one);
 * anything else goes through `safeHref`.
 */
function guideLinkResolver(guides: readonly ReportGuide[], names: Map<string, string>) {
  /** `page`: the name of a page in guides/; else `href`, the URL itself when it is safe. */
  return (url: string, from: ReportGuide): { page?: string; href?: string } => {
    const safe = safeHref(url);
    if (safe === undefined) return {};
    if (HAS_SCHEME.test(safe) || safe.startsWith('//') || safe.startsWith('#')) return { href: safe };
    const path = safe.split(/[?#]/)[0]!.replace(/^\/+|(?<!\/)\/+$/g, '');
    if (path === '') return { href: safe };
    const candidates = guides.filter((guide) => {
      const directory = directoryOf(guide.file);
      return directory === path || directory.endsWith(`/${path}`);
    });
    const locale = from.model.meta.locale;
    const target =
      candidates.find((guide) => guide.model.meta.locale === locale) ??
      candidates.find((guide) => guide.model.meta.locale === 'en-gb') ??
      candidates[0];
    return target ? { page: names.get(target.file)! } : { href: safe };
  };
}

/**
 * The whole static site as files: `index.html`, `activities.html` (every
 * activity across guides), one page per guide under `guides/`, and the two assets. Pure: the same guides give the same bytes.
 */
export function buildReportSite(input: readonly ReportGuide[], options: ReportSiteOptions = {}): SiteFile[] {
  const guides = [...input].sort((a, b) => compareStrings(a.file, b.file));
  const siteTitle = options.title ?? DEFAULT_SITE_TITLE;
  const generator = options.generator ?? 'raci';
  const names = pageNames(guides.map((guide) => guide.file));
  const resolveLink = guideLinkResolver(guides, names);
  const shared = sharedFolderDepth(guides.map((guide) => guide.file));
  const sourceFromPage = (file: string, line: number): string | undefined => {
    const href = options.sourceHref?.(file, line);
    const safe = href === undefined ? undefined : safeHref(href);
    return safe === undefined ? undefined : fromSubfolder(safe);
  };

  const groups = new Map<string, ReportGuide[]>();
  for (const guide of guides) {
    const key = guideKey(guide.file);
    groups.set(key, [...(groups.get(key) ?? []), guide]);
  }

  const files: SiteFile[] = [
    { path: 'assets/report.css', content: STYLESHEET },
    { path: 'assets/report.js', content: REPORT_SCRIPT },
  ];
  const changeNote = (guide: ReportGuide, fromFolder: string): ChangeNote | undefined => {
    if (options.base === undefined) return undefined;
    const name = names.get(guide.file)!;
    if (!guide.change || guide.change.diff.identical) return { text: `unchanged since ${options.base}`, count: 0 };
    const count = changeCount(guide.change.diff);
    const text = guide.change.status === 'added' ? `new since ${options.base}` : `${plural(count, 'change')} since ${options.base}`;
    return { text, count, href: `${fromFolder}diffs/${name}.html`, accountable: guide.change.diff.summary.accountable };
  };

  for (const guide of guides) {
    const siblings = groups.get(guideKey(guide.file))!.filter((other) => other !== guide);
    const note = changeNote(guide, '../');
    if (note?.href !== undefined && guide.change) {
      files.push({
        path: `diffs/${names.get(guide.file)}.html`,
        content: renderDiffPage({
          file: guide.file,
          model: guide.model,
          diff: guide.change.diff,
          siteTitle,
          generator,
          guideHref: `../guides/${names.get(guide.file)}.html`,
          sourceHref: (line) => sourceFromPage(guide.file, line),
          linkHref: (url) => {
            const link = resolveLink(url, guide);
            return link.page !== undefined ? `../guides/${link.page}.html` : link.href;
          },
        }),
      });
    }
    const content = renderGuidePage({
      file: guide.file,
      model: guide.model,
      findings: guide.findings,
      siteTitle,
      generator,
      translations: siblings.map((other) => ({
        locale: other.model.meta.locale ?? other.file,
        title: other.model.meta.title,
        href: `${names.get(other.file)}.html`,
      })),
      sourceHref: (line) => sourceFromPage(guide.file, line),
      linkHref: (url) => {
        const link = resolveLink(url, guide);
        return link.page !== undefined ? `${link.page}.html` : link.href;
      },
      ...(note ? { change: note } : {}),
    });
    files.push({ path: `guides/${names.get(guide.file)}.html`, content });
  }
  const overviewGroups = [...groups.values()].map((members) => ({
    entries: members.map(
      (guide): OverviewEntry => ({
        file: guide.file,
        model: guide.model,
        findings: guide.findings,
        href: `guides/${names.get(guide.file)}.html`,
        shortPath: guide.file.split('/').slice(shared).join('/'),
        ...(options.base !== undefined ? { change: changeNote(guide, '')! } : {}),
      }),
    ),
  }));
  files.push({
    path: ACROSS_PAGE,
    content: renderAcrossPage({
      entries: guides.map((guide) => ({ file: guide.file, model: guide.model, href: `guides/${names.get(guide.file)}.html` })),
      siteTitle,
      generator,
    }),
  });
  files.push({
    path: 'index.html',
    content: renderOverviewPage({
      groups: overviewGroups,
      skipped: options.skipped ?? [],
      siteTitle,
      generator,
      ...(options.base !== undefined ? { base: options.base, removed: options.removed ?? [] } : {}),
    }),
  });
  return files.sort((a, b) => compareStrings(a.path, b.path));
}
