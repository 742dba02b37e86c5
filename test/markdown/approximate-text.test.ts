import { describe, expect, it } from 'vitest';
import { approximateInlineText } from '../../src/markdown/approximate-text.js';

describe('approximateInlineText', () => {
  it('reads inline links and images as their text, nested ones and parentheses in destinations too', () => {
    expect(approximateInlineText('[R](#r)', false)).toEqual(['R']);
    expect(approximateInlineText('![R](x.png "t")', false)).toEqual(['R']);
    expect(approximateInlineText('[R](a(b)) and [C](c)', false)).toEqual(['R and C']);
    expect(approximateInlineText('[![R](badge.svg)](https://example.org)', false)).toEqual(['R']);
  });

  it('leaves brackets as written unless the document defines references, then reads them as links or footnotes', () => {
    expect(approximateInlineText('[R][r] [x]', false)).toEqual(['[R][r] [x]']);
    expect(approximateInlineText('[R][r] A[^1] ![C][c]', true)).toEqual(['R A C']);
  });

  it('decodes character references, and keeps the text as written as a second answer', () => {
    expect(approximateInlineText('&#82;&#x41; &amp; &nbsp;x', false)).toEqual(['RA & x', '&#82;&#x41; &amp; &nbsp;x']);
    expect(approximateInlineText('&#0; &unknownname;', false)).toEqual(['\ufffd &unknownname;', '&#0; &unknownname;']);
  });

  it('leaves out HTML comments, attribute lists and the markers of emphasis, code, strike and escapes', () => {
    expect(approximateInlineText('**R** <!-- note --> `A` ~~C~~ \\| _I_ [x](u){.external}', false)).toEqual(['R A C | I x']);
  });

  it('keeps raw HTML, which the parser keeps in the text', () => {
    expect(approximateInlineText('<b>R</b>', false)).toEqual(['<b>R</b>']);
  });

  it('reads a line of unmatched brackets in one pass', () => {
    const line = '[]('.repeat(50_000);
    expect(approximateInlineText(line, true)[0]).toBe('('.repeat(50_000));
  });
});
