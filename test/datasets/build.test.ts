import { createHash } from 'node:crypto';
import Ajv2020 from 'ajv/dist/2020.js';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDatasets, type DatasetBuild } from '../../src/datasets/build.js';
import { CANONICAL_LETTERS } from '../../src/datasets/columns.js';
import { unescapeCsvCell } from '../../src/datasets/csv.js';
import { DatasetError, type DatasetInput } from '../../src/datasets/types.js';
import { listActivities } from '../../src/model/list-activities.js';
import { productOf } from '../../src/model/product.js';
import { type ResponsibilityModel, ResponsibilityModelSchema } from '../../src/schema/model.js';
import { fixtureInputs, guideMarkdown, input } from './helpers.js';

const fileOf = (build: DatasetBuild, path: string): string => {
  const file = build.files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} in the build`);
  if (typeof file.content !== 'string') throw new Error(`${path} is not a text file`);
  return file.content;
};

const readCsv = (text: string): Record<string, string>[] => parse(text, { columns: true, bom: false }) as Record<string, string>[];

/** A deterministic shuffle (the order must not matter, whatever it is). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const j = state % (i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('buildDatasets on the bundled guides', () => {
  let inputs: DatasetInput[];
  let build: DatasetBuild;
  beforeAll(async () => {
    inputs = await fixtureInputs();
    build = await buildDatasets(inputs);
  }, 120_000);

  it('is byte-identical from a shuffled list of the same guides', async () => {
    const again = await buildDatasets(shuffled(inputs, 7));
    expect(again.files.map((f) => f.path)).toEqual(build.files.map((f) => f.path));
    for (const [index, file] of again.files.entries()) expect(file.content, file.path).toEqual(build.files[index]!.content);
  });

  it('writes LF text with a final newline, no absolute path and no carriage return', () => {
    for (const file of build.files) {
      if (typeof file.content !== 'string') continue;
      expect(file.content.endsWith('\n'), file.path).toBe(true);
      expect(file.content.includes('\r'), file.path).toBe(false);
      expect(file.content.includes(process.cwd()), file.path).toBe(false);
    }
    expect(build.files.map((f) => f.path)).toEqual([...build.files.map((f) => f.path)].sort());
  });

  it('writes one schema-valid model per guide, also valid against the generated JSON Schema', () => {
    const guides = build.files.filter((f) => f.path.startsWith('guides/'));
    expect(guides).toHaveLength(inputs.length);
    const ajv = new Ajv2020.default({ strict: false });
    const validate = ajv.compile(JSON.parse(fileOf(build, 'schema/responsibility-model.schema.json')));
    for (const file of guides) {
      const model = JSON.parse(fileOf(build, file.path));
      expect(ResponsibilityModelSchema.safeParse(model).success, file.path).toBe(true);
      expect(validate(model), `${file.path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    // The schema is not vacuous: a broken model fails it.
    const broken = JSON.parse(fileOf(build, guides[0]!.path));
    broken.sections[0].activities = [{ id: 1 }];
    broken.sections[0].number = 3;
    expect(validate(broken)).toBe(false);
  });

  it('the two Email Pro paths, and the two Hosted Exchange paths, are copies of each other; no other guide is', () => {
    const copies = readCsv(fileOf(build, 'guides.csv'))
      .filter((row) => row.copy_of !== '')
      .map((row) => `${row.id} → ${row.copy_of}`);
    expect(copies).toEqual([
      'corpus/pages/web/emails-pro/responsibility_model/en-gb → corpus/pages/web_cloud/email_and_collaborative_solutions/email_pro/responsibility_model/en-gb',
      'corpus/pages/web/microsoft-collaborative-solutions/responsibility-model/en-gb → corpus/pages/web_cloud/email_and_collaborative_solutions/microsoft_exchange/responsibility-model/en-gb',
      'corpus/pages/web_cloud/email_and_collaborative_solutions/email_pro/responsibility_model/en-gb → corpus/pages/web/emails-pro/responsibility_model/en-gb',
      'corpus/pages/web_cloud/email_and_collaborative_solutions/microsoft_exchange/responsibility-model/en-gb → corpus/pages/web/microsoft-collaborative-solutions/responsibility-model/en-gb',
    ]);
  });

  it('the locales of one guide share its folder as their translation group', () => {
    const nutanix = readCsv(fileOf(build, 'guides.csv')).filter(
      (row) => row.translation_group === 'corpus/pages/cloud/nutanix/60-responsibility-sharing',
    );
    expect(nutanix.map((row) => [row.locale, row.reference_locale])).toEqual([
      ['en-gb', 'en-gb'],
      ['fr-fr', 'en-gb'],
    ]);
  });

  it('reads back activities.csv with a CSV parser as exactly the activities of the models', () => {
    const rows = readCsv(fileOf(build, 'activities.csv')).map((row) =>
      Object.fromEntries(Object.entries(row).map(([k, v]) => [k, unescapeCsvCell(v)])),
    );
    const guidesById = new Map(readCsv(fileOf(build, 'guides.csv')).map((g) => [g.id!, g]));
    const expected: Record<string, string>[] = [];
    for (const file of build.files.filter((f) => f.path.startsWith('guides/'))) {
      const id = file.path.slice('guides/'.length, -'.json'.length);
      const model = JSON.parse(fileOf(build, file.path)) as ResponsibilityModel;
      const partyIds = model.parties.map((p) => p.id);
      for (const activity of listActivities(model)) {
        expected.push({
          guide_id: id,
          activity_id: activity.id,
          product: productOf(guidesById.get(id)!.source!, model),
          locale: model.meta.locale ?? '',
          guide_title: model.meta.title,
          section_number: activity.sectionNumber,
          phase_title: activity.path[0]?.title ?? '',
          section_title: activity.path[1]?.title ?? '',
          subsection_title: activity.path
            .slice(2)
            .map((s) => s.title)
            .join(' / '),
          activity_text: activity.text,
          line: String(activity.line),
          accountable: partyIds.filter((p) => activity.assignments[p]?.includes('A')).join(';'),
          responsible: partyIds.filter((p) => activity.assignments[p]?.includes('R')).join(';'),
          party_customer: (activity.assignments.customer ?? []).join(''),
          party_ovhcloud: (activity.assignments.ovhcloud ?? []).join(''),
          'scope_sap-hana-on-bare-metal':
            activity.scopes['sap-hana-on-bare-metal'] === undefined ? '' : String(activity.scopes['sap-hana-on-bare-metal']),
          'scope_sap-hana-on-private-cloud':
            activity.scopes['sap-hana-on-private-cloud'] === undefined ? '' : String(activity.scopes['sap-hana-on-private-cloud']),
        });
      }
      expect(guidesById.get(id)?.activities, id).toBe(String(listActivities(model).length));
    }
    expect(rows).toHaveLength(1932);
    expect(rows).toEqual(expected);
  });

  it('writes activities.jsonl with the same rows as activities.csv', () => {
    const csv = readCsv(fileOf(build, 'activities.csv'));
    const jsonl = fileOf(build, 'activities.jsonl')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(jsonl).toHaveLength(csv.length);
    for (const [index, row] of jsonl.entries()) {
      const asCsv = Object.fromEntries(
        Object.entries(row).map(([key, value]) => [
          key,
          value === null ? '' : Array.isArray(value) ? value.join(';') : unescapeCsvCell(String(value)),
        ]),
      );
      const fromCsv = Object.fromEntries(Object.entries(csv[index]!).map(([key, value]) => [key, unescapeCsvCell(value)]));
      expect(asCsv).toEqual(fromCsv);
    }
  });

  it('lists every finding of every guide in diagnostics.jsonl, matching the counts of guides.csv', () => {
    const findings = fileOf(build, 'diagnostics.jsonl')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    const guides = readCsv(fileOf(build, 'guides.csv'));
    for (const guide of guides) {
      const mine = findings.filter((f) => f.guide_id === guide.id);
      expect(String(mine.filter((f) => f.severity === 'error').length), guide.id).toBe(guide.errors);
      expect(String(mine.filter((f) => f.severity === 'warning').length), guide.id).toBe(guide.warnings);
      for (const finding of mine) expect(finding.file).toBe(guide.source);
    }
    expect(findings.length).toBe(build.totals.findings.error + build.totals.findings.warning + build.totals.findings.info);
    expect(build.totals.findings.error).toBeGreaterThan(0); // the bundled guides have real mistakes: still built
  });

  it('describes the CSVs in a structurally valid Frictionless data package', () => {
    const descriptor = JSON.parse(fileOf(build, 'datapackage.json'));
    expect(descriptor.$schema).toBe('https://datapackage.org/profiles/2.0/datapackage.json');
    const paths = new Set(build.files.map((f) => f.path));
    const tables = new Map<string, Record<string, string>[]>();
    const files = descriptor.resources.filter((resource: { schema?: unknown }) => resource.schema === undefined);
    expect(files.map((resource: { path: string }) => resource.path)).toEqual(['responsibility-models.xlsx']);
    const workbook = build.files.find((f) => f.path === 'responsibility-models.xlsx')!.content as Uint8Array;
    expect(files[0].bytes).toBe(workbook.length);
    expect(files[0].hash).toBe(`sha256:${createHash('sha256').update(workbook).digest('hex')}`);
    expect(descriptor.sources.map((source: { path: string }) => source.path)).toEqual(build.guides.map((guide) => guide.source));
    for (const resource of descriptor.resources.filter((resource: { schema?: unknown }) => resource.schema !== undefined)) {
      expect(resource.name).toMatch(/^[a-z0-9._-]+$/);
      expect(paths.has(resource.path), resource.path).toBe(true);
      const content = fileOf(build, resource.path);
      expect(resource.bytes).toBe(Buffer.byteLength(content));
      const rows =
        resource.format === 'csv'
          ? readCsv(content)
          : content
              .trimEnd()
              .split('\n')
              .map((line) => JSON.parse(line) as Record<string, string>);
      tables.set(resource.name, rows);
      const header = resource.format === 'csv' ? content.slice(0, content.indexOf('\n')).split(',') : Object.keys(rows[0]!);
      const fields = resource.schema.fields as {
        name: string;
        type: string;
        description: string;
        constraints?: { enum?: string[]; required?: boolean };
      }[];
      expect(fields.map((f) => f.name)).toEqual(header);
      for (const field of fields) {
        expect(field.description.length, field.name).toBeGreaterThan(10);
        expect(['string', 'integer', 'boolean', 'date', 'list']).toContain(field.type);
        for (const row of rows) {
          const value = row[field.name];
          if (field.constraints?.required)
            expect(value === '' || value === null || value === undefined, `${resource.name}.${field.name}`).toBe(false);
          if (field.constraints?.enum && value !== '' && value !== null)
            expect(field.constraints.enum, `${resource.name}.${field.name}`).toContain(value);
          if (field.type === 'integer' && resource.format === 'csv') expect(value).toMatch(/^\d+$/);
          if (field.type === 'date' && value) expect(value).toMatch(/^\d{4}-\d{2}-\d{2}$/);
          if (field.type === 'boolean' && value) expect(['true', 'false']).toContain(value);
        }
      }
      if (resource.schema.primaryKey) {
        const keys = rows.map((row) => (resource.schema.primaryKey as string[]).map((k) => row[k]).join('\u0000'));
        expect(new Set(keys).size, `${resource.name} primary key`).toBe(rows.length);
      }
    }
    for (const resource of descriptor.resources) {
      for (const foreignKey of resource.schema?.foreignKeys ?? []) {
        const targets = new Set(tables.get(foreignKey.reference.resource)!.map((row) => row[foreignKey.reference.fields[0]]));
        for (const row of tables.get(resource.name)!)
          expect(targets.has(row[foreignKey.fields[0]]), `${resource.name} → ${foreignKey.reference.resource}`).toBe(true);
      }
    }
    const letters = descriptor.resources
      .find((r: { name: string }) => r.name === 'activities')
      .schema.fields.find((f: { name: string }) => f.name === 'party_customer');
    expect(letters.constraints.enum).toEqual(CANONICAL_LETTERS);
    expect(CANONICAL_LETTERS).toHaveLength(15);
    expect(CANONICAL_LETTERS).toContain('RA');
    expect(CANONICAL_LETTERS).not.toContain('AR');
  });
});

describe('buildDatasets on small guides', () => {
  it('escapes formula-like cells by default, reversibly, and not when asked', async () => {
    const rows: [string, string, string][] = [
      ['=HYPERLINK("http://evil.example","x")', 'RA', ''],
      ['+1 the count', 'RA', ''],
      ['-1 the count', 'RA', ''],
      ['@SUM(A1)', 'RA', ''],
      ["'quoted", 'RA', ''],
      ['Plain, with a comma and "quotes"', 'RA', 'I'],
    ];
    const inputs = [input('x/guide.en-gb.md', guideMarkdown({ rows, title: '=cmd|calc' }))];
    const escaped = await buildDatasets(inputs);
    const texts = readCsv(fileOf(escaped, 'activities.csv')).map((r) => r.activity_text);
    expect(texts).toEqual([
      '\'=HYPERLINK("http://evil.example","x")',
      "'+1 the count",
      "'-1 the count",
      "'@SUM(A1)",
      "''quoted",
      'Plain, with a comma and "quotes"',
    ]);
    expect(texts.map((text) => unescapeCsvCell(text ?? ''))).toEqual(rows.map((r) => r[0]));
    expect(readCsv(fileOf(escaped, 'guides.csv'))[0]!.title).toBe("'=cmd|calc");
    // JSON files keep the text as written.
    expect(fileOf(escaped, 'activities.jsonl')).toContain('"activity_text":"=HYPERLINK');

    const raw = await buildDatasets(inputs, { escapeFormulas: false });
    expect(readCsv(fileOf(raw, 'activities.csv')).map((r) => r.activity_text)).toEqual(rows.map((r) => r[0]));
  });

  it('names guides by path only: a hostile slug or title cannot choose where a file goes', async () => {
    const build = await buildDatasets([
      input('docs/a/guide.en-gb.md', guideMarkdown({ slug: '../../../../etc/evil', title: '../../x/y' })),
    ]);
    expect(build.files.map((f) => f.path)).toContain('guides/docs/a/en-gb.json');
    for (const file of build.files) expect(file.path).not.toMatch(/\.\.|^\/|evil/);
  });

  it('refuses source paths outside the root or absolute, with a typed error', async () => {
    for (const path of ['../outside/guide.en-gb.md', '/etc/guide.en-gb.md', 'C:\\guides\\guide.md', 'a/../../b.md']) {
      const caught = await buildDatasets([input(path, guideMarkdown())]).catch((error: unknown) => error);
      expect(caught, path).toBeInstanceOf(DatasetError);
      expect((caught as DatasetError).code).toBe('source-path-unsafe');
    }
  });

  it('makes two guides with the same id an error naming both, not an overwrite', async () => {
    const caught = await buildDatasets([
      input('Docs/A/guide.en-gb.md', guideMarkdown()),
      input('docs/a/guide.en-gb.md', guideMarkdown()),
    ]).catch((error: unknown) => error);
    expect((caught as Error).message).toMatch(
      /Docs\/A\/guide\.en-gb\.md and docs\/a\/guide\.en-gb\.md would both be the guide "docs\/a\/en-gb"/,
    );
    expect((caught as DatasetError).code).toBe('guide-id-collision');
  });

  it('refuses a guide whose file would also be the folder of another', async () => {
    // `a.json/guide.md` → guides/a.json/guide.json; `a.md` → guides/a.json
    await expect(buildDatasets([input('a.json/guide.md', guideMarkdown()), input('a.md', guideMarkdown())])).rejects.toThrow(DatasetError);
  });

  it('records the licenses and the sources in the data package, none stated unless given', async () => {
    const inputs = [input('docs/kms/guide.en-gb.md', guideMarkdown({ title: 'KMS' }))];
    const plain = JSON.parse(fileOf(await buildDatasets(inputs), 'datapackage.json'));
    expect(plain.licenses).toBeUndefined();
    expect(plain.sources).toEqual([{ title: 'KMS', path: 'docs/kms/guide.en-gb.md' }]);
    const licenses = [{ name: 'CC-BY-4.0', path: 'https://creativecommons.org/licenses/by/4.0/' }];
    const described = JSON.parse(
      fileOf(await buildDatasets(inputs, { licenses, sourceUrl: 'https://example.org/{path}#L{line}' }), 'datapackage.json'),
    );
    expect(described.licenses).toEqual(licenses);
    expect(described.sources).toEqual([{ title: 'KMS', path: 'https://example.org/docs/kms/guide.en-gb.md#L1' }]);
    await expect(buildDatasets(inputs, { sourceUrl: 'file:///etc/{path}' })).rejects.toThrow(/sourceUrl/);
  });

  it('builds a guide with error findings and reports them', async () => {
    const build = await buildDatasets([input('x/guide.en-gb.md', guideMarkdown({ rows: [['Monitor', 'MP', 'RA']] }))]);
    expect(build.guides[0]!.findings.error).toBe(1);
    expect(fileOf(build, 'diagnostics.jsonl')).toContain('"code":"role-unknown"');
    expect(build.files.map((f) => f.path)).toContain('guides/x/en-gb.json');
  });

  it('gives the same bytes for an empty build twice, with headers only', async () => {
    const a = await buildDatasets([]);
    const b = await buildDatasets([]);
    expect(a.files).toEqual(b.files);
    expect(fileOf(a, 'activities.csv')).toBe(
      'guide_id,activity_id,product,locale,guide_title,section_number,phase_title,section_title,subsection_title,activity_text,line,accountable,responsible\n',
    );
  });

  it('adds one column per party and scope found in any guide, and leaves them empty elsewhere', async () => {
    const partner = guideMarkdown()
      .replace(
        '| **Activity** | **Customer** | **OVHcloud** |\n| --- | --- | --- |',
        '| **Activity** | **Customer** | **OVHcloud** | **Partner** |\n| --- | --- | --- | --- |',
      )
      .replace('| Register the domain | I | RA |', '| Register the domain | I | RA | C |');
    const build = await buildDatasets([input('b/guide.en-gb.md', partner), input('a/guide.en-gb.md', guideMarkdown())]);
    const rows = readCsv(fileOf(build, 'activities.csv'));
    expect(Object.keys(rows[0]!).filter((k) => k.startsWith('party_'))).toEqual(['party_customer', 'party_ovhcloud', 'party_partner']);
    expect(rows.map((r) => [r.guide_id, r.party_partner])).toEqual([
      ['a/en-gb', ''],
      ['a/en-gb', ''],
      ['b/en-gb', ''],
      ['b/en-gb', 'C'],
    ]);
    const jsonl = fileOf(build, 'activities.jsonl')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(jsonl.map((r) => r.party_partner)).toEqual([null, null, '', 'C']);
  });
});
