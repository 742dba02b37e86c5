import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { type CheckCommandOptions, runCheck } from '../../src/cli/commands/check.js';
import { UsageError } from '../../src/cli/inputs.js';
import { checkGuideText } from '../../src/rules/check-guide.js';
import { DIAGNOSTIC_CODE_IDS } from '../../src/schema/codes.js';
import { capture } from '../helpers/capture.js';
import { guide } from '../helpers/check.js';
import { failingExampleGuide } from '../helpers/rule-examples.js';
import { scratchFolder } from '../helpers/scratch.js';

let dir: string;

beforeEach(() => {
  dir = scratchFolder('raci-check-');
  mkdirSync(join(dir, '.git')); // bounds the configuration lookup to this directory
});

async function run(paths: string[], options: CheckCommandOptions = {}, env: Record<string, string> = {}) {
  const io = capture();
  const code = await runCheck(paths, options, io, { env, cwd: dir, version: '0.0.0-test' });
  return { code, out: io.out.join('\n'), err: io.err.join('\n') };
}

function write(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const CLEAN = guide(['| Install the vCenter | I | RA |']);
const DOUBLE_A = guide(['| Install the vCenter | I | RA |', '| Keep logs | RA | RA |']);

describe('raci check: exit codes and options', () => {
  it('exits 0 on a clean guide, 1 on an error finding', async () => {
    expect((await run([write('clean.md', CLEAN)])).code).toBe(0);
    const failing = await run([write('double.md', DOUBLE_A)]);
    expect(failing.code).toBe(1);
    expect(failing.out).toContain('accountable-multiple');
  });

  it('warnings fail only with --frail or past --max-warnings', async () => {
    const file = write('warn.md', guide(['| Choose the network | A | I |']));
    expect((await run([file])).code).toBe(0);
    expect((await run([file], { frail: true })).code).toBe(1);
    expect((await run([file], { maxWarnings: '1' })).code).toBe(0);
    const over = await run([file], { maxWarnings: '0' });
    expect(over.code).toBe(1);
    expect(over.err).toBe('raci: too many warnings: 1 (--max-warnings 0).');
  });

  it('--quiet reports errors only', async () => {
    const file = write('mixed.md', guide(['| Choose the network | A | I |', '| Keep logs | RA | RA |']));
    const { out } = await run([file], { quiet: true, format: 'json' });
    expect(JSON.parse(out).files[0].findings.map((finding: { code: string }) => finding.code)).toEqual(['accountable-multiple']);
  });

  it('skips files with no activity table unless they are named', async () => {
    write('README.md', '# Notes\n\n| Option | Meaning |\n| --- | --- |\n| --fix | rewrites cells |\n| a | b |\n');
    write('guide.en-gb.md', DOUBLE_A);
    const listed = await run([dir], { format: 'json' });
    expect(JSON.parse(listed.out).files.map((file: { file: string }) => file.file)).toEqual([join(dir, 'guide.en-gb.md')]);
    expect(JSON.parse(listed.out).summary.skipped).toBe(1);
    const named = await run([join(dir, 'README.md')], { format: 'json' });
    expect(JSON.parse(named.out).files[0].findings.map((finding: { code: string }) => finding.code)).toContain('legend-missing');
  });

  it('a missing path is a usage error (exit 2, one line, no stack)', async () => {
    await expect(run([join(dir, 'nope.md')])).rejects.toThrow(UsageError);
    await expect(run([join(dir, 'nope.md')])).rejects.toThrow(/nope\.md: no such file or directory$/);
  });

  it('rejects bad option values and combinations as usage errors', async () => {
    const file = write('clean.md', CLEAN);
    await expect(run([file], { format: 'xml' })).rejects.toThrow('--format xml: unknown format; use one of stylish, json, github, sarif');
    await expect(run([file], { maxWarnings: 'many' })).rejects.toThrow('--max-warnings many: expected a whole number (0 or more)');
    await expect(run([file], { dryRun: true })).rejects.toThrow('--dry-run only applies to --fix');
    await expect(run([file], { updateBaseline: true })).rejects.toThrow('--update-baseline needs --baseline FILE');
  });
});

describe('raci check: configuration', () => {
  it('reads raci.config.json from the working directory', async () => {
    write('raci.config.json', JSON.stringify({ rules: { 'accountable-multiple': 'warning' } }));
    const result = await run([write('double.md', DOUBLE_A)], { format: 'json' });
    expect(result.code).toBe(0);
    expect(JSON.parse(result.out).files[0].findings[0]).toMatchObject({ code: 'accountable-multiple', severity: 'warning' });
  });

  it('reads the "raci" key of package.json', async () => {
    write('package.json', JSON.stringify({ name: 'docs', raci: { rules: { 'accountable-multiple': 'off' } } }));
    const result = await run([write('double.md', DOUBLE_A)], { format: 'json' });
    expect(JSON.parse(result.out).summary).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('an invalid configuration stops with a one-line message naming the key', async () => {
    write('raci.config.json', JSON.stringify({ rules: { 'acountable-multiple': 'warning' } }));
    await expect(run([write('clean.md', CLEAN)])).rejects.toThrow(
      `raci.config.json:1:33: invalid configuration: rules.acountable-multiple: “acountable-multiple” is not a rule id; did you mean “accountable-multiple”?`,
    );
    write('raci.config.json', JSON.stringify({ rules: { 'accountable-multiple': 'fatal' } }));
    await expect(run([join(dir, 'clean.md')])).rejects.toThrow(/invalid configuration: rules\.accountable-multiple: Invalid option/);
    write('raci.config.json', '{ "rules": ');
    await expect(run([join(dir, 'clean.md')])).rejects.toThrow(/raci\.config\.json:1:12: not valid JSON: value expected$/);
    write('raci.config.json', JSON.stringify({ rulez: {} }));
    await expect(run([join(dir, 'clean.md')])).rejects.toThrow(/invalid configuration: Unrecognized key: "rulez"/);
  });

  it('--print-config prints every rule with the severity it has for the file, and where the configuration comes from', async () => {
    const config = write('raci.config.yaml', 'rules:\n  accountable-multiple: warning\n  role-noncanonical: "off"\n');
    const printed = await run([], { printConfig: 'pages/guide.en-gb.md' });
    expect(printed.code).toBe(0);
    const { rules } = JSON.parse(printed.out) as { rules: Record<string, string> };
    expect(Object.keys(rules).sort()).toEqual([...DIAGNOSTIC_CODE_IDS].sort());
    expect(rules).toMatchObject({ 'accountable-multiple': 'warning', 'role-noncanonical': 'off', 'accountable-missing': 'error' });
    expect(printed.err).toBe('raci: pages/guide.en-gb.md: configured by raci.config.yaml');
    // What it prints is itself a configuration that checks the same way.
    write('printed.json', printed.out);
    const file = write('double.md', DOUBLE_A);
    const withPrinted = await run([file], { config: join(dir, 'printed.json'), format: 'json' });
    const withOriginal = await run([file], { format: 'json' });
    expect(withPrinted.out).toBe(withOriginal.out);

    rmSync(config);
    const defaults = await run([], { printConfig: 'guide.md' });
    expect(JSON.parse(defaults.out).rules['accountable-multiple']).toBe('error');
    expect(defaults.err).toBe('raci: guide.md: no configuration file; the default severities apply');
    await expect(run([file], { printConfig: 'guide.md' })).rejects.toThrow(
      '--print-config FILE checks nothing: give it no paths and no --stdin',
    );
  });

  it('--config names the file explicitly', async () => {
    const config = write('strict.json', JSON.stringify({ rules: { 'responsible-missing': 'error' } }));
    const file = write('warn.md', guide(['| Choose the network | A | I |']));
    expect((await run([file], { config })).code).toBe(1);
  });
});

describe('raci check: baseline', () => {
  it('an unrelated edit above a baselined row keeps the run green; a new violation fails it', async () => {
    const file = write('guide.en-gb.md', DOUBLE_A);
    const baseline = join(dir, 'raci-baseline.json');
    const recorded = await run([file], { baseline, updateBaseline: true });
    expect(recorded.code).toBe(0);
    expect(recorded.err).toBe(`raci: wrote ${baseline}: 1 finding in 1 files.`);
    expect(JSON.parse(readFileSync(baseline, 'utf8'))).toEqual({
      version: 1,
      findings: [{ file: 'guide.en-gb.md', rule: 'accountable-multiple', activity: '1#2', text: 'Keep logs', count: 1 }],
    });

    // Rows and paragraphs added above the baselined row move it down: still baselined.
    writeFileSync(
      file,
      DOUBLE_A.replace('## 1. Before subscription', '## 1. Before subscription\n\nAn introduction paragraph.\n').replace(
        '| Install the vCenter | I | RA |',
        '| Size the service | RA | I |\n| Install the vCenter | I | RA |',
      ),
    );
    const unrelated = await run([file], { baseline });
    expect(unrelated.code).toBe(0);
    expect(unrelated.out).toContain('1 finding in the baseline not shown');

    // A new double-accountable row fails, and only it is reported.
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('| Keep logs | RA | RA |', '| Keep logs | RA | RA |\n| Keep backups | RA | RA |'),
    );
    const fresh = await run([file], { baseline, format: 'json' });
    expect(fresh.code).toBe(1);
    expect(JSON.parse(fresh.out).files[0].findings.map((finding: { activity: { text: string } }) => finding.activity.text)).toEqual([
      'Keep backups',
    ]);
  });

  it('a reworded baselined row is still matched by its activity id', async () => {
    const file = write('guide.en-gb.md', DOUBLE_A);
    const baseline = join(dir, 'baseline.json');
    await run([file], { baseline, updateBaseline: true });
    writeFileSync(file, DOUBLE_A.replace('Keep logs', 'Keep the logs'));
    expect((await run([file], { baseline })).code).toBe(0);
  });

  it('says when baselined findings are gone, and a missing or invalid baseline is a usage error', async () => {
    const file = write('guide.en-gb.md', DOUBLE_A);
    const baseline = join(dir, 'baseline.json');
    await run([file], { baseline, updateBaseline: true });
    writeFileSync(file, CLEAN);
    expect((await run([file], { baseline })).err).toBe(
      'raci: 1 finding of the baseline no longer occur; run with --update-baseline to drop it.',
    );
    await expect(run([file], { baseline: join(dir, 'other.json') })).rejects.toThrow(
      /other\.json: no such file or directory \(create it with --update-baseline\)/,
    );
    writeFileSync(baseline, JSON.stringify({ version: 2, findings: [] }));
    await expect(run([file], { baseline })).rejects.toThrow(/baseline\.json: not a raci baseline: version/);
  });
});

describe('raci check --fix', () => {
  const FIXTURE = failingExampleGuide('role-noncanonical');

  it('changes only role cells, and re-checking finds nothing fixable', async () => {
    const file = write('guide.en-gb.md', FIXTURE.replace(/\n/g, '\r\n'));
    const before = readFileSync(file, 'utf8');
    const result = await run([file], { fix: true, format: 'json' });
    const after = readFileSync(file, 'utf8');
    const beforeLines = before.split('\r\n');
    const afterLines = after.split('\r\n');
    expect(afterLines).toHaveLength(beforeLines.length);
    const changed = beforeLines.flatMap((line, index) => (line === afterLines[index] ? [] : [[line, afterLines[index]]]));
    expect(changed).toEqual([
      ['| Decide which versions to use | C | AR |', '| Decide which versions to use | C | RA |'],
      ['| Size infrastructures as needed | r/a | I |', '| Size infrastructures as needed | RA | I |'],
      ['| Choose options as needed | **AR** | I |', '| Choose options as needed | **RA** | I |'],
      ['| Install the vCenter | I | R, A |', '| Install the vCenter | I | RA |'],
    ]);
    // The report is of the fixed file: the link cell, which is not safe to rewrite, is what is left.
    const left = JSON.parse(result.out).files[0].findings;
    expect(left.map((finding: { code: string; line: number }) => `${finding.code}:${finding.line}`)).toEqual(['role-noncanonical:9']);
    expect(checkGuideText(after).findings.filter((finding) => finding.fix)).toEqual([]);
  });

  it('keeps a byte order mark and touches no other byte', async () => {
    const path = join(dir, 'bom.md');
    const text = guide(['| Install the vCenter | I | IR |']).replace('| I | RA |', '| I | RA |');
    writeFileSync(path, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    await run([path], { fix: true });
    const bytes = readFileSync(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString('utf8')).toBe(text.replace('| I | IR |', '| I | RI |'));
  });

  it('--dry-run prints a unified diff and writes nothing', async () => {
    const file = write('guide.en-gb.md', guide(['| Install the vCenter | I | AR |']));
    const before = readFileSync(file, 'utf8');
    const result = await run([file], { fix: true, dryRun: true });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(result.out).toBe(
      [
        `--- a/${file}`,
        `+++ b/${file}`,
        '@@ -15,2 +15,2 @@',
        ' | --- | --- | --- |',
        '-| Install the vCenter | I | AR |',
        '+| Install the vCenter | I | RA |',
      ].join('\n'),
    );
    expect(result.err).toBe('raci: --dry-run: 1 fix would be applied; 0 errors, 0 warnings, 0 infos would remain.');
    expect(result.code).toBe(0);
  });
});
