import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ResponsibilityModelSchema } from '../../src/index.js';
import { bundledGuides, CLI_MAIN, ROOT } from '../helpers/paths.js';

const run = promisify(execFile);
const CLI = CLI_MAIN;

async function raci(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], { cwd: ROOT, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (caught) {
    const failure = caught as { code: number; stdout: string; stderr: string };
    return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
  }
}

describe('raci parse', () => {
  it('parses all 40 bundled guides: exit 0 or 1, schema-valid JSON, never a stack trace', async () => {
    const guides = bundledGuides();
    const { code, stdout, stderr } = await raci('parse', ...guides);
    expect(code).toBe(1); // the Nutanix en-gb guide has the unknown letters `MP`
    const models = JSON.parse(stdout) as unknown[];
    expect(models).toHaveLength(40);
    for (const model of models) expect(ResponsibilityModelSchema.safeParse(model).success).toBe(true);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stderr).toContain(
      'fixtures/corpus/pages/cloud/nutanix/60-responsibility-sharing/guide.en-gb.md:72:43 error “MP” in column “Customer”',
    );
    expect(
      stderr
        .trim()
        .split('\n')
        .every((line) => /^[^:]+:\d+:\d+ (error|warning|info) .+ [a-z-]+$/.test(line)),
    ).toBe(true);
  });

  it('exits 0 for a clean guide and prints one model, not an array', async () => {
    const { code, stdout } = await raci('parse', 'fixtures/corpus/pages/hosted_private_cloud/sap_on_ovhcloud/sap_raci/guide.en-gb.md');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).scopes).toHaveLength(2);
  });

  it('takes --locale over the file name', async () => {
    const { stdout } = await raci(
      'parse',
      '--locale',
      'fr-ca',
      'fixtures/corpus/pages/hosted_private_cloud/sap_on_ovhcloud/sap_raci/guide.fr-fr.md',
    );
    expect(JSON.parse(stdout).meta.locale).toBe('fr-ca');
  });

  it('exits 2 with one line for a missing file, a directory, or a bad option', async () => {
    for (const args of [
      ['parse', 'no/such/guide.md'],
      ['parse', 'fixtures'],
      ['parse', '--bogus', 'x.md'],
    ]) {
      const { code, stderr, stdout } = await raci(...args);
      expect(code, args.join(' ')).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).not.toMatch(/\n\s+at /);
    }
    expect((await raci('parse', 'no/such/guide.md')).stderr).toBe('raci: no/such/guide.md: no such file or directory\n');
    expect((await raci('parse', 'fixtures')).stderr).toBe('raci: fixtures: is a directory, not a file\n');
  });

  it('answers --version and --help with exit 0', async () => {
    expect((await raci('--version')).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await raci('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('parse');
  });
});

describe('raci summary', () => {
  it('prints one line per bundled guide and a total', async () => {
    const { code, stdout } = await raci('summary', 'fixtures/corpus');
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines.shift()).toBe('in fixtures/corpus/pages/');
    expect(lines[0]).toMatch(/^guide\s+locale\s+sections\s+activities\s+errors\s+warnings$/);
    expect(lines.at(-1)).toMatch(/^40 guides\s+922\s+1932\s+31\s+33$/);
  });

  it('--format json and csv give the same guides as the table, and totals that add up', async () => {
    const folder = 'fixtures/corpus/pages/platform';
    const table = (await raci('summary', folder)).stdout.trim().split('\n').slice(3, -2);
    const json = await raci('summary', folder, '--format', 'json');
    expect(json.code).toBe(0);
    const summary = JSON.parse(json.stdout) as {
      guides: { file: string; locale: string; sections: number; activities: number; errors: number; warnings: number }[];
      totals: Record<string, number>;
    };
    expect(summary.guides.map((g) => [g.locale, g.sections, g.activities, g.errors, g.warnings].join(' '))).toEqual(
      table.map((line) =>
        line
          .split(/\s{2,}/)
          .slice(1)
          .join(' '),
      ),
    );
    const sum = (key: 'sections' | 'activities' | 'errors' | 'warnings') => summary.guides.reduce((total, g) => total + g[key], 0);
    expect(summary.totals).toEqual({
      guides: summary.guides.length,
      sections: sum('sections'),
      activities: sum('activities'),
      errors: sum('errors'),
      warnings: sum('warnings'),
    });
    const csv = (await raci('summary', folder, '--format', 'csv')).stdout.trim().split('\n');
    expect(csv[0]).toBe('file,locale,sections,activities,errors,warnings');
    expect(csv.slice(1)).toEqual(summary.guides.map((g) => [g.file, g.locale, g.sections, g.activities, g.errors, g.warnings].join(',')));
  });
});
