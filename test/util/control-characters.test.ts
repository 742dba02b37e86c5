import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeControlCharacters, inertLines, inertText, stringifyJson } from '../../src/util/control-characters.js';
import { mapStrings } from '../../src/util/map-strings.js';
import { CLIPBOARD_ESCAPE, commandLines, INJECTED_COMMAND, RAW_CONTROL, TITLE_ESCAPE } from '../helpers/injection.js';

const SEED = 21;

describe('escapeControlCharacters', () => {
  it('shows line breaks as \\n and \\r, other controls as \\xNN, and keeps tab and everything else', () => {
    expect(escapeControlCharacters(`a\nb\r\nc\td${TITLE_ESCAPE}`)).toBe('a\\nb\\r\\nc\td\\x1b]0;PWNED\\x07');
    expect(escapeControlCharacters('\u0000\u001f\u007f\u0080\u009b\u00a0é‮')).toBe('\\x00\\x1f\\x7f\\x80\\x9b\u00a0é‮');
  });

  it('leaves no control character but tab, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        expect(escapeControlCharacters(text)).not.toMatch(RAW_CONTROL);
        expect(escapeControlCharacters(text)).not.toContain('\n');
      }),
      { seed: SEED },
    );
  });

  it('changes nothing in text without control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        fc.pre(!RAW_CONTROL.test(text) && !text.includes('\n'));
        expect(escapeControlCharacters(text)).toBe(text);
      }),
      { seed: SEED },
    );
  });
});

describe('inertText', () => {
  it('escapes a workflow command at the start, after spaces, and the older ##[ form anywhere', () => {
    expect(inertText(INJECTED_COMMAND)).toBe('\\x3a:error file=README.md,line=1,title=Injected::Security review passed');
    expect(inertText('  ::stop-commands::x')).toBe('  \\x3a:stop-commands::x');
    expect(inertText('a ##[error]b')).toBe('a #\\x23[error]b');
    expect(inertText(`x\n${INJECTED_COMMAND}`)).toBe(`x\\n${INJECTED_COMMAND}`);
  });

  it('keeps a :: that cannot open a line', () => {
    expect(inertText('Hours: 9::17')).toBe('Hours: 9::17');
  });

  it('never gives a command line, nor a raw control, even printed at the start of a line', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(':', '#', '[', ' ', '\n', '\r', '\u001b', 'a') }), (text) => {
        const shown = inertText(text);
        expect(shown).not.toMatch(RAW_CONTROL);
        expect(shown).not.toContain('\n');
        expect(commandLines(shown)).toEqual([]);
      }),
      { seed: SEED },
    );
  });
});

describe('inertLines', () => {
  it('keeps LF and CRLF line breaks, makes each line inert, shows a lone CR', () => {
    expect(inertLines(`a\r\n::b\nc\rd${CLIPBOARD_ESCAPE}`)).toBe('a\n\\x3a:b\nc\\rd\\x1b]52;c;cm0gLXJmIH4=\\x07');
  });
});

describe('stringifyJson', () => {
  it('is JSON.stringify with DEL and C1 controls as \\u escapes: the same data, no raw control', () => {
    const value = { text: `a\u007f\u009b${TITLE_ESCAPE}`, list: [1, null, true] };
    const json = stringifyJson(value);
    expect(json).toContain('a\\u007f\\u009b\\u001b]0;PWNED\\u0007');
    // Line feeds are the indentation's own.
    expect(json).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('mapStrings', () => {
  it('maps every string, keys included, and keeps a __proto__ key as a key', () => {
    const value = JSON.parse('{"a\\n":["x\\u001b",{"__proto__":"p"}],"n":1,"z":null}') as object;
    const mapped = mapStrings(value, inertText) as Record<string, unknown>;
    expect(mapped).toEqual({ 'a\\n': ['x\\x1b', JSON.parse('{"__proto__":"p"}')], n: 1, z: null });
    expect(Object.getPrototypeOf((mapped['a\\n'] as object[])[1])).toBe(Object.prototype);
    expect(Object.keys((mapped['a\\n'] as object[])[1]!)).toEqual(['__proto__']);
  });
});
