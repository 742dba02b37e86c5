import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import type { DatasetInput } from '../../src/datasets/types.js';
import { FIXTURES } from '../helpers/paths.js';

/** A small, valid guide; rows are `[activity, customer, ovhcloud]`. */
export function guideMarkdown(
  options: { title?: string; slug?: string; rows?: [string, string, string][]; extraFrontMatter?: string } = {},
): string {
  const rows = options.rows ?? [
    ['Choose the name of the service', 'RA', ''],
    ['Register the domain', 'I', 'RA'],
  ];
  return [
    '---',
    `title: ${JSON.stringify(options.title ?? 'Responsibility sharing - Test service')}`,
    ...(options.slug ? [`slug: ${JSON.stringify(options.slug)}`] : []),
    ...(options.extraFrontMatter ? [options.extraFrontMatter] : []),
    'updated: 2023-08-21',
    '---',
    '',
    '## Objective',
    '',
    'The RACI below details shared responsibilities.',
    '',
    '| Roles |',
    '| --- |',
    '| R: Is in charge of carrying out the process |',
    '| A: Is Accountable for the successful completion of the process |',
    '| C: Is consulted during the process |',
    '| I: Is informed of the results of the process |',
    '',
    '### 1. Before subscription',
    '',
    '#### 1.1. Specify service as needed',
    '',
    '| **Activity** | **Customer** | **OVHcloud** |',
    '| --- | --- | --- |',
    ...rows.map(([text, customer, ovhcloud]) => `| ${text} | ${customer} | ${ovhcloud} |`),
    '',
  ].join('\n');
}

export function input(path: string, markdown: string): DatasetInput {
  return { path, bytes: new TextEncoder().encode(markdown) };
}

/** The bundled guides as build inputs, paths relative to fixtures/ (what `raci build fixtures/` uses). */
export async function fixtureInputs(): Promise<DatasetInput[]> {
  const files = (await glob('corpus/pages/**/*.md', { cwd: FIXTURES })).sort();
  return Promise.all(files.map(async (path) => ({ path, bytes: await readFile(join(FIXTURES, path)) })));
}

export async function withTempDir<T>(run: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'raci-build-test-'));
  try {
    return await run(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
