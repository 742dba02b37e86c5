import { describe, expect, it } from 'vitest';
import {
  cellSlice,
  containerPrefixLength,
  guessContainerPrefixLength,
  isDelimiterRow,
  isUnescapedPipe,
  looksLikeTableLine,
  splitTableRow,
} from '../../src/markdown/gfm-row.js';

/** The cells of a row as `[raw, content]` pairs, the content cut from the line by the offsets the splitter gave. */
function cells(line: string, from?: number): [string, string][] {
  return splitTableRow(line, from).map((slice) => {
    expect(line.slice(slice.start, slice.end)).toBe(slice.raw);
    return [slice.raw, line.slice(slice.contentStart, slice.contentEnd)];
  });
}

describe('splitTableRow', () => {
  it('splits on pipes, the outer pipes closing no cell', () => {
    expect(cells('| Activity | RA |  |')).toEqual([
      [' Activity ', 'Activity'],
      [' RA ', 'RA'],
      ['  ', ''],
    ]);
  });

  it('reads a row without outer pipes', () => {
    expect(cells('Activity | RA')).toEqual([
      ['Activity ', 'Activity'],
      [' RA', 'RA'],
    ]);
  });

  it('keeps escaped pipes in their cell, and a backslash escapes a backslash', () => {
    expect(cells('| a \\| b | c \\\\| d |')).toEqual([
      [' a \\| b ', 'a \\| b'],
      [' c \\\\', 'c \\\\'],
      [' d ', 'd'],
    ]);
    expect(cells('| a | b \\|')).toEqual([
      [' a ', 'a'],
      [' b \\|', 'b \\|'],
    ]);
  });

  it('starts after the block quote markers, list markers and indentation in front of the row', () => {
    expect(splitTableRow('> > | a | b |').map((slice) => slice.start)).toEqual([5, 9]);
    expect(cells('- | a | b |')).toEqual([
      [' a ', 'a'],
      [' b ', 'b'],
    ]);
    expect(cells('  1. | a |')).toEqual([[' a ', 'a']]);
    expect(cells('[^note]: | a |')).toEqual([[' a ', 'a']]);
  });

  it('starts where it is told to: the column the markdown parser gave', () => {
    expect(cells('- | a |', 2)).toEqual([[' a ', 'a']]);
  });

  it('gives an empty cell an empty content at its end', () => {
    expect(cellSlice('|   |', 1, 4)).toEqual({ start: 1, end: 4, contentStart: 4, contentEnd: 4, raw: '   ' });
  });
});

describe('container prefixes', () => {
  it('takes a `>` for each block quote and the indentation of list items and footnote definitions', () => {
    expect(containerPrefixLength('> | a |', ['blockQuote'])).toBe(2);
    expect(containerPrefixLength('  > | a |', ['listItem', 'blockQuote'])).toBe(4);
    expect(containerPrefixLength('    | a |', ['footnoteDefinition'])).toBe(4);
    expect(containerPrefixLength('> >  | a |', ['blockQuote', 'blockQuote'])).toBe(5);
  });

  it('stops at a lazy line, whose block quote markers are not written', () => {
    expect(containerPrefixLength('| a |', ['blockQuote'])).toBe(0);
    expect(containerPrefixLength('> | a |', ['blockQuote', 'blockQuote'])).toBe(2);
  });

  it('does not take a `>` for a container that is not a block quote', () => {
    expect(containerPrefixLength('  > a', ['listItem'])).toBe(2);
  });

  it('guesses the prefix of a line whose containers are unknown', () => {
    expect(guessContainerPrefixLength('> - | a |')).toBe(4);
    expect(guessContainerPrefixLength('| a |')).toBe(0);
    expect(guessContainerPrefixLength('-a | b')).toBe(0);
    expect(guessContainerPrefixLength('**R** | b')).toBe(0);
  });
});

describe('delimiter rows and table lines', () => {
  it('recognises a delimiter row after its container prefix', () => {
    expect(isDelimiterRow('> | --- | :-: |')).toBe(true);
    expect(isDelimiterRow('    |---|---|', 4)).toBe(true);
    expect(isDelimiterRow('> | --- | text |')).toBe(false);
  });

  it('takes a line with an unescaped pipe for a table line', () => {
    expect(looksLikeTableLine('> a | b')).toBe(true);
    expect(looksLikeTableLine('a \\| b')).toBe(false);
  });

  it('tells an escaped pipe from a real one, reading from the cell start', () => {
    expect(isUnescapedPipe('a \\|', 0, 3)).toBe(false);
    expect(isUnescapedPipe('a \\\\|', 0, 4)).toBe(true);
    expect(isUnescapedPipe('a |', 0, 2)).toBe(true);
  });
});
