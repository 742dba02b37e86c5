// responsibility-model/site: `raci report` as a function. The static HTML report of a set of guides, as files in
// memory; writing them is up to the caller.
export { buildReportSite, DEFAULT_SITE_TITLE, type ReportGuide, type ReportSiteOptions, type SiteFile } from '../site/site.js';
