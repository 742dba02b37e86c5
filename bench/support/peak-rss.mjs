// Loaded into every process a timed command starts (through NODE_OPTIONS, so
// worker processes too): at exit, writes the process's peak resident memory
// (KB) and the CPU time it used (µs, user and system) to
// BENCH_PEAK_RSS_FILE.<pid>; the benchmark sums them.
import { writeFileSync } from 'node:fs';

const target = process.env.BENCH_PEAK_RSS_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(`${target}.${process.pid}`, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
  });
}
