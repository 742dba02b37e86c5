import type { Diagnostic, ResponsibilityModel } from '../../model/schema.js';
import { localeFromPath } from '../../read/locale.js';
import { CLIENT_SCRIPT } from './assets/client-script.js';
import { STYLESHEET } from './assets/stylesheet.js';
import { renderGuidePage } from './guide-page.js';
import { safeHref } from './html.js';
import { renderOverviewPage, type OverviewEntry, type SkippedFile } from './overview-page.js';

/** One guide to show: its source path (as given, `/`-separated), its model and its findings. */
export interface ReportGuide {
  file: string;
  model: ResponsibilityModel;
  findings: readonly Diagnostic[];
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
}

export interface SiteFile {
  /** `/`-separated, relative to the output directory. */
  path: string;
  content: string;
}

export const DEFAULT_SITE_TITLE = 'Responsibility models';

function sanitizeSegment(segment: string): string {
  return segment
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '');
}

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
    const base = rest.map(sanitizeSegment).filter((segment) => segment !== '').join('--') || 'guide';
    let name = base;
    for (let attempt = 2; used.has(name); attempt += 1) name = `${base}-${attempt}`;
    used.add(name);
    names.set(file, name);
  }
  return names;
}

/** How many leading folders all the files have in common. */
export function sharedFolderDepth(files: readonly string[]): number {
  const directories = files.map((file) => file.split('/').slice(0, -1));
  let shared = directories[0]?.length ?? 0;
  for (const directory of directories) {
    let index = 0;
    while (index < shared && index < directory.length && directory[index] === directories[0]![index]) index += 1;
    shared = index;
  }
  return shared;
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
  return (url: string, from: ReportGuide): string | undefined => {
    const safe = safeHref(url);
    if (safe === undefined || HAS_SCHEME.test(safe) || safe.startsWith('//') || safe.startsWith('#')) return safe;
    const path = safe.split(/[?#]/)[0]!.replace(/^\/+|\/+$/g, '');
    if (path === '') return safe;
    const candidates = guides.filter((guide) => {
      const directory = directoryOf(guide.file);
      return directory === path || directory.endsWith(`/${path}`);
    });
    const locale = from.model.meta.locale;
    const target =
      candidates.find((guide) => guide.model.meta.locale === locale) ??
      candidates.find((guide) => guide.model.meta.locale === 'en-gb') ??
      candidates[0];
    return target ? `${names.get(target.file)}.html` : safe;
  };
}

/**
 * The whole static site as files: `index.html`, one page per guide under
 * `guides/`, and the two assets. Pure: the same guides give the same bytes.
 */
export function buildReportSite(input: readonly ReportGuide[], options: ReportSiteOptions = {}): SiteFile[] {
  const guides = [...input].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
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
    { path: 'assets/report.js', content: CLIENT_SCRIPT },
  ];
  for (const guide of guides) {
    const siblings = groups.get(guideKey(guide.file))!.filter((other) => other !== guide);
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
      linkHref: (url) => resolveLink(url, guide),
    });
    files.push({ path: `guides/${names.get(guide.file)}.html`, content });
  }
  const overviewGroups = [...groups.values()].map((members) => ({
    entries: members.map(
      (guide): OverviewEntry => ({
        ...guide,
        href: `guides/${names.get(guide.file)}.html`,
        shortPath: guide.file.split('/').slice(shared).join('/'),
      }),
    ),
  }));
  files.push({
    path: 'index.html',
    content: renderOverviewPage({ groups: overviewGroups, skipped: options.skipped ?? [], siteTitle, generator }),
  });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
