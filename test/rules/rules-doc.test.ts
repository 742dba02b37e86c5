import { describe, expect, it } from 'vitest';
import { checkGuideText } from '../../src/rules/check-guide.js';
import { DIRECTIVE_RULES, RULES } from '../../src/rules/rule-table.js';
import { renderRulesDoc } from '../../src/rules/rules-doc.js';
import { LEGEND } from '../helpers/check.js';

/** A doc example as a guide: the legend unless the example has its own, and a numbered section unless it has one. */
function asGuide(example: string): string {
  const legend = /^\| [A-Z]: /m.test(example) ? '' : `${LEGEND}\n\n`;
  const section = /^## \d/m.test(example) ? '' : '## 1. Before subscription\n\n';
  return `---\ntitle: Example\n---\n\n${legend}${section}${example}\n`;
}

describe('docs/rules.md', () => {
  it('is generated from the rule table (run vitest -u after editing the table)', async () => {
    await expect(renderRulesDoc()).toMatchFileSnapshot('../../docs/rules.md');
  });

  it('has one section per rule, with both examples and a fix', () => {
    const doc = renderRulesDoc();
    for (const rule of [...RULES, ...DIRECTIVE_RULES]) {
      expect(doc).toContain(`## ${rule.id}\n`);
    }
  });

  for (const rule of [...RULES, ...DIRECTIVE_RULES]) {
    it(`${rule.id}: the failing example triggers it, the passing one finds nothing at all`, () => {
      expect(checkGuideText(asGuide(rule.failing)).findings.map((finding) => finding.code)).toContain(rule.id);
      expect(checkGuideText(asGuide(rule.passing)).findings.map((finding) => `${finding.code}: ${finding.message}`)).toEqual([]);
    });
  }
});
