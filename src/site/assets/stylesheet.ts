import { BASE_COLOURS as C, DIFF_COLOURS as D, HEAT_STEPS, ROLE_COLOURS } from '../../format/palette.js';
import { ROLE_LETTERS } from '../../roles/role-cell.js';

const chipRules = ROLE_LETTERS.map((letter) => {
  const pair = ROLE_COLOURS[letter];
  return `.chip-${letter} { background: ${pair.background}; color: ${pair.text}; border-color: ${pair.border}; }`;
}).join('\n');

const heatRules = HEAT_STEPS.map(
  (pair, step) => `.heat-${step} { background: ${pair.background}; color: ${pair.text}; border-color: ${pair.border}; }`,
).join('\n');

/** The one stylesheet of the site: screen, then print. No web fonts, no external URL. */
export const STYLESHEET = `/* raci report */
:root { color-scheme: light; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  color: ${C.text};
  background: ${C.background};
}
a { color: ${C.link}; text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid ${C.focus}; outline-offset: 2px; }
code { font: 0.85em/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
.visually-hidden {
  position: absolute !important; width: 1px; height: 1px; padding: 0; margin: -1px;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0;
}
.skip-link { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 0.75rem; background: ${C.background}; color: ${C.link}; z-index: 10; }
.skip-link:focus { top: 0.5rem; }

.site-header { background: ${C.headerBackground}; color: ${C.headerText}; }
.site-header .inner { display: flex; align-items: baseline; gap: 0.75rem; flex-wrap: wrap; }
.site-header a { color: ${C.headerText}; text-decoration: none; font-weight: 600; }
.site-header a:hover { text-decoration: underline; }
.site-header .crumb { color: ${C.headerText}; }
.inner { max-width: 1240px; margin: 0 auto; padding: 0.75rem 1.5rem; }
main.inner { padding-top: 1.5rem; padding-bottom: 3rem; }
.site-footer { border-top: 1px solid ${C.border}; color: ${C.muted}; font-size: 0.85rem; }

h1 { font-size: 1.8rem; line-height: 1.2; margin: 0 0 0.5rem; letter-spacing: -0.01em; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.75rem; }
.lead { font-size: 1.05rem; color: ${C.muted}; margin: 0 0 1rem; max-width: 60rem; }
.intro p { margin: 0 0 0.75rem; max-width: 60rem; }
.meta { display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0 0 1rem; padding: 0; list-style: none; color: ${C.muted}; font-size: 0.9rem; }
.meta strong { color: ${C.text}; font-weight: 600; }
.meta code { overflow-wrap: anywhere; }

.panels { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 1rem; margin: 1.5rem 0; }
.panel { border: 1px solid ${C.border}; border-radius: 0.5rem; padding: 0.75rem 1rem; background: ${C.surface}; }
.panel h2 { margin: 0 0 0.5rem; font-size: 1rem; }
.panel-findings { grid-column: 1 / -1; }
.legend { display: grid; grid-template-columns: auto 1fr; gap: 0.35rem 0.6rem; margin: 0; align-items: baseline; }
.legend dt { margin: 0; }
.legend dd { margin: 0; }
.note { color: ${C.muted}; font-size: 0.85rem; margin: 0.5rem 0 0; }

.chip {
  display: inline-block; min-width: 1.7em; padding: 0 0.35em; margin: 0.05rem;
  border: 1px solid transparent; border-radius: 0.35em;
  font: 700 0.85rem/1.5 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
  text-align: center; text-decoration: none; cursor: help;
}
${chipRules}
.chip-I { border-style: dashed; }
.cell-raw { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; color: ${C.error}; font-weight: 700; }
.empty { color: ${C.muted}; }

.counts { border-collapse: collapse; font-size: 0.9rem; }
.counts th, .counts td { padding: 0.2rem 0.5rem; text-align: center; }
.counts th[scope="row"] { text-align: left; font-weight: 600; }
.count-button {
  font: inherit; min-width: 2.5rem; padding: 0.1rem 0.35rem; border: 1px solid ${C.border}; border-radius: 0.35rem;
  background: ${C.background}; color: ${C.text}; cursor: pointer;
}
.count-button:hover { border-color: ${C.link}; }
.count-button[aria-pressed="true"] { border-color: ${C.text}; box-shadow: inset 0 0 0 1px ${C.text}; }

.findings-list { list-style: none; margin: 0; padding: 0; font-size: 0.9rem; }
.findings-list li { margin: 0 0 0.35rem; }
.severity { display: inline-block; padding: 0 0.4em; border-radius: 0.3em; font-size: 0.75rem;
  font-weight: 700; text-transform: uppercase; letter-spacing: 0.03em; border: 1px solid currentColor; }
.severity-error { color: ${C.error}; background: ${C.errorBackground}; }
.severity-warning { color: ${C.warning}; background: ${C.warningBackground}; }
.severity-info { color: ${C.info}; background: ${C.infoBackground}; }
.finding-code { color: ${C.muted}; }
.bidi-control { color: ${C.warning}; background: ${C.warningBackground}; border: 1px dashed currentColor; border-radius: 3px; font: 0.8em ui-monospace, monospace; padding: 0 0.15em; }
.findings-link { text-decoration: none; }
.findings-link:hover .severity { text-decoration: underline; }

.toolbar {
  position: sticky; top: 0; z-index: 3; display: flex; flex-wrap: wrap; align-items: end; gap: 0.5rem 1rem;
  margin: 1.5rem 0 0; padding: 0.75rem 1rem; background: ${C.surface}; border: 1px solid ${C.border}; border-radius: 0.5rem 0.5rem 0 0;
}
.toolbar label, .toolbar .field-label { display: block; font-size: 0.8rem; font-weight: 600; color: ${C.text}; margin-bottom: 0.15rem; }
.toolbar select, .toolbar input[type="search"], .toolbar button {
  font: inherit; font-size: 0.9rem; padding: 0.3rem 0.5rem; border: 1px solid #64748b; border-radius: 0.35rem; background: ${C.background}; color: ${C.text};
}
.toolbar input[type="search"] { width: 16rem; max-width: 100%; }
.toolbar button { cursor: pointer; }
.toolbar button:hover { border-color: ${C.link}; }
.toolbar .check { display: flex; align-items: center; gap: 0.35rem; font-weight: 400; font-size: 0.9rem; margin: 0 0 0.35rem; }
.toolbar .actions { display: flex; gap: 0.5rem; margin-left: auto; }
.status { flex-basis: 100%; margin: 0; font-size: 0.85rem; color: ${C.muted}; }

.table-wrap { border: 1px solid ${C.border}; border-top: 0; border-radius: 0 0 0.5rem 0.5rem; }
.table-wrap-plain { border-top: 1px solid ${C.border}; border-radius: 0.5rem; }
.matrix { width: 100%; border-collapse: separate; border-spacing: 0; font-size: 0.92rem; }
.matrix thead th {
  position: sticky; top: var(--sticky-top, 0px); z-index: 2; background: ${C.surface}; text-align: left; vertical-align: bottom;
  padding: 0.5rem 0.6rem; border-bottom: 2px solid #94a3b8; font-size: 0.85rem; white-space: nowrap;
}
.matrix thead th.party, .matrix thead th.scope { text-align: center; }
.matrix td, .matrix tbody th { padding: 0.4rem 0.6rem; border-bottom: 1px solid #e2e8f0; vertical-align: top; }
.matrix tbody th[scope="row"] { font-weight: 400; text-align: left; }
.matrix td.party { text-align: center; white-space: nowrap; width: 7.5rem; }
.matrix td.scope { text-align: center; width: 7rem; }
.matrix td.source { width: 4.5rem; text-align: right; white-space: nowrap; font-size: 0.8rem; }
.matrix td.source a { color: ${C.muted}; }
.matrix tr.activity:hover > * { background: ${C.surface}; }
.matrix tr.activity:target > * { background: ${C.warningBackground}; }
.matrix tr.activity.finding-error > th { box-shadow: inset 4px 0 0 ${C.error}; }
.matrix tr.activity.finding-warning > th { box-shadow: inset 4px 0 0 #d97706; }
.matrix tr.activity.finding-info > th { box-shadow: inset 4px 0 0 #3b82f6; }
.section-row th { background: ${C.sectionBackground}; padding: 0; border-bottom: 1px solid ${C.border}; text-align: left; }
.depth-1 .section-row th { background: ${C.phaseBackground}; }
.section-toggle {
  display: flex; width: 100%; align-items: baseline; gap: 0.5rem; padding: 0.45rem 0.6rem; border: 0; background: transparent;
  font: inherit; font-weight: 600; color: ${C.text}; text-align: left; cursor: pointer;
}
.depth-1 .section-toggle { font-size: 1.08em; }
.depth-3 .section-toggle { padding-left: 1.6rem; }
.depth-4 .section-toggle, .depth-5 .section-toggle { padding-left: 2.6rem; }
.section-toggle::before { content: "\\25BE"; display: inline-block; width: 1em; transition: transform 0.1s; }
.section-toggle[aria-expanded="false"]::before { transform: rotate(-90deg); }
.section-number { font-variant-numeric: tabular-nums; }
.section-count { margin-left: auto; font-weight: 400; font-size: 0.8rem; color: ${C.muted}; }
.row-findings { list-style: none; margin: 0.3rem 0 0; padding: 0; font-size: 0.82rem; }
.row-findings li { margin: 0.15rem 0; }
.activity-links { font-size: 0.85rem; }

.overview-tools { display: flex; flex-wrap: wrap; gap: 1rem; align-items: end; margin: 1rem 0; }
.overview-tools label { display: block; font-size: 0.8rem; font-weight: 600; margin-bottom: 0.15rem; }
.overview-tools input { font: inherit; font-size: 0.9rem; padding: 0.3rem 0.5rem;
  border: 1px solid #64748b; border-radius: 0.35rem; width: 20rem; max-width: 100%; }
.overview { width: 100%; border-collapse: collapse; font-size: 0.9rem; }
.overview thead th { white-space: nowrap; text-align: left; vertical-align: bottom; padding: 0.45rem 0.5rem;
  border-bottom: 2px solid #94a3b8; background: ${C.surface}; font-size: 0.82rem; }
.overview td, .overview tbody th { padding: 0.35rem 0.5rem; vertical-align: top; }
.overview tbody { border-top: 1px solid ${C.border}; }
.overview tbody th { font-weight: 400; text-align: left; }
.overview .guide-title { font-weight: 600; }
.overview .guide-file { display: block; font-size: 0.78rem; color: ${C.muted}; word-break: break-all; }
.overview thead th.number { text-align: right; }
.overview td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.overview .locale { font: 600 0.8rem/1.5 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; white-space: nowrap; }
.overview .same-guide th { padding-left: 1.5rem; }
.totals { display: flex; flex-wrap: wrap; gap: 0.5rem 2.5rem; margin: 0.5rem 0 1rem; padding: 0; list-style: none; }
.totals li { font-size: 0.95rem; color: ${C.muted}; }
.totals strong { display: block; font-size: 1.5rem; color: ${C.text}; line-height: 1.2; }

.heat-strip { display: flex; gap: 3px; margin: 0; padding: 0; list-style: none; }
.heat {
  display: inline-flex; align-items: center; justify-content: center; width: 2.6rem; height: 1.6rem;
  border: 1px solid transparent; border-radius: 0.25rem; font-size: 0.75rem; font-weight: 700; font-variant-numeric: tabular-nums;
}
${heatRules}
.heat-head { margin-top: 0.2rem; }
.heat-head .heat { height: auto; border: 0; color: ${C.muted}; font-weight: 600; }
.heat-none { background: ${C.background}; color: ${C.muted}; border: 1px dashed ${C.border}; }
.heat-legend { display: flex; flex-wrap: wrap; align-items: center; gap: 0.35rem 1rem;
  font-size: 0.82rem; color: ${C.muted}; margin: 0.25rem 0 0.75rem; padding: 0; list-style: none; }
.heat-legend li { display: inline-flex; align-items: center; gap: 0.35rem; }
.heat-legend .heat { width: 2.2rem; height: 1.3rem; }
.phase-key { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; font-size: 0.82rem; color: ${C.muted}; }

ins { background: ${D.inserted.background}; color: ${D.inserted.text}; text-decoration: none; border-bottom: 2px solid ${D.inserted.border}; padding: 0 0.1em; }
del { background: ${D.deleted.background}; color: ${D.deleted.text}; text-decoration: line-through; padding: 0 0.1em; }
.eyebrow { margin: 0; font-size: 0.8rem; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; color: ${C.muted}; }
.change-badges { display: block; margin-top: 0.2rem; }
.change-badge { display: inline-block; margin: 0.1rem 0.2rem 0 0; padding: 0 0.45em;
  border: 1px solid; border-radius: 999px; font-size: 0.75rem; font-weight: 600; }
.change-badge-added { background: ${D.inserted.background}; color: ${D.inserted.text}; border-color: ${D.inserted.border}; }
.change-badge-removed { background: ${D.deleted.background}; color: ${D.deleted.text}; border-color: ${D.deleted.border}; }
.change-badge-modified { background: ${D.modified.background}; color: ${D.modified.text}; border-color: ${D.modified.border}; }
.change-badge-accountable { background: ${D.accountable.background}; color: ${D.accountable.text}; border-color: ${D.accountable.border}; }
.matrix td.cell-changed, .diff-key-cell { background: ${D.changedCell.background}; box-shadow: inset 0 0 0 2px ${D.changedCell.border}; }
.matrix td.cell-changed { white-space: nowrap; }
.matrix td.cell-changed del, .matrix td.cell-changed ins { display: block; width: fit-content;
  margin: 0.1rem auto; padding: 0.1rem 0.25rem; border: 0; border-radius: 0.25rem; }
.matrix td.cell-changed .arrow { display: none; }
.diff-key-cell { display: inline-block; padding: 0 0.4em; border-radius: 0.2rem; }
.diff-key { display: flex; gap: 0.75rem; align-items: center; margin: 0 0 0.35rem; font-size: 0.85rem; }
.matrix tr.change-added > th { box-shadow: inset 4px 0 0 ${D.inserted.border}; }
.matrix tr.change-removed > th { box-shadow: inset 4px 0 0 ${D.deleted.border}; }
.matrix tr.change-modified > th { box-shadow: inset 4px 0 0 ${D.modified.border}; }
.section-heading { display: flex; align-items: baseline; gap: 0.5rem; padding: 0.45rem 0.6rem; font-weight: 600; }
.other-changes { margin: 0; padding-left: 1.2rem; font-size: 0.9rem; }
.other-changes li { margin: 0.2rem 0; }

[hidden] { display: none !important; }

@media (max-width: 700px) {
  .inner { padding-left: 0.75rem; padding-right: 0.75rem; }
  .toolbar { position: static; }
  .panels { grid-template-columns: minmax(0, 1fr); }
  .table-wrap { overflow-x: auto; }
  .matrix thead th { position: static; }
  .toolbar .actions { margin-left: 0; }
  .matrix td.party { width: auto; }
}

@media print {
  @page { margin: 12mm; }
  html { font-size: 9pt; }
  body { font-size: 1rem; }
  .site-header, .skip-link, .toolbar, .site-footer, .no-print { display: none !important; }
  .count-button { border: 0; padding: 0; background: none; }
  main.inner { max-width: none; padding: 0; }
  a { color: inherit; text-decoration: none; }
  .panels { grid-template-columns: repeat(2, 1fr); margin: 0.5rem 0; }
  .panel { border: 0; padding: 0; margin: 0 0 0.5rem; background: none; }
  .table-wrap { overflow: visible; border: 0; }
  .matrix thead { display: table-header-group; }
  .matrix thead th { position: static; background: none; }
  .matrix tr { break-inside: avoid; }
  .section-row { break-after: avoid; }
  .section-row th { background: none !important; border-bottom: 1px solid #000; }
  .section-toggle { padding-top: 0.2rem; padding-bottom: 0.2rem; }
  .section-toggle::before { content: none; }
  .section-count { display: none; }
  .chip, .heat, .severity { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .print-filter { display: block !important; font-style: italic; }
  .overview tbody { break-inside: avoid; }
}
.print-filter { display: none; }
`;
