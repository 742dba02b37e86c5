// The floor of a walk: find every markdown file under DIR and read it, with
// the library's reader, nothing else; 16 reads at once, as the walk does, so
// the floor is not slowed by waiting on one file at a time. The discovery goal
// shows it next to raci check over the same tree.
// Usage: node read-only.mjs DIR
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import pMap from 'p-map';
import { readGuideBytes } from '../../dist/parse/read-bytes.js';

const [directory] = process.argv.slice(2);
const files = readdirSync(directory, { recursive: true })
  .filter((name) => String(name).endsWith('.md'))
  .map((name) => join(directory, String(name)));
const sizes = await pMap(files, async (file) => (await readGuideBytes(file)).length, { concurrency: 16 });
const bytes = sizes.reduce((total, size) => total + size, 0);
process.stdout.write(`${files.length} files, ${bytes} bytes\n`);
