import { z } from 'zod';
import type { Finding } from '../schema/finding.js';
import { compareStrings } from '../util/strings.js';

/**
 * A baseline records the findings a repository already has, so that only new
 * ones fail. Entries are keyed by file, rule and what the finding is about
 * (the activity's text, or a subject), never by line: an edit elsewhere in the
 * guide leaves them valid.
 */
export const BaselineEntrySchema = z.strictObject({
  file: z.string().describe('Path relative to the baseline file, with "/" separators.'),
  rule: z.string(),
  activity: z.string().optional().describe('Activity id at the time of recording; used when the text has changed.'),
  text: z.string().optional().describe('Activity text, or what a finding not about an activity is about.'),
  count: z.number().int().positive().default(1),
});

export const BaselineSchema = z.strictObject({
  version: z.literal(1),
  findings: z.array(BaselineEntrySchema),
});

export type BaselineEntry = z.infer<typeof BaselineEntrySchema>;
export type Baseline = z.infer<typeof BaselineSchema>;

/** The key text of a finding: its activity's text, its subject, or its message without line numbers. */
export function findingSubject(finding: Finding): string {
  if (finding.activity) return finding.activity.text;
  if (finding.subject !== undefined) return finding.subject;
  return finding.message.replace(/\blines? \d+/g, 'line N');
}

/** A baseline of the given findings, `file` being the path relative to the baseline. */
export function createBaseline(findings: readonly { file: string; finding: Finding }[]): Baseline {
  const entries = new Map<string, BaselineEntry>();
  for (const { file, finding } of findings) {
    const text = findingSubject(finding);
    const key = JSON.stringify([file, finding.code, text]);
    const entry = entries.get(key);
    if (entry) entry.count++;
    else entries.set(key, { file, rule: finding.code, ...(finding.activity ? { activity: finding.activity.id } : {}), text, count: 1 });
  }
  const sorted = [...entries.values()].sort(
    (a, b) =>
      compareStrings(a.file, b.file) ||
      compareStrings(a.rule, b.rule) ||
      compareStrings(a.activity ?? '', b.activity ?? '') ||
      compareStrings(a.text ?? '', b.text ?? ''),
  );
  return { version: 1, findings: sorted };
}

/**
 * Which findings are new. A finding is covered by an entry of the same file
 * and rule about the same text; failing that (the activity was reworded), by
 * an unused entry for the same activity id. Each entry covers `count` findings.
 */
export function matchBaseline<T extends { file: string; finding: Finding }>(
  findings: readonly T[],
  baseline: Baseline,
): { fresh: T[]; baselined: T[]; unusedEntries: number } {
  const remaining = baseline.findings.map((entry) => ({ entry, left: entry.count }));
  const byText = new Map<string, typeof remaining>();
  for (const slot of remaining) {
    const key = JSON.stringify([slot.entry.file, slot.entry.rule, slot.entry.text ?? '']);
    byText.set(key, [...(byText.get(key) ?? []), slot]);
  }
  const covered = new Set<T>();
  for (const item of findings) {
    const slot = byText
      .get(JSON.stringify([item.file, item.finding.code, findingSubject(item.finding)]))
      ?.find((candidate) => candidate.left > 0);
    if (slot) {
      slot.left--;
      covered.add(item);
    }
  }
  for (const item of findings) {
    if (covered.has(item) || !item.finding.activity) continue;
    const slot = remaining.find(
      (candidate) =>
        candidate.left > 0 &&
        candidate.entry.file === item.file &&
        candidate.entry.rule === item.finding.code &&
        candidate.entry.activity === item.finding.activity!.id,
    );
    if (slot) {
      slot.left--;
      covered.add(item);
    }
  }
  return {
    fresh: findings.filter((item) => !covered.has(item)),
    baselined: findings.filter((item) => covered.has(item)),
    unusedEntries: remaining.reduce((total, slot) => total + slot.left, 0),
  };
}
