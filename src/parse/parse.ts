import { countBySeverity, createDiagnostic, formatDiagnostic, START_OF_FILE } from '../diagnostics/diagnostic.js';
import {
  type Diagnostic,
  type ParseOptions,
  ParseOptionsSchema,
  type ResponsibilityModel,
  ResponsibilityModelSchema,
} from '../schema/model.js';
import type { ActivityTable } from '../tables/activity-rows.js';
import { assertOptions } from '../util/options.js';
import { plural } from '../util/strings.js';
import { analyseGuide, emptyModel } from './analyse-guide.js';

export interface SafeParseResult {
  /** False when at least one diagnostic is an error. */
  success: boolean;
  /** The best reading of the guide, even when `success` is false. */
  model: ResponsibilityModel;
  diagnostics: Diagnostic[];
}

/** Thrown by `parseResponsibilityModel…` when the guide has errors; `.diagnostics` has all findings. */
export class ResponsibilityModelError extends Error {
  override readonly name = 'ResponsibilityModelError';
  constructor(
    readonly diagnostics: Diagnostic[],
    readonly model: ResponsibilityModel,
  ) {
    const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error');
    super(
      `The guide has ${plural(errors.length, 'error')}:\n${errors
        .map((diagnostic) => `  ${formatDiagnostic({ ...diagnostic, file: undefined }, diagnostic.file)}`)
        .join('\n')}`,
    );
  }
}

function withFile(diagnostics: Diagnostic[], file: string | undefined): Diagnostic[] {
  return file === undefined ? diagnostics : diagnostics.map((diagnostic) => ({ ...diagnostic, file }));
}

/**
 * Never throws, whatever the string: problems are diagnostics, and `model` is
 * the best effort. Only options that do not match `ParseOptionsSchema` throw.
 */
export function safeParseResponsibilityModel(markdown: string, options: ParseOptions = {}): SafeParseResult {
  const { success, model, diagnostics } = safeAnalyseGuide(markdown, options);
  return { success, model, diagnostics };
}

/** The same, with the parser's reading of the activity tables (source spans of rows and cells) that `raci check` points at. */
export function safeAnalyseGuide(markdown: string, options: ParseOptions = {}): SafeParseResult & { tables: ActivityTable[] } {
  assertOptions(ParseOptionsSchema, options);
  try {
    const { model, diagnostics, tables } = analyseGuide(String(markdown), options);
    const validated = ResponsibilityModelSchema.parse(model);
    const located = withFile(diagnostics, options.file);
    return { success: countBySeverity(located).error === 0, model: validated, diagnostics: located, tables };
  } catch (caught) {
    // A bug of ours must not become a crash in a writer's CI: report it as a finding.
    const message = caught instanceof Error ? caught.message : String(caught);
    const diagnostic = createDiagnostic(
      'internal-error',
      `The parser failed on this guide; please report it. ${message.split('\n')[0]}`,
      START_OF_FILE,
    );
    return {
      success: false,
      model: emptyModel(options.locale),
      diagnostics: withFile([diagnostic], options.file),
      tables: [],
    };
  }
}

/** The validated model; throws `ResponsibilityModelError` only when the guide has errors. */
export function parseResponsibilityModel(markdown: string, options: ParseOptions = {}): ResponsibilityModel {
  return modelOrThrow(safeParseResponsibilityModel(markdown, options));
}

/** The model of a successful parse, or the parse as a `ResponsibilityModelError`. */
export function modelOrThrow(result: SafeParseResult): ResponsibilityModel {
  if (!result.success) throw new ResponsibilityModelError(result.diagnostics, result.model);
  return result.model;
}
