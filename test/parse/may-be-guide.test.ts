import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mayBeGuide } from '../../src/parse/may-be-guide.js';
import { checkGuideBytes } from '../../src/rules/check-guide.js';
import { mutate, mutationArbitrary, SEED, sampleGuides } from '../helpers/hostile.js';
import { bundledGuides, ROOT } from '../helpers/paths.js';

/**
 * The pre-check of a walk never skips a guide: whenever the full parser reads
 * a file as a guide (`looksLikeGuide`), `mayBeGuide` says it may be one. Over
 * the bundled guides, their mutations and generated guides, with a fixed seed.
 */

const encoder = new TextEncoder();

function readsAsGuide(bytes: Uint8Array): boolean {
  return checkGuideBytes(bytes, { file: 'guide.en-gb.md' }).looksLikeGuide;
}

/** The property, with the text in the failure message. */
function expectNeverSkipped(bytes: Uint8Array, label: string): void {
  if (readsAsGuide(bytes)) expect(mayBeGuide(bytes), label).toBe(true);
}

function utf16le(text: string): Uint8Array {
  return Uint8Array.from([0xff, 0xfe, ...Buffer.from(text, 'utf16le')]);
}

describe('mayBeGuide never skips what the parser reads as a guide', () => {
  it('takes every bundled guide, also as UTF-16 and with a byte order mark', () => {
    for (const path of bundledGuides()) {
      const bytes = readFileSync(join(ROOT, path));
      expect(readsAsGuide(bytes), path).toBe(true);
      expect(mayBeGuide(bytes), path).toBe(true);
      const text = bytes.toString('utf8');
      expect(mayBeGuide(utf16le(text)), path).toBe(true);
      expect(mayBeGuide(encoder.encode(`\ufeff${text}`)), path).toBe(true);
    }
  });

  it('takes every mutation of real guides that still reads as a guide (the hostile-input mutations)', () => {
    const guides = sampleGuides();
    let guidesSeen = 0;
    fc.assert(
      fc.property(fc.nat({ max: guides.length - 1 }), fc.array(mutationArbitrary, { minLength: 1, maxLength: 8 }), (index, mutations) => {
        const bytes = encoder.encode(mutate(guides[index]!.text, mutations));
        if (readsAsGuide(bytes)) guidesSeen++;
        expectNeverSkipped(bytes, `${guides[index]!.name} ${JSON.stringify(mutations)}`);
      }),
      { seed: SEED, numRuns: 80 },
    );
    // The mutations must leave guides to test the property on, not only broken files.
    expect(guidesSeen).toBeGreaterThan(25);
  });

  // Every way the parser knows of writing a numbered heading and a table.
  const heading = fc.constantFrom(
    '## 1. Plan',
    '### 2.1. Run',
    '#  3 Build',
    '## **1.** Bold number',
    '## *1. Emphasis*',
    '## [1. Linked](https://example.org)',
    '## `1.` Code',
    '## &#49;. Reference',
    '## &#x32;. Hex reference',
    '## <!-- note -->1. After a comment',
    '## ![1](x.png) Image alt',
    '> ## 1. Quoted',
    '- ## 1. In a list',
    '1. ## 1. In an ordered list',
    '  > - ### 4.2 Deep',
    '1. Setext\n======',
    '2 Setext\n---',
    'Two lines\n3. then\n---',
    '&#52;. Setext reference\n===',
    '## 1. Closed ##',
    '#\t5.\tTabs',
    '## \u00a01. After a no-break space',
    '## [](x)1. After an empty link',
    '## \\*1. After an escaped star',
    '## ~~x~~ 1. Struck',
    '- 1 Setext in a list\n  ---',
    '> 2. Setext quoted\n> ===',
    '[^n]: note\n\n## [^n]1. After a footnote reference',
  );
  const legend = fc.constantFrom(
    '| Roles |\n| --- |\n| R: Responsible |\n| A: Accountable |',
    '| | |\n|--|--|\n| R | Responsible |\n| A | Accountable |',
    '> | Legend |\n> | --- |\n> | **R** = does it |',
    '',
  );
  const table = fc.constantFrom(
    '| Activity | Customer | OVHcloud |\n| --- | --- | --- |\n| Do it | RA | I |',
    'Activity | Customer\n--- | ---\nDo it | R/A',
    '| Activity | Notes |\n| --- | --- |\n| Do it |',
    '| Activity | Customer |\n| Do it | RA |\n| Check | C |',
    '| Activity | Customer |\n| --- |\n| Do it | RA |',
    '- | Activity | Customer |\n  | --- | --- |\n  | Do it | RA |',
    '[^1]: note\n\n    | Activity | Customer |\n    | --- | --- |\n    | Do it | RA |',
    '',
  );
  const filler = fc.constantFrom(
    '',
    'Some prose.',
    'Updated on 2024-01-02',
    '---\ntitle: T\n---',
    '```\ncode | 1\n```',
    '<div>1</div>',
    '   ',
  );
  const ending = fc.constantFrom('\n', '\r\n', '\r');
  const synthetic = fc
    .tuple(
      fc.array(fc.constantFrom('filler', 'heading', 'legend', 'table'), { minLength: 1, maxLength: 8 }),
      heading,
      legend,
      table,
      filler,
      ending,
    )
    .map(([parts, h, l, t, f, eol]) =>
      parts
        .map((part) => ({ filler: f, heading: h, legend: l, table: t })[part as 'filler'])
        .join('\n\n')
        .replace(/\n/g, eol),
    );

  it('takes every synthetic guide written in any of those ways', () => {
    let guidesSeen = 0;
    fc.assert(
      fc.property(synthetic, (text) => {
        const bytes = encoder.encode(text);
        if (readsAsGuide(bytes)) guidesSeen++;
        expectNeverSkipped(bytes, JSON.stringify(text));
      }),
      { seed: SEED, numRuns: 400 },
    );
    expect(guidesSeen).toBeGreaterThan(100);
  });

  const TOKENS = [
    '#',
    '## ',
    '1',
    '2.',
    ' ',
    '\t',
    '|',
    ' | ',
    '---',
    '===',
    '|-|',
    '\n',
    '\n\n',
    '\r',
    '> ',
    '- ',
    '* ',
    '1. ',
    '1) ',
    '&#49;',
    '&',
    '`',
    '**',
    '_',
    '[',
    ']',
    '(x)',
    '!',
    '<!-- -->',
    '\u00a0',
    '[^1]',
    '<b>',
    'R',
    'A',
    'RA',
    'Do',
    ':',
    '    ',
  ];
  it('takes any markdown-like noise that reads as a guide', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 80 }), (parts) => {
        const text = parts.join('');
        expectNeverSkipped(encoder.encode(text), JSON.stringify(text));
      }),
      { seed: SEED, numRuns: 1500 },
    );
  });
});

describe('mayBeGuide skips what cannot be a guide', () => {
  it('markdown without a pipe, or without both a heading that starts with a number and a cell of RACI letters alone', () => {
    const cases = [
      '# Project\n\nInstall it with npm.\n\n## 1. Usage\n\nRun it.',
      '# Options\n\n| option | default |\n| --- | --- |\n| `opt` | 1 |\n\n## Usage\n\nSee a page.',
      '# Tool\n\n## Numbers: 1, 2, 3\n\n| key | value |\n| - | - |\n| x | a y |',
      'Title\n\n| k | v |\n| - | - |\n| x | y |\n\n---\n\nFooter',
      '',
    ];
    for (const text of cases) {
      expect(mayBeGuide(encoder.encode(text)), text).toBe(false);
      expect(readsAsGuide(encoder.encode(text)), text).toBe(false);
    }
  });

  it('takes a table with a cell of RACI letters alone, headings or not', () => {
    const text = '# Who does what\n\n| Task | Client | Provider |\n| --- | --- | --- |\n| Back up | `R/A` | I |';
    expect(mayBeGuide(encoder.encode(text))).toBe(true);
    expect(readsAsGuide(encoder.encode(text))).toBe(true);
  });

  it('takes the synthetic documents of other layouts, held-out ones included', () => {
    const folder = join(ROOT, 'test/fixtures/other-layouts');
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter(
      (name) => name.endsWith('.md') && !name.endsWith('README.md'),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const name of files) expectNeverSkipped(readFileSync(join(folder, name)), name);
  });

  it('takes a file with both, even when the parser then finds no guide in it', () => {
    const text = '# Changelog\n\n## 2.0.0\n\nUse `a | b`.';
    expect(mayBeGuide(encoder.encode(text))).toBe(true);
    expect(readsAsGuide(encoder.encode(text))).toBe(false);
  });
});
