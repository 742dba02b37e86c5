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

  // Tables built cell by cell: every way of writing a cell that the parser reads, party cells
  // that hold no valid letter (a numbered guide still has activities), the provider's column
  // first, missing cells, no leading pipes, no delimiter row, inside quotes and lists.
  const partyCell = fc.constantFrom(
    'RA',
    'I',
    'r/a',
    '**A**',
    '`C`',
    '[R](#r)',
    '[R](a(b))',
    '![R](x.png)',
    '&#82;',
    '&#x41;',
    '~~R~~',
    'R[^1]',
    '[R][r]',
    '[R]',
    'R <!-- c -->',
    'R{.x}',
    'C (note)',
    'R \\| A',
    '<b>R</b>',
    'X',
    '✓',
    '10',
    '',
    'MP',
    '-',
    'yes',
    '&amp;',
    '&AMP;',
    '`&AMP;`',
    'Ä',
  );
  const activityCell = fc.constantFrom('Do it', 'Back up the data', 'Run *it*', '[Plan](x)', 'Ü', '', '1');
  const tableRow = fc.record({
    before: fc.array(partyCell, { maxLength: 1 }),
    activity: activityCell,
    after: fc.array(partyCell, { minLength: 1, maxLength: 3 }),
    drop: fc.nat({ max: 2 }),
  });
  const builtTable = fc
    .record({
      header: fc.constantFrom('Activity', 'Tâche', 'R', '#'),
      rows: fc.array(tableRow, { minLength: 1, maxLength: 4 }),
      pipes: fc.constantFrom('both', 'leading', 'none'),
      delimiter: fc.constantFrom('right', 'missing', 'short'),
      container: fc.constantFrom('', '> ', '- ', '  '),
      after: fc.constantFrom('', 'Text right after.', '## 9. Heading right after', '| lone | row |'),
    })
    .map(({ header, rows, pipes, delimiter, container, after }) => {
      const first = rows[0]!;
      const width = first.before.length + 1 + first.after.length;
      const line = (cells: string[]) =>
        pipes === 'both' ? `| ${cells.join(' | ')} |` : pipes === 'leading' ? `| ${cells.join(' | ')}` : cells.join(' | ');
      const headerCells = [...first.before.map(() => 'OVHcloud'), header, ...first.after.map((_, index) => `Party ${index}`)];
      const delimiterCells = Array.from({ length: delimiter === 'short' ? Math.max(1, width - 1) : width }, () => '---');
      const body = rows.map(({ before, activity, after: parties, drop }) => {
        const cells = [...before, activity, ...parties];
        return line(cells.slice(0, Math.max(1, cells.length - drop)));
      });
      const lines = [line(headerCells), ...(delimiter === 'missing' ? [] : [line(delimiterCells)]), ...body, ...(after ? [after] : [])];
      return lines.map((text, index) => (index === 0 || container !== '- ' ? container : '  ') + text).join('\n');
    });
  // Every way of writing a legend the parser knows.
  const builtLegend = fc.constantFrom(
    '- R: Responsible\n- A: Accountable',
    '* **R** - Responsible\n* **A** - Accountable',
    '1. R = Responsible\n2. A = Accountable',
    '- R: Responsible\n\n- A: Accountable',
    '- [ ] R: Responsible\n- [x] A: Accountable',
    '- [R](#r): Responsible\n- &#65;: Accountable',
    '- <!-- c -->R: Responsible\n- A: Accountable',
    '- É: Exécute\n- V – Valide',
    '-\n  R: Responsible\n-\n  A: Accountable',
    '- R\n  : Responsible\n- A\n  : Accountable',
    '**R** = Responsible\n**A** = Accountable',
    '__R__: Responsible',
    '> **R**: Responsible',
    '**&#82;** = Responsible',
    '<dl><dt>R</dt><dd>Responsible</dd><dt>A</dt><dd>Accountable</dd></dl>',
    '| Legend |\n| --- |\n| R: Responsible |\n| A: Accountable |',
    '| | |\n|--|--|\n| r | Responsible |\n| a | Accountable |',
    '| | |\n|--|--|\n| (R) Realize | x |',
    '| Rôles |\n| --- |\n| **R**éalisation |\n| **A**pprobation |',
    '| Legend |\n| --- |\n| [R](#x) = Responsible |',
    'Legend | x\n--- | ---\nR | Responsible',
    '| Legend |\n| R: Responsible |\n| A: Accountable |',
  );
  const section = fc.constantFrom('## 1. Plan', '### 2.1 Run', '## Plan', '# Guide', 'Plan\n----', '1. Setext\n===');
  const definitions = fc.constantFrom('', '[^1]: A note.', '[r]: https://example.org', '[R]: https://example.org');
  // Code fences the pre-check follows (at the first column, after a blank line) and ones it must not.
  const codeOrNot = fc.constantFrom(
    '```\n| x | RA |\n```',
    '```md\n| x | RA |',
    '~~~\n## 1. Code\n~~~~',
    '````\n```\n| x | RA |\n````',
    '``` a`b\n| x | RA |',
    'Text\n```\n| x | RA |\n```',
    '- item\n\n  ```\n  code',
    '> ```\n> code',
    '<!--\n\n```\n\n-->',
    '<pre>\n\n```\n</pre>',
    '<div>\n\n```\n</div>',
    '<div>\n```\n</div>',
    '   ```\n| x | RA |\n   ```',
  );
  const frontMatter = fc.constantFrom('', '---\ntitle: T\n---', '---\ntitle: T\n\n```\n---', '---\n\n```');
  const builtGuide = fc
    .tuple(
      fc.array(fc.constantFrom('section', 'legend', 'table', 'prose', 'code'), { minLength: 1, maxLength: 7 }),
      section,
      builtLegend,
      builtTable,
      definitions,
      codeOrNot,
      frontMatter,
    )
    .map(([parts, heading, legendText, tableText, definition, code, front]) =>
      [
        front,
        ...parts.map(
          (part) => ({ section: heading, legend: legendText, table: tableText, prose: 'Some words | and a pipe.', code })[part as 'prose'],
        ),
        definition,
      ].join('\n\n'),
    );

  it('takes every guide built from tables, cells and legends written in any of those ways', () => {
    let guidesSeen = 0;
    fc.assert(
      fc.property(builtGuide, (text) => {
        const bytes = encoder.encode(text);
        if (readsAsGuide(bytes)) guidesSeen++;
        expectNeverSkipped(bytes, JSON.stringify(text));
      }),
      { seed: SEED, numRuns: 1500 },
    );
    expect(guidesSeen).toBeGreaterThan(200);
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
    '~~',
    '&#82;',
    '&amp;',
    '[R]',
    '[^1]: x',
    '[r]: y',
    '(R)',
    '**R**',
    'X',
    '✓',
    '10',
    '<dl><dt>R</dt><dd>x</dd></dl>',
    '-->',
    '{.x}',
    '| R |',
    '| x | RA |',
    '|---|---|',
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
  it('markdown with no table of activities and no legend under numbered headings', () => {
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

  it('takes a file that may hold a table of activities, even when the parser then finds no guide in it', () => {
    const text = '# Usage\n\n## 1. Output\n\n<div>\n| name | |\n| size | 10 |\n</div>';
    expect(mayBeGuide(encoder.encode(text))).toBe(true);
    expect(readsAsGuide(encoder.encode(text))).toBe(false);
  });

  it('skips numbered changelogs whose tables hold only text, and tables of codes with no party column', () => {
    const cases = [
      '# Changelog\n\n## 0.1.0\n\n| Version | Changes |\n| --- | --- |\n| 0.1.0 | <ul><li>Fixes</li></ul> |',
      '# Commands\n\n| Command | Description |\n| --- | --- |\n| &L | Set position to the left |\n| &C | Set position to the center |',
      '# 导入\n\n| 值 | 描述 |\n| --- | --- |\n| 默认 | 文本 |\n\n## 0.2.0\n\nText.',
      '## 1. Install\n\n- C-style strings are supported.\n\nUse `a | b`.',
    ];
    for (const text of cases) {
      expect(mayBeGuide(encoder.encode(text)), text).toBe(false);
      expect(readsAsGuide(encoder.encode(text)), text).toBe(false);
    }
  });

  // Guides that a search over a million generated documents found the pre-check skipping, each cut down to a few lines.
  const TABLE = '| Task | Party |\n|---|---|\n| Do | MP |';
  const foundByFuzzing: Record<string, string> = {
    'a heading in a footnote definition': `[^1]: ## 1. Plan\n\n${TABLE}`,
    'a heading that is an autolink': `## <1.a@b.co>\n\n${TABLE}`,
    'a setext heading that is an autolink': `<1.a@b.co>\n===\n\n${TABLE}`,
    'a link title with a parenthesis, in a party cell': '| Task | P |\n|---|---|\n| Do | [R](x "a)") |',
    'a link title with a parenthesis, in a legend table': '## 1. Plan\n\n| | |\n|---|---|\n| [R](x "a)") | Responsible |',
    'a link title with a parenthesis, in a legend list': '## 1. Plan\n\n- [R](x "a)"): Responsible\n- [A](x "a)"): Accountable',
    'a destination in angle brackets with a parenthesis': '| Task | P |\n|---|---|\n| Do | [R](<a)b>) |',
    'a quoted line right after a table': '| P | Task | Q |\n|---|---|---|\n| R | Do | MP |\n> | Note | x |',
    'a line right after a quoted table': '> | P | Task | Q |\n> |---|---|---|\n> | R | Do | MP |\nNote | x',
    'a thematic break under a table with no delimiter row': '## 1. Plan\n\n| Task | Party |\n| Do | MP |\n- - -',
    'a quoted rule under a table with no delimiter row': '| P | Task | Q |\n| R | Do | MP |\n> ---',
    'a thematic break under a legend with no delimiter row': '## 1. Plan\n\n| Legend |\n| R: Responsible |\n- - -',
    'a body row that looks like a delimiter row': '## 1. Plan\n\n| Task | Party |\n|---|---|\n| - |',
    'a header that looks like a delimiter row': '## 1. Plan\n\n|-|-|\n| Do |',
    'a header and a delimiter row alike': '## 1. Plan\n\n|-|-|\n|-|-|\n| Do |',
    'a header that looks like a delimiter row, no numbers': '| - | - | - |\n| R | Do |',
    'a no-break space after the header': '## 1. Plan\n\n| Task | P |\u00a0\n|---|---|---|\n| Do | Words |',
    'a one-column legend with no pipe': '## 1. Plan\n\nLegend\n:-\nR: Responsible',
    'a one-column legend with no pipe and bold letters': 'Legend\n-:\n**R**esponsible\n\n## 1. Plan',
    'footnote references before legend letters': '## 1. Plan\n\n- [^1]R: Responsible\n- [^1]A: Accountable\n\n[^1]: note',
    'a comment over two lines in legend items': '## 1. Plan\n\n- R<!--\n  -->: Responsible\n- A<!--\n  -->: Accountable',
    'an indented code line above a table': '    | a |\n| P | Task | Q |\n| R | Do | MP |',
    'a header after an ordered list marker that continues a paragraph': '## 1. Plan\n\nIntro\n2. | Task | Party\n|---|\n| Do | Words |',
    'front matter left open': '---\n## 1. Plan\n\n> | Task |\n|---|---|\n| Do |',
    'an indented dash as a delimiter row': '| Task | P |\n    - \n| Do | R |',
    'two byte order marks': `\ufeff\ufeff## 1. Plan\n\n${TABLE}`,
    'a legend link whose text starts on the line above': '- [\nR]():p\n- A:c\n# 1',
    'a recovered table, then a one-column table interrupting its paragraph': '|-|-|-\n|[R]()|;\nL\n-:',
    'a rule under the row of a one-column table with no pipe': 'L\n-:\n**R**p\n---\n# 1',
    'a delimiter row under the row of a collapsed table': 'P|P\n-|\n)|R()\n-|',
    'a list item that looks like a delimiter row under a row': '# [1]()\nQ||\n-|\n\udc11\n- |',
    'a link title over two lines in a legend item': '# [1]()\r- [R](x "\n"):p\r- A:c',
    'a line after a table in a list item, less indented': '- H||||\n  -|-|-|-\n  A|)\nt',
    'a link destination that opens with a lone angle bracket': '||e\n|>|[R](<)',
  };

  it.each(Object.entries(foundByFuzzing))('takes %s', (_name, text) => {
    expect(readsAsGuide(encoder.encode(text))).toBe(true);
    expect(mayBeGuide(encoder.encode(text))).toBe(true);
  });

  it('takes a party column first when a table follows another block without a blank line', () => {
    const text = '# Guide\n\n| A | B |\n|---|---|\n| x | y |\n## Plan\n| Name | Do | X |\n| R | Do it | X |\n';
    expect(readsAsGuide(encoder.encode(text))).toBe(true);
    expect(mayBeGuide(encoder.encode(text))).toBe(true);
  });

  it('takes a legend and numbered sections with no table at all', () => {
    const text = '---\ntitle: T\n---\n\n- **R** - Responsible\n- **A** - Accountable\n\n## 1. Before\n\nText.';
    expect(readsAsGuide(encoder.encode(text))).toBe(true);
    expect(mayBeGuide(encoder.encode(text))).toBe(true);
  });
});
