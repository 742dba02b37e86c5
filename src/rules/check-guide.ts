import type { SafeParseResult } from '../model/parse.js';
import { safeParseResponsibilityModelBytes } from '../read/read-file.js';
import type { Options } from '../model/schema.js';

/**
 * The findings of `raci check` for one guide: the parser's structural
 * diagnostics plus the RACI rules, with the configuration applied.
 * (Placeholder until the rules land: parser diagnostics only.)
 */
export function checkGuideBytes(bytes: Uint8Array, options: Options = {}): SafeParseResult {
  return safeParseResponsibilityModelBytes(bytes, options);
}
