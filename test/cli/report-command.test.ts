import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MARKER_FILE, runReport } from '../../src/cli/commands/report.js';
import { UsageError } from '../../src/cli/inputs.js';
import { capture } from '../helpers/capture.js';
import { EMAIL_PRO, loadCorpusGuides, SAP_EN } from '../helpers/corpus-guides.js';
import { editGuide } from '../helpers/edited-guide.js';
import { scratchFolder } from '../helpers/scratch.js';

async function tree(root: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (directory: string): Promise<void> => {
    for (const entry of (await readdir(directory, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) await walk(path);
      else files.set(relative(root, path), await readFile(path, 'utf8'));
    }
  };
  await walk(root);
  return files;
}

const scratch = scratchFolder('raci-report-');

describe('raci report', () => {
  it('writes the site for fixtures/, skipping the READMEs, byte-identical on a second run', async () => {
    const out = join(scratch, 'site');
    const io = capture();
    expect(await runReport(['fixtures/'], { out }, io)).toBe(0);
    // The findings are whatever raci check says (its rules evolve): count them the same way here.
    const findings = (await loadCorpusGuides()).flatMap((guide) => guide.findings);
    const errors = findings.filter((finding) => finding.severity === 'error').length;
    const warnings = findings.filter((finding) => finding.severity === 'warning').length;
    const counts = `40 guide pages (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} shown)`;
    expect(io.out).toEqual([`${join(out, 'index.html')}: ${counts}`]);
    expect(io.err).toEqual([
      'raci report: skipped fixtures/README.md: not a responsibility-model guide (no activity, no legend and numbered sections)',
      'raci report: skipped fixtures/corpus/README.md: not a responsibility-model guide (no activity, no legend and numbered sections)',
    ]);
    const first = await tree(out);
    expect([...first.keys()].filter((path) => path.startsWith('guides/'))).toHaveLength(40);
    expect(first.get('index.html')).toContain(
      'fixtures/corpus/README.md</code>: not a responsibility-model guide (no activity, no legend and numbered sections)',
    );
    expect(first.has(MARKER_FILE)).toBe(true);

    expect(await runReport(['fixtures/'], { out }, capture())).toBe(0);
    expect(await tree(out)).toEqual(first);
  });

  it('replaces its own earlier output whole, so removed guides do not linger', async () => {
    const out = join(scratch, 'replace');
    await runReport([EMAIL_PRO, SAP_EN], { out }, capture());
    expect((await readdir(join(out, 'guides'))).length).toBe(2);
    await runReport([EMAIL_PRO], { out }, capture());
    expect(await readdir(join(out, 'guides'))).toEqual(['guide.en-gb.html']);
  });

  it('renders a file named explicitly even when it is not a guide', async () => {
    const out = join(scratch, 'explicit');
    const io = capture();
    expect(await runReport(['fixtures/README.md'], { out }, io)).toBe(0);
    expect(io.err).toEqual([]);
    const html = await readFile(join(out, 'guides', 'readme.html'), 'utf8');
    expect(html).toContain('No activity could be read from this guide');
    expect(html).toContain('legend-missing');
  });

  it('links rows to a web copy of the sources with --source-url', async () => {
    const out = join(scratch, 'source-url');
    await runReport(
      [EMAIL_PRO],
      { out, sourceUrl: 'https://github.com/ovh/docs/blob/develop/{path}#L{line}', title: 'OVHcloud <RACI>' },
      capture(),
    );
    const html = await readFile(join(out, 'guides', 'guide.en-gb.html'), 'utf8');
    expect(html).toContain(`href="https://github.com/ovh/docs/blob/develop/${EMAIL_PRO}#L30"`);
    expect(html).toContain('<title>Email Pro - Responsibility model · OVHcloud &lt;RACI&gt;</title>');
  });

  it('refuses a non-empty folder it did not write, and touches nothing in it', async () => {
    const out = join(scratch, 'foreign');
    await mkdir(out);
    await writeFile(join(out, 'notes.txt'), 'mine');
    await expect(runReport([EMAIL_PRO], { out }, capture())).rejects.toThrow(UsageError);
    await expect(runReport([EMAIL_PRO], { out }, capture())).rejects.toThrow(/not empty and was not written by raci report/);
    expect(await readdir(out)).toEqual(['notes.txt']);
  });

  it('reports usage problems as one-line UsageErrors (exit 2)', async () => {
    const out = join(scratch, 'usage');
    await expect(runReport(['no/such/file.md'], { out }, capture())).rejects.toThrow('no/such/file.md: no such file or directory');
    await expect(runReport(['fixtures/seeds'], { out }, capture())).rejects.toThrow(
      'fixtures/seeds: no file found (folders are searched for *.md)',
    );
    const readmeOnly = join(scratch, 'readme-only');
    await mkdir(readmeOnly);
    await writeFile(join(readmeOnly, 'README.md'), '# Notes\n\nNothing to see.\n');
    await expect(runReport([readmeOnly], { out }, capture())).rejects.toThrow(`no guide found in ${readmeOnly}`);
    await expect(runReport([EMAIL_PRO], { out, sourceUrl: 'javascript:alert(1)' }, capture())).rejects.toThrow(
      /--source-url must be an http\(s\) URL/,
    );
    await expect(runReport([EMAIL_PRO], { out: 'fixtures' }, capture())).rejects.toThrow(/contains an input/);
    const file = join(scratch, 'a-file');
    await writeFile(file, '');
    await expect(runReport([EMAIL_PRO], { out: file }, capture())).rejects.toThrow(/exists and is not a folder/);
    await expect(stat(out)).rejects.toThrow();
  });

  it('shows the findings raci check would report with the same configuration', async () => {
    const nutanix = 'fixtures/corpus/pages/cloud/nutanix/60-responsibility-sharing/guide.en-gb.md';
    const config = join(scratch, 'raci.config.json');
    await writeFile(config, JSON.stringify({ rules: { 'accountable-multiple': 'off' } }));
    const read = async (out: string) => readFile(join(out, 'guides', 'guide.en-gb.html'), 'utf8');
    await runReport([nutanix], { out: join(scratch, 'default-config') }, capture());
    await runReport([nutanix], { out: join(scratch, 'with-config'), config }, capture());
    expect(await read(join(scratch, 'default-config'))).toContain('<code class="finding-code">accountable-multiple</code>');
    const configured = await read(join(scratch, 'with-config'));
    expect(configured).not.toContain('accountable-multiple');
    expect(configured).toContain('<code class="finding-code">role-unknown</code>');
  });

  it('compares one guide with a file given as --base', async () => {
    const edited = join(scratch, 'edited', 'guide.en-gb.md');
    await mkdir(join(scratch, 'edited'));
    await writeFile(edited, editGuide(await readFile(EMAIL_PRO, 'utf8')));
    const out = join(scratch, 'base-file');
    expect(await runReport([edited], { out, base: EMAIL_PRO }, capture())).toBe(0);
    const page = await readFile(join(out, 'diffs', 'guide.en-gb.html'), 'utf8');
    expect(page).toContain(`From <code>${EMAIL_PRO}</code> to <code>${edited}</code>`);
    expect(page).toContain('A: OVHcloud → Customer');
    await expect(runReport([edited, SAP_EN], { out, base: EMAIL_PRO }, capture())).rejects.toThrow(
      `--base ${EMAIL_PRO}: a file is compared with one guide, and 2 were given`,
    );
  });

  it('compares with a git revision given as --base: changed, new and removed guides', async () => {
    const repository = join(scratch, 'repository');
    const git = (...args: string[]) =>
      execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.org', ...args], { cwd: repository, stdio: 'pipe' });
    for (const folder of ['email', 'sap', 'kms']) await mkdir(join(repository, folder), { recursive: true });
    await copyFile(EMAIL_PRO, join(repository, 'email', 'guide.en-gb.md'));
    await copyFile(SAP_EN, join(repository, 'sap', 'guide.en-gb.md'));
    await copyFile(
      'fixtures/corpus/pages/manage_and_operate/kms/responsibility-model-kms/guide.en-gb.md',
      join(repository, 'kms', 'guide.en-gb.md'),
    );
    await writeFile(join(repository, 'README.md'), '# Guides\n');
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'guides');
    await writeFile(join(repository, 'email', 'guide.en-gb.md'), editGuide(await readFile(EMAIL_PRO, 'utf8')));
    await rm(join(repository, 'kms'), { recursive: true });
    await mkdir(join(repository, 'domains'));
    await copyFile(
      'fixtures/corpus/pages/web_cloud/domains/responsibility_model_domains/guide.en-gb.md',
      join(repository, 'domains', 'guide.en-gb.md'),
    );

    const out = join(scratch, 'base-revision');
    expect(await runReport([repository], { out, base: 'HEAD', cwd: repository }, capture())).toBe(0);
    expect(await readdir(join(out, 'diffs'))).toEqual(['domains--guide.en-gb.html', 'email--guide.en-gb.html']);
    const overview = await readFile(join(out, 'index.html'), 'utf8');
    expect(overview).toContain('<a href="diffs/email--guide.en-gb.html">4 changes since HEAD</a>');
    expect(overview).toContain('<a href="diffs/domains--guide.en-gb.html">new since HEAD</a>');
    expect(overview).toContain('<span class="empty">unchanged since HEAD</span>');
    expect(overview).toMatch(
      /<h2>Removed since <code>HEAD<\/code><\/h2><ul><li>Key Management Service \(KMS\) - Shared responsibilities <span class="guide-file">kms\/guide.en-gb.md<\/span><\/li><\/ul>/,
    );
    const email = await readFile(join(out, 'diffs', 'email--guide.en-gb.html'), 'utf8');
    expect(email).toContain('From <code>HEAD:email/guide.en-gb.md</code>');

    await expect(runReport([repository], { out, base: 'no-such-revision', cwd: repository }, capture())).rejects.toThrow(
      'no-such-revision: not a commit in this git repository',
    );
  });
});
