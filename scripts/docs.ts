/**
 * `npm run docs`: writes docs/rules.md and docs/diagnostics.md from the code
 * table and the rule modules, and the JSON Schema of the configuration from
 * its zod schema (tests fail when any of them is stale).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CONFIG_SCHEMA_PATH, renderConfigSchema } from '../src/rules/config.js';
import { renderDocs } from '../src/rules/docs.js';

const root = fileURLToPath(new URL('..', import.meta.url));
mkdirSync(`${root}schemas`, { recursive: true });
for (const { path, content } of [...renderDocs(), { path: CONFIG_SCHEMA_PATH, content: renderConfigSchema() }]) {
  writeFileSync(`${root}${path}`, content);
  console.log(`wrote ${path}`);
}
