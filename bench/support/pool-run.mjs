// Runs raci summary's per-file work over every guide under DIR in JOBS worker
// processes, forced even for one, so that 1 and N workers compare like for
// like. Usage: node pool-run.mjs JOBS DIR
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { mapFiles } from '../../dist/cli/worker-pool.js';

const [jobs, directory] = process.argv.slice(2);
const files = readdirSync(directory, { recursive: true })
  .filter((name) => String(name).endsWith('.md'))
  .map((name) => join(directory, String(name)))
  .sort();
const worker = { module: new URL('../../dist/cli/commands/summary-file.js', import.meta.url), name: 'summarizeFile' };
const rows = await mapFiles(worker, files, { data: null, jobs: Number(jobs), workers: true });
process.stdout.write(`${rows.length} files\n`);
