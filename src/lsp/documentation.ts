import { codeDocsPath } from '../format/docs-url.js';
import type { DiagnosticCode } from '../schema/codes.js';

/**
 * The documentation shipped with the package (docs/*.md sit beside dist/ in
 * it): for an editor, a link that works offline and always matches the
 * installed version.
 */
const PACKAGE_DOCS = new URL('../../docs/', import.meta.url);

export function documentationUrl(code: DiagnosticCode, docs: URL = PACKAGE_DOCS): string {
  return new URL(codeDocsPath(code), docs).href;
}
