import { closest, distance } from 'fastest-levenshtein';
import { z } from 'zod';
import { codesFrom, DIAGNOSTIC_CODES, type DiagnosticCode } from '../schema/codes.js';
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
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors: schemas/raci.config.schema.json of the package.'),
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
  .describe('The configuration of `raci check`: raci.config.json (or .yaml, .yml), or the "raci" key of package.json.');

export type RuleSetting = z.infer<typeof RuleSettingSchema>;
export type RaciConfig = z.input<typeof RaciConfigSchema>;

/**
 * The rule ids of a configuration that are no rule's, read from its own keys: a record schema skips a key
 * named `__proto__`, which must be refused like any other unknown id rather than pass unseen.
 */
function unknownRuleIds(value: unknown): string[] {
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, 'rules')) return [];
  const rules = (value as { rules: unknown }).rules;
  if (typeof rules !== 'object' || rules === null || Array.isArray(rules)) return [];
  return Object.keys(rules).filter((id) => !KNOWN_RULE_IDS.includes(id));
}

/**
 * A configuration read from a file, or the one-line reason it is not valid (`rules.x: …`) with the path of
 * the key at fault.
 */
export function parseRaciConfig(
  value: unknown,
): { success: true; config: z.output<typeof RaciConfigSchema> } | { success: false; message: string; path: string[] } {
  const [unknown] = unknownRuleIds(value);
  if (unknown !== undefined)
    return { success: false, message: `rules.${unknown}: ${unknownRuleMessage(unknown)}`, path: ['rules', unknown] };
  const result = RaciConfigSchema.safeParse(value);
  if (result.success) return { success: true, config: result.data };
  const issue = result.error.issues[0]!;
  const path = issue.path.map(String);
  return { success: false, message: `${path.length > 0 ? `${path.join('.')}: ` : ''}${issue.message}`, path };
}

/** Every rule id with the severity it has under `config` (its default where the configuration says nothing). */
export function effectiveRuleSettings(config: RaciConfig | undefined): Record<string, RuleSetting> {
  const rules = config?.rules ?? {};
  return Object.fromEntries(
    KNOWN_RULE_IDS.map((id) => [id, Object.hasOwn(rules, id) ? rules[id]! : DIAGNOSTIC_CODES[id as DiagnosticCode].severity]),
  );
}

/**
 * The JSON Schema of a configuration file, for editors (`"$schema"` in the file): generated from
 * RaciConfigSchema, with the rule ids listed so that they are completed and a misspelt one is flagged.
 */
function raciConfigJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(RaciConfigSchema, { io: 'input' }) as unknown as {
    $schema: string;
    properties: { rules: Record<string, unknown> };
  };
  schema.properties.rules.propertyNames = { enum: [...KNOWN_RULE_IDS] };
  return { $schema, title: 'raci configuration', ...schema };
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

/** Where the package ships the configuration's JSON Schema, relative to its root. */
export const CONFIG_SCHEMA_PATH = 'schemas/raci.config.schema.json';

/** The text of CONFIG_SCHEMA_PATH, as `npm run docs` writes it. */
export function renderConfigSchema(): string {
  return `${JSON.stringify(raciConfigJsonSchema(), null, 2)}\n`;
}
