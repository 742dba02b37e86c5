import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumEnvironment, chromiumExecutable } from '../helpers/browser.js';
import { EMAIL_PRO } from '../helpers/corpus-guides.js';
import { ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';

/**
 * The root entry as a web application gets it: dist/index.js bundled by
 * esbuild for the browser, run in Chromium on a page with no network, parses
 * a bundled guide to the model Node.js gives. npm run build first.
 */
/** The types of the entry; the code under test is dist/, which the types of src/ describe. */
type RootEntry = typeof import('../../src/index.js');

const scratch = scratchFolder('raci-browser-entry-');
let context: BrowserContext;
let bundle: string;

beforeAll(async () => {
  const launching = chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: await chromiumExecutable(),
    headless: true,
    args: CHROMIUM_ARGS,
    env: chromiumEnvironment(scratch),
    offline: true,
  });
  // The bundle hands the entry's exports to the page: a module script's own exports are out of the page's reach.
  const result = await build({
    stdin: { contents: "import * as entry from './dist/index.js';\nglobalThis.responsibilityModel = entry;\n", resolveDir: ROOT },
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  bundle = result.outputFiles[0]!.text;
  context = await launching;
}, 60_000);

afterAll(async () => {
  await context?.close();
});

describe('the root entry bundled for a browser', () => {
  it('bundles with no Node.js module', () => {
    expect(bundle).not.toMatch(/from\s*["']node:|require\(["']node:/);
    expect(bundle.length).toBeGreaterThan(10_000);
  });

  // The entries README.md calls browser-safe, and one it says is for Node.js only.
  it.each(['index.js', 'entries/diff.js', 'entries/remark.js'])('dist/%s bundles for the browser', async (entry) => {
    const result = await build({
      entryPoints: [join(ROOT, 'dist', entry)],
      bundle: true,
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    expect(result.errors).toEqual([]);
  });

  it('dist/entries/files.js does not: it reads files with node:fs', async () => {
    const bundling = build({
      entryPoints: [join(ROOT, 'dist', 'entries', 'files.js')],
      bundle: true,
      platform: 'browser',
      write: false,
      logLevel: 'silent',
    });
    await expect(bundling).rejects.toThrow(/Could not resolve "node:fs/);
  });

  it('parses and checks a bundled guide in Chromium, offline, to exactly what Node.js gives', async () => {
    const markdown = await readFile(join(ROOT, EMAIL_PRO), 'utf8');
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console: ${message.text()}`);
    });
    await page.setContent('<!doctype html><html lang="en"><title>responsibility-model</title></html>');
    await page.addScriptTag({ type: 'module', content: bundle });
    await page.waitForFunction(() => 'responsibilityModel' in globalThis);

    const inBrowser = await page.evaluate((text) => {
      const entry = (globalThis as unknown as { responsibilityModel: RootEntry }).responsibilityModel;
      const parsed = entry.safeParseResponsibilityModel(text, { locale: 'en-gb', file: 'guide.en-gb.md' });
      const checked = entry.checkGuideText(text, { file: 'guide.en-gb.md' });
      return JSON.stringify({
        parsed,
        findings: checked.findings,
        userAgent: (globalThis as unknown as { navigator: { userAgent: string } }).navigator.userAgent,
      });
    }, markdown);
    const { userAgent, ...browserResult } = JSON.parse(inBrowser) as Record<string, unknown> & { userAgent: string };

    const entry: RootEntry = await import(pathToFileURL(join(ROOT, 'dist', 'index.js')).href);
    const inNode = JSON.parse(
      JSON.stringify({
        parsed: entry.safeParseResponsibilityModel(markdown, { locale: 'en-gb', file: 'guide.en-gb.md' }),
        findings: entry.checkGuideText(markdown, { file: 'guide.en-gb.md' }).findings,
      }),
    ) as { parsed: { model: { sections: unknown[] } } };
    expect(userAgent).toMatch(/Chrome/);
    expect(inNode.parsed.model.sections.length).toBeGreaterThan(0);
    expect(browserResult).toEqual(inNode);
    expect(problems).toEqual([]);
    await page.close();
  });
});
