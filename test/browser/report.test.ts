import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runReport } from '../../src/cli/commands/report.js';
import type { CommandIo } from '../../src/cli/io.js';
import { diffModels } from '../../src/compare/diff-models.js';
import { listActivities } from '../../src/model/list-activities.js';
import { safeParseResponsibilityModel } from '../../src/parse/parse.js';
import { activityAnchor } from '../../src/site/guide-page.js';
import { buildReportSite, pageNames, type ReportGuide, type SiteFile } from '../../src/site/site.js';
import { CHROMIUM_ARGS, chromiumEnvironment, chromiumExecutable } from '../helpers/browser.js';
import { EMAIL_PRO, loadCorpusGuides } from '../helpers/corpus-guides.js';
import { editGuide } from '../helpers/edited-guide.js';
import { HOSTILE_GUIDE, HOSTILE_TEXTS } from '../helpers/hostile-guide.js';
import { scratchFolder } from '../helpers/scratch.js';

/**
 * The report in a real browser (see helpers/browser.ts for which Chromium),
 * one launch for the whole file. Screenshots go to docs/images/ for docs/report.md
 * with UPDATE_SCREENSHOTS=1; otherwise to a temporary folder, so that a test
 * run leaves the committed images (and the working tree) alone.
 */
const IMAGES = process.env.UPDATE_SCREENSHOTS === '1' ? 'docs/images' : scratchFolder('raci-screenshots-');
const silentIo: CommandIo = { stdout: () => {}, stderr: () => {}, isTTY: false };
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const scratch = scratchFolder('raci-browser-');
let context: BrowserContext;
let guides: ReportGuide[];
let siteUrl: string;
let emailProUrl: string;

async function writeSite(out: string, files: readonly SiteFile[]): Promise<void> {
  for (const file of files) {
    const target = join(out, ...file.path.split('/'));
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, file.content);
  }
}

beforeAll(async () => {
  const out = join(scratch, 'site');
  const launching = chromium.launchPersistentContext(join(scratch, 'profile'), {
    executablePath: await chromiumExecutable(),
    headless: true,
    args: CHROMIUM_ARGS,
    env: chromiumEnvironment(scratch),
    viewport: { width: 1280, height: 1000 },
    offline: true,
  });
  // The site as `raci report fixtures/` builds it (the command itself is tested in report-cli.test.ts).
  guides = await loadCorpusGuides();
  await writeSite(out, buildReportSite(guides, { sourceHref: (file, line) => `../${file}#L${line}` }));
  siteUrl = pathToFileURL(join(out, 'index.html')).href;
  emailProUrl = pathToFileURL(join(out, 'guides', `${pageNames(guides.map((guide) => guide.file)).get(EMAIL_PRO)}.html`)).href;
  await mkdir(IMAGES, { recursive: true });
  context = await launching;
}, 60_000);

afterAll(async () => {
  await context?.close();
});

async function open(url: string): Promise<Page> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(url);
  await page.waitForLoadState('load');
  (page as Page & { problems: string[] }).problems = problems;
  return page;
}

function problemsOf(page: Page): string[] {
  return (page as Page & { problems: string[] }).problems;
}

/** axe-core's WCAG 2 A/AA checks (contrast included). Evaluated through the debugger, which the pages' CSP does not govern. */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const scope = globalThis as unknown as {
      document: unknown;
      axe: { run(context: unknown, options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
    };
    const result = await scope.axe.run(scope.document, {
      preload: false,
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa'] },
    });
    return result.violations.map(
      (violation) =>
        `${violation.id}: ${violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(', ')}`,
    );
  });
  return violations;
}

async function visibleRowIds(page: Page): Promise<string[]> {
  return page.locator('tr.activity:visible').evaluateAll((rows) => rows.map((row) => row.id));
}

describe('the guide page in a browser', () => {
  it('shows the 48 activities of Email Pro with the letters of the guide', async () => {
    const page = await open(emailProUrl);
    const model = guides.find((guide) => guide.file === EMAIL_PRO)!.model;
    const rows = page.locator('tr.activity');
    expect(await rows.count()).toBe(48);
    expect(await visibleRowIds(page)).toHaveLength(48);

    const lettersOf = async (text: string): Promise<string[]> =>
      page
        .locator('tr.activity', { has: page.locator('.activity-text', { hasText: text }) })
        .locator('td.party')
        .evaluateAll((cells) => cells.map((cell) => [...cell.querySelectorAll('.chip')].map((chip) => chip.textContent).join('')));
    // Read by hand from the guide's markdown (Customer, OVHcloud); "IR" is shown in canonical order.
    expect(await lettersOf('Define and configure a domain name before service subscription')).toEqual(['RA', '']);
    expect(await lettersOf('Choose service location in EU')).toEqual(['I', 'RA']);
    expect(await lettersOf('Administrate the service infrastructure (servers, OS, antivirus, storage)')).toEqual(['RA', 'RI']);

    // Every cell against the model.
    const shown = await rows.evaluateAll((list) =>
      list.map((row) => ({
        id: row.id,
        cells: [...row.querySelectorAll('td.party')].map((cell) =>
          [...cell.querySelectorAll('.chip')].map((chip) => chip.textContent).join(''),
        ),
      })),
    );
    expect(shown).toEqual(
      listActivities(model).map((activity) => ({
        id: activityAnchor(activity),
        cells: model.parties.map((party) => (activity.assignments[party.id] ?? []).join('')),
      })),
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problemsOf(page)).toEqual([]);
    await page.screenshot({ path: join(IMAGES, 'guide-page.png') });
    await page.close();
  });

  it('filters "customer accountable" down to exactly the rows where the customer has A, and collapses sections', async () => {
    const page = await open(emailProUrl);
    const model = guides.find((guide) => guide.file === EMAIL_PRO)!.model;
    const expected = listActivities(model)
      .filter((activity) => activity.assignments.customer?.includes('A'))
      .map(activityAnchor);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(48);

    await page.selectOption('#f-party', 'customer');
    await page.selectOption('#f-letter', 'A');
    expect(await visibleRowIds(page)).toEqual(expected);
    expect(await page.locator('#filter-status').textContent()).toBe(
      `${expected.length} of 48 activities shown (Customer is A: Accountable)`,
    );
    expect(new URL(page.url()).hash).toBe('#party=customer&role=A');
    await page.locator('#matrix').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(IMAGES, 'guide-filtered.png') });

    // The same view from a link, in a fresh page.
    const linked = await open(`${emailProUrl}#party=customer&role=A`);
    expect(await visibleRowIds(linked)).toEqual(expected);
    await linked.close();

    // Keyboard: "/" reaches the search box; the text filter adds to the role filter.
    await page.locator('body').press('/');
    await page.keyboard.type('backup');
    const backups = listActivities(model)
      .filter((activity) => activity.assignments.customer?.includes('A') && activity.text.toLowerCase().includes('backup'))
      .map(activityAnchor);
    expect(await visibleRowIds(page)).toEqual(backups);

    await page.getByRole('button', { name: 'Reset filters' }).click();
    expect(await visibleRowIds(page)).toHaveLength(48);
    await page.getByRole('button', { name: 'Collapse all' }).click();
    expect(await visibleRowIds(page)).toEqual([]);
    const phase = page.locator('button.section-toggle[data-toggle="1"]');
    expect(await phase.getAttribute('aria-expanded')).toBe('false');
    await phase.focus();
    await page.keyboard.press('Enter');
    expect(await visibleRowIds(page)).toEqual(
      listActivities(model)
        .filter((activity) => activity.id.startsWith('1.'))
        .map(activityAnchor),
    );
    await page.getByRole('button', { name: 'Expand all' }).click();
    expect(await visibleRowIds(page)).toHaveLength(48);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });

  it('prints the matrix without the controls', async () => {
    const page = await open(emailProUrl);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('#filters').isVisible()).toBe(false);
    expect(await page.locator('.site-header').isVisible()).toBe(false);
    expect(await visibleRowIds(page)).toHaveLength(48);
    await page.screenshot({ path: join(IMAGES, 'guide-print.png') });
    await page.close();
  });
});

describe('the overview in a browser', () => {
  it('lists every bundled guide, and filters them', async () => {
    const page = await open(siteUrl);
    const titles = await page.locator('#overview tbody th a.guide-title').evaluateAll((links) => links.map((link) => link.textContent));
    expect(titles).toEqual(guides.map((guide) => guide.model.meta.title));
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(IMAGES, 'overview.png') });

    await page.locator('#o-filter').fill('exchange');
    const shown = await page.locator('#overview tbody:visible').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(await page.locator('#overview tbody').count());
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});

describe('the cross-guide page in a browser', () => {
  it('shows every activity of every guide, filters by party, role, product and locale, and keeps the view in the URL', async () => {
    const acrossUrl = siteUrl.replace(/index\.html$/, 'activities.html');
    const all = guides.flatMap((guide) => listActivities(guide.model).map((activity) => ({ guide, activity })));
    const page = await open(acrossUrl);
    expect(await page.locator('#across tr.activity').count()).toBe(all.length);
    expect(await page.locator('#across-status').textContent()).toBe(`${all.length} activities`);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(IMAGES, 'across.png') });

    await page.locator('#a-party').selectOption('customer');
    await page.locator('#a-letter').selectOption('A');
    const accountable = all.filter(({ activity }) => activity.assignments.customer?.includes('A'));
    expect(await page.locator('#across tr.activity:visible').count()).toBe(accountable.length);
    expect(new URL(page.url()).hash).toBe('#party=customer&role=A');

    await page.locator('#a-product').selectOption('kms');
    const kms = accountable.filter(({ guide }) => guide.file.includes('/kms/'));
    expect(kms.length).toBeGreaterThan(0);
    expect(await page.locator('#across tr.activity:visible').count()).toBe(kms.length);
    expect(await page.locator('#products tr[data-product="kms"] [data-shown]').textContent()).toBe(String(kms.length));
    expect(await page.locator('#products tr[data-product="nutanix"] [data-shown]').textContent()).toBe('0');
    const view = page.url();
    await page.close();

    // The same view from the link alone, then narrowed by locale.
    const again = await open(view);
    expect(await again.locator('#a-product').inputValue()).toBe('kms');
    expect(await again.locator('#across tr.activity:visible').count()).toBe(kms.length);
    await again.locator('#a-locale').selectOption('fr-fr');
    expect(await again.locator('#across tr.activity:visible').count()).toBe(0);
    await again.locator('[data-reset]').click();
    expect(await again.locator('#across tr.activity:visible').count()).toBe(all.length);
    const link = again.locator('#across tr.activity a').first();
    expect(await link.getAttribute('href')).toMatch(/^guides\/.+\.html#act-/);
    expect(problemsOf(again)).toEqual([]);
    await again.close();
  });
});

describe('a diff page in a browser', () => {
  it('shows the changed rows, marked, and the rest on demand', async () => {
    // Built from the library so the page (and its screenshot) names no temporary folder; the command is tested in report-cli.test.ts.
    const original = guides.find((guide) => guide.file === EMAIL_PRO)!;
    const edited = safeParseResponsibilityModel(editGuide(await readFile(EMAIL_PRO, 'utf8')), { locale: 'en-gb' }).model;
    const diff = diffModels(original.model, edited, { oldLabel: EMAIL_PRO, newLabel: 'the same guide with four edits' });
    const out = join(scratch, 'diff-site');
    await writeSite(
      out,
      buildReportSite([{ file: 'edited/guide.en-gb.md', model: edited, findings: [], change: { status: 'modified', diff } }], {
        base: 'the bundled guide',
      }),
    );
    const page = await open(pathToFileURL(join(out, 'diffs', 'guide.en-gb.html')).href);
    const changed = await page.locator('tr.activity:visible').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-change')));
    expect(changed.sort()).toEqual(['added', 'modified', 'modified', 'removed']);
    expect(await page.locator('td.cell-changed:visible').count()).toBe(2);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 1280, height: 1130 });
    await page.screenshot({ path: join(IMAGES, 'diff-page.png') });
    await page.getByLabel('Show unchanged activities').check();
    expect(await page.locator('tr.activity:visible').count()).toBe(49);
    expect(problemsOf(page)).toEqual([]);
    await page.close();
  });
});

describe('a hostile guide in a browser', () => {
  it('shows script and markup from the guide as text and runs none of it', async () => {
    const source = join(scratch, 'hostile', 'guide.en-gb.md');
    await mkdir(join(scratch, 'hostile'));
    await writeFile(source, HOSTILE_GUIDE);
    const out = join(scratch, 'hostile-site');
    await runReport([source], { out }, silentIo);
    const page = await open(pathToFileURL(join(out, 'guides', 'guide.en-gb.html')).href);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.locator('#f-text').fill('script');
    await page.getByRole('button', { name: 'Reset filters' }).click();
    expect(await page.evaluate(() => (globalThis as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(dialogs).toEqual([]);
    const texts = await page.locator('.activity-text').allTextContents();
    for (const text of HOSTILE_TEXTS) expect(texts).toContain(text);
    expect(await page.locator('h1').textContent()).toBe(`<script>window.__pwned = 'title'</script> Evil & Co`);
    expect(await page.locator('main img, main svg, main b').count()).toBe(0);
    await page.close();
  });
});
