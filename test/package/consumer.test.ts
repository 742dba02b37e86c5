import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { listActivities, safeParseResponsibilityModel } from '../../src/index.js';
import { guideMarkdown } from '../datasets/helpers.js';
import { ROOT } from '../helpers/paths.js';
import { scratchFolder } from '../helpers/scratch.js';
import { declaredDependencies, linkPackages, packPackage, unpackInto } from './packed.js';

/**
 * The package as a stranger gets it: `npm pack`, unpacked into a project of its
 * own outside the repository, with only the dependencies it declares beside
 * it. Its declarations must type-check under the strictest settings a
 * consumer may use (skipLibCheck off, no ambient types), and the root entry
 * must run. npm run build first: the tarball holds dist/.
 */
const run = promisify(execFile);
/** A full type check of the package's declarations, on a machine that may be busy with other tests. */
const TSC_TIMEOUT = 180_000;
const scratch = scratchFolder('raci-consumer-');
let tarball: string;

beforeAll(async () => {
  ({ tarball } = await packPackage(scratch));
}, 120_000);

const GUIDE = guideMarkdown({
  rows: [
    ['Choose the name of the service', 'RA', ''],
    ['Register the domain', 'I', 'RA'],
    ['Renew the domain', 'AX', 'RA'],
  ],
});

/** Parses a guide and reads the model through its types; `summary` is what the test compares. */
const ROOT_PROGRAM = `import {
  type Activity,
  type Diagnostic,
  listActivities,
  type ResponsibilityModel,
  ResponsibilityModelSchema,
  type RoleLetter,
  safeParseResponsibilityModel,
} from 'responsibility-model';

const guide: string = ${JSON.stringify(GUIDE)};
const result = safeParseResponsibilityModel(guide, { locale: 'en-gb' });
const model: ResponsibilityModel = result.model;
const activities: Activity[] = listActivities(model);
const diagnostics: Diagnostic[] = result.diagnostics;
const letters: RoleLetter[][] = activities.map((activity) => model.parties.flatMap((party) => activity.assignments[party.id] ?? []));
// @ts-expect-error a role letter is R, A, C or I, so the types are not \`any\`
const wrong: RoleLetter = 'X';

export const summary = {
  success: result.success,
  title: model.meta.title,
  parties: model.parties.map((party) => party.label),
  activities: activities.map((activity) => \`\${activity.id} \${activity.text}\`),
  letters,
  codes: diagnostics.map((diagnostic) => \`\${diagnostic.line}:\${diagnostic.code}\`),
  valid: ResponsibilityModelSchema.safeParse(model).success,
  wrong,
};
`;

/** Every subpath entry and the remark plugin, each used through its types. */
const ENTRIES_PROGRAM = `import { buildDatasets, type DatasetFile, type WriteOptions } from 'responsibility-model/datasets';
import { diffModels, type ModelDiff } from 'responsibility-model/diff';
import { safeParseResponsibilityModelFile } from 'responsibility-model/files';
import { renderStylish } from 'responsibility-model/format';
import remarkRaci from 'responsibility-model/remark';
import { buildReportSite, type SiteFile } from 'responsibility-model/site';
import { parseResponsibilityModel, type ResponsibilityModel } from 'responsibility-model';

const model: ResponsibilityModel = parseResponsibilityModel('# A guide');
const files: DatasetFile[] = (await buildDatasets([{ path: 'guide.en-gb.md', bytes: new Uint8Array() }])).files;
const writeFile: NonNullable<WriteOptions['writeFile']> = async (_path: string, _data: Uint8Array) => {};
const diff: ModelDiff = diffModels(model, model);
const site: SiteFile[] = buildReportSite([{ file: 'guide.en-gb.md', model, findings: [] }]);
const stylish: string = renderStylish({ files: [], skipped: 0, baselined: 0 });
const parsed: Promise<{ model: ResponsibilityModel }> = safeParseResponsibilityModelFile('guide.en-gb.md');
const plugin: typeof remarkRaci = remarkRaci;

export const used = { files, writeFile, diff, site, stylish, parsed, plugin };
`;

/**
 * The consumer's settings: strict, Node.js module resolution, declarations of
 * every package checked, no ambient types. The DOM library is there because
 * zod's and vfile's declarations name `URL`, which only it or @types/node
 * declares; it has no Buffer and no NodeJS namespace, so a Node.js type in our
 * declarations still fails.
 */
function tsconfig(file: string, types: readonly string[], emit: boolean): string {
  return JSON.stringify({
    compilerOptions: {
      target: 'es2022',
      lib: ['es2022', 'dom'],
      module: 'nodenext',
      moduleResolution: 'nodenext',
      strict: true,
      types,
      skipLibCheck: false,
      ...(emit ? { outDir: 'built' } : { noEmit: true }),
    },
    files: [file],
  });
}

/** A project with the unpacked package, its declared dependencies but `leaveOut`, and TypeScript. */
async function consumerProject(options: { leaveOut?: string } = {}): Promise<string> {
  const project = scratchFolder('raci-consumer-project-');
  const installed = await unpackInto(project, tarball);
  linkPackages(project, [...declaredDependencies(installed).filter((name) => name !== options.leaveOut), 'typescript']);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  writeFileSync(join(project, 'root.ts'), ROOT_PROGRAM);
  writeFileSync(join(project, 'entries.ts'), ENTRIES_PROGRAM);
  writeFileSync(join(project, 'tsconfig.root.json'), tsconfig('root.ts', [], true));
  writeFileSync(join(project, 'tsconfig.entries.json'), tsconfig('entries.ts', [], false));
  return project;
}

/** The package's own TypeScript on a project file; the compiler's messages, or '' when it passes. */
async function typeCheck(project: string, config: string): Promise<string> {
  const tsc = join(project, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    await run(process.execPath, [tsc, '-p', join(project, config)], { cwd: project });
    return '';
  } catch (caught) {
    const { stdout, stderr } = caught as { stdout?: string; stderr?: string };
    return `${stdout ?? ''}${stderr ?? ''}` || String(caught);
  }
}

describe('the packed package in a project of its own', () => {
  it('is unpacked outside the repository, so nothing resolves from its node_modules', () => {
    expect(relative(ROOT, scratch).startsWith('..')).toBe(true);
  });

  it(
    'root entry: type-checks with skipLibCheck off, no @types/node, and runs with node',
    async () => {
      const project = await consumerProject();
      expect(await typeCheck(project, 'tsconfig.root.json')).toBe('');
      const { stdout } = await run(
        process.execPath,
        ['--input-type=module', '-e', "process.stdout.write(JSON.stringify((await import('./built/root.js')).summary))"],
        { cwd: project },
      );
      const result = safeParseResponsibilityModel(GUIDE, { locale: 'en-gb' });
      const activities = listActivities(result.model);
      expect(JSON.parse(stdout)).toEqual({
        success: false,
        title: 'Responsibility sharing - Test service',
        parties: ['Customer', 'OVHcloud'],
        activities: activities.map((activity) => `${activity.id} ${activity.text}`),
        letters: activities.map((activity) => result.model.parties.flatMap((party) => activity.assignments[party.id] ?? [])),
        codes: result.diagnostics.map((diagnostic) => `${diagnostic.line}:${diagnostic.code}`),
        valid: true,
        wrong: 'X',
      });
      expect(activities).toHaveLength(3);
      expect(result.diagnostics.map((diagnostic) => diagnostic.code)).toContain('role-unknown');
    },
    TSC_TIMEOUT,
  );

  it(
    'every subpath entry and the remark plugin type-check the same way',
    async () => {
      const project = await consumerProject();
      expect(await typeCheck(project, 'tsconfig.entries.json')).toBe('');
    },
    TSC_TIMEOUT,
  );

  it(
    'needs @types/mdast, which is why it is a dependency: without it the declarations do not resolve',
    async () => {
      const project = await consumerProject({ leaveOut: '@types/mdast' });
      expect(await typeCheck(project, 'tsconfig.entries.json')).toMatch(/Cannot find module 'mdast'/);
    },
    TSC_TIMEOUT,
  );
});
