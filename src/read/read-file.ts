import { readFile } from 'node:fs/promises';
import { compareDiagnostics, countBySeverity } from '../diagnostics/diagnostic.js';
import { emptyModel } from '../model/analyse-guide.js';
import { safeParseResponsibilityModel, ResponsibilityModelError, type SafeParseResult } from '../model/parse.js';
import type { Options, ResponsibilityModel } from '../model/schema.js';
import { decodeSource } from './decode.js';
import { localeFromPath } from './locale.js';

/**
 * Reads and parses a guide file: UTF-8 (BOM stripped) or UTF-16 with a BOM,
 * any line endings, the locale taken from the file name, and `file` set on
 * every diagnostic. I/O failures reject with the Node.js error.
 */
export async function safeParseResponsibilityModelFile(path: string, options: Options = {}): Promise<SafeParseResult> {
  const bytes = await readFile(path);
  return safeParseResponsibilityModelBytes(bytes, { ...options, file: options.file ?? path });
}

/** The same as a file, from bytes already read. */
export function safeParseResponsibilityModelBytes(bytes: Uint8Array, options: Options = {}): SafeParseResult {
  const locale = options.locale ?? (options.file ? localeFromPath(options.file) : undefined);
  const decoded = decodeSource(bytes);
  const decodingFindings = decoded.diagnostics.map((diagnostic) => (options.file ? { ...diagnostic, file: options.file } : diagnostic));
  if (!decoded.isText) return { success: false, model: emptyModel(locale), diagnostics: decodingFindings };
  const result = safeParseResponsibilityModel(decoded.text, { ...options, ...(locale ? { locale } : {}) });
  const diagnostics = [...decodingFindings, ...result.diagnostics].sort(compareDiagnostics);
  return { success: result.success && countBySeverity(diagnostics).error === 0, model: result.model, diagnostics };
}

export async function parseResponsibilityModelFile(path: string, options: Options = {}): Promise<ResponsibilityModel> {
  const result = await safeParseResponsibilityModelFile(path, options);
  if (!result.success) throw new ResponsibilityModelError(result.diagnostics, result.model);
  return result.model;
}
