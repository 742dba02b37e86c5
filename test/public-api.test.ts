import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';

describe('public API', () => {
  it('exports exactly these names, so the API never changes by accident', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'ActivityRowSchema',
        'ActivitySchema',
        'DIAGNOSTIC_CODES',
        'DiagnosticSchema',
        'LinkSchema',
        'MetaSchema',
        'ParseOptionsSchema',
        'PartySchema',
        'ResponsibilityModelError',
        'ResponsibilityModelSchema',
        'RoleDefinitionSchema',
        'RoleLetterSchema',
        'SCHEMA_VERSION',
        'ScopeSchema',
        'SectionRefSchema',
        'SectionSchema',
        'SeveritySchema',
        'formatDiagnostic',
        'listActivities',
        'localeFromPath',
        'normalizeRoleCell',
        'parseResponsibilityModel',
        'parseResponsibilityModelFile',
        'partyIdFor',
        'renderPlainText',
        'safeParseResponsibilityModel',
        'safeParseResponsibilityModelBytes',
        'safeParseResponsibilityModelFile',
        // raci build
        'BuildOptionsSchema',
        'BuiltGuideSchema',
        'DatasetError',
        'DatasetErrorCodeSchema',
        'DatasetFileSchema',
        'DatasetInputSchema',
        'buildDatasets',
        'compareDatasets',
        'guideIdFromPath',
        'renderModelJsonSchema',
        'unescapeCsvCell',
        'writeDatasets',
      ].sort(),
    );
  });
});
