import { DIAGNOSTIC_CODES, type DiagnosticCode } from '../schema/codes.js';

/**
 * The documentation shipped with the package (docs/*.md sit beside dist/ in
 * it): a link that works offline and always matches the installed version.
 */
const PACKAGE_DOCS = new URL('../../docs/', import.meta.url);

/** Where a code is explained: a rule's own section of rules.md, or the table of diagnostics.md for the parser's codes. */
export function documentationUrl(code: DiagnosticCode, docs: URL = PACKAGE_DOCS): string {
  return DIAGNOSTIC_CODES[code].source === 'parser' ? new URL('diagnostics.md#codes', docs).href : new URL(`rules.md#${code}`, docs).href;
}
