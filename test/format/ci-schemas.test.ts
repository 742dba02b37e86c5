import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import AjvDraft07 from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/commands/check.js';
import { docsBaseUrl } from '../../src/format/docs-url.js';
import { renderGitlab } from '../../src/format/gitlab.js';
import type { FileReport, ReportInput } from '../../src/format/report-input.js';
import { renderSarif } from '../../src/format/sarif.js';
import { checkGuideText } from '../../src/rules/check-guide.js';
import { DIAGNOSTIC_CODE_IDS, DIAGNOSTIC_CODES } from '../../src/schema/codes.js';
import type { Finding } from '../../src/schema/finding.js';
import { capture } from '../helpers/capture.js';
import { bundledGuides, ROOT, SCHEMA_FIXTURES } from '../helpers/paths.js';

function schema(name: string): object {
  return JSON.parse(readFileSync(join(SCHEMA_FIXTURES, name), 'utf8')) as object;
}

/** The SARIF 2.1.0 schema is draft-04; its `uri` and `date-time` formats are checked too. */
const sarifAjv = new AjvDraft04.default({ allErrors: true, strict: false });
addFormats.default(sarifAjv);
const validateSarif = sarifAjv.compile(schema('sarif-schema-2.1.0.json'));

/** GitLab's schema describes one issue; a report is an array of them. */
const gitlabAjv = new AjvDraft07.default({ allErrors: true, strict: false });
const validateGitlab = gitlabAjv.compile({ type: 'array', items: schema('gitlab-codeclimate.json') });

function errorsOf(validate: typeof validateSarif, value: unknown): string[] {
  return validate(value) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`);
}

function report(files: FileReport[]): ReportInput {
  return { files, skipped: 0, baselined: 0 };
}

/** The findings of every bundled guide, as `raci check` reports them. */
function bundledReport(): ReportInput {
  return report(
    bundledGuides().map((file) => ({ file, findings: checkGuideText(readFileSync(join(ROOT, file), 'utf8'), { file }).findings })),
  );
}

const HOSTILE_NAME = 'guides/a "b" <c> & d/%20 #x ?y é\u0000\u001b[31m\nline.md';

/** Findings with every optional field, on a hostile relative path and on an absolute one. */
const EDGE_CASES = report([
  {
    file: HOSTILE_NAME,
    findings: [
      {
        code: 'accountable-multiple',
        severity: 'error',
        message: 'two A\u0000 and "quotes" and \\ and <b>',
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 2,
        activity: { id: '1#1', text: 'x' },
      } satisfies Finding,
      { code: 'role-noncanonical', severity: 'info', message: 'i', line: 2, column: 3, endLine: 2, endColumn: 5 },
      { code: 'table-empty', severity: 'warning', message: 'w', line: 9, column: 1, endLine: 12, endColumn: 1, subject: 'table 2' },
    ],
  },
  { file: '/abs/path with space/guide.en-gb.md', findings: [] },
  { file: 'C:\\docs\\guide.md', findings: [] },
]);

describe('sarif against the SARIF 2.1.0 schema', () => {
  it('the schema rejects a log that breaks it, so a pass means something', () => {
    const log = JSON.parse(renderSarif(report([]), { version: '1.0.0' })) as Log;
    expect(errorsOf(validateSarif, log)).toEqual([]);
    const broken = structuredClone(log) as unknown as { runs: { tool: { driver: { informationUri: string } } }[]; version: string };
    broken.runs[0]!.tool.driver.informationUri = 'not a uri';
    expect(errorsOf(validateSarif, broken).join('\n')).toContain('/runs/0/tool/driver/informationUri must match format "uri"');
    broken.version = '2.0.0';
    expect(errorsOf(validateSarif, broken)).toContain('/version must be equal to one of the allowed values');
  });

  it('validates the report of every bundled guide and of hostile file names and messages', () => {
    const bundled = bundledReport();
    expect(bundled.files.flatMap((file) => file.findings).length).toBeGreaterThan(0);
    for (const input of [bundled, EDGE_CASES, report([])]) {
      expect(errorsOf(validateSarif, JSON.parse(renderSarif(input, { version: '0.1.0' })))).toEqual([]);
    }
  });

  it('validates what `raci check --format sarif` writes', async () => {
    const io = capture();
    const guides = bundledGuides().slice(0, 5);
    await runCheck(guides, { format: 'sarif', jobs: 1 }, io, { env: {}, cwd: ROOT, version: '0.0.0-test' });
    const log = JSON.parse(io.out.join('\n')) as Log;
    expect(errorsOf(validateSarif, log)).toEqual([]);
    expect(log.runs[0]!.results!.length).toBeGreaterThan(0);
  });

  it('links the tool to the rules documentation and every rule to its own section', () => {
    const log = JSON.parse(renderSarif(report([]), { version: '1.2.3' })) as Log;
    const driver = log.runs[0]!.tool.driver;
    expect(driver.informationUri).toBe(`${docsBaseUrl('1.2.3')}rules.md`);
    const rulesDoc = readFileSync(join(ROOT, 'docs/rules.md'), 'utf8');
    const diagnosticsDoc = readFileSync(join(ROOT, 'docs/diagnostics.md'), 'utf8');
    expect(driver.rules!.map((rule) => rule.id).sort()).toEqual([...DIAGNOSTIC_CODE_IDS].sort());
    for (const rule of driver.rules!) {
      const [page, anchor] = rule.helpUri!.slice(docsBaseUrl('1.2.3').length).split('#');
      if (DIAGNOSTIC_CODES[rule.id as keyof typeof DIAGNOSTIC_CODES].source === 'parser') {
        expect([page, anchor]).toEqual(['diagnostics.md', 'codes']);
        expect(diagnosticsDoc).toMatch(new RegExp(`^## Codes$[^]*^\\| \`${rule.id}\` \\|`, 'm'));
      } else {
        expect([page, anchor]).toEqual(['rules.md', rule.id]);
        expect(rulesDoc.split('\n')).toContain(`## ${rule.id}`);
      }
    }
  });
});

describe('gitlab against GitLab’s Code Quality schema', () => {
  it('the schema rejects an issue that breaks it, so a pass means something', () => {
    const issues = JSON.parse(renderGitlab(EDGE_CASES)) as Record<string, unknown>[];
    expect(errorsOf(validateGitlab, issues)).toEqual([]);
    const { fingerprint: _dropped, ...withoutFingerprint } = issues[0]!;
    expect(errorsOf(validateGitlab, [withoutFingerprint])).toEqual(["/0 must have required property 'fingerprint'"]);
    expect(errorsOf(validateGitlab, [{ ...issues[0], location: { path: 'a.md', lines: { begin: '3' } } }])).toEqual([
      '/0/location/lines/begin must be integer',
    ]);
  });

  it('validates the report of every bundled guide and of hostile file names and messages', () => {
    const bundled = bundledReport();
    for (const input of [bundled, EDGE_CASES, report([])]) {
      const issues = JSON.parse(renderGitlab(input)) as unknown[];
      expect(errorsOf(validateGitlab, issues)).toEqual([]);
      expect(issues).toHaveLength(input.files.flatMap((file) => file.findings).length);
    }
  });
});
