import type { PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { safeParseResponsibilityModel, type Diagnostic } from '../src/index.js';
import { firstLineNestedDeeperThan } from '../src/markdown/nesting.js';
import { plainText } from '../src/markdown/text.js';
import { parseMarkdown } from '../src/markdown/processor.js';
import { guide } from './helpers/check.js';

/**
 * Named hostile and broken inputs (issue 6): each one has an outcome written
 * in the README's "Reliability" table, and the test here that proves it.
 */

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

function timed<T>(run: () => T): { value: T; ms: number } {
  const started = performance.now();
  const value = run();
  return { value, ms: performance.now() - started };
}

describe('deep nesting', () => {
  it('10,000 nested block quotes: input-too-deep at once, no stack overflow', () => {
    const text = `${guide(['| Do | R | I |'])}\n\n${'>'.repeat(10_000)} deep\n`;
    const { value: result, ms } = timed(() => safeParseResponsibilityModel(text));
    expect(codes(result.diagnostics)).toEqual(['input-too-deep']);
    expect(result.diagnostics[0]).toMatchObject({ severity: 'error', line: text.split('\n').findIndex((line) => line.startsWith('>>>')) + 1 });
    expect(result.diagnostics[0]!.message).toContain('limit of 32 (option maxNesting)');
    expect(ms).toBeLessThan(1_000);
  });

  it('10,000 nested list items, on one line or indented line by line: input-too-deep', () => {
    const oneLine = `${'- '.repeat(10_000)}x\n`;
    const indented = Array.from({ length: 10_000 }, (_, level) => `${'  '.repeat(level)}- item ${level}`).join('\n');
    const ordered = `${'1. '.repeat(10_000)}x\n`;
    for (const text of [oneLine, indented, ordered]) {
      const result = safeParseResponsibilityModel(text, { maxBytes: 200_000_000 });
      expect(codes(result.diagnostics)).toEqual(['input-too-deep']);
    }
  });

  it('nesting up to the limit parses; maxNesting can raise it', () => {
    const quoted = (depth: number) => `${guide(['| Do | R | I |'])}\n\n${'>'.repeat(depth)} note\n`;
    expect(codes(safeParseResponsibilityModel(quoted(32)).diagnostics)).not.toContain('input-too-deep');
    expect(codes(safeParseResponsibilityModel(quoted(33)).diagnostics)).toContain('input-too-deep');
    const raised = safeParseResponsibilityModel(quoted(200), { maxNesting: 300 });
    expect(codes(raised.diagnostics)).not.toContain('input-too-deep');
    expect(raised.model.sections[0]!.activities).toHaveLength(1);
  });

  it('the depth estimate is never below the real depth of nested containers', () => {
    const samples = ['> > > x', '- - - x', '1. 2. 3) x', '>- > * + x', '\t\t- x', '      - x'];
    const realDepth = (text: string) => {
      let deepest = 0;
      const stack: { node: { type: string; children?: unknown[] }; depth: number }[] = [{ node: parseMarkdown(text), depth: 0 }];
      while (stack.length > 0) {
        const { node, depth } = stack.pop()!;
        const here = node.type === 'blockquote' || node.type === 'listItem' ? depth + 1 : depth;
        deepest = Math.max(deepest, here);
        for (const child of (node.children ?? []) as { type: string }[]) stack.push({ node: child, depth: here });
      }
      return deepest;
    };
    for (const sample of samples) {
      const real = realDepth(sample);
      expect(firstLineNestedDeeperThan(sample, real - 1), sample).toBeDefined();
    }
  });

  it('inline markup nested 100,000 deep does not overflow the stack in our own text extraction', () => {
    // mdast-util-to-string recursed once per level and overflowed near 8,000 (`*` × 16,000 in a paragraph).
    let node: PhrasingContent = { type: 'text', value: 'deep' };
    for (let level = 0; level < 100_000; level++) node = { type: level % 2 ? 'strong' : 'emphasis', children: [node] };
    expect(plainText({ type: 'paragraph', children: [node] })).toBe('deep');
  });
});

describe('rows in unusual places are never dropped', () => {
  it('a table indented under a footnote definition is read like any other', () => {
    const text = guide(['| Do X | R | I |'], '\nSee note[^1].\n\n[^1]: The note.\n\n    | Activity | Customer | OVHcloud |\n    | --- | --- | --- |\n    | Do Y | I | RA |\n');
    const result = safeParseResponsibilityModel(text);
    expect(result.model.sections[0]!.activities.map((activity) => activity.text)).toEqual(['Do X', 'Do Y']);
  });
});

describe('a table without its delimiter row', () => {
  it('is reported as table-collapsed and its rows are still read', () => {
    const text = ['---', 'title: T', '---', '', '## 1. Phase', '', '| Activity | Customer | OVHcloud |', '| Do X | R | I |', '| Do Y | A | R |', ''].join('\n');
    const result = safeParseResponsibilityModel(text);
    const collapsed = result.diagnostics.find((diagnostic) => diagnostic.code === 'table-collapsed');
    expect(collapsed).toMatchObject({ severity: 'error', line: 7, endLine: 9 });
    expect(collapsed!.message).toContain('needs a delimiter row');
    expect(result.model.sections[0]!.activities.map((activity) => [activity.text, activity.cells, activity.line])).toEqual([
      ['Do X', { customer: 'R', ovhcloud: 'I' }, 8],
      ['Do Y', { customer: 'A', ovhcloud: 'R' }, 9],
    ]);
  });

  it('prose with a pipe in it is left alone', () => {
    const text = ['## 1. Phase', '', 'Choose A | B as you like,', '| or not.', ''].join('\n');
    expect(codes(safeParseResponsibilityModel(text).diagnostics)).not.toContain('table-collapsed');
  });
});

describe('prototype keys', () => {
  const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();
  const assertPrototypeUnchanged = () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  };

  it('front matter __proto__ is left out with a warning; constructor and prototype are plain keys', () => {
    const text = [
      '---',
      'title: T',
      '__proto__: {polluted: yes}',
      'constructor: {prototype: {polluted: yes}}',
      'prototype: {polluted: yes}',
      'nested: {__proto__: {polluted: yes}, kept: 1}',
      '---',
      '',
    ].join('\n');
    const result = safeParseResponsibilityModel(text);
    const frontMatter = result.model.meta.frontMatter;
    expect(Object.getPrototypeOf(frontMatter)).toBe(Object.prototype);
    expect(Object.keys(frontMatter)).toEqual(['title', 'constructor', 'prototype', 'nested']);
    expect(frontMatter['constructor']).toEqual({ prototype: { polluted: 'yes' } });
    expect(frontMatter['nested']).toEqual({ kept: 1 });
    expect(Object.hasOwn(frontMatter['nested'] as object, '__proto__')).toBe(false);
    const ignored = result.diagnostics.filter((diagnostic) => diagnostic.code === 'front-matter-key-ignored');
    expect(ignored.map((diagnostic) => [diagnostic.line, diagnostic.severity, /key “([^”]+)” is ignored/.exec(diagnostic.message)?.[1]])).toEqual([
      [3, 'warning', '__proto__'],
      [6, 'warning', 'nested.__proto__'],
    ]);
    // A consumer that copies the metadata the careless way is safe too.
    const copy = Object.assign({}, frontMatter);
    expect((copy as Record<string, unknown>)['polluted']).toBeUndefined();
    assertPrototypeUnchanged();
  });

  it('header cells __proto__, constructor, toString and hasOwnProperty are ordinary parties', () => {
    const text = [
      '## 1. Phase',
      '',
      '| Activity | `__proto__` | constructor | toString | hasOwnProperty | \\_\\_proto\\_\\_ |',
      '| --- | --- | --- | --- | --- | --- |',
      '| Do X | R | A | C | I | RA |',
      '',
    ].join('\n');
    const result = safeParseResponsibilityModel(text);
    expect(result.model.parties.map((party) => [party.id, party.label])).toEqual([
      ['proto', '__proto__'],
      ['constructor', 'constructor'],
      ['tostring', 'toString'],
      ['hasownproperty', 'hasOwnProperty'],
      ['proto-2', '__proto__'],
    ]);
    const activity = result.model.sections[0]!.activities[0]!;
    expect(activity.assignments).toEqual({ proto: ['R'], constructor: ['A'], tostring: ['C'], hasownproperty: ['I'], 'proto-2': ['R', 'A'] });
    for (const record of [activity.assignments, activity.cells, activity.scopes]) expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    assertPrototypeUnchanged();
  });
});

describe('YAML front matter alias bomb', () => {
  it('is refused as front-matter-invalid, fast, without expanding', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const text = ['---', 'title: Bomb', ...levels, '---', '', '## 1. Phase', ''].join('\n');
    const { value: result, ms } = timed(() => safeParseResponsibilityModel(text));
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'front-matter-invalid')?.message).toMatch(/alias/i);
    expect(result.model.meta.frontMatter).toEqual({});
    expect(ms).toBeLessThan(2_000);
  });
});
