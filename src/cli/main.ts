#!/usr/bin/env node
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { readFileSync } from 'node:fs';
import { processIo } from './io.js';

/**
 * The `raci` command. Each subcommand loads its module only when it runs, so
 * `--help` and `--version` never load the parser.
 * Exit codes: 0 clean, 1 findings, 2 usage or I/O problems.
 */
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/** `--jobs N` for commands that run over many files: a whole number of at least 1 (else exit code 2). */
function jobsOption(value: string): number {
  const jobs = Number(value);
  if (!/^\s*\d+\s*$/.test(value) || !Number.isSafeInteger(jobs) || jobs < 1) throw new InvalidArgumentError('expected a whole number of at least 1.');
  return jobs;
}

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('raci')
    .description('Read OVHcloud responsibility-model (RACI) guides as typed, validated data.')
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: (text) => process.stderr.write(text) })
    .showHelpAfterError('(run raci --help for usage)');

  program
    .command('parse')
    .description('print the model of each guide as JSON (an array for several files); findings go to stderr')
    .argument('<files...>', 'guide files')
    .option('--locale <locale>', 'locale of the guides (default: from the file name, e.g. guide.fr-fr.md)')
    .action(async (files: string[], options: { locale?: string }) => {
      const { runParse } = await import('./commands/parse.js');
      exitCode = await runParse(files, options, processIo);
    });

  program
    .command('summary')
    .description('one line per guide: locale, sections, activities, errors, warnings')
    .argument('[paths...]', 'files, directories (searched for *.md) or globs', ['.'])
    .option('--jobs <n>', 'worker processes (default: one per core; 1 = none)', jobsOption)
    .action(async (paths: string[], options: { jobs?: number }) => {
      const [{ runSummary }, { expandInputs }] = await Promise.all([import('./commands/summary.js'), import('./inputs.js')]);
      const { files } = await expandInputs(paths);
      exitCode = await runSummary(files, processIo, { jobs: options.jobs });
    });

  await program.parseAsync(argv);
  return exitCode;
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (caught: unknown) => {
    if (caught instanceof CommanderError) {
      const informational = caught.code === 'commander.helpDisplayed' || caught.code === 'commander.version' || caught.code === 'commander.help';
      process.exitCode = informational ? 0 : 2;
      return;
    }
    const message = caught instanceof Error ? caught.message : String(caught);
    const isUsage = caught instanceof Error && caught.name === 'UsageError';
    process.stderr.write(`raci: ${isUsage ? message : `internal error: ${message}`}\n`);
    process.exitCode = 2;
  },
);
