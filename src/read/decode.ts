import { createDiagnostic, START_OF_FILE } from '../diagnostics/diagnostic.js';
import type { Diagnostic } from '../schema/model.js';

export interface DecodedSource {
  text: string;
  diagnostics: Diagnostic[];
  /** False when the bytes are not a text guide at all (NUL bytes): do not parse. */
  isText: boolean;
}

/**
 * Turns the bytes of a guide into text: UTF-8 (BOM stripped), or UTF-16 when it
 * starts with a UTF-16 BOM. Invalid UTF-8 is reported with the byte offset of the
 * first bad sequence, then decoded with replacement characters so that the rest
 * of the guide can still be read.
 */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeUtf16(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeUtf16(bytes.subarray(2), 'utf-16be');

  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return {
      text: '',
      isText: false,
      diagnostics: [
        createDiagnostic(
          'input-binary',
          `The file contains a NUL byte at byte offset ${nul}: it is not a text guide, so it was not parsed.`,
          START_OF_FILE,
        ),
      ],
    };
  }

  const diagnostics: Diagnostic[] = [];
  const badOffset = firstInvalidUtf8Offset(bytes);
  if (badOffset !== -1) {
    const { line, column } = positionOfByte(bytes, badOffset);
    diagnostics.push(
      createDiagnostic(
        'encoding-invalid',
        `The file is not valid UTF-8: invalid byte 0x${bytes[badOffset]!.toString(16).padStart(2, '0')} ` +
          `at byte offset ${badOffset}. Save the guide as UTF-8.`,
        { line, column, endLine: line, endColumn: column + 1 },
      ),
    );
  }
  const text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes);
  return { text, diagnostics, isText: true };
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedSource {
  const text = new TextDecoder(encoding).decode(bytes);
  return {
    text,
    isText: true,
    diagnostics: [
      createDiagnostic(
        'encoding-utf16',
        `The file is ${encoding.toUpperCase()} (it starts with a byte order mark); it was decoded, but guides should be saved as UTF-8.`,
        START_OF_FILE,
      ),
    ],
  };
}

/** Offset of the first byte that does not start a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let index = 0;
  while (index < bytes.length) {
    const byte = bytes[index]!;
    if (byte < 0x80) {
      index++;
      continue;
    }
    let length: number;
    let min: number;
    if (byte >= 0xc2 && byte <= 0xdf) [length, min] = [2, 0x80];
    else if (byte >= 0xe0 && byte <= 0xef) [length, min] = [3, 0x800];
    else if (byte >= 0xf0 && byte <= 0xf4) [length, min] = [4, 0x10000];
    else return index;
    if (index + length > bytes.length) return index;
    let codePoint = byte & (0xff >> (length + 1));
    for (let k = 1; k < length; k++) {
      const next = bytes[index + k]!;
      if ((next & 0xc0) !== 0x80) return index;
      codePoint = (codePoint << 6) | (next & 0x3f);
    }
    if (codePoint < min || codePoint > 0x10ffff || (codePoint >= 0xd800 && codePoint <= 0xdfff)) return index;
    index += length;
  }
  return -1;
}

function positionOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset; index++) {
    if (bytes[index] === 10) {
      line++;
      lineStart = index + 1;
    }
  }
  // Column in characters: decode the part of the line before the bad byte.
  const column = new TextDecoder().decode(bytes.subarray(lineStart, offset)).length + 1;
  return { line, column };
}
