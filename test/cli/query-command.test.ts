import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { type QueryCommandOptions, runQuery } from '../../src/cli/commands/query.js';
import { UsageError } from '../../src/cli/inputs.js';
import { unescapeCsvCell } from '../../src/datasets/csv.js';
import { type ActivityMatch, type QueryFilters, type QueryGuide, queryActivities } from '../../src/model/query-activities.js';
import { safeParseResponsibilityModelBytes } from '../../src/parse/parse-bytes.js';
import { fixtureInputs } from '../datasets/helpers.js';
import { capture } from '../helpers/capture.js';

type ActivityRow = Record<string, string>;

async function query(options: QueryCommandOptions, paths = ['fixtures/']): Promise<ActivityMatch[]> {
  const io = capture();
  expect(await runQuery(paths, { ...options, format: 'jsonl' }, io)).toBe(0);
  return io.out
    .join('\n')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as ActivityMatch);
}

const KMS = ['fixtures/corpus/pages/manage_and_operate/kms/'];

describe('raci query over the bundled guides', () => {
  let activities: ActivityRow[];
  let guides: QueryGuide[];
  beforeAll(async () => {
    guides = (await fixtureInputs()).map((input) => ({
      file: input.path,
      model: safeParseResponsibilityModelBytes(input.bytes, { file: input.path }).model,
    }));
    activities = (parse(await readFile('datasets/activities.csv'), { columns: true }) as ActivityRow[]).map((row) =>
      Object.fromEntries(Object.entries(row).map(([key, value]) => [key, unescapeCsvCell(value)])),
    );
  }, 120_000);

  it('finds as many customer-accountable activities as activities.csv has rows with an A for the customer', async () => {
    const matches = await query({ party: 'customer', role: 'A' });
    const expected = activities.filter((row) => row.party_customer!.includes('A'));
    expect(matches.length).toBe(expected.length);
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.map((match) => `${match.text}@${match.line}`).sort()).toEqual(
      expected.map((row) => `${row.activity_text}@${row.line}`).sort(),
    );
  });

  it('agrees with activities.csv for every filter it shares with it', () => {
    const cases: [QueryFilters, (row: ActivityRow) => boolean][] = [
      [{ locale: 'en-gb', party: 'ovhcloud', letters: 'R' }, (row) => row.locale === 'en-gb' && row.party_ovhcloud!.includes('R')],
      [{ product: 'kms' }, (row) => row.product === 'kms'],
      [{ letters: 'C' }, (row) => row.party_customer!.includes('C') || row.party_ovhcloud!.includes('C')],
      [{ scope: 'sap-hana-on-bare-metal' }, (row) => row['scope_sap-hana-on-bare-metal'] === 'true'],
      [{ section: '3.1', locale: 'FR-FR' }, (row) => row.locale === 'fr-fr' && /^3\.1(\.|$)/.test(row.section_number!)],
    ];
    for (const [options, keep] of cases) {
      const expected = activities.filter(keep);
      expect(queryActivities(guides, options).length, JSON.stringify(options)).toBe(expected.length);
      expect(expected.length, JSON.stringify(options)).toBeGreaterThan(0);
    }
  });

  it('matches text and section titles without regard to case or accents', () => {
    const text = queryActivities(guides, { text: 'DETRUIRE', locale: 'fr-fr' });
    expect(text.length).toBeGreaterThan(0);
    for (const match of text) expect(match.text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()).toContain('detruire');
    const section = queryActivities(guides, { section: 'reversibilite' });
    expect(section.length).toBeGreaterThan(0);
    for (const match of section)
      expect(
        match.path
          .map((s) => s.title)
          .join(' ')
          .toLowerCase(),
      ).toMatch(/réversibilité|reversibilit/);
  });

  it('writes the same rows as a table, CSV, JSON and JSON Lines', async () => {
    const options = { party: 'customer', role: 'A' };
    const rows = await query(options, KMS);
    expect(rows.length).toBeGreaterThan(1);
    const json = capture();
    await runQuery(KMS, { ...options, format: 'json' }, json);
    expect(JSON.parse(json.out.join('\n'))).toEqual(rows);
    const csv = capture();
    await runQuery(KMS, { ...options, format: 'csv' }, csv);
    const records = parse(csv.out.join('\n'), { columns: true }) as ActivityRow[];
    expect(records.map((record) => [record.activity_id, record.party_customer])).toEqual(
      rows.map((row) => [row.activityId, row.assignments.customer!.join('')]),
    );
    const text = capture();
    await runQuery(KMS, { ...options, format: 'text' }, text);
    const lines = text.out.join('\n').split('\n');
    expect(lines[0]).toMatch(/^product +locale +section +activity +customer +ovhcloud$/);
    expect(lines.at(-1)).toBe(`${rows.length} activities in 1 guide`);
    expect(lines).toHaveLength(rows.length + 3);
  });

  it('says so when nothing matches, and refuses letters other than R, A, C and I', async () => {
    const none = capture();
    expect(await runQuery(KMS, { product: 'no-such-product' }, none)).toBe(0);
    expect(none.out).toEqual(['0 activities in 0 guides']);
    await expect(runQuery(KMS, { role: 'X' }, capture())).rejects.toThrow(UsageError);
    expect(() => queryActivities(guides, { letters: 'RX' })).toThrow(RangeError);
  });
});
