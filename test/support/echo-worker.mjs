// A per-file function for worker-pool tests: reports where it ran, and fails on request.
import { readFileSync } from 'node:fs';

export function describeFile({ file, data }) {
  if (data.failOn && file.endsWith(data.failOn)) {
    const error = new Error(`refused ${file}`);
    error.name = 'UsageError';
    throw error;
  }
  return { file, characters: readFileSync(file, 'utf8').length, pid: process.pid, tag: data.tag };
}
