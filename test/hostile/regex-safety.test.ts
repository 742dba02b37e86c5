import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.js';

/**
 * Every regular expression in src/ is checked against catastrophic
 * backtracking (ReDoS), twice: by `recheck`, a maintained static and fuzzing
 * checker, and by running it on long adversarial strings in V8 itself.
 * A guide is written by anyone who can open a pull request, so no pattern may
 * take more than linear time on any line of it.
 */

interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

/**
 * Patterns built at run time (`new RegExp(…)`) cannot be read from the source;
 * each one is listed here with a representative instance. The test fails when
 * a call appears, changes or disappears, so this list cannot go stale.
 */
const DYNAMIC_REGEXPS: Record<string, RegExp> = {
  // The letter is reduced to letters (\p{L}) before it is put in the pattern.
  "src/rules/checks/legend-mismatch.ts: new RegExp(`^[*_]*${code.replace(/[^\\p{L}]/gu, '')}[*_]*(?:\\\\s*[:：=–—-]|$)`, 'u')":
    /^[*_]*RACI[*_]*(?:\s*[:：=–—-]|$)/u,
  // The locale comes from a file name (`[a-z]{2}-[a-z]{2,4}`); its dash is escaped.
  "src/format/drift.ts: new RegExp(`${first.locale.replace(/[-]/g, '\\\\-')}\\\\.md$`, 'i')": /fr-fr\.md$/i,
  // A closing code fence: the fence character (escaped) and its length, from the opening fence.
  'src/markdown/chunked-parse.ts: new RegExp(`^ {0,3}\\\\${fence[0]}{${fence.length},}[ \\\\t]*$`)': /^ {0,3}`{3,}[ \t]*$/,
  // Built from fixed character classes.
  "src/read/mojibake.ts: new RegExp(LEAD_AND_CONTINUATIONS, 'g')": mojibakePattern(),
};

function mojibakePattern(): RegExp {
  const high = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
  const continuation = `[\\u00a0-\\u00bf${high}]`;
  return new RegExp(`[\\u00c2-\\u00df]${continuation}|[\\u00e0-\\u00ef]${continuation}{2}|[\\u00f0-\\u00f4]${continuation}{3}`, 'g');
}

function sourceFiles(): string[] {
  return (readdirSync(join(ROOT, 'src'), { recursive: true }) as string[])
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(ROOT, 'src', file))
    .sort();
}

function collectRegexps(): { literals: FoundRegex[]; dynamic: string[] } {
  const literals: FoundRegex[] = [];
  const dynamic: string[] = [];
  for (const path of sourceFiles()) {
    const file = relative(ROOT, path);
    const sourceFile = ts.createSourceFile(file, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const text = node.getText(sourceFile);
        const end = text.lastIndexOf('/');
        const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
        literals.push({ where: `${file}:${line}`, source: text.slice(1, end), flags: text.slice(end + 1) });
      } else if (
        (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
        ts.isIdentifier(node.expression) &&
        node.expression.text === 'RegExp'
      ) {
        dynamic.push(`${file}: ${node.getText(sourceFile)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return { literals, dynamic };
}

const { literals, dynamic } = collectRegexps();
const all: FoundRegex[] = [
  ...literals,
  ...Object.entries(DYNAMIC_REGEXPS).map(([where, pattern]) => ({ where, source: pattern.source, flags: pattern.flags })),
];

/** Long runs of the characters patterns are built from, each ended by a character that makes the match fail late. */
function adversarialStrings(length: number): string[] {
  const units = [
    ' ',
    '\t',
    '\n',
    '|',
    '-',
    ':',
    '.',
    '*',
    '_',
    '#',
    '/',
    '\\',
    '[',
    '](',
    '[](',
    '<!--',
    '"',
    '{.',
    'a',
    'A',
    'R',
    '1',
    'é',
    'â€',
    'ã',
    '-|-:',
    '- ',
    '| ',
    '1.',
    '<!--raci-disable-line ',
  ];
  const endings = ['\u0000', '!', '\n'];
  const strings: string[] = [];
  for (const unit of units) {
    const run = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    for (const ending of endings) strings.push(run + ending);
    strings.push(`a${run}\u0000a`);
  }
  return strings;
}

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

  it('each pattern runs over 20,000-character adversarial strings in well under a second', () => {
    const inputs = adversarialStrings(20_000);
    const slow: string[] = [];
    for (const found of all) {
      const global = new RegExp(found.source, found.flags.includes('g') ? found.flags : `${found.flags}g`);
      const started = performance.now();
      for (const input of inputs) {
        input.search(global);
        input.replace(global, '');
      }
      const elapsed = performance.now() - started;
      // A linear pattern takes a few milliseconds here; a quadratic one takes seconds.
      if (elapsed > 750) slow.push(`${found.where} /${found.source}/${found.flags}: ${Math.round(elapsed)} ms`);
    }
    expect(slow).toEqual([]);
  });
});
