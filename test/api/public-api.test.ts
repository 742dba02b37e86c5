import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as datasets from '../../src/entries/datasets.js';
import * as diff from '../../src/entries/diff.js';
import * as files from '../../src/entries/files.js';
import * as format from '../../src/entries/format.js';
import * as remark from '../../src/entries/remark.js';
import * as site from '../../src/entries/site.js';
import * as root from '../../src/index.js';
import { ROOT } from '../helpers/paths.js';

/** Each entry of the package (its `exports` key) and its exact runtime names, so the API never changes by accident. */
const ENTRIES: Record<string, { module: object; names: string[] }> = {
  '.': {
    module: root,
    names: [
      // parse
      'parseResponsibilityModel',
      'parseResponsibilityModelBytes',
      'safeParseResponsibilityModel',
      'safeParseResponsibilityModelBytes',
      'ResponsibilityModelError',
      // the model and the diagnostics
      'ActivityRowSchema',
      'ActivitySchema',
      'DIAGNOSTIC_CODES',
      'DIAGNOSTIC_CODE_IDS',
      'DiagnosticSchema',
      'LinkSchema',
      'MetaSchema',
      'PartySchema',
      'ResponsibilityModelSchema',
      'RoleDefinitionSchema',
      'RoleLetterSchema',
      'SCHEMA_VERSION',
      'ScopeSchema',
      'SectionRefSchema',
      'SectionSchema',
      'SeveritySchema',
      'listActivities',
      'localeFromPath',
      'normalizeRoleCell',
      'partyIdFor',
      // check
      'BaselineEntrySchema',
      'BaselineSchema',
      'FindingActivitySchema',
      'FindingSchema',
      'RaciConfigSchema',
      'RuleSettingSchema',
      'TextEditSchema',
      'applyFixes',
      'checkGuideBytes',
      'checkGuideText',
      'createBaseline',
      'matchBaseline',
      'parseRaciConfig',
    ],
  },
  './files': { module: files, names: ['parseResponsibilityModelFile', 'safeParseResponsibilityModelFile'] },
  './datasets': {
    module: datasets,
    names: [
      'BuiltGuideSchema',
      'DatasetError',
      'DatasetErrorCodeSchema',
      'DatasetFileSchema',
      'DatasetInputSchema',
      'LicenseSchema',
      'buildDatasets',
      'compareDatasets',
      'guideIdFromPath',
      'productOf',
      'queryActivities',
      'renderModelJsonSchema',
      'unescapeCsvCell',
      'writeDatasets',
    ],
  },
  './diff': {
    module: diff,
    names: [
      'AccountableChangeSchema',
      'ActivityChangeSchema',
      'AssignmentChangeSchema',
      'DEFAULT_REFERENCE_LOCALE',
      'DIFF_SCHEMA_VERSION',
      'DRIFT_SCHEMA_VERSION',
      'DiffActivitySideSchema',
      'DiffSideSchema',
      'DiffSummarySchema',
      'DriftFindingSchema',
      'DriftGuideSchema',
      'DriftRowSchema',
      'LabelChangeSchema',
      'LocaleComparisonSchema',
      'MetaChangeSchema',
      'ModelDiffSchema',
      'PartyDisagreementSchema',
      'ScopeChangeSchema',
      'ScopeDisagreementSchema',
      'SectionChangeSchema',
      'StaleTranslationSchema',
      'TranslationReportSchema',
      'UntranslatedSchema',
      'WordDiffPartSchema',
      'compareLocales',
      'diffModels',
      'fixDrift',
      'renderDiffMarkdown',
      'renderDiffText',
      'renderDriftMarkdown',
      'renderDriftText',
    ],
  },
  './format': {
    module: format,
    names: [
      'GITLAB_SEVERITY',
      'JsonReportSchema',
      'formatDiagnostic',
      'renderGithub',
      'renderGitlab',
      'renderJson',
      'renderJunit',
      'renderPlainText',
      'renderSarif',
      'renderStylish',
    ],
  },
  './remark': { module: remark, names: ['default', 'remarkRaci'] },
  './site': { module: site, names: ['DEFAULT_SITE_TITLE', 'buildReportSite'] },
};

const packageJson = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  exports: Record<string, string | { types: string; default: string }>;
  types: string;
};

describe.each(Object.entries(ENTRIES))('the entry %s', (entry, { module, names }) => {
  it('exports exactly these names', () => {
    expect(Object.keys(module).sort()).toEqual([...names].sort());
  });

  it('is in package.json with its types and its module, which build to the same names (npm run build first)', async () => {
    const target = packageJson.exports[entry];
    expect(target).toEqual({ types: expect.stringMatching(/\.d\.ts$/), default: expect.stringMatching(/\.js$/) });
    const { types, default: main } = target as { types: string; default: string };
    expect(types.replace(/\.d\.ts$/, '')).toBe(main.replace(/\.js$/, ''));
    expect(existsSync(join(ROOT, types)), types).toBe(true);
    const built = (await import(pathToFileURL(join(ROOT, main)).href)) as object;
    expect(Object.keys(built).sort()).toEqual([...names].sort());
  });
});

describe('package.json', () => {
  it('has no entry without an exports test, and the root types are the root entry’s', () => {
    expect(Object.keys(packageJson.exports).sort()).toEqual([...Object.keys(ENTRIES), './package.json'].sort());
    expect(packageJson.types).toBe((packageJson.exports['.'] as { types: string }).types);
  });

  it('keeps the root entry within 50 runtime names', () => {
    expect(ENTRIES['.']!.names.length).toBeLessThanOrEqual(50);
  });

  it('the remark entry’s default export is the plugin (remark-cli loads it with --use)', () => {
    expect(remark.default).toBe(remark.remarkRaci);
  });
});
