import type { RuleExample } from '../../src/rules/rule-finding.js';
import { ruleModule } from '../../src/rules/rule-table.js';
import type { Finding } from '../../src/schema/finding.js';
import { LEGEND } from './check.js';

/**
 * An example of docs/rules.md as the guide it is checked as: the example
 * first, so positions are its own, then the legend (unless it has one) and a
 * title, which `raci check` would otherwise report as missing.
 */
export function exampleGuide(markdown: string): string {
  const legend = /^\| [A-Z]: /m.test(markdown) ? '' : `\n\n${LEGEND}`;
  return `${markdown}${legend}\n\n# Example\n`;
}

/** The guide of a rule's first failing example. */
export function failingExampleGuide(id: string): string {
  const example = ruleModule(id)?.examples.find((candidate: RuleExample) => candidate.findings.length > 0);
  if (!example) throw new Error(`no failing example for ${id}`);
  return exampleGuide(example.markdown);
}

/** A finding as an example lists it: `line:column-endLine:endColumn: message`, and ` [code]` when not the rule's own. */
export function exampleFinding(finding: Finding, ruleId: string): string {
  const code = finding.code === ruleId ? '' : ` [${finding.code}]`;
  return `${finding.line}:${finding.column}-${finding.endLine}:${finding.endColumn}: ${finding.message}${code}`;
}
