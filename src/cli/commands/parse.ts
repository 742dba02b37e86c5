import { formatDiagnostic } from '../../diagnostics/diagnostic.js';
import { safeParseResponsibilityModelBytes } from '../../parse/parse-bytes.js';
import { stringifyJson } from '../../util/control-characters.js';
import type { CommandIo } from '../io.js';
import { readGuideFile } from '../read-guide.js';

export interface ParseCommandOptions {
  locale?: string;
}

/** `raci parse FILE...`: the model as JSON on stdout (an array for several files), findings on stderr. */
export async function runParse(files: string[], options: ParseCommandOptions, io: CommandIo): Promise<number> {
  const models = [];
  let failed = false;
  for (const file of files) {
    const result = safeParseResponsibilityModelBytes(await readGuideFile(file), {
      file,
      ...(options.locale ? { locale: options.locale } : {}),
    });
    for (const diagnostic of result.diagnostics) io.stderr(formatDiagnostic(diagnostic, file));
    if (!result.success) failed = true;
    models.push(result.model);
  }
  io.stdout(stringifyJson(files.length === 1 ? models[0] : models));
  return failed ? 1 : 0;
}
