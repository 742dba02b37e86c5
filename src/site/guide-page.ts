import { ROLE_NAMES } from '../format/palette.js';
import { activitiesIn, countSections, walkSections } from '../model/walk-sections.js';
import { ROLE_LETTERS } from '../roles/role-cell.js';
import type { Activity, Diagnostic, Link, Party, ResponsibilityModel, RoleDefinition, RoleLetter, Section } from '../schema/model.js';
import { plural } from '../util/strings.js';
import { letterCounts, type PlacedFindings, placeFindings, worstSeverity } from './guide-figures.js';
import { attribute, html, joinHtml, markedText, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';

interface Translation {
  locale: string;
  title: string;
  /** From this page to the other locale's page. */
  href: string;
}

/** What changed since the base, when the report compares with one. */
export interface ChangeNote {
  text: string;
  count: number;
  /** The diff page, from the page showing the note; absent when nothing changed. */
  href?: string;
  /** How many activities changed accountable party. */
  accountable?: number;
}

export interface GuidePageInput {
  /** The source file as given; shown and linked. */
  file: string;
  model: ResponsibilityModel;
  findings: readonly Diagnostic[];
  siteTitle: string;
  generator: string;
  /** The same guide in other locales. */
  translations: readonly Translation[];
  /** Link to the source at a line, from this page; undefined shows the line without a link. */
  sourceHref: (line: number) => string | undefined;
  /** What an activity's link becomes (another page of the report, the URL itself, or nothing when unsafe). */
  linkHref: (url: string) => string | undefined;
  change?: ChangeNote;
}

export function changeLink(change: ChangeNote): SafeHtml {
  const accountable = change.accountable
    ? html` <span class="change-badge change-badge-accountable">${plural(change.accountable, 'accountable change')}</span>`
    : '';
  return change.href === undefined
    ? html`<span class="empty">${change.text}</span>`
    : html`<a href="${change.href}">${change.text}</a>${accountable}`;
}

/** BCP 47 casing for the `lang` attribute: `en-gb` → `en-GB`. */
export function langTag(locale: string | undefined): string | undefined {
  if (!locale) return undefined;
  const [language, ...rest] = locale.split('-');
  return [language!.toLowerCase(), ...rest.map((part) => (part.length === 2 ? part.toUpperCase() : part))].join('-');
}

/** A stable fragment id for a row: `3.1.1#4` → `act-3.1.1-4`. */
export function activityAnchor(activity: Activity): string {
  return `act-${activity.id.replace(/[^A-Za-z0-9.-]/g, '-')}`;
}

export function sectionAnchor(section: Section): string {
  return `sec-${section.number.replace(/[^A-Za-z0-9.-]/g, '-')}`;
}

function roleTitle(letter: RoleLetter, roles: readonly RoleDefinition[]): string {
  const label = roles.find((role) => role.code.toUpperCase() === letter)?.label;
  return label ? `${letter}: ${ROLE_NAMES[letter]}. ${label}` : `${letter}: ${ROLE_NAMES[letter]}`;
}

export function chip(letter: RoleLetter, roles: readonly RoleDefinition[]): SafeHtml {
  return html`<abbr class="chip chip-${letter}" title="${roleTitle(letter, roles)}">${letter}</abbr>`;
}

function anchorFor(link: Link, linkHref: GuidePageInput['linkHref']): SafeHtml {
  const href = linkHref(link.url);
  if (href === undefined)
    return html`<span class="link-refused" title="Link not shown: only http(s) and relative links are">${link.text}</span>`;
  const external = /^https?:/i.test(href);
  return html`<a href="${href}"${external ? attribute('rel', 'noopener noreferrer') : ''}>${link.text}</a>`;
}

/** The activity text with its links turned into anchors where their text occurs, the rest listed after it. */
export function activityText(activity: Activity, linkHref: GuidePageInput['linkHref']): SafeHtml {
  const parts: (string | SafeHtml)[] = [];
  const leftover: Link[] = [];
  let rest = activity.text;
  for (const link of activity.links) {
    const at = link.text === '' ? -1 : rest.indexOf(link.text);
    if (at < 0) {
      leftover.push(link);
      continue;
    }
    parts.push(markedText(rest.slice(0, at)), anchorFor(link, linkHref));
    rest = rest.slice(at + link.text.length);
  }
  parts.push(markedText(rest));
  const extra = leftover.length
    ? html` <span class="activity-links">(${joinHtml(
        leftover.map((link) => anchorFor(link.text === '' ? { ...link, text: link.url } : link, linkHref)),
        ', ',
      )})</span>`
    : '';
  return html`<span class="activity-text">${parts}</span>${extra}`;
}

function findingItem(finding: Diagnostic, target: SafeHtml | string): SafeHtml {
  const severity = html`<span class="severity severity-${finding.severity}">${finding.severity}</span>`;
  return html`<li>${severity} ${target}${finding.message} <code class="finding-code">${finding.code}</code></li>`;
}

function rowFindings(findings: readonly Diagnostic[] | undefined): SafeHtml | string {
  if (!findings || findings.length === 0) return '';
  return html`<ul class="row-findings">${findings.map((finding) => findingItem(finding, ''))}</ul>`;
}

export function partyCell(activity: Activity, party: Party, roles: readonly RoleDefinition[]): SafeHtml {
  const letters = activity.assignments[party.id] ?? [];
  const written = (activity.cells[party.id] ?? '').trim();
  if (letters.length > 0) return html`<td class="party">${letters.map((letter) => chip(letter, roles))}</td>`;
  // Letters the parser could not read are shown as written, never dropped.
  if (written !== '') return html`<td class="party"><span class="cell-raw" title="Not a RACI letter">${written}</span></td>`;
  return html`<td class="party"><span class="empty" aria-hidden="true">–</span><span class="visually-hidden">none</span></td>`;
}

export function scopeCell(activity: Activity, scopeId: string): SafeHtml {
  return activity.scopes[scopeId]
    ? html`<td class="scope"><span aria-hidden="true">✓</span><span class="visually-hidden">applies</span></td>`
    : html`<td class="scope"><span class="empty" aria-hidden="true">–</span><span class="visually-hidden">does not apply</span></td>`;
}

function activityRow(activity: Activity, section: Section, input: GuidePageInput, placed: PlacedFindings): SafeHtml {
  const { model } = input;
  const findings = placed.byActivity.get(activity.id);
  const severity = findings ? worstSeverity(findings) : undefined;
  const roles = model.parties.flatMap((party) => (activity.assignments[party.id] ?? []).map((letter) => `${party.id}:${letter}`));
  const scopes = model.scopes.filter((scope) => activity.scopes[scope.id]).map((scope) => scope.id);
  const href = input.sourceHref(activity.line);
  const lineLabel = `L${activity.line}`;
  const scopeData = attribute('data-scopes', model.scopes.length ? scopes.join(' ') : undefined);
  const data = html`data-section="${section.number}" data-roles="${roles.join(' ')}"${scopeData}`;
  return html`<tr class="activity${severity ? ` finding-${severity}` : ''}" id="${activityAnchor(activity)}" ${data}${attribute('data-severity', severity)}>
<th scope="row">${activityText(activity, input.linkHref)}${rowFindings(findings)}</th>
${model.parties.map((party) => partyCell(activity, party, model.roles))}${model.scopes.map((scope) => scopeCell(activity, scope.id))}<td class="source">${
    href === undefined ? lineLabel : html`<a href="${href}" title="${`${input.file}, line ${activity.line}`}">${lineLabel}</a>`
  }</td>
</tr>
`;
}

function sectionBody(section: Section, depth: number, input: GuidePageInput, placed: PlacedFindings, columns: number): SafeHtml {
  const count = activitiesIn([section]).length;
  const headingFindings = placed.bySection.get(section.number);
  const id = sectionAnchor(section);
  const heading = html`<span class="section-number">${section.number}</span> <span class="section-title">${markedText(section.title)}</span>`;
  const countText = html`<span class="section-count" data-count="${count}">${plural(count, 'activity', 'activities')}</span>`;
  const toggleData = html`aria-expanded="true" aria-controls="${id}" data-toggle="${section.number}"`;
  const toggle = html`<button type="button" class="section-toggle" ${toggleData}>${heading}${countText}</button>`;
  return html`<tbody class="section depth-${Math.min(depth, 5)}" id="${id}" data-section="${section.number}">
<tr class="section-row"><th colspan="${columns}" scope="rowgroup">${toggle}${rowFindings(headingFindings)}</th></tr>
${section.activities.map((activity) => activityRow(activity, section, input, placed))}</tbody>
`;
}

export function matrixHead(model: ResponsibilityModel): SafeHtml {
  const parties = model.parties.map((party) => html`<th scope="col" class="party">${party.label}</th>`);
  if (model.scopes.length === 0) {
    return html`<thead><tr><th scope="col" lang="en">Activity</th>${parties}<th scope="col" class="source" lang="en">Source</th></tr></thead>`;
  }
  const scopes = model.scopes.map((scope) => html`<th scope="col" class="scope">${scope.label}</th>`);
  const groups = [
    html`<th scope="colgroup" colspan="${model.parties.length}" class="party" lang="en">Roles</th>`,
    html`<th scope="colgroup" colspan="${model.scopes.length}" class="scope" lang="en">Applies to</th>`,
  ];
  return html`<thead><tr><th scope="col" rowspan="2" lang="en">Activity</th>${groups}<th scope="col" rowspan="2" class="source" lang="en">Source</th></tr>
<tr>${parties}${scopes}</tr></thead>`;
}

function legendPanel(model: ResponsibilityModel): SafeHtml {
  const fromGuide = model.roles.length > 0;
  const entries: { letter: RoleLetter | undefined; code: string; label: string }[] = fromGuide
    ? model.roles.map((role) => {
        const letter = ROLE_LETTERS.find((candidate) => candidate === role.code.toUpperCase());
        return { letter, code: role.code, label: role.label };
      })
    : ROLE_LETTERS.map((letter) => ({ letter, code: letter, label: ROLE_NAMES[letter] }));
  return html`<section class="panel" aria-labelledby="legend-heading"><h2 id="legend-heading">Legend</h2>
<dl class="legend">${entries.map(
    (entry) =>
      html`<dt>${entry.letter ? chip(entry.letter, model.roles) : html`<span class="cell-raw">${entry.code}</span>`}</dt><dd>${entry.label}</dd>`,
  )}</dl>
${fromGuide ? '' : html`<p class="note">The guide has no legend; these are the usual meanings.</p>`}</section>`;
}

function countsPanel(model: ResponsibilityModel): SafeHtml {
  const counts = letterCounts(model);
  const letters = ROLE_LETTERS.map((letter) => html`<th scope="col">${chip(letter, model.roles)}</th>`);
  const button = (party: Party, letter: RoleLetter): SafeHtml => {
    const title = `Show the activities where ${party.label} is ${ROLE_NAMES[letter]}`;
    const data = html`data-party="${party.id}" data-letter="${letter}" aria-pressed="false"`;
    return html`<button type="button" class="count-button" ${data} title="${title}">${counts[party.id]![letter]}</button>`;
  };
  return html`<section class="panel" aria-labelledby="counts-heading"><h2 id="counts-heading">Roles by party</h2>
<table class="counts"><thead><tr><th scope="col"><span class="visually-hidden">Party</span></th>${letters}</tr></thead>
<tbody>${model.parties.map(
    (party) => html`<tr><th scope="row">${party.label}</th>${ROLE_LETTERS.map((letter) => html`<td>${button(party, letter)}</td>`)}</tr>`,
  )}</tbody></table>
<p class="note no-print">Select a number to show those activities.</p></section>`;
}

function findingsPanel(input: GuidePageInput, placed: PlacedFindings, activityAt: Map<string, Activity>): SafeHtml {
  const { findings } = input;
  const target = (finding: Diagnostic): SafeHtml => {
    const onRow = placed.activityOf.get(finding);
    const place = `line ${finding.line}:${finding.column}`;
    if (onRow !== undefined) return html`<a href="#${activityAnchor(activityAt.get(onRow)!)}">${place}</a> `;
    const href = input.sourceHref(finding.line);
    return href === undefined ? html`${place} ` : html`<a href="${href}">${place}</a> `;
  };
  const heading = html`<h2 id="findings-heading">Findings (${findings.length})</h2>`;
  return html`<section class="panel panel-findings" id="findings" aria-labelledby="findings-heading">${heading}
${
  findings.length === 0
    ? html`<p class="note">raci check found nothing to report in this guide.</p>`
    : html`<ul class="findings-list">${findings.map((finding) => findingItem(finding, target(finding)))}</ul>`
}</section>`;
}

const SEARCH_INPUT = html`<input type="search" id="f-text" name="q" placeholder="Type, or press /" autocomplete="off" spellcheck="false">`;
const FILTER_ACTIONS = [
  html`<button type="button" data-reset>Reset filters</button>`,
  html`<button type="button" data-collapse-all>Collapse all</button>`,
  html`<button type="button" data-expand-all>Expand all</button>`,
];

function toolbar(model: ResponsibilityModel, total: number): SafeHtml {
  return html`<div class="toolbar" id="filters" lang="en" role="search" aria-label="Filter the matrix" hidden>
<div><label for="f-party">Party</label><select id="f-party" name="party"><option value="">Any party</option>${model.parties.map(
    (party) => html`<option value="${party.id}">${party.label}</option>`,
  )}</select></div>
<div><label for="f-letter">has role</label><select id="f-letter" name="role"><option value="">Any role</option>${ROLE_LETTERS.map(
    (letter) => html`<option value="${letter}">${letter}: ${ROLE_NAMES[letter]}</option>`,
  )}<option value="-">No role</option></select></div>
${
  model.scopes.length > 0
    ? html`<div><label for="f-scope">Applies to</label><select id="f-scope" name="scope"><option value="">Any scope</option>${model.scopes.map(
        (scope) => html`<option value="${scope.id}">${scope.label}</option>`,
      )}</select></div>`
    : ''
}
<div><label for="f-text">Search activities</label>${SEARCH_INPUT}</div>
<label class="check"><input type="checkbox" id="f-findings" name="findings"> Only rows with findings</label>
<div class="actions">${FILTER_ACTIONS}</div>
<p class="status" id="filter-status" role="status" aria-live="polite">${plural(total, 'activity', 'activities')}</p>
</div>`;
}

function paragraphs(text: string): SafeHtml[] {
  return text
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => html`<p>${paragraph}</p>`);
}

/** The page of one guide: header, legend, counts, findings, filters and the matrix. */
export function renderGuidePage(input: GuidePageInput): string {
  const { model } = input;
  const lang = langTag(model.meta.locale);
  const placed = placeFindings(model, input.findings);
  const activityAt = new Map(activitiesIn(model.sections).map((activity) => [activity.id, activity]));
  const total = activityAt.size;
  const columns = 1 + model.parties.length + model.scopes.length + 1;
  const title = model.meta.title || input.file;
  const fileHref = input.sourceHref(1);
  const updated = model.meta.updated ?? model.meta.updatedText;
  const body = html`<article${attribute('lang', lang)}>
<h1>${title}</h1>
${model.meta.excerpt ? html`<p class="lead">${model.meta.excerpt}</p>` : ''}
<ul class="meta" lang="en">
${model.meta.locale ? html`<li>Locale <strong>${model.meta.locale}</strong></li>` : ''}
${updated ? html`<li>Updated <strong>${updated}</strong></li>` : ''}
<li><strong>${total}</strong> ${total === 1 ? 'activity' : 'activities'} in <strong>${countSections(model.sections)}</strong> sections</li>
${input.change ? html`<li>${changeLink(input.change)}</li>` : ''}
<li>Source ${fileHref === undefined ? html`<code>${input.file}</code>` : html`<a href="${fileHref}"><code>${input.file}</code></a>`}</li>
${
  input.translations.length > 0
    ? html`<li>Also in ${joinHtml(
        input.translations.map(
          (translation) =>
            html`<a href="${translation.href}" hreflang="${langTag(translation.locale)}" title="${translation.title}">${translation.locale}</a>`,
        ),
        ', ',
      )}</li>`
    : ''
}
</ul>
${model.intro ? html`<div class="intro">${paragraphs(model.intro)}</div>` : ''}
<div class="panels" lang="en">
${legendPanel(model)}
${countsPanel(model)}
${findingsPanel(input, placed, activityAt)}
</div>
<h2 id="matrix-heading" lang="en">Responsibility matrix</h2>
<p class="print-filter" id="print-filter" lang="en"></p>
${toolbar(model, total)}
<div class="table-wrap">
<table class="matrix" id="matrix" aria-labelledby="matrix-heading">
${matrixHead(model)}
${walkSections(model.sections).map(({ section, depth }) => sectionBody(section, depth, input, placed, columns))}</table>
</div>
${total === 0 ? html`<p class="note" lang="en">No activity could be read from this guide; see the findings above.</p>` : ''}
</article>`;
  return renderPage({
    title: `${title} · ${input.siteTitle}`,
    root: '../',
    crumb: title,
    siteTitle: input.siteTitle,
    generator: input.generator,
    body,
    kind: 'guide',
  });
}
