import { execFile } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runDrift, translationGroup } from '../../src/cli/commands/drift.js';
import { LocaleComparisonSchema } from '../../src/schema/drift.js';
import { EMAIL_PRO, HOSTED_EXCHANGE } from '../compare/helpers.js';
import { capture } from '../helpers/capture.js';
import { CLI_MAIN, DIFF_FIXTURES, ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

const DRIFT = `${ROOT}${DIFF_FIXTURES}/drift`;

describe('raci drift', () => {
  it('groups translations by folder and name, the locale taken out', () => {
    expect(translationGroup('pages/x/guide.fr-fr.md')).toBe('pages/x/guide.');
    expect(translationGroup('pages/y/Instances.guide.fr-fr.md')).toBe('pages/y/Instances.guide.');
    expect(translationGroup('README.md')).toBeUndefined();
  });

  it('prints each disagreement with both files’ lines, and exits 1', async () => {
    const io = capture();
    const code = await runDrift([`${DRIFT}/guide.en-gb.md`, `${DRIFT}/guide.fr-fr.md`], {}, io);
    expect(code).toBe(1);
    const lines = io.out.join('\n').split('\n');
    expect(lines[0]).toBe(`${DRIFT}/guide.*.md`);
    expect(lines.slice(1, 5)).toEqual([
      '  fr-fr (guide.fr-fr.md) against en-gb (guide.en-gb.md): 3 disagreements',
      '    1.1 row 2  letters differ  OVHcloud: RA in en-gb, R in fr-fr',
      '      en-gb  guide.en-gb.md:25  Choose service location in EU  [Customer I · OVHcloud RA]',
      '      fr-fr  guide.fr-fr.md:25  Choisir la localisation du service en UE  [Client I · OVHcloud R]',
    ]);
    expect(lines).toContain('    2.1 row 2  row missing  no such row in fr-fr');
    expect(lines).toContain('      fr-fr  guide.fr-fr.md:33  (not there; would follow this line)');
    expect(lines.at(-1)).toBe('1 guide with translations, 1 translation compared with en-gb: 3 disagreements in 1 translation');
    expect(io.err).toEqual([]);
  });

  it('json: one schema-valid comparison per guide', async () => {
    const io = capture();
    await runDrift([`${DRIFT}/guide.en-gb.md`, `${DRIFT}/guide.fr-fr.md`], { format: 'json' }, io);
    const comparisons = JSON.parse(io.out.join('\n')) as unknown[];
    expect(comparisons).toHaveLength(1);
    expect(LocaleComparisonSchema.parse(comparisons[0]).disagreements).toBe(3);
  });

  it('exits 0 when every translation agrees, and notes guides without the reference locale', async () => {
    const folder = scratchFolder('raci-drift-');
    cpSync(`${ROOT}${EMAIL_PRO}`, join(folder, 'a/guide.en-gb.md'));
    cpSync(`${ROOT}${EMAIL_PRO}`, join(folder, 'a/guide.en-ie.md'));
    cpSync(`${ROOT}${HOSTED_EXCHANGE}`, join(folder, 'b/guide.fr-fr.md'));
    cpSync(`${ROOT}${HOSTED_EXCHANGE}`, join(folder, 'b/guide.de-de.md'));
    writeFileSync(join(folder, 'README.md'), '# not a guide\n');
    const files = ['README.md', 'a/guide.en-gb.md', 'a/guide.en-ie.md', 'b/guide.de-de.md', 'b/guide.fr-fr.md'].map((file) =>
      join(folder, file),
    );
    const io = capture();
    expect(await runDrift(files, {}, io)).toBe(0);
    expect(io.out.join('\n')).toContain('  en-ie (guide.en-ie.md) against en-gb (guide.en-gb.md): agrees');
    expect(io.err).toEqual([`raci: note: ${join(folder, 'b/guide.')}*.md has no en-gb guide (de-de, fr-fr); not compared`]);
    // With the reference named, the second folder is compared too.
    const french = capture();
    expect(await runDrift(files, { reference: 'fr-fr' }, french)).toBe(0);
    expect(french.out.join('\n')).toContain('  de-de (guide.de-de.md) against fr-fr (guide.fr-fr.md): agrees');
  });

  it('a file that cannot be read is reported, the others still compared, exit 2', async () => {
    const io = capture();
    const code = await runDrift([`${DRIFT}/guide.en-gb.md`, `${DRIFT}/guide.fr-fr.md`, `${DRIFT}/guide.de-de.md`], {}, io);
    expect(code).toBe(2);
    expect(io.err).toEqual([`raci: ${DRIFT}/guide.de-de.md: no such file or directory`]);
    expect(io.out.join('\n')).toContain('3 disagreements');
  });
});

describe('the raci binary (dist/cli/main.js)', () => {
  const raci = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI_MAIN, ...args], { cwd: ROOT });
      return { code: 0, stdout, stderr };
    } catch (caught) {
      const failure = caught as { code: number; stdout: string; stderr: string };
      return { code: failure.code, stdout: failure.stdout, stderr: failure.stderr };
    }
  };

  it('diff: exit 1 with --exit-code on differences, 2 on usage errors, one line and no stack', async () => {
    expect((await raci('diff', '--exit-code', `${DIFF_FIXTURES}/base.en-gb.md`, `${DIFF_FIXTURES}/moved.en-gb.md`)).code).toBe(1);
    expect((await raci('diff', '--exit-code', `${DIFF_FIXTURES}/base.en-gb.md`, `${DIFF_FIXTURES}/letter-order.en-gb.md`)).code).toBe(0);
    const missing = await raci('diff', 'nope.md', `${DIFF_FIXTURES}/base.en-gb.md`);
    expect([missing.code, missing.stderr]).toEqual([2, 'raci: nope.md: no such file or directory\n']);
    const format = await raci('diff', '--format', 'xml', `${DIFF_FIXTURES}/base.en-gb.md`, `${DIFF_FIXTURES}/moved.en-gb.md`);
    expect(format.code).toBe(2);
    expect(format.stderr).toContain("argument 'xml' is invalid");
  });

  it('drift: exit 1 on disagreements, markdown on request', async () => {
    const result = await raci('drift', '--format', 'markdown', `${DIFF_FIXTURES}/drift`);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('| 2.1 row 2 | no such row in fr-fr |');
  });
});
