import { readFile } from 'node:fs/promises';
import { colord, extend } from 'colord';
import a11yPlugin from 'colord/plugins/a11y';
import { beforeAll, describe, expect, it } from 'vitest';
import { diffModels } from '../../src/compare/diff-models.js';
import { createDiagnostic } from '../../src/diagnostics/diagnostic.js';
import { HEAT_STEPS, heatStep, TEXT_PAIRS } from '../../src/format/palette.js';
import { listActivities } from '../../src/model/list-activities.js';
import { safeParseResponsibilityModel } from '../../src/parse/parse.js';
import { phaseShares, placeFindings } from '../../src/site/guide-figures.js';
import { buildReportSite, guideKey, pageNames, type ReportGuide, type SiteFile } from '../../src/site/site.js';
import { EMAIL_PRO, loadCorpusGuides, SAP_EN } from '../helpers/corpus-guides.js';
import { editGuide } from '../helpers/edited-guide.js';
import { validationMessages } from '../helpers/html-validator.js';
import { DIFF_FIXTURES } from '../helpers/paths.js';

extend([a11yPlugin]);

let guides: ReportGuide[];
let site: SiteFile[];
const options = { sourceHref: (file: string, line: number) => `../${file}#L${line}`, generator: 'raci test' };

beforeAll(async () => {
  guides = await loadCorpusGuides();
  site = buildReportSite(guides, options);
});

function page(path: string): string {
  const file = site.find((candidate) => candidate.path === path);
  if (!file) throw new Error(`no ${path} in ${site.map((candidate) => candidate.path).join(', ')}`);
  return file.content;
}

describe('the site', () => {
  it('has an overview, the assets and one page per guide, sorted', () => {
    const paths = site.map((file) => file.path);
    expect(paths).toEqual([...paths].sort());
    expect(paths.filter((path) => path.startsWith('guides/'))).toHaveLength(guides.length);
    expect(paths).toContain('index.html');
    expect(paths).toContain('assets/report.css');
    expect(paths).toContain('assets/report.js');
  });

  it('is byte-identical for the same guides in any order', () => {
    const again = buildReportSite([...guides].reverse(), options);
    expect(again).toEqual(site);
  });

  it('refers to nothing outside itself but the sources and http(s) links', () => {
    for (const file of site.filter((candidate) => candidate.path.endsWith('.html'))) {
      const urls = [...file.content.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((match) => match[1]!);
      for (const url of urls) {
        expect(url, `${file.path}: ${url}`).toMatch(
          /^(https?:\/\/|#|(\.\.\/)?(assets|guides)\/|(\.\.\/)?index\.html|[a-z0-9_.-]+\.html(#.*)?$|\.\.\/(\.\.\/)?fixtures\/)/,
        );
      }
    }
    expect(page('assets/report.css')).not.toMatch(/url\(|@import/);
    expect(page('assets/report.js')).not.toMatch(/fetch\(|XMLHttpRequest|import\(|eval\(|innerHTML/);
  });

  it('writes valid HTML for the Email Pro, SAP, overview and cross-guide pages', async () => {
    const names = pageNames(guides.map((guide) => guide.file));
    for (const path of ['index.html', 'activities.html', `guides/${names.get(EMAIL_PRO)}.html`, `guides/${names.get(SAP_EN)}.html`]) {
      expect(await validationMessages(page(path)), path).toEqual([]);
    }
  });
});

describe('page names', () => {
  it('drop the shared folder, join the rest with -- and stay unique', () => {
    const names = pageNames([
      'a/b/x/guide.en-gb.md',
      'a/b/x/guide.fr-fr.md',
      'a/b/Modèles de responsabilités/Instances.guide.fr-fr.md',
      'a/b/y/Guide.en-gb.md',
      'a/b/y/guide.en-gb.md',
    ]);
    expect([...names.values()]).toEqual([
      'modeles-de-responsabilites--instances.guide.fr-fr',
      'x--guide.en-gb',
      'x--guide.fr-fr',
      'y--guide.en-gb',
      'y--guide.en-gb-2',
    ]);
    expect(names.get('a/b/y/Guide.en-gb.md')).toBe('y--guide.en-gb');
  });

  it('name a lone guide after its file', () => {
    expect([...pageNames(['docs/guide.en-gb.md']).values()]).toEqual(['guide.en-gb']);
  });
});

describe('the overview', () => {
  it('lists every guide once, linking to its page', () => {
    const overview = page('index.html');
    const names = pageNames(guides.map((guide) => guide.file));
    for (const guide of guides) {
      expect(overview.split(`href="guides/${names.get(guide.file)}.html"`)).toHaveLength(2);
    }
  });

  it('groups the locales of one guide in one row group, in file order', () => {
    const overview = page('index.html');
    const groups = overview.split('<tbody class="guide-group">').slice(1);
    const keys = new Set(guides.map((guide) => guideKey(guide.file)));
    expect(groups).toHaveLength(keys.size);
    const exchange = groups.find((group) => group.includes('responsibility_model_private_email_server_exchange/guide.en-gb.md'))!;
    expect([...exchange.matchAll(/<td class="locale">([^<]*)<\/td>/g)].map((match) => match[1])).toEqual(['en-gb', 'en-ie', 'es-es']);
  });

  it('shows, per phase, the share of activities where the customer is accountable', () => {
    const emailPro = guides.find((guide) => guide.file === EMAIL_PRO)!;
    const rows = listActivities(emailPro.model);
    const shares = phaseShares(emailPro.model);
    // Counted again from the flat list, independently of the section tree.
    for (const share of shares) {
      const inPhase = rows.filter((row) => row.path[0]!.number === share.number);
      expect(share.total).toBe(inPhase.length);
      expect(share.matching).toBe(inPhase.filter((row) => row.assignments.customer?.includes('A')).length);
    }
    expect(shares.reduce((sum, share) => sum + share.total, 0)).toBe(48);
    const overview = page('index.html');
    const first = shares[0]!;
    expect(overview).toContain(
      `${first.number}. ${first.title}: customer accountable for ${first.matching} of ${first.total} activities (${Math.round((first.matching / first.total) * 100)}%)`,
    );
  });
});

describe('the guide page', () => {
  it("links a guide that names another bundled guide to that guide's page", () => {
    const names = pageNames(guides.map((guide) => guide.file));
    const sap = page(`guides/${names.get(SAP_EN)}.html`);
    const dedicated = 'fixtures/corpus/pages/account_and_service_management/responsibility_sharing/dedicated-servers/guide.en-gb.md';
    expect(sap).toContain(`<a href="${names.get(dedicated)}.html">Dedicated Server</a>`);
  });

  it('links every row to its source line', () => {
    const names = pageNames(guides.map((guide) => guide.file));
    const emailPro = guides.find((guide) => guide.file === EMAIL_PRO)!;
    const html = page(`guides/${names.get(EMAIL_PRO)}.html`);
    for (const row of listActivities(emailPro.model)) {
      expect(html).toContain(`href="../../${EMAIL_PRO}#L${row.line}"`);
    }
  });

  it('lists the other locales of the same guide', () => {
    const names = pageNames(guides.map((guide) => guide.file));
    const sap = page(`guides/${names.get(SAP_EN)}.html`);
    expect(sap).toContain(`<a href="${names.get(SAP_EN.replace('en-gb', 'fr-fr'))}.html" hreflang="fr-FR"`);
  });
});

describe('placeFindings', () => {
  it('puts a finding on the row or heading of its line, and leaves the others for the list', () => {
    const emailPro = guides.find((guide) => guide.file === EMAIL_PRO)!;
    const activity = listActivities(emailPro.model)[5]!;
    const section = emailPro.model.sections[1]!;
    const span = (line: number) => ({ line, column: 1, endLine: line, endColumn: 2 });
    const onRow = createDiagnostic('role-unknown', 'row', span(activity.line));
    const onHeading = createDiagnostic('section-duplicate', 'heading', span(section.line));
    const elsewhere = createDiagnostic('title-missing', 'file', span(1));
    const placed = placeFindings(emailPro.model, [onRow, onHeading, elsewhere]);
    expect(placed.byActivity.get(activity.id)).toEqual([onRow]);
    expect(placed.activityOf.get(onRow)).toBe(activity.id);
    expect(placed.bySection.get(section.number)).toEqual([onHeading]);
    expect([...placed.activityOf.keys()]).toEqual([onRow]);
    expect([...placed.byActivity.values(), ...placed.bySection.values()].flat()).not.toContain(elsewhere);
  });
});

describe('colours', () => {
  it('give every text at least 4.5:1 contrast (WCAG AA)', () => {
    for (const pair of TEXT_PAIRS) {
      expect(colord(pair.text).contrast(pair.background), pair.name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('step the heat strip by fifths, 0 % on its own', () => {
    expect([
      heatStep(0, 10),
      heatStep(1, 10),
      heatStep(2, 10),
      heatStep(3, 10),
      heatStep(6, 10),
      heatStep(8, 10),
      heatStep(9, 10),
      heatStep(10, 10),
      heatStep(0, 0),
    ]).toEqual([0, 1, 1, 2, 3, 4, 5, 5, 0]);
    expect(HEAT_STEPS).toHaveLength(6);
  });
});

describe('diff pages', () => {
  let original: ReportGuide;
  let edited: ReturnType<typeof safeParseResponsibilityModel>['model'];
  let diffSite: SiteFile[];

  beforeAll(async () => {
    original = guides.find((guide) => guide.file === EMAIL_PRO)!;
    edited = safeParseResponsibilityModel(editGuide(await readFile(EMAIL_PRO, 'utf8')), { locale: 'en-gb' }).model;
    const diff = diffModels(original.model, edited, { oldLabel: 'before', newLabel: 'after' });
    diffSite = buildReportSite(
      [
        { file: 'now/email-pro/guide.en-gb.md', model: edited, findings: [], change: { status: 'modified', diff } },
        { file: 'now/sap/guide.en-gb.md', model: guides.find((guide) => guide.file === SAP_EN)!.model, findings: [] },
      ],
      { ...options, base: 'v1', removed: [{ file: 'gone/guide.en-gb.md', title: 'A guide that went away' }] },
    );
  });

  function diffPage(path: string): string {
    return diffSite.find((file) => file.path === path)!.content;
  }

  it('are written only for the guides that changed', () => {
    expect(diffSite.map((file) => file.path).filter((path) => path.startsWith('diffs/'))).toEqual(['diffs/email-pro--guide.en-gb.html']);
  });

  it('mark each change on its row: added, removed, modified, and leave the rest unchanged', () => {
    const page = diffPage('diffs/email-pro--guide.en-gb.html');
    const kinds = [...page.matchAll(/<tr class="activity change-([a-z]+)"/g)].map((match) => match[1]);
    expect(kinds.filter((kind) => kind === 'added')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'removed')).toHaveLength(1);
    expect(kinds.filter((kind) => kind === 'modified')).toHaveLength(2);
    // 48 activities, one removed and one added: 48 rows now, 45 of them as they were.
    expect(kinds.filter((kind) => kind === 'unchanged')).toHaveLength(45);
    expect(page).toContain('<span class="change-badge change-badge-accountable">A: OVHcloud → Customer</span>');
    expect(page.match(/<td class="party cell-changed">/g)).toHaveLength(2);
    expect(page).toContain('<del class="activity-text">Choose service location in EU</del>');
    expect(page).toContain('<del>service subscription</del><ins>subscribing to the service</ins>');
  });

  it('are valid HTML', async () => {
    expect(await validationMessages(diffPage('diffs/email-pro--guide.en-gb.html'))).toEqual([]);
    expect(await validationMessages(diffPage('index.html'))).toEqual([]);
  });

  it('are linked from the guide page and the overview, which also lists removed guides', () => {
    expect(diffPage('guides/email-pro--guide.en-gb.html')).toContain(
      '<a href="../diffs/email-pro--guide.en-gb.html">4 changes since v1</a>',
    );
    const overview = diffPage('index.html');
    expect(overview).toContain('<th scope="col">Since <code>v1</code></th>');
    expect(overview).toContain(
      '<a href="diffs/email-pro--guide.en-gb.html">4 changes since v1</a> <span class="change-badge change-badge-accountable">1 accountable change</span>',
    );
    expect(overview).toContain('<span class="empty">unchanged since v1</span>');
    expect(overview).toContain('A guide that went away');
  });
});

describe('diff pages of a renumbered section', () => {
  it('count each renumbering once and no moved activity; a removed row stays in its renumbered section', async () => {
    const read = async (name: string) =>
      safeParseResponsibilityModel(await readFile(`${DIFF_FIXTURES}/${name}.en-gb.md`, 'utf8'), { locale: 'en-gb' }).model;
    const renumbered = await read('renumbered');
    // One row of the renumbered 2.3 removed as well: a real change beside the renumbering.
    const incidents = renumbered.sections[1]!.sections[2]!;
    const trimmed = {
      ...renumbered,
      sections: [
        renumbered.sections[0]!,
        {
          ...renumbered.sections[1]!,
          sections: [...renumbered.sections[1]!.sections.slice(0, 2), { ...incidents, activities: incidents.activities.slice(1) }],
        },
      ],
    };
    const diff = diffModels(await read('base'), trimmed, { oldLabel: 'before', newLabel: 'after' });
    const site = buildReportSite([{ file: 'now/guide.en-gb.md', model: trimmed, findings: [], change: { status: 'modified', diff } }], {
      ...options,
      base: 'v1',
    });
    const page = (path: string) => site.find((file) => file.path === path)!.content;
    // 3 section changes, 1 added, 1 reassigned and 1 removed activity.
    expect(page('guides/guide.en-gb.html')).toContain('6 changes since v1</a>');
    const diffPage = page('diffs/guide.en-gb.html');
    expect(diffPage).toContain('<li>Incidents renumbered: ');
    expect(diffPage).not.toContain('From sections that are gone');
    expect(diffPage).not.toContain('moved from');
    expect(diffPage).toContain('id="removed-2.2-1"');
  });
});
