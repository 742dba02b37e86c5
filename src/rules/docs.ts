import { DIAGNOSTIC_CODE_IDS, DIAGNOSTIC_CODES, type DiagnosticCode } from '../schema/codes.js';
import { showBidiControls } from '../util/control-characters.js';
import type { RuleDocumentation, RuleExample } from './rule-finding.js';
import { DIRECTIVES, RULES } from './rule-table.js';

const GENERATED =
  '<!-- Generated from the code table (src/schema/codes.ts) and the rule modules (src/rules/checks/): edit them, then run `npm run docs`. -->';

function tableCell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

/** A code block; bidirectional controls are shown as `<U+202E>` so they cannot reorder the page. */
function fenced(language: string, text: string): string {
  return [`\`\`\`${language}`, showBidiControls(text), '```'].join('\n');
}

function example(shown: RuleExample): string[] {
  const failing = shown.findings.length > 0;
  return [
    failing ? '**Failing:**' : '**Passing:**',
    '',
    fenced('markdown', shown.markdown),
    '',
    ...(failing ? ['`raci check` reports:', '', fenced('text', shown.findings.join('\n')), ''] : []),
    ...(shown.fixed !== undefined ? ['After `raci check --fix`:', '', fenced('markdown', shown.fixed), ''] : []),
  ];
}

function ruleSection(rule: RuleDocumentation): string {
  const { severity, summary } = DIAGNOSTIC_CODES[rule.id];
  return [
    `## ${rule.id}`,
    '',
    `Default severity: **${severity}**${rule.fixable ? ' · fixable with `raci check --fix`' : ''}`,
    '',
    summary,
    '',
    `**Why.** ${rule.why}`,
    '',
    ...rule.examples.flatMap(example),
    `**How to fix.** ${rule.howToFix}`,
    '',
  ].join('\n');
}

/** docs/rules.md: the rules and comment checks, from the code table and the rule modules. */
export function renderRulesDoc(): string {
  const documented = [...RULES, ...DIRECTIVES];
  const index = documented.map(
    (rule) =>
      `| [\`${rule.id}\`](#${rule.id}) | ${DIAGNOSTIC_CODES[rule.id].severity} | ` +
      `${rule.fixable ? 'yes' : ''} | ${tableCell(DIAGNOSTIC_CODES[rule.id].summary)} |`,
  );
  return [
    '# RACI rules',
    '',
    GENERATED,
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
    'Severities are set per rule — and per parser diagnostic code — in `raci.config.json` (comments allowed),',
    '`raci.config.yaml`, or under a `"raci"` key of `package.json`, found from the working directory up to the repository',
    'root (or given with `--config`; see [cli.md](cli.md#configuration)):',
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
    '## Reading the examples',
    '',
    'The test suite checks every example below as it is shown. Each is read as a guide, with the usual legend and a',
    'title appended when it has no legend of its own, and `raci check` reports exactly the findings listed under it:',
    '`line:column-endLine:endColumn: message`, positions in the example (columns 1-based, the end exclusive). A',
    'finding with another code than the rule being shown ends with that code in brackets.',
    '',
    ...documented.map(ruleSection),
  ].join('\n');
}

function codeCell(code: DiagnosticCode): string {
  return DIAGNOSTIC_CODES[code].source === 'parser' ? `\`${code}\`` : `[\`${code}\`](rules.md#${code})`;
}

/** docs/diagnostics.md: every code of the code table, with its source and default severity. */
export function renderDiagnosticsDoc(): string {
  const rows = DIAGNOSTIC_CODE_IDS.map((code) => {
    const { source, severity, summary } = DIAGNOSTIC_CODES[code];
    return `| ${codeCell(code)} | ${source} | ${severity} | ${tableCell(summary)} |`;
  });
  return [
    '# Diagnostics',
    '',
    GENERATED,
    '',
    'Every problem found in a guide is data, never an exception. The parser, the RACI rules of `raci check`',
    '([rules.md](rules.md)) and the check of `raci-disable` comments all report it in the same form:',
    '',
    '```json',
    '{ "code": "role-unknown", "severity": "error", "message": "“MP” in column “Customer” of ' +
      '“Monitor physical resource performance” has letters M, P that are not R, A, C or I; so the row has no accountable party (A).",',
    '  "line": 72, "column": 43, "endLine": 72, "endColumn": 45, "file": "pages/cloud/nutanix/60-responsibility-sharing/guide.en-gb.md" }',
    '```',
    '',
    '- `code` is stable kebab-case, one of the codes below; tools may key on it. `DIAGNOSTIC_CODE_IDS` lists them',
    '  and `DiagnosticCode` is their union type, so a `switch` over `code` can be exhaustive.',
    '- `severity`: `error` makes `success` false (and `parseResponsibilityModel` throw); `warning` and',
    '  `info` do not. The table gives the default; `raci check` can change it per code ([rules.md](rules.md#configuration)).',
    '- Positions are 1-based; `endColumn` is exclusive. For a cell they cover what is written in the cell',
    '  (not its padding), for a row or table the whole row or table; findings about the whole file',
    '  (`legend-missing`, …) are at 1:1. CRLF and lone CR line endings count as one line end.',
    '- `file` is set by the file-reading functions and the CLI.',
    '',
    'On the command line each diagnostic is one line: `file:line:column severity message code`.',
    '',
    '**Nothing is lost.** Every body row of every table in a numbered section becomes an activity, or is',
    'quoted by a diagnostic whose line range covers it (`activity-text-missing`, `row-ignored`,',
    '`table-collapsed`, …). The test suite checks this on every bundled guide against an independent',
    'line scan.',
    '',
    '## Codes',
    '',
    'The source says who reports a code: `parser`, every function that reads a guide (`raci parse`, `raci check`,',
    '`raci build`, …); `rule`, a RACI rule of `raci check`; `directive`, the check of `raci-disable` comments.',
    'Rules and comment checks are described, with examples, in [rules.md](rules.md).',
    '',
    '| code | source | severity | meaning |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
    '## Notes on some codes',
    '',
    '- `table-collapsed`: remark (like GitHub) renders a table whose delimiter row has a different',
    '  number of cells than its header as a plain paragraph full of pipes. The parser recognises such a',
    '  paragraph (two or more lines starting or ending with `|`, and a `| --- |` line), reports it, and',
    '  still reads its rows, so the model keeps them. A paragraph whose lines all start with `|` but',
    '  that has no delimiter row at all is recovered the same way, its first line taken as the header.',
    '- `role-noncanonical`: `IR`, `ra`, `R/A` and `R, A` are read as `RI`, `RA`, `RA`, `RA`; the cell',
    '  text is kept as written in `cells`, and `assignments` holds the canonical letters. The parser',
    '  reports it too (`raci parse`); `raci check` reports it as a rule, with a fix.',
    '- `role-cells-merged`: a cell such as `I RA`, `RA  I` or `A I` (letter groups with only spaces',
    '  between them) is what is left when a pipe is dropped from `| I | RA |`. It is never read as',
    '  `RAI`: `assignments` holds no letter for that party, `cells` keeps the text as written, and the',
    '  row stays in the model. The message suggests the split; `--fix` leaves it alone. `R, A` and',
    '  `R/A` (a separator between the letters) are spellings, reported as `role-noncanonical`.',
    '- `role-unknown` and `role-cells-merged` say what the row is left without (`; so the row has no',
    '  accountable party (A)`), and `raci check` then reports no `accountable-missing`,',
    '  `responsible-missing` or `activity-unassigned` on that row: one mistake, one finding.',
    '- `section-number-missing`: once numbered headings use a `#` level below the shallowest numbered',
    '  one (`#### 2.2. …`), a heading of that level without a number is read as text, so the rows',
    '  under it join the section before it; it is reported at the heading once a row falls under it. An',
    '  unnumbered heading at the shallowest numbered level still ends the numbered part (`## Go further`).',
    '- `row-missing-cells` / `row-extra-cells`: missing cells are read as empty; extra cells are quoted',
    '  in the message and ignored.',
    '- `date-*`: `meta.updated` is only set from an unambiguous date. The text as written is kept in',
    '  `meta.updatedText` when it cannot be read.',
    '- Limits (`input-too-large`, `input-too-deep`, `input-too-complex`, `table-too-wide`,',
    '  `section-number-too-deep`) are options of `parseResponsibilityModel`: `maxBytes` (default',
    '  524,288 bytes of a file, or UTF-16 code units of a string), `maxNesting` (32 levels of block',
    "  quotes and list items, estimated from each line's prefix before parsing), `maxInlineMarkers`",
    '  (5,000 `*`, `_` and `~` in one paragraph or table cell), `maxColumns` (64), `maxDepth` (8',
    '  levels of section numbering). See "Reliability" in the README for why these values.',
    '',
  ].join('\n');
}

/** Each generated document with its path from the root of the package. */
export function renderDocs(): { path: string; content: string }[] {
  return [
    { path: 'docs/rules.md', content: renderRulesDoc() },
    { path: 'docs/diagnostics.md', content: renderDiagnosticsDoc() },
  ];
}
