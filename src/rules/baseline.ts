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
  const slots = baseline.findings.map((entry) => ({ entry, left: entry.count }));
  const byText = new SlotQueues(slots, (entry) => [entry.file, entry.rule, entry.text ?? '']);
  const byActivity = new SlotQueues(slots, (entry) =>
    entry.activity === undefined ? undefined : [entry.file, entry.rule, entry.activity],
  );
  const covered = new Set<T>();
  for (const item of findings) {
    if (byText.take([item.file, item.finding.code, findingSubject(item.finding)])) covered.add(item);
  }
  for (const item of findings) {
    if (covered.has(item) || !item.finding.activity) continue;
    if (byActivity.take([item.file, item.finding.code, item.finding.activity.id])) covered.add(item);
  }
  return {
    fresh: findings.filter((item) => !covered.has(item)),
    baselined: findings.filter((item) => covered.has(item)),
    unusedEntries: slots.reduce((total, slot) => total + slot.left, 0),
  };
}

interface Slot {
  entry: BaselineEntry;
  left: number;
}

/**
 * Baseline entries grouped by a key, each group used up in order. A cursor
 * skips the spent slots, so matching stays linear however many entries share
 * one key.
 */
class SlotQueues {
  readonly #queues = new Map<string, { slots: Slot[]; next: number }>();

  /** `keyOf` returns undefined for an entry that this grouping leaves out. */
  constructor(slots: readonly Slot[], keyOf: (entry: BaselineEntry) => string[] | undefined) {
    for (const slot of slots) {
      const parts = keyOf(slot.entry);
      if (parts === undefined) continue;
      const key = JSON.stringify(parts);
      const queue = this.#queues.get(key);
      if (queue) queue.slots.push(slot);
      else this.#queues.set(key, { slots: [slot], next: 0 });
    }
  }

  /** Spends one finding's worth of the first entry under `key` with any left; false when none has. */
  take(key: string[]): boolean {
    const queue = this.#queues.get(JSON.stringify(key));
    if (!queue) return false;
    while (queue.next < queue.slots.length && queue.slots[queue.next]!.left === 0) queue.next++;
    const slot = queue.slots[queue.next];
    if (!slot) return false;
    slot.left--;
    return true;
  }
}
