import { DIRECTIVE_RULES, RULES, type RuleDoc } from './rule-table.js';

function section(rule: RuleDoc): string {
  return [
    `## ${rule.id}`,
    '',
    `Default severity: **${rule.severity}**${rule.fixable ? ' · fixable with `raci check --fix`' : ''}`,
    '',
    rule.summary,
    '',
    `**Why.** ${rule.why}`,
    '',
    '**Failing:**',
    '',
    '```markdown',
    rule.failing,
    '```',
    '',
    '**Passing:**',
    '',
    '```markdown',
    rule.passing,
    '```',
    '',
    `**How to fix.** ${rule.howToFix}`,
    '',
  ].join('\n');
}

/** docs/rules.md, generated from the rule table (a test keeps the file in step). */
export function renderRulesDoc(): string {
  const index = [...RULES, ...DIRECTIVE_RULES].map(
    (rule) => `| [\`${rule.id}\`](#${rule.id}) | ${rule.severity} | ${rule.fixable ? 'yes' : ''} | ${rule.summary.replace(/\|/g, '\\|')} |`,
  );
  return [
    '# RACI rules',
    '',
    '<!-- Generated from src/rules/rule-table.ts; edit the table, then run `npx vitest run test/rules-doc.test.ts -u`. -->',
    '',
    "`raci check` reports the parser's structural diagnostics ([diagnostics.md](diagnostics.md)) and these rules.",
    'Each has a stable id, used in the output, in `raci.config.json` and in `raci-disable` comments.',
    '',
    '| Rule | Default | Fixable | Reports |',
    '| --- | --- | --- | --- |',
    ...index,
    '',
    '## Configuration',
    '',
    'Severities are set per rule — and per parser diagnostic code — in `raci.config.json`, or under a `"raci"` key of',
    '`package.json`, found from the working directory upwards (or given with `--config`):',
    '',
    '```json',
    '{ "rules": { "accountable-multiple": "warning", "role-noncanonical": "off", "table-empty": "info" } }',
    '```',
    '',
    'A value is `off` (the rule is not reported), `info`, `warning` or `error`. An unknown rule id or value stops the',
    'run with exit code 2 and a one-line message naming the key.',
    '',
    '## Silencing one finding',
    '',
    "- `<!-- raci-disable-line rule-id -->` anywhere in a line silences that rule's findings on the line. For a table row,",
    '  put it at the end of the activity cell: the page does not show it and the table stays whole.',
    '- `<!-- raci-disable-next-line rule-id -->` on its own line silences the rule on the next line that is not blank',
    "  (a heading, a table's header row, a legend row…). Not between two table rows: markdown ends a table at an",
    '  HTML line, which `disable-misplaced` reports.',
    '',
    'Several ids may be given, separated by spaces or commas, and `-- a reason` may follow. A comment that silences',
    'nothing is reported as `disable-unused`. Parser diagnostics can be silenced the same way.',
    '',
    ...[...RULES, ...DIRECTIVE_RULES].map(section),
  ].join('\n');
}
