import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findingSubject } from '../rules/baseline.js';
import { DIRECTIVE_RULES, RULES, type RuleDoc } from '../rules/rule-table.js';
import { DIAGNOSTIC_CODES } from '../schema/codes.js';
import type { Severity } from '../schema/model.js';
import type { ReportInput } from './report-input.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { tags: string[] };
}

function ruleName(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}

function fromDoc(rule: RuleDoc, tag: string): SarifRule {
  return {
    id: rule.id,
    name: ruleName(rule.id),
    shortDescription: { text: rule.summary },
    fullDescription: { text: `${rule.summary} ${rule.why}` },
    help: {
      text: `${rule.summary}\n\nWhy: ${rule.why}\n\nHow to fix: ${rule.howToFix}`,
      markdown: `${rule.summary}\n\n**Why.** ${rule.why}\n\n**Failing:**\n\n\`\`\`markdown\n${rule.failing}\n\`\`\`\n\n**Passing:**\n\n\`\`\`markdown\n${rule.passing}\n\`\`\`\n\n**How to fix.** ${rule.howToFix}`,
    },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: [tag] },
  };
}

/** Every id raci can report, each once: the rules (help from the table of docs/rules.md), then the parser's codes. */
export function sarifRules(): SarifRule[] {
  const ruleIds = new Set<string>([...RULES, ...DIRECTIVE_RULES].map((rule) => rule.id));
  const parser = Object.entries(DIAGNOSTIC_CODES)
    .filter(([id]) => !ruleIds.has(id))
    .map(
      ([id, code]): SarifRule => ({
        id,
        name: ruleName(id),
        shortDescription: { text: code.summary },
        fullDescription: { text: code.summary },
        help: {
          text: `${code.summary} (a structural diagnostic of the parser; see docs/diagnostics.md)`,
          markdown: `${code.summary}\n\nA structural diagnostic of the parser; see docs/diagnostics.md.`,
        },
        defaultConfiguration: { level: LEVEL[code.severity] },
        properties: { tags: ['structure'] },
      }),
    );
  return [...RULES.map((rule) => fromDoc(rule, 'raci')), ...DIRECTIVE_RULES.map((rule) => fromDoc(rule, 'suppression')), ...parser];
}

/** A relative path as a SARIF URI (percent-encoded segments, "/" separators); an absolute one as a file: URL. */
export function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0: one run, one rule entry per rule id, one result per finding. */
export function renderSarif(input: ReportInput, tool: { version: string }): string {
  const rules = sarifRules();
  const index = new Map(rules.map((rule, position) => [rule.id, position]));
  const results = input.files.flatMap((file) =>
    file.findings.map((finding) => ({
      ruleId: finding.code,
      ...(index.has(finding.code) ? { ruleIndex: index.get(finding.code)! } : {}),
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: artifactUri(file.file), ...(isAbsolute(file.file) ? {} : { uriBaseId: '%SRCROOT%' }) },
            region: { startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn },
          },
        },
      ],
      partialFingerprints: {
        'raciFinding/v1': createHash('sha256')
          .update(JSON.stringify([file.file, finding.code, findingSubject(finding)]))
          .digest('hex'),
      },
    })),
  );
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'raci',
            fullName: 'responsibility-model raci check',
            version: tool.version,
            semanticVersion: tool.version,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}
