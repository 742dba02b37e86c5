import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCheck } from '../../src/cli/commands/check.js';
import { type GitlabIssue, renderGitlab } from '../../src/format/gitlab.js';
import { renderJunit } from '../../src/format/junit.js';
import type { FileReport, ReportInput } from '../../src/format/report-input.js';
import { checkGuideText } from '../../src/rules/check-guide.js';
import type { Finding } from '../../src/schema/finding.js';
import { capture } from '../helpers/capture.js';
import { bundledGuides, ROOT } from '../helpers/paths.js';

function finding(overrides: Partial<Finding> = {}): Finding {
  return { code: 'accountable-multiple', severity: 'error', message: 'm', line: 3, column: 2, endLine: 3, endColumn: 4, ...overrides };
}

function report(files: FileReport[]): ReportInput {
  return { files, skipped: 0, baselined: 0 };
}

function gitlab(input: ReportInput): GitlabIssue[] {
  return JSON.parse(renderGitlab(input)) as GitlabIssue[];
}

/** The fields GitLab's Code Quality documentation requires, with their types. */
function assertGitlabIssue(issue: unknown): void {
  expect(issue).toEqual({
    description: expect.any(String),
    check_name: expect.any(String),
    fingerprint: expect.stringMatching(/^[0-9a-f]{64}$/),
    severity: expect.stringMatching(/^(info|minor|major|critical|blocker)$/),
    location: { path: expect.any(String), lines: { begin: expect.any(Number) } },
  });
}

/** The findings of one guide's text, as `raci check` reports them. */
function fileReport(file: string, text: string): FileReport {
  return { file, findings: checkGuideText(text, { file }).findings };
}

/** A paragraph inserted before the first heading: every finding below it moves down two lines. */
function insertParagraphAboveHeadings(text: string): string {
  const lines = text.split('\n');
  const heading = lines.findIndex((line) => line.startsWith('#'));
  lines.splice(heading, 0, 'A paragraph inserted above the sections.', '');
  return lines.join('\n');
}

describe('gitlab', () => {
  it('writes one issue per finding with the documented fields and the severity mapping', () => {
    const input = report([
      {
        file: 'guides/a.md',
        findings: [
          finding({ severity: 'error', message: 'two A', activity: { id: '1#1', text: 'Keep logs' } }),
          finding({ code: 'table-empty', severity: 'warning', message: 'empty', line: 9, subject: 'table 2' }),
          finding({ code: 'role-noncanonical', severity: 'info', message: 'write RA', line: 12 }),
        ],
      },
      { file: 'guides/clean.md', findings: [] },
    ]);
    const issues = gitlab(input);
    for (const issue of issues) assertGitlabIssue(issue);
    expect(
      issues.map((issue) => [issue.check_name, issue.severity, issue.location.path, issue.location.lines.begin, issue.description]),
    ).toEqual([
      ['accountable-multiple', 'major', 'guides/a.md', 3, 'two A'],
      ['table-empty', 'minor', 'guides/a.md', 9, 'empty'],
      ['role-noncanonical', 'info', 'guides/a.md', 12, 'write RA'],
    ]);
  });

  it('writes an empty array when there is nothing to report', () => {
    expect(JSON.parse(renderGitlab(report([{ file: 'a.md', findings: [] }])))).toEqual([]);
  });

  it('keeps a fingerprint when the finding moves, and tells apart findings that would collide', () => {
    const about = { activity: { id: '2#3', text: 'Back up' }, message: 'Between lines 4 and 6.' };
    const before = gitlab(report([{ file: 'a.md', findings: [finding({ ...about, line: 4 })] }]));
    const after = gitlab(report([{ file: 'a.md', findings: [finding({ ...about, line: 9, message: 'Between lines 9 and 11.' })] }]));
    expect(after[0]!.fingerprint).toBe(before[0]!.fingerprint);

    const twins = gitlab(report([{ file: 'a.md', findings: [finding({ line: 4 }), finding({ line: 5 })] }]));
    expect(twins[0]!.fingerprint).not.toBe(twins[1]!.fingerprint);
    const single = gitlab(report([{ file: 'a.md', findings: [finding({ line: 4 })] }]));
    expect(twins[0]!.fingerprint).toBe(single[0]!.fingerprint);

    const otherFile = gitlab(report([{ file: 'b.md', findings: [finding({ ...about, line: 4 })] }]));
    expect(otherFile[0]!.fingerprint).not.toBe(before[0]!.fingerprint);
  });

  it('gives every finding of the bundled guides its own fingerprint, unchanged when a line is inserted above', () => {
    const guides = bundledGuides();
    expect(guides.length).toBe(40);
    const texts = guides.map((file) => readFileSync(join(ROOT, file), 'utf8'));
    const issues = gitlab(report(guides.map((file, index) => fileReport(file, texts[index]!))));
    expect(issues.length).toBeGreaterThan(0);
    for (const issue of issues) assertGitlabIssue(issue);
    expect(new Set(issues.map((issue) => issue.fingerprint)).size).toBe(issues.length);

    const moved = gitlab(report(guides.map((file, index) => fileReport(file, insertParagraphAboveHeadings(texts[index]!)))));
    expect(moved.map((issue) => issue.fingerprint)).toEqual(issues.map((issue) => issue.fingerprint));
    const shifted = moved.filter((issue, index) => issue.location.lines.begin === issues[index]!.location.lines.begin + 2);
    expect(shifted.length).toBeGreaterThan(0);
  });
});

interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Character and entity references back to text; throws on a bare `&` or an unknown entity. */
function unescapeXml(text: string): string {
  if (/&(?!(amp|lt|gt|quot|apos|#\d+);)/.test(text)) throw new Error(`bare & in ${JSON.stringify(text)}`);
  return text.replace(/&(#\d+|\w+);/g, (_match, entity: string) =>
    entity.startsWith('#') ? String.fromCodePoint(Number(entity.slice(1))) : ENTITIES[entity]!,
  );
}

/**
 * A strict reader for the subset of XML the reporter writes (declaration, elements, double-quoted attributes, text):
 * it throws on anything not well formed, on characters XML 1.0 forbids, and on `<` or `]]>` in text.
 */
function parseXml(xml: string): XmlElement {
  if (/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u.test(xml)) throw new Error('character XML 1.0 forbids');
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const root: XmlElement = { name: '#document', attributes: {}, children: [], text: '' };
  const stack = [root];
  const tag = /<(\/?)([A-Za-z][\w-]*)((?:\s+[\w-]+="[^"<]*")*)\s*(\/?)>/y;
  let position = 0;
  while (position < body.length) {
    const open = body.indexOf('<', position);
    const text = body.slice(position, open === -1 ? body.length : open);
    if (text.includes('>')) throw new Error(`raw > in text ${JSON.stringify(text)}`);
    stack.at(-1)!.text += unescapeXml(text);
    if (open === -1) break;
    tag.lastIndex = open;
    const match = tag.exec(body);
    if (!match) throw new Error(`not a tag at ${open}: ${JSON.stringify(body.slice(open, open + 40))}`);
    const [whole, closing, name, attributeText, selfClosing] = match;
    position = open + whole.length;
    if (closing) {
      const element = stack.pop()!;
      if (element.name !== name || stack.length === 0) throw new Error(`</${name}> closes <${element.name}>`);
      continue;
    }
    const attributes: Record<string, string> = {};
    for (const [, key, value] of attributeText!.matchAll(/([\w-]+)="([^"]*)"/g)) {
      if (key! in attributes) throw new Error(`attribute ${key} twice`);
      attributes[key!] = unescapeXml(value!);
    }
    const element: XmlElement = { name: name!, attributes, children: [], text: '' };
    stack.at(-1)!.children.push(element);
    if (!selfClosing) stack.push(element);
  }
  if (stack.length !== 1 || root.children.length !== 1) throw new Error('unclosed element or several roots');
  return root.children[0]!;
}

function byName(element: XmlElement, name: string): XmlElement[] {
  return element.children.filter((child) => child.name === name);
}

describe('junit', () => {
  it('writes one suite, one test case per file, one failure per error and the rest in system-out', () => {
    const input = report([
      {
        file: 'guides/a.md',
        findings: [
          finding({ message: 'two A', line: 3, column: 21 }),
          finding({ code: 'table-empty', severity: 'warning', message: 'empty', line: 9, column: 1 }),
          finding({ code: 'role-unknown', message: 'what is M', line: 12, column: 5 }),
          finding({ code: 'role-noncanonical', severity: 'info', message: 'write RA', line: 14, column: 7 }),
        ],
      },
      { file: 'guides/clean.md', findings: [] },
      { file: 'guides/warned.md', findings: [finding({ code: 'table-empty', severity: 'warning', message: 'empty', line: 2, column: 1 })] },
    ]);
    const suites = parseXml(renderJunit(input));
    expect(suites.name).toBe('testsuites');
    expect(suites.attributes).toMatchObject({ tests: '3', failures: '2', errors: '0' });
    const [suite, ...moreSuites] = byName(suites, 'testsuite');
    expect(moreSuites).toEqual([]);
    expect(suite!.attributes).toMatchObject({ tests: '3', failures: '2' });
    const cases = byName(suite!, 'testcase');
    expect(cases.map((testCase) => [testCase.attributes.classname, testCase.attributes.name])).toEqual([
      ['guides/a.md', 'guides/a.md'],
      ['guides/clean.md', 'guides/clean.md'],
      ['guides/warned.md', 'guides/warned.md'],
    ]);
    expect(byName(cases[0]!, 'failure').map((failure) => [failure.attributes.message, failure.attributes.type, failure.text])).toEqual([
      ['accountable-multiple: two A', 'accountable-multiple', '3:21 two A'],
      ['role-unknown: what is M', 'role-unknown', '12:5 what is M'],
    ]);
    expect(byName(cases[0]!, 'system-out').map((out) => out.text)).toEqual([
      '9:1 warning empty (table-empty)\n14:7 info write RA (role-noncanonical)',
    ]);
    expect(cases[1]!.children).toEqual([]);
    expect(byName(cases[2]!, 'failure')).toEqual([]);
    expect(byName(cases[2]!, 'system-out')).toHaveLength(1);
  });

  it('counts match the findings of the bundled guides', () => {
    const guides = bundledGuides();
    const input = report(guides.map((file) => fileReport(file, readFileSync(join(ROOT, file), 'utf8'))));
    const errors = input.files.flatMap((file) => file.findings).filter((item) => item.severity === 'error').length;
    const suite = byName(parseXml(renderJunit(input)), 'testsuite')[0]!;
    const cases = byName(suite, 'testcase');
    expect(cases).toHaveLength(guides.length);
    expect(cases.flatMap((testCase) => byName(testCase, 'failure'))).toHaveLength(errors);
    expect(suite.attributes.failures).toBe(String(errors));
  });

  it('stays well formed with hostile file names and messages', () => {
    const hostile = `a "quoted" & 'single' <tag> ]]> <![CDATA[x]]> \u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uD800 tab\there\nline`;
    const input = report([
      {
        file: `guides/${hostile}.md`,
        findings: [finding({ code: 'table-empty', message: hostile }), finding({ severity: 'warning', message: hostile })],
      },
    ]);
    const xml = renderJunit(input);
    const testCase = byName(byName(parseXml(xml), 'testsuite')[0]!, 'testcase')[0]!;
    const kept = `a "quoted" & 'single' <tag> ]]> <![CDATA[x]]>  tab\there\nline`;
    expect(testCase.attributes.name).toBe(`guides/${kept}.md`);
    expect(testCase.attributes.classname).toBe(`guides/${kept}.md`);
    const failure = byName(testCase, 'failure')[0]!;
    expect(failure.attributes.message).toBe(`table-empty: ${kept}`);
    expect(failure.text).toBe(`3:2 ${kept}`);
    expect(byName(testCase, 'system-out')[0]!.text).toBe(`3:2 warning ${kept} (accountable-multiple)`);
    expect(xml).not.toContain(']]>');
  });
});

describe('raci check --format gitlab and junit', () => {
  const GUIDE = 'fixtures/corpus/pages/cloud/nutanix/60-responsibility-sharing/guide.en-gb.md';

  async function check(format: string): Promise<{ code: number; out: string }> {
    const io = capture();
    const code = await runCheck([GUIDE], { format, jobs: 1 }, io, { env: {}, cwd: ROOT, version: '0.0.0-test' });
    return { code, out: io.out.join('\n') };
  }

  it('writes the same findings as the json format, and the same exit code', async () => {
    const json = await check('json');
    const expected = (JSON.parse(json.out) as { files: { findings: Finding[] }[] }).files[0]!.findings;
    expect(expected.some((item) => item.severity === 'error')).toBe(true);

    const gitlabRun = await check('gitlab');
    expect(gitlabRun.code).toBe(json.code);
    const issues = JSON.parse(gitlabRun.out) as GitlabIssue[];
    expect(issues.map((issue) => [issue.location.path, issue.location.lines.begin, issue.check_name])).toEqual(
      expected.map((item) => [GUIDE, item.line, item.code]),
    );

    const junitRun = await check('junit');
    expect(junitRun.code).toBe(json.code);
    const testCase = byName(byName(parseXml(junitRun.out), 'testsuite')[0]!, 'testcase')[0]!;
    expect(testCase.attributes.name).toBe(GUIDE);
    expect(byName(testCase, 'failure')).toHaveLength(expected.filter((item) => item.severity === 'error').length);
  });
});
