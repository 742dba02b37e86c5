import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { ROOT } from '../helpers/paths.js';

/**
 * Every regular expression in src/, for the ReDoS test
 * (regex-safety.test.ts) and for `npm run bench`, which times them on the
 * adversarial strings below at two lengths.
 */

export interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

/**
 * Patterns built at run time (`new RegExp(…)`) cannot be read from the source;
 * each one is listed here with a representative instance. The test fails when
 * a call appears, changes or disappears, so this list cannot go stale.
 */
export const DYNAMIC_REGEXPS: Record<string, RegExp> = {
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

export function collectRegexps(): { literals: FoundRegex[]; dynamic: string[] } {
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

/** The literals of src/ and a representative of each pattern built at run time. */
export function allRegexps(literals: readonly FoundRegex[]): FoundRegex[] {
  return [
    ...literals,
    ...Object.entries(DYNAMIC_REGEXPS).map(([where, pattern]) => ({ where, source: pattern.source, flags: pattern.flags })),
  ];
}

/** Long runs of the characters patterns are built from, each ended by a character that makes the match fail late. */
export function adversarialStrings(length: number): string[] {
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
