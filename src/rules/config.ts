import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { codesFrom } from '../schema/codes.js';
import type { Finding } from '../schema/finding.js';

/**
 * Every id a configuration or a `raci-disable` comment may name: every code of
 * the code table, the rules first (a misspelt id is most likely a rule's).
 */
export const KNOWN_RULE_IDS: readonly string[] = [...codesFrom('rule'), ...codesFrom('directive'), ...codesFrom('parser')];

/** `“acountable-multiple” is not a rule id; did you mean “accountable-multiple”?` */
export function unknownRuleMessage(id: string): string {
  const suggestion = closest(id, [...KNOWN_RULE_IDS]);
  const near = suggestion !== undefined && distance(id, suggestion) <= Math.max(2, Math.floor(id.length / 4));
  return `“${id}” is not a rule id${near ? `; did you mean “${suggestion}”?` : ' (see docs/rules.md and docs/diagnostics.md)'}`;
}

export const RuleSettingSchema = z
  .enum(['off', 'info', 'warning', 'error'])
  .describe('`off` drops the findings of the rule; the others set their severity.');

export const RaciConfigSchema = z
  .strictObject({
    $schema: z.string().optional(),
    rules: z
      .record(z.string(), RuleSettingSchema)
      .default({})
      .describe('Rule id (a RACI rule, a parser diagnostic code, or disable-unused / disable-misplaced) → severity.'),
  })
  .superRefine((config, context) => {
    for (const id of Object.keys(config.rules)) {
      if (!KNOWN_RULE_IDS.includes(id)) context.addIssue({ code: 'custom', path: ['rules', id], message: unknownRuleMessage(id) });
    }
  })
  .describe('The configuration of `raci check`: raci.config.json, or the "raci" key of package.json.');

export type RuleSetting = z.infer<typeof RuleSettingSchema>;
export type RaciConfig = z.input<typeof RaciConfigSchema>;

/** A configuration read from JSON, or the one-line reason it is not valid (`rules.x: …`). */
export function parseRaciConfig(
  value: unknown,
): { success: true; config: z.output<typeof RaciConfigSchema> } | { success: false; message: string } {
  const result = RaciConfigSchema.safeParse(value);
  if (result.success) return { success: true, config: result.data };
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  return { success: false, message: `${path ? `${path}: ` : ''}${issue.message}` };
}

/** Findings with the configured severities; rules set to `off` are dropped. */
export function applySeverities(findings: readonly Finding[], config: RaciConfig | undefined): Finding[] {
  const rules = config?.rules ?? {};
  const kept: Finding[] = [];
  for (const finding of findings) {
    const setting = Object.hasOwn(rules, finding.code) ? rules[finding.code] : undefined;
    if (setting === 'off') continue;
    kept.push(setting ? { ...finding, severity: setting } : finding);
  }
  return kept;
}
