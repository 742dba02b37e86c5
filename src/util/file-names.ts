/**
 * File names as the system gives them: bytes, not always valid UTF-8. A name
 * is carried as a string in which each byte that is not part of valid UTF-8
 * becomes a lone surrogate U+DC80–U+DCFF (as Python's `surrogateescape`
 * does). Valid UTF-8 never decodes to a lone surrogate, so the string gives
 * back the exact bytes (`fileSystemPath`) and every valid name stays as it is.
 */

const ESCAPE_BASE = 0xdc00;

/** The name in `bytes` as a string; invalid UTF-8 bytes become lone surrogates. */
export function decodeFileName(bytes: Uint8Array): string {
  let text = '';
  let index = 0;
  while (index < bytes.length) {
    const length = validSequenceLength(bytes, index);
    if (length === 0) {
      text += String.fromCharCode(ESCAPE_BASE + bytes[index]!);
      index += 1;
    } else {
      text += Buffer.from(bytes.subarray(index, index + length)).toString('utf8');
      index += length;
    }
  }
  return text;
}

/** The path to give the file system: the string itself, or its bytes when it holds escaped bytes. */
export function fileSystemPath(path: string): string | Buffer {
  if (!/[\udc80-\udcff]/.test(path)) return path;
  const parts: Buffer[] = [];
  let run = '';
  for (let index = 0; index < path.length; index++) {
    const code = path.charCodeAt(index);
    const lone = code >= 0xdc80 && code <= 0xdcff && !(index > 0 && isHighSurrogate(path.charCodeAt(index - 1)));
    if (lone) {
      parts.push(Buffer.from(run, 'utf8'), Buffer.of(code - ESCAPE_BASE));
      run = '';
    } else {
      run += path[index];
    }
  }
  parts.push(Buffer.from(run, 'utf8'));
  return Buffer.concat(parts);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** The length of the valid UTF-8 sequence at `index` (1 to 4), or 0 when the byte there does not start one. */
function validSequenceLength(bytes: Uint8Array, index: number): number {
  const lead = bytes[index]!;
  if (lead < 0x80) return 1;
  let length: number;
  let low = 0x80;
  let high = 0xbf;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  else if (lead >= 0xe0 && lead <= 0xef) {
    length = 3;
    // No overlong form, no surrogate.
    if (lead === 0xe0) low = 0xa0;
    if (lead === 0xed) high = 0x9f;
  } else if (lead >= 0xf0 && lead <= 0xf4) {
    length = 4;
    if (lead === 0xf0) low = 0x90;
    if (lead === 0xf4) high = 0x8f;
  } else return 0;
  if (index + length > bytes.length) return 0;
  const second = bytes[index + 1]!;
  if (second < low || second > high) return 0;
  for (let next = index + 2; next < index + length; next++) if ((bytes[next]! & 0xc0) !== 0x80) return 0;
  return length;
}
