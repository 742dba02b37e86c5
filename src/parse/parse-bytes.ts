import { compareDiagnostics, countBySeverity, createDiagnostic, START_OF_FILE } from '../diagnostics/diagnostic.js';
import { type DecodedSource, decodeSource } from '../read/decode.js';
import { localeFromPath } from '../read/locale.js';
import { type ParseOptions, ParseOptionsSchema, type ResponsibilityModel } from '../schema/model.js';
import type { ActivityTable } from '../tables/activity-rows.js';
import { assertOptions } from '../util/options.js';
import { emptyModel } from './analyse-guide.js';
import { DEFAULT_LIMITS } from './limits.js';
import { modelOrThrow, type SafeParseResult, safeAnalyseGuide } from './parse.js';

/**
 * The same as from a string, from the bytes of a guide: UTF-8 (BOM stripped)
 * or UTF-16 with a BOM, any line endings; invalid UTF-8 is a diagnostic with
 * its byte offset. Without `options.locale`, the locale is taken from
 * `options.file`. Never throws on any bytes.
 */
export function safeParseResponsibilityModelBytes(bytes: Uint8Array, options: ParseOptions = {}): SafeParseResult {
  return parseGuideBytes(bytes, options).result;
}

/** The validated model; throws `ResponsibilityModelError` only when the guide has errors. */
export function parseResponsibilityModelBytes(bytes: Uint8Array, options: ParseOptions = {}): ResponsibilityModel {
  return modelOrThrow(safeParseResponsibilityModelBytes(bytes, options));
}

/**
 * The parse of a guide's bytes together with the text it decoded and the
 * parser's reading of its activity tables, for callers that point into the
 * source (`raci check`); `decoded` is undefined when the bytes were too large
 * to decode.
 */
export function parseGuideBytes(
  bytes: Uint8Array,
  options: ParseOptions = {},
): { result: SafeParseResult; decoded?: DecodedSource; tables: ActivityTable[] } {
  assertOptions(ParseOptionsSchema, options);
  const locale = options.locale ?? (options.file ? localeFromPath(options.file) : undefined);
  const maxBytes = options.maxBytes ?? DEFAULT_LIMITS.maxBytes;
  if (bytes.length > maxBytes) {
    const diagnostic = createDiagnostic(
      'input-too-large',
      `The file is larger than the limit of ${maxBytes} bytes (option maxBytes); it was not parsed.`,
      START_OF_FILE,
    );
    return {
      result: {
        success: false,
        model: emptyModel(locale),
        diagnostics: [options.file ? { ...diagnostic, file: options.file } : diagnostic],
      },
      tables: [],
    };
  }
  const decoded = decodeSource(bytes);
  const decodingFindings = decoded.diagnostics.map((diagnostic) => (options.file ? { ...diagnostic, file: options.file } : diagnostic));
  if (!decoded.isText) return { result: { success: false, model: emptyModel(locale), diagnostics: decodingFindings }, decoded, tables: [] };
  const parsed = safeAnalyseGuide(decoded.text, { ...options, ...(locale ? { locale } : {}) });
  const diagnostics = [...decodingFindings, ...parsed.diagnostics].sort(compareDiagnostics);
  return {
    result: { success: parsed.success && countBySeverity(diagnostics).error === 0, model: parsed.model, diagnostics },
    decoded,
    tables: parsed.tables,
  };
}
