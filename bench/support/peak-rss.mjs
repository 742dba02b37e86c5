// Preloaded into every command the benchmark times (`node --import`): at exit,
// writes the process's peak resident memory (KB, worker threads included) to
// the file named by BENCH_PEAK_RSS_FILE.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_PEAK_RSS_FILE;
if (target) process.on('exit', () => writeFileSync(target, String(process.resourceUsage().maxRSS)));
