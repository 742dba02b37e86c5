import type { Root } from 'mdast';
import type { Plugin } from 'unified';
import { checkGuideBytes, checkGuideText } from '../rules/check-guide.js';
import { parseRaciConfig, type RaciConfig } from '../rules/config.js';

/**
 * `responsibility-model/remark`: the findings of `raci check` as vfile
 * messages (`ruleId`, `source: 'raci'`, `place`), so that
 * `remark --use responsibility-model/remark --frail pages/` reports them.
 * Options are a raci configuration (`{ rules: { 'accountable-multiple': 'warning' } }`).
 * Errors are fatal messages (remark fails on them), warnings are warnings,
 * infos are infos. Files that do not read as a guide (no activity table) are
 * left alone, as `raci check` does for files it was not given by name.
 */
export const remarkRaci: Plugin<[RaciConfig?], Root> = (options) => {
  const parsed = parseRaciConfig(options ?? {});
  if (!parsed.success) throw new Error(`responsibility-model/remark: invalid options: ${parsed.message}`);
  const config = parsed.config;
  return (_tree, file) => {
    const value = file.value;
    const checkOptions = { config, ...(file.path ? { file: file.path } : {}) };
    const result =
      typeof value === 'string' ? checkGuideText(value, checkOptions) : checkGuideBytes(value ?? new Uint8Array(), checkOptions);
    if (!result.looksLikeGuide) return;
    for (const finding of result.findings) {
      const message = file.message(finding.message, {
        place: { start: { line: finding.line, column: finding.column }, end: { line: finding.endLine, column: finding.endColumn } },
        ruleId: finding.code,
        source: 'raci',
      });
      // As remark-lint does: a fatal message without throwing, so every finding is still reported.
      message.fatal = finding.severity === 'error' ? true : finding.severity === 'warning' ? false : undefined;
    }
  };
};
