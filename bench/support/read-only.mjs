// The floor of a walk: find every markdown file under DIR and read it, with
// the library's reader, nothing else. The discovery goal shows it next to
// raci check over the same tree.
// Usage: node read-only.mjs DIR
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readGuideBytes } from '../../dist/parse/read-bytes.js';

const [directory] = process.argv.slice(2);
const files = readdirSync(directory, { recursive: true })
  .filter((name) => String(name).endsWith('.md'))
  .map((name) => join(directory, String(name)));
let bytes = 0;
for (const file of files) bytes += (await readGuideBytes(file)).length;
process.stdout.write(`${files.length} files, ${bytes} bytes\n`);
