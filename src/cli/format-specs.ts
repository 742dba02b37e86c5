import { UsageError } from './inputs.js';

/** One report of a run: its format, and the file it goes to (stdout without one). */
export interface ReportOutput<F extends string> {
  format: F;
  file?: string;
}

/**
 * `--format NAME` or `--format NAME:FILE`. The value is split on its first `:`
 * only when what precedes it is a known format, so `C:\reports\x` is never
 * read as a format called `C`.
 */
function parseSpec<F extends string>(spec: string, known: readonly F[]): ReportOutput<F> {
  const colon = spec.indexOf(':');
  const name = colon < 0 ? spec : spec.slice(0, colon);
  if (colon >= 0 && (known as readonly string[]).includes(name)) {
    const file = spec.slice(colon + 1);
    if (file === '') throw new UsageError(`--format ${spec}: expected a file after “${name}:”`);
    return { format: name as F, file };
  }
  if (!(known as readonly string[]).includes(spec))
    throw new UsageError(`--format ${spec}: unknown format; use one of ${known.join(', ')}`);
  return { format: spec as F };
}

/**
 * The reports a run writes: one per `--format` (stylish when none), those
 * without a file going to `outputFile` when given, else to stdout. Only one
 * report may go to each place.
 */
export function parseFormatSpecs<F extends string>(
  specs: readonly string[],
  known: readonly F[],
  fallback: F,
  outputFile: string | undefined,
): ReportOutput<F>[] {
  const outputs = (specs.length > 0 ? specs : [fallback]).map((spec) => {
    const output = parseSpec(spec, known);
    return output.file === undefined && outputFile !== undefined ? { ...output, file: outputFile } : output;
  });
  const toStdout = outputs.filter((output) => output.file === undefined);
  if (toStdout.length > 1)
    throw new UsageError(
      `--format ${toStdout.map((output) => output.format).join(', ')}: only one report can go to stdout; give the others a file (--format NAME:FILE)`,
    );
  const files = outputs.flatMap((output) => (output.file === undefined ? [] : [output.file]));
  const twice = files.find((file, index) => files.indexOf(file) !== index);
  if (twice !== undefined) throw new UsageError(`${twice}: named for two reports; give each its own file`);
  return outputs;
}
