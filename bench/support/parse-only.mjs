// The floor of any remark-based command: read every guide under DIR and parse
// it with the library's remark processor (remark-parse, remark-gfm,
// remark-frontmatter), nothing else. Goal 3 shows it next to raci check and
// remark-cli, to tell remark's share of a run from ours.
// Usage: node parse-only.mjs DIR
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseMarkdown } from '../../dist/markdown/processor.js';
import { readGuideBytes } from '../../dist/parse/read-bytes.js';

const [directory] = process.argv.slice(2);
const files = readdirSync(directory, { recursive: true })
  .filter((name) => String(name).endsWith('.md'))
  .map((name) => join(directory, String(name)))
  .sort();
const decoder = new TextDecoder();
for (const file of files) parseMarkdown(decoder.decode(await readGuideBytes(file)));
process.stdout.write(`${files.length} files\n`);
