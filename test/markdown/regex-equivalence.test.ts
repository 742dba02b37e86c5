import fc from 'fast-check';
import type { Heading } from 'mdast';
import { describe, expect, it } from 'vitest';
import { isDelimiterRow } from '../../src/markdown/gfm-row.js';
import { headingText, stripHtmlComments } from '../../src/markdown/text.js';
import { isLegendTable, readLegend } from '../../src/tables/legend.js';
import type { TableData } from '../../src/tables/table-data.js';

/**
 * The patterns rewritten for linear time (test/regex-safety.test.ts) must
 * give the same results as the backtracking originals, which are kept here as
 * the reference and run on short strings only.
 */

const RUNS = { numRuns: 300, seed: 20240625 };
const alphabet = (characters: string) => fc.string({ unit: fc.constantFrom(...characters), maxLength: 24 });
const _SPACE_AND_MARKERS = ' \t*_a-.:|<!>\n';

describe('linear rewrites agree with the original patterns', () => {
  it('stripHtmlComments removes what /<!--[\\s\\S]*?-->/g removes', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('<!--', '-->', '-', '>', '<!', 'a', ' ', '\n'), { maxLength: 16 }), (parts) => {
        const text = parts.join('');
        expect(stripHtmlComments(text)).toBe(text.replace(/<!--[\s\S]*?-->/g, ''));
      }),
      RUNS,
    );
  });

  it('headingText strips a trailing marker run as /\\s*[*_]+$/ did', () => {
    fc.assert(
      fc.property(alphabet('ab *_\t'), (text) => {
        const heading: Heading = { type: 'heading', depth: 2, children: [{ type: 'text', value: `x ${text}` }] };
        const collapsed = `x ${text}`.replace(/\s+/g, ' ').trim();
        expect(headingText(heading)).toBe(collapsed.replace(/^[*_]+\s*/, '').replace(/\s*[*_]+$/, ''));
      }),
      RUNS,
    );
  });

  it('isDelimiterRow accepts exactly the lines the original pattern accepted, after the container prefix', () => {
    const original = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
    fc.assert(
      fc.property(alphabet(' \t|-:a>'), fc.nat(3), (line, from) => {
        const body = line.slice(from).replace(/^[ \t]*/, '');
        expect(isDelimiterRow(line, from)).toBe(body.includes('-') && original.test(body));
      }),
      RUNS,
    );
  });

  it('a lookbehind-pinned trailing run removes what the unpinned one removed', () => {
    const pairs: [RegExp, RegExp][] = [
      [/[.\s]+$/, /(?<![.\s])[.\s]+$/],
      [/^-+|-+$/g, /^-+|(?<!-)-+$/g],
      [/\/+$/, /(?<!\/)\/+$/],
      [/[/\\]+$/, /(?<![/\\])[/\\]+$/],
      [/^[-.]+|[-.]+$/g, /^[-.]+|(?<![-.])[-.]+$/g],
      [/[-.]+$/, /(?<![-.])[-.]+$/],
      [/\s*[\r\n]+\s*/g, /(?<!\s)\s*[\r\n]+\s*/g],
    ];
    fc.assert(
      fc.property(alphabet('a.-/\\ \t\r\n'), (text) => {
        for (const [original, pinned] of pairs) expect(text.replace(pinned, '|')).toBe(text.replace(original, '|'));
      }),
      RUNS,
    );
  });

  it('legend rows read the same letter and label as with /^[*_]*(\\p{Lu})[*_]*\\s*[:：=–—-]\\s*(.+)$/u', () => {
    const original = /^[*_]*(\p{Lu})[*_]*\s*[:：=–—-]\s*(.+)$/u;
    const span = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
    fc.assert(
      fc.property(alphabet('R*_ :=-ab\t'), (text) => {
        const cell = { text, links: [], span, cellSpan: span, contentSpan: span, raw: text, boldLetters: '' };
        const table: TableData = {
          header: [{ ...cell, text: 'Roles' }],
          headerSpan: span,
          rows: [{ cells: [cell], span }],
          span,
          collapsed: false,
        };
        const match = original.exec(text);
        const roles = readLegend(table).roles;
        // One cell, no bold letter: the pattern is the only way a row defines a role.
        expect(roles).toEqual(match ? [{ code: match[1], label: match[2]!.trim() }] : []);
        expect(isLegendTable(table)).toBe(match !== null);
      }),
      RUNS,
    );
  });
});
