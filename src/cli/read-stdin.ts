/**
 * At most `maxBytes + 1` bytes of a stream, as for files: one byte past the
 * limit is enough for the parser to report the input as too large, and
 * nothing beyond it is kept in memory.
 */
export async function readCapped(stream: AsyncIterable<Uint8Array>, maxBytes: number): Promise<Uint8Array> {
  const limit = maxBytes + 1;
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const kept = chunk.subarray(0, limit - length);
    chunks.push(kept);
    length += kept.length;
    if (length >= limit) break;
  }
  return Buffer.concat(chunks, length);
}
