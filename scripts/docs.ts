/**
 * `npm run docs`: writes docs/rules.md and docs/diagnostics.md from the code
 * table and the rule modules (test/rules/docs.test.ts fails when they are stale).
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderDocs } from '../src/rules/docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const { path, content } of renderDocs()) {
  writeFileSync(`${root}${path}`, content);
  console.log(`wrote ${path}`);
}
