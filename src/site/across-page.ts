import { ROLE_NAMES } from '../format/palette.js';
import { listActivities } from '../model/list-activities.js';
import { productOf } from '../model/product.js';
import { ROLE_LETTERS } from '../roles/role-cell.js';
import type { ResponsibilityModel } from '../schema/model.js';
import { compareStrings, plural } from '../util/strings.js';
import { activityAnchor, chip, langTag } from './guide-page.js';
import { html, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';

/** One guide on the cross-guide page, with the address of its own page from the site root. */
interface AcrossEntry {
  file: string;
  model: ResponsibilityModel;
  href: string;
}

export interface AcrossPageInput {
  entries: readonly AcrossEntry[];
  siteTitle: string;
  generator: string;
}

export const ACROSS_PAGE = 'activities.html';

interface Party {
  id: string;
  label: string;
}

/** Every party id of the guides, with the label of the first guide that has it (the first in English when one is). */
function partiesOf(entries: readonly AcrossEntry[]): Party[] {
  const labels = new Map<string, string>();
  const english = [...entries].sort(
    (a, b) => Number(b.model.meta.locale?.startsWith('en') ?? false) - Number(a.model.meta.locale?.startsWith('en') ?? false),
  );
  for (const entry of english) for (const party of entry.model.parties) if (!labels.has(party.id)) labels.set(party.id, party.label);
  return [...labels].map(([id, label]) => ({ id, label })).sort((a, b) => compareStrings(a.id, b.id));
}

function productTable(entries: readonly (AcrossEntry & { product: string })[]): SafeHtml {
  const products = [...new Set(entries.map((entry) => entry.product))].sort(compareStrings);
  const rows = products.map((product) => {
    const guides = entries.filter((entry) => entry.product === product);
    const activities = guides.reduce((sum, entry) => sum + listActivities(entry.model).length, 0);
    const accountable = guides.reduce(
      (sum, entry) => sum + listActivities(entry.model).filter((activity) => activity.assignments['customer']?.includes('A')).length,
      0,
    );
    const links = guides.map(
      (entry) => html`<a href="${entry.href}" title="${entry.model.meta.title}">${entry.model.meta.locale ?? entry.file}</a> `,
    );
    return html`<tr data-product="${product}"><th scope="row">${product || '–'}</th><td>${links}</td>
<td class="number">${activities}</td><td class="number" data-shown>${activities}</td><td class="number">${accountable}</td></tr>
`;
  });
  return html`<div class="table-wrap table-wrap-plain">
<table class="overview products" id="products">
<caption class="visually-hidden">Activities per product</caption>
<thead><tr><th scope="col">Product</th><th scope="col">Guides</th><th scope="col" class="number">Activities</th>
<th scope="col" class="number">Shown</th><th scope="col" class="number">Customer A</th></tr></thead>
<tbody>
${rows}</tbody>
</table>
</div>`;
}

function toolbar(parties: readonly Party[], products: readonly string[], locales: readonly string[], total: number): SafeHtml {
  const options = (values: readonly string[]) => values.map((value) => html`<option value="${value}">${value}</option>`);
  return html`<div class="toolbar" id="across-filters" lang="en" role="search" aria-label="Filter the activities" hidden>
<div><label for="a-party">Party</label><select id="a-party" name="party"><option value="">Any party</option>${parties.map(
    (party) => html`<option value="${party.id}">${party.label}</option>`,
  )}</select></div>
<div><label for="a-letter">has role</label><select id="a-letter" name="role"><option value="">Any role</option>${ROLE_LETTERS.map(
    (letter) => html`<option value="${letter}">${letter}: ${ROLE_NAMES[letter]}</option>`,
  )}</select></div>
<div><label for="a-product">Product</label><select id="a-product" name="product"><option value="">Any product</option>${options(products)}</select></div>
<div><label for="a-locale">Locale</label><select id="a-locale" name="locale"><option value="">Any locale</option>${options(locales)}</select></div>
<div><label for="a-text">Search activities</label><input type="search" id="a-text" name="q" autocomplete="off" spellcheck="false"></div>
<div class="actions"><button type="button" data-reset>Reset filters</button></div>
<p class="status" id="across-status" role="status" aria-live="polite">${plural(total, 'activity', 'activities')}</p>
</div>`;
}

/**
 * "Who does what across products": every activity of every guide in one
 * table, with the counts per product and links to each guide's page. The
 * script filters it by party, letter, product, locale and text, and keeps the
 * view in the URL fragment as the guide pages do.
 */
export function renderAcrossPage(input: AcrossPageInput): string {
  const entries = input.entries.map((entry) => ({ ...entry, product: productOf(entry.file, entry.model) }));
  const parties = partiesOf(entries);
  const products = [...new Set(entries.map((entry) => entry.product).filter((product) => product !== ''))].sort(compareStrings);
  const locales = [...new Set(entries.map((entry) => entry.model.meta.locale ?? '').filter((locale) => locale !== ''))].sort(
    compareStrings,
  );
  let total = 0;
  const bodies = entries.map((entry) => {
    const lang = langTag(entry.model.meta.locale);
    const rows = listActivities(entry.model).map((activity) => {
      total += 1;
      const roles = parties.flatMap((party) => (activity.assignments[party.id] ?? []).map((letter) => `${party.id}:${letter}`)).join(' ');
      const cells = parties.map((party) => {
        const letters = activity.assignments[party.id] ?? [];
        return html`<td class="party">${letters.map((letter) => chip(letter, entry.model.roles))}</td>`;
      });
      return html`<tr class="activity" data-product="${entry.product}" data-locale="${entry.model.meta.locale ?? ''}" data-roles="${roles}">
<td>${entry.product || '–'}</td><td class="locale">${entry.model.meta.locale ?? '–'}</td>
<td class="number"><a href="${entry.href}#${activityAnchor(activity)}">${activity.sectionNumber}</a></td>
<td class="activity-text"${lang ? html` lang="${lang}"` : ''}>${activity.text}</td>${cells}</tr>
`;
    });
    return html`<tbody>
${rows}</tbody>
`;
  });
  const head = html`<tr><th scope="col">Product</th><th scope="col">Locale</th><th scope="col" class="number">Section</th>
<th scope="col">Activity</th>${parties.map((party) => html`<th scope="col">${party.label}</th>`)}</tr>`;
  const body = html`<h1>Who does what across products</h1>
<p class="lead">Every activity of every guide in one table. Filter by party and role (for instance the customer
as Accountable), product, locale or words; each section number links to the row in its guide's page.</p>
<h2>Activities per product</h2>
${productTable(entries)}
${toolbar(parties, products, locales, total)}
<div class="table-wrap">
<table class="matrix across" id="across">
<caption class="visually-hidden">Every activity of every guide, with the letters of each party</caption>
<thead>${head}</thead>
${bodies}</table>
</div>`;
  return renderPage({
    title: `Across products · ${input.siteTitle}`,
    root: '',
    crumb: 'Across products',
    siteTitle: input.siteTitle,
    generator: input.generator,
    body,
    kind: 'across',
  });
}
