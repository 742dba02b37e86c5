import { type CheckResult, checkGuideTextInContext } from '../rules/check-guide.js';
import type { RaciConfig } from '../rules/config.js';
import type { RuleContext } from '../rules/guide-context.js';
import { startsWithBom } from '../util/lines.js';

/** One reading of an open document: what every feature of the server answers from. */
export interface DocumentAnalysis {
  /** The findings, model and text (without a byte order mark) of `raci check`. */
  result: CheckResult;
  /** Every activity row and party cell where the text has it. */
  context: RuleContext;
  /** The document starts with a byte order mark the positions of its first line do not count. */
  bom: boolean;
}

export interface AnalysisOptions {
  /** The file's path, for its locale (guide.fr-fr.md) and in messages. */
  file?: string;
  config?: RaciConfig;
}

/** `raci check` on the text of an editor's document, in one parse. */
export function analyseDocument(text: string, options: AnalysisOptions = {}): DocumentAnalysis {
  const { result, context } = checkGuideTextInContext(text, {
    ...(options.file !== undefined ? { file: options.file } : {}),
    ...(options.config !== undefined ? { config: options.config } : {}),
  });
  return { result, context, bom: startsWithBom(text) };
}
