import { type ParseOptions, ParseOptionsSchema, type ResponsibilityModel } from '../schema/model.js';
import { assertOptions } from '../util/options.js';
import { modelOrThrow, type SafeParseResult } from './parse.js';
import { safeParseResponsibilityModelBytes } from './parse-bytes.js';
import { readGuideBytes } from './read-bytes.js';

/**
 * Reads and parses a guide file: UTF-8 (BOM stripped) or UTF-16 with a BOM,
 * any line endings, the locale taken from the file name, and `file` set on
 * every diagnostic. I/O failures reject with the Node.js error (see
 * `readGuideBytes`).
 */
export async function safeParseResponsibilityModelFile(path: string, options: ParseOptions = {}): Promise<SafeParseResult> {
  assertOptions(ParseOptionsSchema, options);
  const bytes = await readGuideBytes(path, options.maxBytes);
  return safeParseResponsibilityModelBytes(bytes, { ...options, file: options.file ?? path });
}

/** The validated model; rejects with `ResponsibilityModelError` when the guide has errors. */
export async function parseResponsibilityModelFile(path: string, options: ParseOptions = {}): Promise<ResponsibilityModel> {
  return modelOrThrow(await safeParseResponsibilityModelFile(path, options));
}
