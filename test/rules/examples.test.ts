import { describe, expect, it } from 'vitest';
import { checkGuideText } from '../../src/rules/check-guide.js';
import { applyFixes } from '../../src/rules/fix.js';
import { DIRECTIVES, RULES } from '../../src/rules/rule-table.js';
import { codesFrom, DIAGNOSTIC_CODES } from '../../src/schema/codes.js';
import { exampleFinding, exampleGuide } from '../helpers/rule-examples.js';

/**
 * Every example of every rule and comment check (remark-lint's way): checked
 * as written, `raci check` reports exactly the findings it lists, each with the
 * default severity of the code table, and `--fix` gives the fixed markdown.
 */
describe('rule examples', () => {
  it('every rule and comment check of the code table has one module, and no module is outside it', () => {
    expect(RULES.map((rule) => rule.id)).toEqual(codesFrom('rule'));
    expect(DIRECTIVES.map((rule) => rule.id)).toEqual(codesFrom('directive'));
  });

  for (const rule of [...RULES, ...DIRECTIVES]) {
    describe(rule.id, () => {
      it('has a failing and a passing example', () => {
        expect(rule.examples.some((example) => example.findings.length > 0)).toBe(true);
        expect(rule.examples.some((example) => example.findings.length === 0)).toBe(true);
      });

      rule.examples.forEach((example, index) => {
        it(`example ${index + 1}: ${example.findings.length > 0 ? 'fails' : 'passes'} with exactly the findings it lists`, () => {
          const result = checkGuideText(exampleGuide(example.markdown));
          expect(result.findings.map((finding) => exampleFinding(finding, rule.id))).toEqual(example.findings);
          for (const finding of result.findings) expect(finding.severity).toBe(DIAGNOSTIC_CODES[finding.code].severity);
          if (!rule.fixable) expect(result.findings.filter((finding) => finding.code === rule.id && finding.fix)).toEqual([]);
          if (example.fixed !== undefined) expect(applyFixes(result.text, result.findings).text).toBe(exampleGuide(example.fixed));
        });
      });

      it(rule.fixable ? 'has an example of its fix' : 'has no fix', () => {
        expect(rule.examples.some((example) => example.fixed !== undefined)).toBe(rule.fixable);
      });
    });
  }
});
