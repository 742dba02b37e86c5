import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledGuides, EMAIL_PRO_GUIDE, readText, repeatedGuide } from '../../scripts/synthetic-guides.js';
import { DEFAULT_CHUNK_SIZE, parseMarkdownChunked } from '../../src/markdown/chunked-parse.js';
import { parseMarkdown } from '../../src/markdown/processor.js';
import { analyseGuide } from '../../src/parse/analyse-guide.js';

/** Counts the pieces a chunked parse used, by wrapping the per-piece parser. */
function chunkedWithCount(text: string, chunkSize: number): { tree: ReturnType<typeof parseMarkdown>; parses: number } {
  let parses = 0;
  const tree = parseMarkdownChunked(text, {
    chunkSize,
    parse: (piece) => {
      parses++;
      return parseMarkdown(piece);
    },
  });
  return { tree, parses };
}

describe('chunked parse: identical to one whole parse', () => {
  const guides = bundledGuides();

  it('finds the bundled guides', () => {
    expect(guides.length).toBeGreaterThanOrEqual(40);
  });

  it.each(guides.map((path) => [path.split('/pages/')[1]!, path]))(
    '%s, cut into small pieces: same tree (positions included), model and diagnostics',
    (_name, path) => {
      const text = readText(path);
      const whole = parseMarkdown(text);
      const { tree, parses } = chunkedWithCount(text, 200);
      // Small pieces force many splits in every real guide, so the fast path is really exercised.
      expect(parses).toBeGreaterThan(3);
      expect(tree).toEqual(whole);
      expect(analyseGuide(text, { locale: 'en-gb' }, () => tree)).toEqual(analyseGuide(text, { locale: 'en-gb' }, () => whole));
    },
  );

  it('a large synthetic guide (the Email Pro guide repeated to 200 KB) with the default piece size: same tree, model and diagnostics', () => {
    const text = repeatedGuide(readText(EMAIL_PRO_GUIDE), 200_000);
    const whole = parseMarkdown(text);
    const { tree, parses } = chunkedWithCount(text, DEFAULT_CHUNK_SIZE);
    expect(parses).toBeGreaterThan(10);
    expect(tree).toEqual(whole);
    const fast = analyseGuide(text, {});
    const slow = analyseGuide(text, {}, () => whole);
    expect(fast).toEqual(slow);
    expect(fast.model.sections.length).toBeGreaterThan(100);
  });

  it('a large guide made of every bundled guide, CRLF line endings: same tree', () => {
    const text = guides
      .map((path) => readText(path))
      .join('\n')
      .replace(/\r?\n/g, '\r\n');
    expect(text.length).toBeGreaterThan(150_000);
    const { tree, parses } = chunkedWithCount(text, 10_000);
    expect(parses).toBeGreaterThan(10);
    expect(tree).toEqual(parseMarkdown(text));
  });

  it('a guide with every line indented by one space still parses in pieces, to the same tree', () => {
    const indented = repeatedGuide(readText(EMAIL_PRO_GUIDE), 40_000).replace(/^/gm, ' ');
    const { tree, parses } = chunkedWithCount(indented, 2_000);
    expect(parses).toBeGreaterThan(10);
    expect(tree).toEqual(parseMarkdown(indented));
  });

  it('keeps a document below twice the piece size whole', () => {
    const text = readText(EMAIL_PRO_GUIDE);
    expect(chunkedWithCount(text, 24_000).parses).toBe(1);
  });
});

describe('chunked parse: blocks that swallow the next line', () => {
  const cases: [string, string][] = [
    ['an unclosed fence', '# A\n\npara\n\n```\ncode\n\n# not a heading\n\ntext\n'],
    ['a fence closed later, by a longer one', '# A\n\n````\n```\n# inside\n\n`````\n\n# B\n\nafter\n'],
    ['a tilde fence with a backtick line', '# A\n~~~\n```\n# inside\n~~~\n# B\n'],
    ['an HTML comment', '# A\n<!--\n\n# inside\n\nstill\n-->\n# B\n'],
    ['an HTML comment closed on the heading line', '# A\n<!--\n# inside -->\n# B\n'],
    ['a script block', '# A\n<script>\n# inside\n\nx\n</script>\n# B\n'],
    ['a div block (ends at a blank line)', '# A\n<div>\n# inside\n\n# B\n'],
    ['a CDATA block', '# A\n<![CDATA[\n# inside\n]]>\n# B\n'],
    ['a declaration', '# A\n<!DOCTYPE\n# inside\n>\n# B\n'],
    ['a processing instruction', '# A\n<?php\n# inside\n?>\n# B\n'],
    ['front matter with a YAML comment', '---\ntitle: x\n# a comment\n\nfoo: bar\n---\n# A\n'],
    ['an unclosed front matter', '---\ntitle: x\n# A\n\ntext\n'],
    [
      'an unclosed front matter, then block quotes and lists',
      '---\n# A\n> quote\n\n- item\n\n# B\n\n> quote\n\n[a][r]\n\n# C\n\n[r]: /u\n',
    ],
    ['a loose list across a blank line', '# A\n- one\n\n- two\n\nafter\n# B\n'],
    ['a block quote, then a lazy line', '# A\n> quote\nlazy\n\nafter\n'],
    ['a footnote definition with an indented paragraph', '# A\n[^1]: note\n\n    more note\n\nafter [^1]\n'],
    ['a table without a blank line before the heading', '| a | b |\n| - | - |\n| 1 | 2 |\nrow without pipes\n# A\n| c |\n| - |\n'],
    ['a setext heading after a heading', '# A\ntext\n---\n# B\n===\n'],
    [
      'a reference before its definition, in another piece',
      '# A\n\n[link][ref] and [^n] and [ref]\n\n# B\n\n[ref]: https://example.com "t"\n\n[^n]: a note\n',
    ],
    ['a definition label with escapes and case', '# A\n\n[Foo\\]  Bar][]\n\n# B\n\n[foo\\] bar]: /u\n'],
    ['a BOM-like character after a blank line', '# A\n\n\uFEFFtext\n\n# B\n'],
    ['a byte order mark at the start (micromark does not count it)', '\uFEFFbom\n   # indented heading\n# Heading\n\ntext\n'],
    ['indented headings, one inside a list item', '  # A\n- item\n  # inside the item\n\n  text in the item\n\n # B\n   | t |\n   | - |\n'],
    [
      'every line indented by a space (the fast path still cuts)',
      ' # A\n\n text\n\n | a | b |\n | - | - |\n | 1 | 2 |\n\n ## B\n\n more\n',
    ],
  ];
  it.each(cases)('%s', (_name, text) => {
    // A piece size of 1 tries a split before every candidate line.
    expect(parseMarkdownChunked(text, { chunkSize: 1 })).toEqual(parseMarkdown(text));
  });
});

describe('chunked parse: random documents from tricky lines (property)', () => {
  const lines = [
    '# Heading',
    '## 1. Section',
    '#',
    '#hashtag',
    '',
    '   ',
    'Some text with **bold',
    'Setext title',
    '===',
    '---',
    '***',
    '- item',
    '* item',
    '+ item',
    '1. item',
    '2) item',
    '  continued',
    '    indented code',
    '\tTabbed',
    '> quote',
    '>',
    '```',
    '````',
    '~~~',
    '```js',
    '<!--',
    '-->',
    '<div>',
    '</div>',
    '<script>',
    '</script>',
    '<pre>',
    '<?php',
    '?>',
    '<![CDATA[',
    ']]>',
    '<!DOCTYPE html',
    '>',
    '| Activity | Customer | OVHcloud |',
    '| --- | --- | --- |',
    '| a | RA | I |',
    '| --- |',
    'row without pipes',
    '[ref]: https://example.com',
    '[Ref]',
    '[text][ref]',
    '[^1]: note',
    'a call[^1]',
    '[^1]',
    'www.example.com',
    '<https://example.com>',
    'title: x',
    '\uFEFFbom',
    'text -->',
    '# heading -->',
    '[label',
    'spanning]: /url',
    '`code',
    'span`',
    '#\tTab heading',
    '> # quoted heading',
    '- # listed heading',
    '  ```',
    '- ```',
    '> ```',
    '[^1]:',
    '<pre>',
    '</pre>',
    '</style> x',
    '<a href="x">',
    ':---|',
    '- [ ] task',
    ' # one space',
    '  ## two spaces',
    '   ### three',
    '    # four: code',
    '  text',
    ' | a | b |',
    '   <!--',
    '  - nested item',
    '   1. deep',
  ];
  const documents = fc.record({
    frontMatter: fc.constantFrom('none', 'closed', 'open'),
    body: fc.array(fc.constantFrom(...lines), { minLength: 1, maxLength: 40 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    finalEol: fc.boolean(),
    bom: fc.boolean(),
    chunkSize: fc.integer({ min: 1, max: 60 }),
  });
  it('cutting anywhere gives the whole parse', () => {
    fc.assert(
      fc.property(documents, ({ frontMatter, body, eol, finalEol, bom, chunkSize }) => {
        // 'open': a `---` on line 1 that never closes changes how micromark reads the rest.
        const all =
          frontMatter === 'closed'
            ? ['---', 'title: T', '# comment', '---', ...body]
            : frontMatter === 'open'
              ? ['---', 'title: T', ...body]
              : body;
        const text = (bom ? '\uFEFF' : '') + all.join(eol) + (finalEol ? eol : '');
        expect(parseMarkdownChunked(text, { chunkSize })).toEqual(parseMarkdown(text));
      }),
      { numRuns: 400 },
    );
  });
});
