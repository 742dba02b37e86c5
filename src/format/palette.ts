import type { RoleLetter } from '../schema/model.js';

/**
 * Every colour pair the report draws text with, in one place, so a unit test
 * can hold each of them to the WCAG AA contrast of 4.5:1. R and A are solid
 * (they carry the weight of the matrix), C and I are light.
 */
export interface ColourPair {
  background: string;
  text: string;
  border: string;
}

export const ROLE_COLOURS: Record<RoleLetter, ColourPair> = {
  R: { background: '#1d4ed8', text: '#ffffff', border: '#1e3a8a' },
  A: { background: '#9a3412', text: '#ffffff', border: '#7c2d12' },
  C: { background: '#ccfbf1', text: '#134e4a', border: '#0f766e' },
  I: { background: '#f3f4f6', text: '#374151', border: '#6b7280' },
};

/** Full names of the letters, used when a guide has no legend and for accessible labels. */
export const ROLE_NAMES: Record<RoleLetter, string> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
};

/**
 * The heat strip: the share of a phase's activities where the customer is
 * Accountable, in six steps (0 %, then fifths). The text on each step is the
 * percentage itself, so the strip also reads without colour.
 */
export const HEAT_STEPS: readonly ColourPair[] = [
  { background: '#f3f4f6', text: '#374151', border: '#d1d5db' },
  { background: '#ffedd5', text: '#7c2d12', border: '#fdba74' },
  { background: '#fdba74', text: '#431407', border: '#f97316' },
  { background: '#f97316', text: '#1c0a02', border: '#c2410c' },
  { background: '#c2410c', text: '#ffffff', border: '#9a3412' },
  { background: '#7c2d12', text: '#ffffff', border: '#431407' },
];

/** 0 % is its own step; otherwise each fifth (1–20 %, 21–40 %, …) is one. */
export function heatStep(matching: number, total: number): number {
  if (total === 0 || matching === 0) return 0;
  return Math.min(5, Math.max(1, Math.ceil((matching / total) * 5)));
}

/** The base colours of the pages: [text, background] pairs that a test checks too. */
export const BASE_COLOURS = {
  text: '#1f2937',
  muted: '#4b5563',
  background: '#ffffff',
  surface: '#f8fafc',
  sectionBackground: '#eef2ff',
  phaseBackground: '#e0e7ff',
  headerBackground: '#0f172a',
  headerText: '#f8fafc',
  link: '#1d4ed8',
  error: '#b91c1c',
  errorBackground: '#fef2f2',
  warning: '#92400e',
  warningBackground: '#fffbeb',
  info: '#1e40af',
  infoBackground: '#eff6ff',
  border: '#cbd5e1',
  focus: '#c026d3',
} as const;

/** Diff pages: what is new, what is gone, what changed in place. */
export const DIFF_COLOURS = {
  inserted: { background: '#dcfce7', text: '#14532d', border: '#16a34a' },
  deleted: { background: '#fee2e2', text: '#7f1d1d', border: '#dc2626' },
  modified: { background: '#fef3c7', text: '#78350f', border: '#d97706' },
  accountable: { background: '#9a3412', text: '#ffffff', border: '#7c2d12' },
  changedCell: { background: '#fffbeb', text: BASE_COLOURS.text, border: '#b45309' },
} as const satisfies Record<string, ColourPair>;

/** The text/background pairs the pages actually use, for the contrast test. */
export const TEXT_PAIRS: readonly { name: string; text: string; background: string }[] = [
  { name: 'body', text: BASE_COLOURS.text, background: BASE_COLOURS.background },
  { name: 'muted', text: BASE_COLOURS.muted, background: BASE_COLOURS.background },
  { name: 'muted on surface', text: BASE_COLOURS.muted, background: BASE_COLOURS.surface },
  { name: 'link', text: BASE_COLOURS.link, background: BASE_COLOURS.background },
  { name: 'section row', text: BASE_COLOURS.text, background: BASE_COLOURS.sectionBackground },
  { name: 'phase row', text: BASE_COLOURS.text, background: BASE_COLOURS.phaseBackground },
  { name: 'muted on phase row', text: BASE_COLOURS.muted, background: BASE_COLOURS.phaseBackground },
  { name: 'muted on section row', text: BASE_COLOURS.muted, background: BASE_COLOURS.sectionBackground },
  { name: 'unreadable cell', text: BASE_COLOURS.error, background: BASE_COLOURS.background },
  { name: 'unreadable cell, hovered row', text: BASE_COLOURS.error, background: BASE_COLOURS.surface },
  { name: 'site header', text: BASE_COLOURS.headerText, background: BASE_COLOURS.headerBackground },
  { name: 'error', text: BASE_COLOURS.error, background: BASE_COLOURS.errorBackground },
  { name: 'warning', text: BASE_COLOURS.warning, background: BASE_COLOURS.warningBackground },
  { name: 'info', text: BASE_COLOURS.info, background: BASE_COLOURS.infoBackground },
  ...Object.entries(ROLE_COLOURS).map(([letter, pair]) => ({ name: `chip ${letter}`, text: pair.text, background: pair.background })),
  ...Object.entries(DIFF_COLOURS).map(([name, pair]) => ({ name: `diff ${name}`, text: pair.text, background: pair.background })),
  { name: 'muted in a changed cell', text: BASE_COLOURS.muted, background: DIFF_COLOURS.changedCell.background },
  ...HEAT_STEPS.map((pair, step) => ({ name: `heat step ${step}`, text: pair.text, background: pair.background })),
];
