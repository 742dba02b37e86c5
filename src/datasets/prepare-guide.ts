import { compareDiagnostics } from '../diagnostics/diagnostic.js';
import { countSections } from '../model/walk-sections.js';
import { checkGuideBytes, toDiagnostic } from '../rules/check-guide.js';
import type { Diagnostic, ResponsibilityModel } from '../schema/model.js';
import type { BuildOptions, DatasetInput } from './types.js';

/**
 * One guide ready for the datasets: the per-guide part of the build (decode,
 * parse, check, validate), which the build assembles afterwards. Plain data,
 * so that a worker process can prepare it and send it back; activities are
 * listed during assembly instead, from the model, to keep what crosses the
 * process boundary small.
 */
export interface PreparedGuide {
  /** The guide's path relative to the build root, as the datasets record it. */
  source: string;
  /** Validated against ResponsibilityModelSchema. */
  model: ResponsibilityModel;
  /** The model as the datasets publish it (guides/<id>.json): rendered here, so that workers share the work. */
  modelJson: string;
  /** The findings of `raci check`, sorted, each with `file` set to `source`. */
  diagnostics: Diagnostic[];
  /** Numbered sections at every level. */
  sections: number;
}

/** Two-space indented JSON with a final newline: every JSON file of the datasets. */
export const renderJson = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Prepares one guide; `input.path` must already be normalized (see assignIds). Pure apart from CPU. */
export function prepareGuide(input: DatasetInput, check: BuildOptions['check'] = {}): PreparedGuide {
  const result = checkGuideBytes(input.bytes, { ...check, file: input.path });
  // Already validated against ResponsibilityModelSchema by the parse inside checkGuideBytes.
  const model = result.model;
  return {
    source: input.path,
    model,
    modelJson: renderJson(model),
    diagnostics: result.findings.map((finding) => ({ ...toDiagnostic(finding), file: input.path })).sort(compareDiagnostics),
    sections: countSections(model.sections),
  };
}
