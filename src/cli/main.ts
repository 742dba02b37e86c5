#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { inertText } from '../util/control-characters.js';
import { processIo } from './io.js';

/**
 * The `raci` command. Each subcommand loads its module only when it runs, so
 * `--help` and `--version` never load the parser.
 * Exit codes: 0 clean, 1 findings, 2 usage or I/O problems.
 */
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const isWholeNumber = (value: string): boolean => /^\s*\d+\s*$/.test(value) && Number.isSafeInteger(Number(value)) && Number(value) >= 1;

/**
 * `--jobs N` for commands that run over many files: a whole number of at least
 * 1 (else exit code 2), lowered to the number of cores, since each worker is a
 * process with its own heap. RACI_MAX_JOBS sets another ceiling.
 */
function jobsOption(value: string): number {
  if (!isWholeNumber(value)) throw new InvalidArgumentError('expected a whole number of at least 1.');
  const ceilingSetting = process.env.RACI_MAX_JOBS;
  if (ceilingSetting !== undefined && !isWholeNumber(ceilingSetting))
    throw new InvalidArgumentError(`RACI_MAX_JOBS=${ceilingSetting}: expected a whole number of at least 1.`);
  const ceiling = ceilingSetting === undefined ? availableParallelism() : Number(ceilingSetting);
  const jobs = Number(value);
  if (jobs <= ceiling) return jobs;
  const why = ceilingSetting === undefined ? 'the number of cores; set RACI_MAX_JOBS to allow more' : 'RACI_MAX_JOBS';
  process.stderr.write(`raci: --jobs ${jobs} lowered to ${ceiling} (${why})\n`);
  return ceiling;
}

/** How every command that walks folders finds guides: `--ignore-pattern` (repeatable) and `--no-gitignore`. */
const ignorePatternFlag = (): Option =>
  new Option('--ignore-pattern <pattern>', 'leave out the files this pattern matches (gitignore syntax; repeatable)').argParser(
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  );
const noGitignoreFlag = (): Option => new Option('--no-gitignore', 'also read what .gitignore files leave out (.raciignore still applies)');
const sinceFlag = (what = 'only the guides added or changed since this git revision'): Option => new Option('--since <rev>', what);
type DiscoveryFlags = import('./discover.js').DiscoveryFlags;

/** The same `--jobs` for every command that spreads files over worker processes. */
const jobsFlag = (): Option => new Option('--jobs <n>', 'worker processes (default: one per core; 1 = none)').argParser(jobsOption);

/**
 * Commander's error (`error: unknown option '--formt'` and a `(Did you mean --format?)` line)
 * as one line: `raci: unknown option '--formt' (did you mean --format?)`.
 */
function usageLine(message: string): string {
  const [first = '', ...rest] = message
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const hints = rest.map((line) => line.replace(/^\(Did you mean (.*)\)$/, '(did you mean $1)'));
  return ['raci:', first.replace(/^error: /, ''), ...hints].join(' ');
}

async function main(argv: string[]): Promise<number> {
  let exitCode = 0;
  const program = new Command('raci')
    .description('Read OVHcloud responsibility-model (RACI) guides as typed, validated data.')
    .version(version)
    .exitOverride()
    // Subcommands inherit both, so every usage error of every command is one line.
    .configureOutput({
      writeErr: (text) => process.stderr.write(text),
      outputError: (text, write) => write(`${inertText(usageLine(text))}\n`),
    });

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
    .addOption(program.createOption('--format <format>', 'output format').choices(['text', 'json', 'csv']).default('text'))
    .addOption(jobsFlag())
    .addOption(ignorePatternFlag())
    .addOption(noGitignoreFlag())
    .addOption(sinceFlag())
    .action(async (paths: string[], options: { jobs?: number; format: 'text' | 'json' | 'csv' } & DiscoveryFlags) => {
      const [{ runSummary }, { discoverGuides, discoveryOptions }] = await Promise.all([
        import('./commands/summary.js'),
        import('./discover.js'),
      ]);
      const { files, explicit, notGuides, notices } = await discoverGuides(paths, discoveryOptions(options));
      for (const notice of notices) processIo.stderr(`raci: ${notice}`);
      exitCode = await runSummary(files, processIo, { jobs: options.jobs, explicit, notGuides: notGuides.length, format: options.format });
    });

  program
    .command('query')
    .description('the activities of every guide that pass the filters: who does what across products')
    .argument('[paths...]', 'files, directories (searched for *.md) or globs', ['.'])
    .option('--party <id>', 'a party id (customer, ovhcloud): it must have a letter, or those of --role')
    .option('--role <letters>', 'RACI letters the party (or, without --party, any party) must hold, e.g. A or RA')
    .option('--scope <id>', 'a scope id: the activity must apply to it')
    .option('--locale <locale>', 'guides of this locale (en-gb)')
    .option('--product <product>', 'guides of this product (kms), as the datasets name it')
    .option('--section <number-or-words>', 'a section number (3.1 and what is under it) or words of a section title')
    .option('--text <words>', 'words of the activity, without regard to case or accents')
    .addOption(program.createOption('--format <format>', 'output format').choices(['text', 'csv', 'json', 'jsonl']).default('text'))
    .addOption(ignorePatternFlag())
    .addOption(noGitignoreFlag())
    .addOption(sinceFlag())
    .action(async (paths: string[], options: import('./commands/query.js').QueryCommandOptions) => {
      const { runQuery } = await import('./commands/query.js');
      exitCode = await runQuery(paths, options, processIo);
    });

  // raci build: reproducible datasets, and --check that they are up to date.
  program
    .command('build')
    .description(
      'build datasets (JSON, CSV, JSONL, an .xlsx workbook, a Frictionless data package) from guides; --check compares instead of writing',
    )
    .argument('[paths...]', 'files, directories (searched for *.md, README.md left out) or globs', ['.'])
    .requiredOption('--out <dir>', 'output folder (replaced atomically; files the build no longer produces are removed)')
    .option('--check', 'build in memory and compare with --out: list stale, missing and extra files, exit 1 if any; write nothing')
    .option('--allow-errors', 'exit 0 even when guides have error findings (they are built either way)')
    .option('--no-escape-formulas', "write CSV cells starting with = + - @ tab CR as they are (default: prefixed with ' for spreadsheets)")
    .option('--root <dir>', 'folder that guide ids and source paths are relative to (default: the deepest folder holding every path)')
    .option(
      '--source-url <template>',
      'link workbook rows to a web copy of the sources, e.g. https://github.com/ovh/docs/blob/develop/{path}#L{line}',
    )
    .option('--license <spdx-id>', "the guides' license, recorded in datapackage.json (e.g. CC-BY-NC-SA-4.0)")
    .addOption(jobsFlag())
    .addOption(ignorePatternFlag())
    .addOption(noGitignoreFlag())
    .addOption(sinceFlag('with --check: compare only when a guide was added or changed since this git revision'))
    .action(async (paths: string[], options: import('./commands/build.js').BuildCommandOptions & { escapeFormulas: boolean }) => {
      const [{ runBuild }, { terminalProgress }] = await Promise.all([import('./commands/build.js'), import('./progress.js')]);
      exitCode = await runBuild(paths, options, processIo, terminalProgress(process.stderr, process.env));
    });

  // raci check: RACI rules and CI-grade diagnostics.
  program
    .command('check')
    .description('check guides against the RACI rules; report in stylish, json, github, sarif, gitlab or junit format')
    // No default here: runCheck checks "." when it gets no paths, and refuses paths with --stdin.
    .argument(
      '[paths...]',
      'files, directories (searched for *.md) or globs; files with no activity table are skipped unless named (default: ".")',
    )
    .option(
      '-f, --format <format[:file]>',
      'stylish (default), json, github (workflow annotations), sarif (2.1.0), gitlab (Code Quality) or junit (XML); repeat for several reports, each but one with :file',
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option('-o, --output-file <file>', 'write the report to this file (its folders are created) instead of stdout')
    .option('--max-warnings <n>', 'fail when there are more than n warnings')
    .option('--quiet', 'report errors only')
    .option('--frail', 'fail on warnings too')
    .option('--baseline <file>', 'do not report the findings recorded in this baseline file')
    .option('--update-baseline', "record today's findings in the --baseline file")
    .option('--fix', 'rewrite role cells into canonical form (the only safe fixes); other bytes are untouched')
    .option('--dry-run', 'with --fix: print the diff instead of writing the files')
    .option(
      '-c, --config <file>',
      'configuration file (default: raci.config.json, .yaml or .yml, or the "raci" key of package.json, looked up from the working directory up to the repository root)',
    )
    .option('--print-config <file>', 'print the configuration that applies to this file (every rule with its severity), check nothing')
    .option('--color', 'force colours in the stylish format')
    .option('--no-color', 'no colours in the stylish format')
    .option('--stdin', 'check the guide on standard input (no paths)')
    .option('--stdin-filename <path>', 'with --stdin: the path to report it as, whose locale it takes')
    .option('--cache', 'reuse the results of guides whose bytes, configuration and raci version are unchanged')
    .option('--cache-location <path>', 'with --cache: the cache file, or a folder for it (default: node_modules/.cache/raci/)')
    .addOption(jobsFlag())
    .addOption(ignorePatternFlag())
    .addOption(noGitignoreFlag())
    .addOption(sinceFlag())
    .action(async (paths: string[], options: import('./commands/check.js').CheckCommandOptions) => {
      const { runCheck } = await import('./commands/check.js');
      exitCode = await runCheck(paths, options, processIo, { env: process.env, cwd: process.cwd(), version, stdin: process.stdin });
    });

  // raci diff and raci drift: what changed in who is responsible; where translations disagree.
  program
    .command('diff')
    .description('what changed in who is responsible between two versions of a guide, or in every guide changed since a git revision')
    .argument('[guides...]', 'OLD NEW: guide files or REV:path read from git; with --since, the paths to look in (default: .)')
    .option('--since <rev>', 'compare every guide changed since this git revision with the working tree')
    .addOption(program.createOption('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--exit-code', 'exit 1 when the guides differ, like git diff --exit-code')
    .option('--similarity <ratio>', 'least word similarity for a reworded activity, 0 to 1', '0.5')
    .option('--no-color', 'no colours, even on a terminal')
    .action(
      async (
        guides: string[],
        options: { since?: string; format: 'text' | 'markdown' | 'json'; exitCode?: boolean; similarity: string; color: boolean },
      ) => {
        const { runDiff } = await import('./commands/diff.js');
        exitCode = await runDiff(guides, options, processIo);
      },
    );

  program
    .command('drift')
    .description('compare the translations of each guide with a reference locale, row by row; exit 1 on disagreements')
    .argument('[paths...]', 'files, directories (searched for *.md) or globs', ['.'])
    .option('--reference <locale>', 'the locale the others are compared with', 'en-gb')
    .addOption(program.createOption('--format <format>', 'output format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--fix', "rewrite the letters of rows that differ to the reference's, changing no other byte")
    .option('--dry-run', 'with --fix: print the changes as a unified diff instead of writing them')
    .option('--no-color', 'no colours, even on a terminal')
    .addOption(ignorePatternFlag())
    .addOption(noGitignoreFlag())
    .action(
      async (
        paths: string[],
        options: {
          reference: string;
          format: 'text' | 'markdown' | 'json';
          fix?: boolean;
          dryRun?: boolean;
          color: boolean;
        } & DiscoveryFlags,
      ) => {
        const [{ runDrift }, { discoverGuides, discoveryOptions }] = await Promise.all([
          import('./commands/drift.js'),
          import('./discover.js'),
        ]);
        const { files, notices } = await discoverGuides(paths, discoveryOptions(options));
        for (const notice of notices) processIo.stderr(`raci: ${notice}`);
        exitCode = await runDrift(files, options, processIo);
      },
    );

  // raci report: the static site.
  program
    .command('report')
    .description('write a static site of the guides: an overview and one page per guide with its matrix and findings')
    .argument('[paths...]', 'files, directories (searched for *.md) or globs', ['.'])
    .option('-o, --out <dir>', 'output folder (created; replaced on later runs)', 'report')
    .option('--title <text>', 'name of the site (default: "Responsibility models")')
    .option(
      '--source-url <template>',
      'link rows to a web copy of the sources, e.g. https://github.com/ovh/docs/blob/develop/{path}#L{line}',
    )
    .option('--base <rev-or-file>', 'add diff pages: the changes since a git revision (or from a file, for one guide)')
    .option('-c, --config <file>', 'raci check configuration (default: found as raci check finds it)')
    .addOption(ignorePatternFlag())
    .addOption(noGitignoreFlag())
    .addOption(sinceFlag())
    .action(
      async (
        paths: string[],
        options: { out: string; title?: string; sourceUrl?: string; base?: string; config?: string } & DiscoveryFlags,
      ) => {
        const { runReport } = await import('./commands/report.js');
        exitCode = await runReport(paths, options, processIo);
      },
    );

  // raci lsp: findings, fixes, hovers and the outline in any editor with a Language Server Protocol client.
  program
    .command('lsp')
    .description('run the language server (Language Server Protocol on stdin and stdout) for editors')
    .option('--stdio', 'talk over standard input and output (the default and only transport; accepted for editors that pass it)')
    .action(async () => {
      const { runLsp } = await import('./commands/lsp.js');
      runLsp(version);
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
      const informational =
        caught.code === 'commander.helpDisplayed' || caught.code === 'commander.version' || caught.code === 'commander.help';
      process.exitCode = informational ? 0 : 2;
      return;
    }
    const message = caught instanceof Error ? caught.message : String(caught);
    const isUsage = caught instanceof Error && caught.name === 'UsageError';
    process.stderr.write(`raci: ${inertText(isUsage ? message : `internal error: ${message}`)}\n`);
    process.exitCode = 2;
  },
);
