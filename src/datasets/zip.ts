import { unzipSync, type Zippable, zipSync } from 'fflate';

/**
 * The same archive with every entry stamped with `date` (its UTC calendar
 * day) and compressed the same way each time: zip writers stamp entries with
 * the current time, which would make two builds of the same guides differ.
 * Entries keep their order.
 */
export function stampZip(archive: Uint8Array, date: Date): Uint8Array<ArrayBuffer> {
  const entries = unzipSync(archive);
  // Zip entry times are local wall-clock fields: a local date with the UTC day's fields writes the same bytes in every time zone.
  const mtime = new Date(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  // Folder entries are stored: there is nothing to compress.
  const files: Zippable = Object.fromEntries(
    Object.entries(entries).map(([name, data]) => [name, name.endsWith('/') ? [data, { level: 0 }] : data]),
  );
  return zipSync(files, { level: 6, mtime });
}
