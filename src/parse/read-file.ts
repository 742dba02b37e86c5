import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { compareDiagnostics, countBySeverity, createDiagnostic, START_OF_FILE } from '../diagnostics/diagnostic.js';
import { type DecodedSource, decodeSource } from '../read/decode.js';
import { localeFromPath } from '../read/locale.js';
import type { Options, ResponsibilityModel } from '../schema/model.js';
import type { ActivityTable } from '../tables/activity-rows.js';
import { emptyModel } from './analyse-guide.js';
import { DEFAULT_LIMITS } from './limits.js';
import { ResponsibilityModelError, type SafeParseResult, safeAnalyseGuide } from './parse.js';

/**
 * Reads and parses a guide file: UTF-8 (BOM stripped) or UTF-16 with a BOM,
 * any line endings, the locale taken from the file name, and `file` set on
 * every diagnostic. I/O failures reject with the Node.js error (see
 * `readGuideBytes`).
 */
export async function safeParseResponsibilityModelFile(path: string, options: Options = {}): Promise<SafeParseResult> {
  const bytes = await readGuideBytes(path, options.maxBytes);
  return safeParseResponsibilityModelBytes(bytes, { ...options, file: options.file ?? path });
}

/**
 * The bytes of a guide file, never more than `maxBytes + 1` of them: a file
 * past the limit is reported by `safeParseResponsibilityModelBytes` without
 * being read whole. Only regular files are read; a directory rejects with
 * code `EISDIR`, a FIFO, socket or device (which could block or never end)
 * with code `ENOTREG`. Other failures reject with the Node.js error.
 */
export async function readGuideBytes(path: string, maxBytes: number = DEFAULT_LIMITS.maxBytes): Promise<Uint8Array<ArrayBuffer>> {
  // Non-blocking, so that opening a FIFO returns at once and is then refused.
  const handle = await open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const info = await handle.stat();
    if (info.isDirectory()) throw fileError('EISDIR', `${path} is a directory`);
    if (!info.isFile()) throw fileError('ENOTREG', `${path} is not a regular file`);
    const limit = maxBytes + 1;
    let buffer = Buffer.alloc(Math.min(limit, info.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length >= limit) break;
        const grown = Buffer.alloc(Math.min(limit, buffer.length * 2));
        buffer.copy(grown);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } finally {
    await handle.close();
  }
}

function fileError(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(message), { code });
}

/** The same as a file, from bytes already read. */
export function safeParseResponsibilityModelBytes(bytes: Uint8Array, options: Options = {}): SafeParseResult {
  return parseGuideBytes(bytes, options).result;
}

/**
 * The parse of a guide's bytes together with the text it decoded and the
 * parser's reading of its activity tables, for callers that point into the
 * source (`raci check`); `decoded` is undefined when the bytes were too large
 * to decode.
 */
export function parseGuideBytes(
  bytes: Uint8Array,
  options: Options = {},
): { result: SafeParseResult; decoded?: DecodedSource; tables: ActivityTable[] } {
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

export async function parseResponsibilityModelFile(path: string, options: Options = {}): Promise<ResponsibilityModel> {
  const result = await safeParseResponsibilityModelFile(path, options);
  if (!result.success) throw new ResponsibilityModelError(result.diagnostics, result.model);
  return result.model;
}
