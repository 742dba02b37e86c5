import { check } from 'recheck';
import { describe, expect, it } from 'vitest';
import { allRegexps, collectRegexps, DYNAMIC_REGEXPS } from './source-regexps.js';

/**
 * Every regular expression in src/ is checked against catastrophic
 * backtracking (ReDoS) by `recheck`, a maintained static and fuzzing checker;
 * `npm run bench` also runs each one on long adversarial strings in V8 and
 * compares the time at two lengths. A guide is written by anyone who can open
 * a pull request, so no pattern may take more than linear time on any line of it.
 */

const { literals, dynamic } = collectRegexps();
const all = allRegexps(literals);

describe('regular expressions in src/', () => {
  it('are all found (the collector is not silently empty)', () => {
    expect(literals.length).toBeGreaterThan(50);
    expect(literals.some((found) => found.where.startsWith('src/tables/collapsed-table.ts'))).toBe(true);
  });

  it('every pattern built at run time is listed with a representative instance', () => {
    expect(dynamic.sort()).toEqual(Object.keys(DYNAMIC_REGEXPS).sort());
  });

  it('recheck finds no pattern with super-linear backtracking', async () => {
    const unsafe: string[] = [];
    for (const found of all) {
      const diagnostics = await check(found.source, found.flags, { timeout: 10_000, randomSeed: 1 });
      if (diagnostics.status !== 'safe') {
        const detail =
          diagnostics.status === 'vulnerable'
            ? `${diagnostics.complexity.type}, attack ${diagnostics.attack.pattern}`
            : JSON.stringify(diagnostics.error);
        unsafe.push(`${found.where} /${found.source}/${found.flags}: ${diagnostics.status} (${detail})`);
      }
    }
    expect(unsafe).toEqual([]);
  });
});
