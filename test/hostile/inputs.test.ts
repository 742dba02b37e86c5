import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PhrasingContent } from 'mdast';
import { describe, expect, it } from 'vitest';
import { type Diagnostic, listActivities, safeParseResponsibilityModel, safeParseResponsibilityModelBytes } from '../../src/index.js';
import { parseMarkdownChunked } from '../../src/markdown/chunked-parse.js';
import { firstLineNestedDeeperThan } from '../../src/markdown/nesting.js';
import { parseMarkdown } from '../../src/markdown/processor.js';
import { plainText } from '../../src/markdown/text.js';
import { analyseGuide } from '../../src/parse/analyse-guide.js';
import { DEFAULT_LIMITS } from '../../src/parse/limits.js';
import { guide } from '../helpers/check.js';
import { sampleGuides } from '../helpers/hostile.js';
import { ROOT } from '../helpers/paths.js';

/**
 * Named hostile and broken inputs: each one has an outcome written
 * in the table of docs/reliability.md, and the test here that proves it.
 */

const codes = (diagnostics: readonly Diagnostic[]) => diagnostics.map((diagnostic) => diagnostic.code);

/**
 * How many times the markdown parser runs on the way to the result. A guide
 * refused "at once" is refused by a linear scan, before remark (whose time on
 * such input grows with its square) ever sees it; the speed itself is measured
 * by `npm run bench`, not here.
 */
function markdownParses(text: string, options: Parameters<typeof analyseGuide>[1] = {}): number {
  let parses = 0;
  analyseGuide(text, options, (source) => {
    parses++;
    return parseMarkdownChunked(source);
  });
  return parses;
}

describe('deep nesting', () => {
  it('10,000 nested block quotes: input-too-deep at once, no stack overflow', () => {
    const text = `${guide(['| Do | R | I |'])}\n\n${'>'.repeat(10_000)} deep\n`;
    const result = safeParseResponsibilityModel(text);
    expect(codes(result.diagnostics)).toEqual(['input-too-deep']);
    expect(result.diagnostics[0]).toMatchObject({
      severity: 'error',
      line: text.split('\n').findIndex((line) => line.startsWith('>>>')) + 1,
    });
    expect(result.diagnostics[0]!.message).toContain('limit of 32 (option maxNesting)');
    expect(markdownParses(text)).toBe(0);
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

  it('the deepest inline markup the maxInlineMarkers limit lets through does not overflow the stack', () => {
    // mdast-util-to-string recurses once per level (it overflows near 5,000); each level takes at least two markers.
    let node: PhrasingContent = { type: 'text', value: 'deep' };
    for (let level = 0; level < DEFAULT_LIMITS.maxInlineMarkers / 2; level++)
      node = { type: level % 2 ? 'strong' : 'emphasis', children: [node] };
    expect(plainText({ type: 'paragraph', children: [node] })).toBe('deep');
  });
});

describe('rows in unusual places are never dropped', () => {
  it('a table indented under a footnote definition is read like any other', () => {
    const text = guide(
      ['| Do X | R | I |'],
      '\nSee note[^1].\n\n[^1]: The note.\n\n    | Activity | Customer | OVHcloud |\n    | --- | --- | --- |\n    | Do Y | I | RA |\n',
    );
    const result = safeParseResponsibilityModel(text);
    expect(result.model.sections[0]!.activities.map((activity) => activity.text)).toEqual(['Do X', 'Do Y']);
  });
});

describe('a table without its delimiter row', () => {
  it('is reported as table-collapsed and its rows are still read', () => {
    const text = [
      '---',
      'title: T',
      '---',
      '',
      '## 1. Phase',
      '',
      '| Activity | Customer | OVHcloud |',
      '| Do X | R | I |',
      '| Do Y | A | R |',
      '',
    ].join('\n');
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
    expect(
      ignored.map((diagnostic) => [diagnostic.line, diagnostic.severity, /key “([^”]+)” is ignored/.exec(diagnostic.message)?.[1]]),
    ).toEqual([
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
    expect(activity.assignments).toEqual({
      proto: ['R'],
      constructor: ['A'],
      tostring: ['C'],
      hasownproperty: ['I'],
      'proto-2': ['R', 'A'],
    });
    for (const record of [activity.assignments, activity.cells, activity.scopes])
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    assertPrototypeUnchanged();
  });
});

describe('YAML front matter alias bomb', () => {
  it('is refused as front-matter-invalid without expanding (aliases are limited to 100); the rest of the guide is read', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let level = 1; level < 9; level++) {
      const name = String.fromCharCode(97 + level);
      const previous = String.fromCharCode(96 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const text = ['---', 'title: Bomb', ...levels, '---', '', '## 1. Phase', ''].join('\n');
    const result = safeParseResponsibilityModel(text);
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'front-matter-invalid')?.message).toMatch(/alias/i);
    expect(result.model.meta.frontMatter).toEqual({});
    expect(result.model.sections.map((section) => section.title)).toEqual(['Phase']);
  });
});

describe('empty and nearly empty files', () => {
  it('an empty file: an empty model and warnings, no error', () => {
    const result = safeParseResponsibilityModelBytes(new Uint8Array());
    expect(result.success).toBe(true);
    expect(result.model.sections).toEqual([]);
    expect(codes(result.diagnostics)).toEqual(['legend-missing', 'sections-missing', 'title-missing']);
  });

  it('front matter only: the title is read, the rest reported as missing', () => {
    const result = safeParseResponsibilityModelBytes(Buffer.from('---\ntitle: Only front matter\n---\n'));
    expect(result.model.meta.title).toBe('Only front matter');
    expect(codes(result.diagnostics)).toEqual(['legend-missing', 'sections-missing']);
  });
});

describe('bytes that are not a UTF-8 guide', () => {
  it('a binary file and a file with a NUL byte: input-binary with the offset, not parsed', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    for (const [bytes, offset] of [
      [png, 8],
      [Buffer.from(`${guide(['| Do | R | I |'])}\0tail`), Buffer.byteLength(guide(['| Do | R | I |']))],
    ] as const) {
      const result = safeParseResponsibilityModelBytes(bytes, { file: 'x.md' });
      expect(result.success).toBe(false);
      expect(result.diagnostics).toEqual([expect.objectContaining({ code: 'input-binary', file: 'x.md', line: 1 })]);
      expect(result.diagnostics[0]!.message).toContain(`NUL byte at byte offset ${offset}`);
      expect(result.model.sections).toEqual([]);
    }
  });

  it('invalid UTF-8: encoding-invalid with the byte offset and the line and column of the bad byte; the rest is still read', () => {
    const [head, tail] = guide(['| Défin@ir | RA | I |', '| Next | I | RA |']).split('@') as [string, string];
    const bytes = Buffer.concat([Buffer.from(head), Buffer.from([0xe9]), Buffer.from(tail)]);
    const result = safeParseResponsibilityModelBytes(bytes);
    const invalid = result.diagnostics.find((diagnostic) => diagnostic.code === 'encoding-invalid')!;
    expect(invalid.message).toContain(`invalid byte 0xe9 at byte offset ${Buffer.byteLength(head)}`);
    const lines = head.split('\n');
    expect(invalid).toMatchObject({ severity: 'error', line: lines.length, column: lines.at(-1)!.length + 1 });
    expect(result.success).toBe(false);
    // Nothing is silently lost: the row with the bad byte is kept (with U+FFFD) and reported.
    expect(result.model.sections[0]!.activities.map((activity) => activity.text)).toEqual(['Défin\ufffdir', 'Next']);
  });

  it('UTF-16 with a byte order mark (LE and BE): decoded, with an encoding-utf16 warning', () => {
    const text = guide(['| Do | RA | I |']);
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(text, 'utf16le').swap16();
    for (const bytes of [le, Buffer.concat([Buffer.from([0xfe, 0xff]), be])]) {
      const result = safeParseResponsibilityModelBytes(bytes);
      expect(result.success).toBe(true);
      expect(codes(result.diagnostics)).toEqual(['encoding-utf16']);
      expect(result.model.sections[0]!.activities[0]!.assignments).toEqual({ customer: ['R', 'A'], ovhcloud: ['I'] });
    }
  });

  it('a UTF-8 byte order mark is stripped: same model and positions as without it', () => {
    const text = guide(['| Do | RA | I |', '| Do | MP | I |']);
    const plain = safeParseResponsibilityModelBytes(Buffer.from(text));
    const withBom = safeParseResponsibilityModelBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(withBom).toEqual(plain);
    expect(withBom.model.meta.title).toBe('Test guide');
  });
});

describe('line endings', () => {
  it('CRLF, lone CR and mixed endings give the same model and the same positions as LF, on a real guide', () => {
    const [sample] = sampleGuides().filter((candidate) => candidate.name.includes('seeds'));
    const lines = sample!.text.split('\n');
    const lf = safeParseResponsibilityModel(lines.join('\n'));
    // Mixed: LF, CR, CRLF in turn; a lone CR is never followed by an LF, which would make it one CRLF.
    expect(lf.diagnostics.map((diagnostic) => diagnostic.line)).toContain(14);
    for (const text of [
      lines.join('\r\n'),
      lines.join('\r'),
      lines.map((line, index) => line + ['\n', '\r', '\r\n'][index % 3]).join(''),
    ]) {
      const other = safeParseResponsibilityModel(text);
      expect(other.diagnostics).toEqual(lf.diagnostics);
      expect(other.model).toEqual(lf.model);
    }
  });
});

describe('the mojibake seed', () => {
  it('is reported as encoding-mojibake with the likely intended text, and read in full', () => {
    const result = safeParseResponsibilityModelBytes(readFileSync(join(ROOT, 'fixtures/seeds/000_ab7808a33b482c41.txt')));
    const mojibake = result.diagnostics.filter((diagnostic) => diagnostic.code === 'encoding-mojibake');
    expect(mojibake).toEqual([expect.objectContaining({ severity: 'warning', line: 14, column: 48, endColumn: 51 })]);
    expect(mojibake[0]!.message).toBe(
      '“â€™” looks like UTF-8 text that was decoded as Windows-1252: “customerâ€™s” was probably “customer’s”.',
    );
    expect(result.success).toBe(true);
    expect(listActivities(result.model)).toHaveLength(48);
  });
});

describe('size limits', () => {
  const tableGuide = (rows: number) =>
    `${guide(Array.from({ length: rows }, (_, index) => `| Activity number ${index + 1} | RA | I |`))}\n`;

  it('a 10 MB guide: input-too-large at once (default maxBytes 512 KiB), as a string and as a file', () => {
    const text = tableGuide(1).repeat(Math.ceil(10_000_000 / tableGuide(1).length));
    const result = safeParseResponsibilityModel(text);
    expect(codes(result.diagnostics)).toEqual(['input-too-large']);
    expect(result.diagnostics[0]!.message).toContain('more than the limit of 524288 (option maxBytes)');
    expect(markdownParses(text)).toBe(0);
    expect(codes(safeParseResponsibilityModelBytes(Buffer.from(text)).diagnostics)).toEqual(['input-too-large']);
  });

  it('a 100,000-row table: input-too-large by default; 5,000 rows under the limit are all read', () => {
    expect(codes(safeParseResponsibilityModel(tableGuide(100_000)).diagnostics)).toEqual(['input-too-large']);
    const result = safeParseResponsibilityModel(tableGuide(5_000));
    expect(result.success).toBe(true);
    const activities = result.model.sections[0]!.activities;
    expect(activities).toHaveLength(5_000);
    expect(activities.at(-1)).toMatchObject({
      id: '1#5000',
      text: 'Activity number 5000',
      assignments: { customer: ['R', 'A'], ovhcloud: ['I'] },
    });
  });

  it('a table of 1,000 columns: table-too-wide and every row quoted (maxColumns 64); maxColumns can raise it', () => {
    const header = `| Activity |${Array.from({ length: 999 }, (_, index) => ` Party ${index} |`).join('')}`;
    const delimiter = `|${' --- |'.repeat(1_000)}`;
    const row = `| Do |${' R |'.repeat(999)}`;
    const text = ['## 1. Phase', '', header, delimiter, row, row, ''].join('\n');
    const result = safeParseResponsibilityModel(text);
    expect(codes(result.diagnostics)).toEqual(expect.arrayContaining(['table-too-wide', 'row-ignored']));
    expect(result.diagnostics.filter((diagnostic) => diagnostic.code === 'row-ignored').map((diagnostic) => diagnostic.line)).toEqual([
      5, 6,
    ]);
    expect(result.model.sections[0]!.activities).toEqual([]);
    const raised = safeParseResponsibilityModel(text, { maxColumns: 1_000 });
    expect(raised.model.parties).toHaveLength(999);
    expect(raised.model.sections[0]!.activities).toHaveLength(2);
  });

  it('a single 1 MB line: input-too-large by default; with maxBytes raised, a 1 MB activity cell is read whole', () => {
    const cell = 'word '.repeat(200_000).trim();
    const text = guide([`| ${cell} | RA | I |`]);
    expect(codes(safeParseResponsibilityModel(text).diagnostics)).toEqual(['input-too-large']);
    const result = safeParseResponsibilityModel(text, { maxBytes: 2_000_000 });
    expect(result.success).toBe(true);
    expect(result.model.sections[0]!.activities[0]!.text).toHaveLength(cell.length);
  });
});

describe('odd section numbers', () => {
  it('headings numbered 99999999999999999999.1 keep their number as written, and their rows', () => {
    const text = [
      '## 99999999999999999999.1 Huge',
      '',
      '| Activity | Customer |',
      '| --- | --- |',
      '| Do | R |',
      '',
      '### 99999999999999999999.1.1 Child',
      '',
      '| Activity | Customer |',
      '| --- | --- |',
      '| Do more | A |',
      '',
    ].join('\n');
    const result = safeParseResponsibilityModel(text);
    expect(result.model.sections).toHaveLength(1);
    const [section] = result.model.sections;
    expect(section).toMatchObject({ number: '99999999999999999999.1', title: 'Huge' });
    expect(section!.sections[0]).toMatchObject({ number: '99999999999999999999.1.1', title: 'Child' });
    expect(listActivities(result.model).map((activity) => activity.id)).toEqual(['99999999999999999999.1#1', '99999999999999999999.1.1#1']);
    expect(codes(result.diagnostics)).toContain('section-parent-missing');
  });

  it('more levels of numbering than maxDepth: section-number-too-deep, read as text', () => {
    const result = safeParseResponsibilityModel('## 1. Top\n\n### 1.2.3.4.5.6.7.8.9 Deep\n');
    expect(result.diagnostics.find((diagnostic) => diagnostic.code === 'section-number-too-deep')).toMatchObject({ line: 3 });
  });
});

describe('emphasis and strikethrough markers by the thousand', () => {
  it('more than maxInlineMarkers in a paragraph: input-too-complex at once, instead of minutes in remark', () => {
    for (const marker of ['*', '_', '~']) {
      const text = `${guide(['| Do | R | I |'])}\n\nIntro ${`a${marker}`.repeat(8_000)}\n`;
      const result = safeParseResponsibilityModel(text);
      expect(codes(result.diagnostics)).toEqual(['input-too-complex']);
      expect(result.diagnostics[0]).toMatchObject({
        severity: 'error',
        line: text.split('\n').findIndex((line) => line.startsWith('Intro')) + 1,
      });
      expect(markdownParses(text)).toBe(0);
    }
  });

  it('bold in every cell of a long table is counted cell by cell, and parses', () => {
    const rows = Array.from({ length: 2_000 }, (_, index) => `| **Step ${index}** | **R** | **I** |`);
    const result = safeParseResponsibilityModel(guide(rows));
    expect(codes(result.diagnostics)).not.toContain('input-too-complex');
    expect(result.model.sections[0]!.activities).toHaveLength(2_000);
  });

  it('up to the limit, the worst case is parsed (its time is measured by npm run bench)', () => {
    const text = 'a*'.repeat(5_000);
    const result = safeParseResponsibilityModel(text);
    expect(codes(result.diagnostics)).not.toContain('input-too-complex');
    expect(markdownParses(text)).toBe(1);
    expect(markdownParses(text, { maxInlineMarkers: 4_999 })).toBe(0);
  });
});
