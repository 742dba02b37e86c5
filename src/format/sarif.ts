import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findingSubject } from '../rules/baseline.js';
import type { RuleDocumentation, RuleExample } from '../rules/rule-finding.js';
import { ruleModule } from '../rules/rule-table.js';
import { codesFrom, DIAGNOSTIC_CODES, type DiagnosticCode, type DiagnosticSource } from '../schema/codes.js';
import type { Severity } from '../schema/model.js';
import { stringifyJson } from '../util/control-characters.js';
import { codeDocsUrl, docsBaseUrl } from './docs-url.js';
import type { ReportInput } from './report-input.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

const TAG: Record<DiagnosticSource, string> = { rule: 'raci', directive: 'suppression', parser: 'structure' };

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  helpUri: string;
  help: { text: string; markdown: string };
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { tags: string[] };
}

function ruleName(id: string): string {
  return id.replace(/(^|-)(\w)/g, (_match, _dash: string, letter: string) => letter.toUpperCase());
}

function exampleMarkdown(example: RuleExample): string {
  return `**${example.findings.length > 0 ? 'Failing' : 'Passing'}:**\n\n\`\`\`markdown\n${example.markdown}\n\`\`\``;
}

function help(summary: string, rule: RuleDocumentation | undefined): SarifRule['help'] {
  if (!rule) {
    return {
      text: `${summary} (a structural diagnostic of the parser; see docs/diagnostics.md)`,
      markdown: `${summary}\n\nA structural diagnostic of the parser; see docs/diagnostics.md.`,
    };
  }
  const examples = rule.examples.map(exampleMarkdown).join('\n\n');
  return {
    text: `${summary}\n\nWhy: ${rule.why}\n\nHow to fix: ${rule.howToFix}`,
    markdown: `${summary}\n\n**Why.** ${rule.why}\n\n${examples}\n\n**How to fix.** ${rule.howToFix}`,
  };
}

function sarifRule(id: DiagnosticCode, version: string): SarifRule {
  const { source, severity, summary } = DIAGNOSTIC_CODES[id];
  const rule = ruleModule(id);
  return {
    id,
    name: ruleName(id),
    shortDescription: { text: summary },
    fullDescription: { text: rule ? `${summary} ${rule.why}` : summary },
    helpUri: codeDocsUrl(id, version),
    help: help(summary, rule),
    defaultConfiguration: { level: LEVEL[severity] },
    properties: { tags: [TAG[source]] },
  };
}

/** Every code of the code table, each once: the rules and comment checks (with their documentation), then the parser's codes. */
function sarifRules(version: string): SarifRule[] {
  return [...codesFrom('rule'), ...codesFrom('directive'), ...codesFrom('parser')].map((id) => sarifRule(id, version));
}

/** A relative path as a SARIF URI (percent-encoded segments, "/" separators); an absolute one as a file: URL. */
function artifactUri(file: string): string {
  if (isAbsolute(file)) return pathToFileURL(file).href;
  return file.split(/[\\/]/).map(encodeURIComponent).join('/');
}

/** SARIF 2.1.0: one run, one rule entry per rule id, one result per finding. */
export function renderSarif(input: ReportInput, tool: { version: string }): string {
  const rules = sarifRules(tool.version);
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
            informationUri: `${docsBaseUrl(tool.version)}rules.md`,
            rules,
          },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return stringifyJson(log);
}
