// `raci check --cache` with no cache yet: removes the cache file named by
// --cache-location, then runs the CLI with the same arguments.
// Usage: node cold-cache.mjs check ... --cache --cache-location FILE
import { rmSync } from 'node:fs';

const args = process.argv.slice(2);
const location = args[args.indexOf('--cache-location') + 1];
if (location === undefined) throw new Error('cold-cache.mjs needs --cache-location FILE');
rmSync(location, { force: true });
process.argv = [process.argv[0], new URL('../../dist/cli/main.js', import.meta.url).pathname, ...args];
await import('../../dist/cli/main.js');
