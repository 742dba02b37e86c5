import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../schema/codes.js';

/**
 * Where reports send a reader for the documentation. The package ships docs/ in its tarball and has no
 * repository of record yet, so links point at the files of the package version that wrote the report, on a
 * package CDN: they always match the rules that produced the findings. This is the one place to change when
 * the documentation gets a home of its own.
 */
const DOCS_PACKAGE_URL = 'https://unpkg.com/responsibility-model';

/** The docs folder of one version of the package, with a trailing slash. */
export function docsBaseUrl(version: string): string {
  return `${DOCS_PACKAGE_URL}@${encodeURIComponent(version)}/docs/`;
}

/** Where a code is explained, relative to a docs folder: a rule's or comment check's own section of rules.md, or the table of diagnostics.md for the parser's codes. */
export function codeDocsPath(code: DiagnosticCode): string {
  return DIAGNOSTIC_CODES[code].source === 'parser' ? 'diagnostics.md#codes' : `rules.md#${code}`;
}

export function codeDocsUrl(code: DiagnosticCode, version: string): string {
  return `${docsBaseUrl(version)}${codeDocsPath(code)}`;
}
