import { countBySeverity } from '../diagnostics/diagnostic.js';
import { HEAT_STEPS, heatStep } from '../format/palette.js';
import { activitiesIn } from '../model/walk-sections.js';
import { compareSectionNumbers } from '../outline/heading-number.js';
import type { Diagnostic, ResponsibilityModel } from '../schema/model.js';
import { compareStrings, plural } from '../util/strings.js';
import { CUSTOMER, hasLetter, type PhaseShare, percent, phaseShares } from './guide-figures.js';
import { type ChangeNote, changeLink, langTag } from './guide-page.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import type { RemovedGuide } from './site.js';

export interface OverviewEntry {
  file: string;
  /** From the overview to the guide's page. */
  href: string;
  /** The path below the folder all guides share, to keep the overview narrow. */
  shortPath: string;
  /** Set when the report compares with a base. */
  change?: ChangeNote;
  model: ResponsibilityModel;
  findings: readonly Diagnostic[];
}

/** The locales of one guide, in file order. */
interface OverviewGroup {
  entries: readonly OverviewEntry[];
}

export interface SkippedFile {
  file: string;
  reason: string;
}

export interface OverviewPageInput {
  groups: readonly OverviewGroup[];
  skipped: readonly SkippedFile[];
  siteTitle: string;
  generator: string;
  /** What the guides are compared with; adds a column. */
  base?: string;
  removed?: readonly RemovedGuide[];
}

interface PhaseColumn {
  number: string;
  /** The title most guides give this phase (ties: alphabetical), for the key. */
  title: string;
}

/** The phases compared across guides: every top-level number any guide uses, in numeric order. */
function phaseColumns(models: readonly ResponsibilityModel[]): PhaseColumn[] {
  const titles = new Map<string, Map<string, number>>();
  for (const model of models) {
    for (const section of model.sections) {
      const seen = titles.get(section.number) ?? new Map<string, number>();
      seen.set(section.title, (seen.get(section.title) ?? 0) + 1);
      titles.set(section.number, seen);
    }
  }
  return [...titles.keys()].sort(compareSectionNumbers).map((number) => {
    const ranked = [...titles.get(number)!].sort(([a, countA], [b, countB]) => countB - countA || compareStrings(a, b));
    return { number, title: ranked[0]![0] };
  });
}

function heatCell(share: PhaseShare | undefined, column: PhaseColumn): SafeHtml {
  if (!share || share.total === 0) {
    const why = share ? 'no activities' : 'no such phase';
    const title = `${column.number}. ${share?.title ?? column.title}: ${why}`;
    const text = html`<span aria-hidden="true">–</span><span class="visually-hidden">Phase ${column.number}: ${why}</span>`;
    return html`<li><span class="heat heat-none" title="${title}">${text}</span></li>`;
  }
  const value = percent(share.matching, share.total);
  const description = `${share.number}. ${share.title}: customer accountable for ${share.matching} of ${share.total} activities (${value}%)`;
  const text = html`<span aria-hidden="true">${value}%</span><span class="visually-hidden">${description}</span>`;
  return html`<li><span class="heat heat-${heatStep(share.matching, share.total)}" title="${description}">${text}</span></li>`;
}

function heatStrip(model: ResponsibilityModel, columns: readonly PhaseColumn[]): SafeHtml {
  if (!model.parties.some((party) => party.id === CUSTOMER)) return html`<span class="note">No Customer column</span>`;
  const shares = phaseShares(model);
  return html`<ol class="heat-strip">${columns.map((column) =>
    heatCell(
      shares.find((share) => share.number === column.number),
      column,
    ),
  )}</ol>`;
}

function findingsSummary(findings: readonly Diagnostic[], href: string): SafeHtml {
  const counts = countBySeverity(findings);
  const parts = [
    counts.error > 0 ? html`<span class="severity severity-error">${plural(counts.error, 'error')}</span>` : '',
    counts.warning > 0 ? html`<span class="severity severity-warning">${plural(counts.warning, 'warning')}</span>` : '',
  ];
  return counts.error + counts.warning === 0
    ? html`<span class="empty">none</span>`
    : html`<a class="findings-link" href="${href}#findings">${parts[0]} ${parts[1]}</a>`;
}

function entryRow(entry: OverviewEntry, first: boolean, columns: readonly PhaseColumn[]): SafeHtml {
  const { model } = entry;
  const activities = activitiesIn(model.sections);
  const hasCustomer = model.parties.some((party) => party.id === CUSTOMER);
  const accountable = activities.filter((activity) => hasLetter(activity, CUSTOMER, 'A')).length;
  const lang = langTag(model.meta.locale);
  const title = html`<a class="guide-title" href="${entry.href}"${lang ? html` lang="${lang}"` : ''}>${model.meta.title || entry.file}</a>`;
  return html`<tr class="${first ? 'first-locale' : 'same-guide'}">
<th scope="row">${title}<span class="guide-file" title="${entry.file}">${entry.shortPath}</span></th>
<td class="locale">${model.meta.locale ?? '–'}</td>
<td class="number">${model.meta.updated ?? model.meta.updatedText ?? '–'}</td>
<td class="number">${activities.length}</td>
<td class="number">${hasCustomer ? `${accountable} (${percent(accountable, activities.length)}%)` : '–'}</td>
<td>${heatStrip(model, columns)}</td>
<td>${findingsSummary(entry.findings, entry.href)}</td>
${entry.change ? html`<td>${changeLink(entry.change)}</td>` : ''}
</tr>
`;
}

function heatLegend(columns: readonly PhaseColumn[]): SafeHtml {
  const ranges = ['0%', '1–20%', '21–40%', '41–60%', '61–80%', '81–100%'];
  return html`<ul class="heat-legend">
${HEAT_STEPS.map((_, step) => html`<li><span class="heat heat-${step}" aria-hidden="true"></span> ${ranges[step]}</li>`)}
<li><span class="heat heat-none" aria-hidden="true">–</span> no activities</li>
</ul>
<ol class="phase-key">${columns.map((column) => html`<li><strong>${column.number}</strong> ${column.title}</li>`)}</ol>`;
}

const LEAD = [
  'Every guide with its activities, and for each phase the share of activities where the ',
  html`<strong>customer is Accountable</strong>`,
  ' (A): the darker, the more the customer carries.',
];
const FILTER_INPUT = html`<input type="search" id="o-filter" placeholder="Title, path or locale" autocomplete="off" spellcheck="false">`;

/** The index: every guide with its counts and its heat strip, locales of one guide together. */
export function renderOverviewPage(input: OverviewPageInput): string {
  const entries = input.groups.flatMap((group) => group.entries);
  const columns = phaseColumns(entries.map((entry) => entry.model));
  const totals = entries.reduce(
    (sum, entry) => {
      const counts = countBySeverity(entry.findings);
      return {
        activities: sum.activities + activitiesIn(entry.model.sections).length,
        errors: sum.errors + counts.error,
        warnings: sum.warnings + counts.warning,
      };
    },
    { activities: 0, errors: 0, warnings: 0 },
  );
  const phaseNumbers = columns.map((column) => html`<li><span class="heat">${column.number}</span></li>`);
  const phases = html`<ol class="heat-strip heat-head" aria-hidden="true">${phaseNumbers}</ol>`;
  const head = [
    html`<th scope="col">Guide</th><th scope="col">Locale</th><th scope="col" class="number">Updated</th>`,
    html`<th scope="col" class="number">Activities</th><th scope="col" class="number">Customer A</th>`,
    html`<th scope="col">Customer A by phase${phases}</th><th scope="col">Findings</th>`,
    input.base !== undefined ? html`<th scope="col">Since <code>${input.base}</code></th>` : '',
  ];
  const body = html`<h1>${input.siteTitle}</h1>
<p class="lead">${LEAD}</p>
<ul class="totals">
<li><strong>${entries.length}</strong> guide files</li>
<li><strong>${input.groups.length}</strong> distinct guides</li>
<li><strong>${totals.activities}</strong> activities</li>
<li><strong>${totals.errors}</strong> ${totals.errors === 1 ? 'error' : 'errors'}</li>
<li><strong>${totals.warnings}</strong> ${totals.warnings === 1 ? 'warning' : 'warnings'}</li>
</ul>
<p><a href="activities.html">Who does what across products</a>: every activity of every guide in one filterable table.</p>
<div class="overview-tools no-print" id="overview-tools" hidden>
<div><label for="o-filter">Filter guides</label>${FILTER_INPUT}</div>
<p class="status" id="overview-status" role="status" aria-live="polite"></p>
</div>
${heatLegend(columns)}
<div class="table-wrap table-wrap-plain">
<table class="overview" id="overview">
<caption class="visually-hidden">Guides, their activities and the share where the customer is accountable, by phase</caption>
<thead><tr>${head}</tr></thead>
${input.groups.map(
  (group) => html`<tbody class="guide-group">
${group.entries.map((entry, index) => entryRow(entry, index === 0, columns))}</tbody>
`,
)}</table>
</div>
${
  input.removed && input.removed.length > 0
    ? html`<h2>Removed since <code>${input.base}</code></h2><ul>${input.removed.map(
        (guide) => html`<li>${guide.title || guide.file} <span class="guide-file">${guide.file}</span></li>`,
      )}</ul>`
    : ''
}
${
  input.skipped.length > 0
    ? html`<h2>Not shown</h2><p class="note">These files were found in the folders searched but are not responsibility-model guides:</p><ul>${input.skipped.map(
        (skipped) => html`<li><code>${skipped.file}</code>: ${skipped.reason}</li>`,
      )}</ul>`
    : ''
}`;
  return renderPage({ title: input.siteTitle, root: '', siteTitle: input.siteTitle, generator: input.generator, body, kind: 'overview' });
}
