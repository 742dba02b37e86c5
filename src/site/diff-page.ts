import { activitiesIn, listSections, walkSections } from '../model/walk-sections.js';
import type { ActivityChange, AssignmentChange, LabelChange, ModelDiff, ScopeChange, WordDiffPart } from '../schema/diff.js';
import type { Activity, ResponsibilityModel, RoleDefinition, RoleLetter, Section } from '../schema/model.js';
import { NONE, plural } from '../util/strings.js';
import {
  activityAnchor,
  activityText,
  chip,
  type GuidePageInput,
  langTag,
  matrixHead,
  partyCell,
  scopeCell,
  sectionAnchor,
} from './guide-page.js';
import { html, joinHtml, markedText, type SafeHtml } from './html.js';
import { renderPage } from './layout.js';

export interface DiffPageInput {
  /** The guide as it is now: its source path and model. */
  file: string;
  model: ResponsibilityModel;
  diff: ModelDiff;
  siteTitle: string;
  generator: string;
  /** From this page to the guide's own page. */
  guideHref: string;
  sourceHref: GuidePageInput['sourceHref'];
  linkHref: GuidePageInput['linkHref'];
}

/** How many things changed, all kinds together: what the overview and the guide page count. */
export function changeCount(diff: ModelDiff): number {
  return diff.activities.length + diff.summary.sections + diff.summary.meta;
}

function chips(letters: readonly RoleLetter[], roles: readonly RoleDefinition[]): SafeHtml {
  return letters.length === 0 ? html`<span class="empty">${NONE}</span>` : html`${letters.map((letter) => chip(letter, roles))}`;
}

function beforeAfter(before: SafeHtml, after: SafeHtml): SafeHtml {
  const arrow = html`<span class="arrow" aria-hidden="true">→</span>`;
  return html`<del><span class="visually-hidden">before: </span>${before}</del> ${arrow} <ins><span class="visually-hidden">now: </span>${after}</ins>`;
}

function words(parts: readonly WordDiffPart[]): SafeHtml {
  return html`${parts.map((part) =>
    part.op === 'equal'
      ? markedText(part.text)
      : part.op === 'delete'
        ? html`<del>${markedText(part.text)}</del>`
        : html`<ins>${markedText(part.text)}</ins>`,
  )}`;
}

function partyNames(ids: readonly string[], diff: ModelDiff): string {
  if (ids.length === 0) return NONE;
  const label = (id: string): string =>
    diff.new.parties.find((party) => party.id === id)?.label ?? diff.old.parties.find((party) => party.id === id)?.label ?? id;
  return ids.map(label).join(' and ');
}

function badges(change: ActivityChange, diff: ModelDiff): SafeHtml {
  const list: SafeHtml[] = [];
  if (change.kind === 'added') list.push(html`<span class="change-badge change-badge-added">added</span>`);
  if (change.kind === 'removed') list.push(html`<span class="change-badge change-badge-removed">removed</span>`);
  if (change.accountable) {
    const handover = `A: ${partyNames(change.accountable.old, diff)} → ${partyNames(change.accountable.new, diff)}`;
    list.push(html`<span class="change-badge change-badge-accountable">${handover}</span>`);
  } else if (change.assignments.length > 0) {
    list.push(html`<span class="change-badge change-badge-modified">roles changed</span>`);
  }
  if (change.reworded) list.push(html`<span class="change-badge change-badge-modified">reworded</span>`);
  if (change.moved && change.old) {
    list.push(
      html`<span class="change-badge change-badge-modified">moved from ${change.old.section.number} ${change.old.section.title}</span>`,
    );
  }
  if (change.scopes.length > 0) list.push(html`<span class="change-badge change-badge-modified">scope changed</span>`);
  return html`<span class="change-badges" lang="en">${joinHtml(list, ' ')}</span>`;
}

function changedPartyCell(assignment: AssignmentChange, roles: readonly RoleDefinition[]): SafeHtml {
  return html`<td class="party cell-changed">${beforeAfter(chips(assignment.old, roles), chips(assignment.new, roles))}</td>`;
}

function mark(value: boolean | null): SafeHtml {
  return value === null
    ? html`<span class="empty">no column</span>`
    : value
      ? html`✓<span class="visually-hidden"> applies</span>`
      : html`–<span class="visually-hidden"> does not apply</span>`;
}

function changedScopeCell(change: ScopeChange): SafeHtml {
  return html`<td class="scope cell-changed">${beforeAfter(mark(change.old), mark(change.new))}</td>`;
}

function sourceCell(input: DiffPageInput, line: number): SafeHtml {
  const href = input.sourceHref(line);
  return html`<td class="source">${href === undefined ? `L${line}` : html`<a href="${href}">L${line}</a>`}</td>`;
}

/** A row of the guide as it is now, marked with what changed in it (or as unchanged). */
function currentRow(activity: Activity, change: ActivityChange | undefined, input: DiffPageInput): SafeHtml {
  const { model, diff } = input;
  const kind = change ? change.kind : 'unchanged';
  const text =
    change?.reworded && change.words
      ? html`<span class="activity-text">${words(change.words)}</span>`
      : activityText(activity, input.linkHref);
  const cells = model.parties.map((party) => {
    const assignment = change?.assignments.find((candidate) => candidate.party === party.id);
    return assignment ? changedPartyCell(assignment, model.roles) : partyCell(activity, party, model.roles);
  });
  const scopes = model.scopes.map((scope) => {
    const scopeChange = change?.scopes.find((candidate) => candidate.scope === scope.id);
    return scopeChange ? changedScopeCell(scopeChange) : scopeCell(activity, scope.id);
  });
  return html`<tr class="activity change-${kind}" id="${activityAnchor(activity)}" data-change="${kind}">
<th scope="row">${text}${change ? badges(change, diff) : ''}</th>
${cells}${scopes}${sourceCell(input, activity.line)}
</tr>
`;
}

/** A row that is gone: its old text and letters, struck through, with its old line (in the base, so not linked). */
function removedRow(change: ActivityChange, input: DiffPageInput): SafeHtml {
  const { model, diff } = input;
  const old = change.old!;
  return html`<tr class="activity change-removed" id="removed-${old.id.replace(/[^A-Za-z0-9.-]/g, '-')}" data-change="removed">
<th scope="row"><del class="activity-text">${markedText(old.text)}</del>${badges(change, diff)}</th>
${model.parties.map(
  (party) =>
    html`<td class="party"><del><span class="visually-hidden">before: </span>${chips(old.assignments[party.id] ?? [], model.roles)}</del></td>`,
)}${model.scopes.map(() => html`<td class="scope"></td>`)}<td class="source" title="Line in the base version">was L${old.line}</td>
</tr>
`;
}

function sectionBody(
  section: Section,
  depth: number,
  input: DiffPageInput,
  changes: Map<string, ActivityChange>,
  removed: Map<string, ActivityChange[]>,
  columns: number,
): SafeHtml {
  const here = activitiesIn([section]);
  const changed =
    here.filter((activity) => changes.has(activity.id)).length +
    [...removed]
      .filter(([number]) => number === section.number || number.startsWith(`${section.number}.`))
      .reduce((sum, [, list]) => sum + list.length, 0);
  const count = html`<span class="section-count" lang="en">${changed === 0 ? 'no change' : plural(changed, 'change')}</span>`;
  const heading = html`<span class="section-number">${section.number}</span> <span class="section-title">${markedText(section.title)}</span>${count}`;
  const rows = [
    ...section.activities.map((activity) => currentRow(activity, changes.get(activity.id), input)),
    ...(removed.get(section.number) ?? []).map((change) => removedRow(change, input)),
  ];
  return html`<tbody class="section depth-${Math.min(depth, 5)}" id="${sectionAnchor(section)}" data-section="${section.number}" data-changed="${changed}">
<tr class="section-row"><th colspan="${columns}" scope="rowgroup"><span class="section-heading">${heading}</span></th></tr>
${rows}</tbody>
`;
}

function labelChanges(title: string, changes: readonly LabelChange[]): SafeHtml | string {
  if (changes.length === 0) return '';
  return html`<li><strong>${title}</strong><ul>${changes.map((change) =>
    change.old === null
      ? html`<li><code>${change.key}</code> added: <ins>${change.new}</ins></li>`
      : change.new === null
        ? html`<li><code>${change.key}</code> removed: <del>${change.old}</del></li>`
        : html`<li><code>${change.key}</code>: ${beforeAfter(html`${change.old}`, html`${change.new}`)}</li>`,
  )}</ul></li>`;
}

function otherChanges(diff: ModelDiff): SafeHtml | string {
  const items = [
    ...diff.meta.map(
      (change) =>
        html`<li><strong>${change.field}</strong>: ${
          change.words
            ? words(change.words)
            : beforeAfter(
                change.old === null ? html`<span class="empty">${NONE}</span>` : html`${change.old}`,
                change.new === null ? html`<span class="empty">${NONE}</span>` : html`${change.new}`,
              )
        }</li>`,
    ),
    labelChanges('Legend', diff.legend),
    labelChanges('Party columns', diff.parties),
    labelChanges('Scope columns', diff.scopes),
    diff.sections.length > 0
      ? html`<li><strong>Sections</strong><ul>${diff.sections.map((change) =>
          change.kind === 'added'
            ? html`<li><ins>${change.number} ${change.newTitle}</ins> added</li>`
            : change.kind === 'removed'
              ? html`<li><del>${change.number} ${change.oldTitle}</del> removed</li>`
              : change.kind === 'renumbered'
                ? html`<li>${change.newTitle} renumbered: ${beforeAfter(html`${change.oldNumber}`, html`${change.number}`)}</li>`
                : html`<li>${change.number} renamed: ${beforeAfter(html`${change.oldTitle}`, html`${change.newTitle}`)}</li>`,
        )}</ul></li>`
      : '',
  ].filter((item) => item !== '');
  if (items.length === 0) return '';
  const heading = html`<h2 id="other-heading">Title, legend, columns and sections</h2>`;
  return html`<section class="panel" aria-labelledby="other-heading" lang="en">${heading}<ul class="other-changes">${items}</ul></section>`;
}

function summaryList(diff: ModelDiff): SafeHtml {
  const { summary } = diff;
  const entries: [number, string, string][] = [
    [summary.accountable, 'accountable party changed', 'accountable party changed'],
    [summary.reassigned, 'activity with new letters', 'activities with new letters'],
    [summary.added, 'activity added', 'activities added'],
    [summary.removed, 'activity removed', 'activities removed'],
    [summary.reworded, 'activity reworded', 'activities reworded'],
    [summary.moved, 'activity moved', 'activities moved'],
    [summary.sections, 'section change', 'section changes'],
    [summary.meta, 'title, legend or column change', 'title, legend or column changes'],
    [summary.unchanged, 'activity unchanged', 'activities unchanged'],
  ];
  // Only what happened, and how much stayed as it was.
  const shown = entries.filter(([count], index) => count > 0 || index === entries.length - 1);
  return html`<ul class="totals" lang="en">${shown.map(([count, one, many]) => html`<li><strong>${count}</strong> ${count === 1 ? one : many}</li>`)}</ul>`;
}

/** The changes of one guide: a summary, the other changes, and its matrix with every change marked in place. */
export function renderDiffPage(input: DiffPageInput): string {
  const { model, diff } = input;
  const lang = langTag(model.meta.locale);
  const changes = new Map<string, ActivityChange>();
  const removed = new Map<string, ActivityChange[]>();
  const present = new Set(listSections(model.sections).map((section) => section.number));
  const renumbered = new Map(diff.sections.flatMap((change) => (change.kind === 'renumbered' ? [[change.oldNumber!, change.number]] : [])));
  const orphans: ActivityChange[] = [];
  for (const change of diff.activities) {
    if (change.kind === 'removed') {
      // A row removed from a section that was renumbered is shown in that section, under its new number.
      const number = renumbered.get(change.old!.section.number) ?? change.old!.section.number;
      if (present.has(number)) removed.set(number, [...(removed.get(number) ?? []), change]);
      else orphans.push(change);
    } else {
      changes.set(change.new!.id, change);
    }
  }
  const columns = 1 + model.parties.length + model.scopes.length + 1;
  const title = model.meta.title || input.file;
  const orphanCount = html`<span class="section-count">${plural(orphans.length, 'change')}</span>`;
  const orphanHeading = html`<span class="section-title">From sections that are gone</span>${orphanCount}`;
  const body = html`<article${lang ? html` lang="${lang}"` : ''}>
<p class="eyebrow" lang="en">Changes</p>
<h1>${title}</h1>
<p class="lead" lang="en">From <code>${diff.old.label}</code> to <code>${diff.new.label}</code>. <a href="${input.guideHref}">The guide as it is now</a>.</p>
${summaryList(diff)}
${diff.identical ? html`<p class="note" lang="en">Nothing changed in who does what.</p>` : ''}
${otherChanges(diff)}
<h2 id="matrix-heading" lang="en">The matrix, changes marked</h2>
<div class="toolbar" id="diff-tools" lang="en" hidden>
<label class="check"><input type="checkbox" id="d-unchanged"> Show unchanged activities</label>
<p class="diff-key"><ins>now</ins> <del>before</del> <span class="cell-changed diff-key-cell">changed cell</span></p>
<p class="status" id="diff-status" role="status" aria-live="polite"></p>
</div>
<div class="table-wrap">
<table class="matrix diff-matrix" id="matrix" aria-labelledby="matrix-heading">
${matrixHead(model)}
${walkSections(model.sections).map(({ section, depth }) => sectionBody(section, depth, input, changes, removed, columns))}${
  orphans.length > 0
    ? html`<tbody class="section depth-1" data-section="removed" data-changed="${orphans.length}">
<tr class="section-row"><th colspan="${columns}" scope="rowgroup" lang="en"><span class="section-heading">${orphanHeading}</span></th></tr>
${orphans.map((change) => removedRow(change, input))}</tbody>`
    : ''
}</table>
</div>
</article>`;
  return renderPage({
    title: `Changes: ${title} · ${input.siteTitle}`,
    root: '../',
    crumb: html`<a href="${input.guideHref}">${title}</a> › Changes`,
    siteTitle: input.siteTitle,
    generator: input.generator,
    body,
    kind: 'diff',
  });
}
