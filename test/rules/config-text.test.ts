import { describe, expect, it } from 'vitest';
import { ConfigSyntaxError, readConfigText } from '../../src/rules/config-text.js';

function syntaxError(text: string, syntax: 'json' | 'yaml'): { message: string; line: number; column: number } {
  try {
    readConfigText(text, syntax);
  } catch (caught) {
    if (caught instanceof ConfigSyntaxError) return { message: caught.message, ...caught.position };
    throw caught;
  }
  throw new Error('no syntax error');
}

describe('readConfigText: JSON with comments', () => {
  it('reads comments and trailing commas, and places each value', () => {
    const text = '{\n  // severities\n  "rules": {\n    /* noisy */ "role-noncanonical": "off",\n  },\n}\n';
    const parsed = readConfigText(text, 'json');
    expect(parsed.value).toEqual({ rules: { 'role-noncanonical': 'off' } });
    expect(parsed.positionOf(['rules', 'role-noncanonical'])).toEqual({ line: 4, column: 38 });
    expect(parsed.positionOf(['rules', 'missing'])).toBeUndefined();
  });

  it('keeps a key named __proto__ as an own key instead of changing the prototype', () => {
    const { value } = readConfigText('{"rules":{"__proto__":"off"}}', 'json');
    const rules = (value as { rules: object }).rules;
    expect(Object.keys(rules)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(rules)).toBe(Object.prototype);
  });

  it('reports the first syntax error with its line and column', () => {
    expect(syntaxError('{\n  "rules": {\n    "a": "off"\n    "b": "off"\n  }\n}', 'json')).toEqual({
      message: 'not valid JSON: comma expected',
      line: 4,
      column: 5,
    });
    expect(syntaxError('', 'json')).toMatchObject({ message: 'not valid JSON: value expected', line: 1, column: 1 });
    expect(syntaxError('{ "rules": ', 'json')).toMatchObject({ message: 'not valid JSON: value expected', line: 1 });
  });
});

describe('readConfigText: YAML', () => {
  it('reads a mapping and places each value', () => {
    const parsed = readConfigText('# severities\nrules:\n  role-noncanonical: off\n  table-empty: info\n', 'yaml');
    expect(parsed.value).toEqual({ rules: { 'role-noncanonical': 'off', 'table-empty': 'info' } });
    expect(parsed.positionOf(['rules', 'table-empty'])).toEqual({ line: 4, column: 16 });
  });

  it('keeps a key named __proto__ as an own key', () => {
    const rules = (readConfigText('rules:\n  __proto__: off\n', 'yaml').value as { rules: object }).rules;
    expect(Object.keys(rules)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(rules)).toBe(Object.prototype);
  });

  it('reports syntax errors, duplicate keys and alias bombs with a place', () => {
    expect(syntaxError('rules:\n  a: off\n b: [\n', 'yaml')).toMatchObject({
      message: expect.stringMatching(/^not valid YAML: /),
      line: 3,
    });
    expect(syntaxError('rules:\n  a: off\n  a: info\n', 'yaml')).toMatchObject({ message: expect.stringContaining('unique'), line: 3 });
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      ...'bcdefghi'.split('').map((key, index) => `${key}: &${key} [${Array(10).fill(`*${'abcdefghi'[index]}`).join(', ')}]`),
    ];
    expect(syntaxError(`${bomb.join('\n')}\n`, 'yaml').message).toMatch(/^not valid YAML: .*alias/i);
  });
});
