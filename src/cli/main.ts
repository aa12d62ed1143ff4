/** The compose-lint program: parse flags, dispatch, map failures to one line and exit code 2. */
import { Command, CommanderError, Option } from 'commander';
import { addProjectOptions, withStdinFd } from './options';
import { fail, fatalMessage, isUserError, EXIT_FATAL } from './exit';
import { watchStdoutErrors } from './stdout';
import { VERSION } from '../util/version';
import { WORKER_THRESHOLD } from '../util/worker-threshold';
// Types only: the command modules themselves load lazily below.
import type { LintFlags } from './lint-command';
import type { ConfigFlags } from './config-command';
import type { GraphFlags } from './graph-command';
import type { InitFlags } from './init-command';

type LintPlanJob = typeof import('../api').lintPlanJob;
/**
 * The bundle (scripts/build-bundle.js) is built from this module: worker threads (lint-worker.ts)
 * take their job from it. The API loads on the first call, not when `--version` or `rules` start.
 */
export function lintPlanJob(...args: Parameters<LintPlanJob>): ReturnType<LintPlanJob> {
  return (require('../api') as typeof import('../api')).lintPlanJob(...args);
}

const collectValues = (v: string, prev: string[] | undefined): string[] => [...(prev ?? []), v];

export function buildProgram(argv: readonly string[] = []): Command {
  const program = new Command('compose-lint')
    .description('Lint Docker Compose files: the Compose model exactly as Docker Compose v2 builds it, plus the service/network graph.')
    .version(VERSION, '-v, --version')
    .argument('[targets...]', 'compose files or directories (default: discover from the current directory); - for stdin')
    .addOption(new Option('--format <name>', 'output format: stylish, compact, json, sarif, github, codeclimate, junit, checkstyle'))
    .option('-o, --output-file <path>', 'write the report to a file')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this')
    .option('-q, --quiet', 'report errors only')
    .option('--color', 'force colours')
    .option('--no-color', 'disable colours')
    .option('-c, --config <file>', 'config file to use instead of the nearest .compose-lint.yaml')
    .option('--no-config', 'ignore config files: every rule at its default')
    .option('--rule <spec>', "set a rule, over the config: 'id: severity' or 'id: [severity, {options}]'; 'id: on' runs it at its own severities (repeatable)", collectValues)
    .option('--print-config <file>', 'print the configuration that applies to a compose file, and exit')
    .option('--fix', 'write fixes to the files')
    .option('--fix-dry-run', 'print the fixes as a unified diff; write nothing')
    .option('--fix-rule <id>', "with --fix or --fix-dry-run: also apply this rule's suggestions (edits that change what runs; repeatable)", collectValues)
    .option('--report-unused-disable-directives', 'report suppression comments that suppress nothing')
    .option('--no-ignore', "lint files the config's `ignore` patterns skip")
    .option('--no-error-on-unmatched-pattern', 'skip a quoted glob that matches nothing or a directory without a compose file, instead of exit 2')
    .option('--stdin-filename <path>', 'lint stdin as if it were this file (project, config and suppressions as for that file)')
    .option('--cache', 'reuse the findings of projects whose files, environment and config have not changed since the last run')
    .option('--cache-location <path>', 'the cache file, or a directory to hold it (default: .compose-lint-cache in the current directory)')
    .addOption(new Option('--cache-strategy <strategy>', 'how a changed input is detected: content (hashes; the only one)').choices(['content']))
    .option('--concurrency <n>', `worker threads when there are ${WORKER_THRESHOLD} projects or more to lint: a number, 'auto' (one per core on more than two cores) or 'off'`, 'auto')
    .option('--debug', 'print files loaded, config used and time per stage on stderr (also: COMPOSE_LINT_DEBUG=1)')
    .helpCommand('help [command]', 'show help for compose-lint or a command')
    .exitOverride()
    .enablePositionalOptions() // `config --format json` belongs to `config`, not to the lint command
    .showSuggestionAfterError(true)
    .configureOutput({ outputError: (s, write) => write(`compose-lint: ${s.replace(/^error: /, '').trim()}\n`) });
  // Each command's module loads only when that command runs.
  addProjectOptions(program).action((targets: string[], flags: LintFlags) => {
    (require('./lint-command') as typeof import('./lint-command')).runLint(targets, flags, argv.slice(2));
  });

  addProjectOptions(program.command('config').description('print the project in canonical form, as `docker compose config` does'))
    .argument('[targets...]', 'compose files or directories of one project (default: discover); - for stdin')
    .option('--format <name>', 'yaml or json', 'yaml')
    .option('--no-interpolate', "do not interpolate variables (and do not write '$' as '$$')")
    .option('--services', 'print the service names, one per line')
    .option('--volumes', 'print the volume names, one per line')
    .option('--networks', 'print the network names, one per line')
    .option('--profiles', 'print the profile names, one per line')
    .option('--images', 'print the image names, one per line')
    .option('-q, --quiet', 'only validate the project: exit code 1 when Compose would refuse it, print nothing')
    .option('-o, --output <path>', 'write to a file instead of stdout')
    .option('--all-resources', 'keep networks, volumes, secrets and configs no service uses')
    .exitOverride()
    .action((targets: string[], flags: ConfigFlags) => (require('./config-command') as typeof import('./config-command')).runConfig(targets, flags));

  addProjectOptions(program.command('graph').description('print the service/network graph'))
    .argument('[targets...]', 'compose files or directories of one project (default: discover); - for stdin')
    .option('--format <name>', 'mermaid, dot or json', 'mermaid')
    .exitOverride()
    .action((targets: string[], flags: GraphFlags) => (require('./graph-command') as typeof import('./graph-command')).runGraph(targets, flags));

  addProjectOptions(program.command('init'))
    .description('write a starter .compose-lint.yaml for the project here (rules at their preset severities, an exclude per service with findings)')
    .option('--force', 'overwrite an existing .compose-lint.yaml')
    .exitOverride()
    .action((flags: InitFlags) => (require('./init-command') as typeof import('./init-command')).runInit(flags));
  program
    .command('rules')
    .description('list the rules')
    .exitOverride()
    .action(() => (require('./rules-command') as typeof import('./rules-command')).runRulesList());
  program
    .command('explain <rule>')
    .description("print a rule's documentation")
    .exitOverride()
    .action((id: string) => (require('./rules-command') as typeof import('./rules-command')).runExplain(id));
  return program;
}

/** Where a run of `main` reads its input; every field defaults to this process's own. */
export interface CliIo {
  /** File descriptor standard input is read from (default 0), e.g. an open file when the CLI runs inside another program. */
  stdinFd?: number;
}

/**
 * Run the CLI on `argv` (as process.argv: node, script, arguments...). Output goes to
 * process.stdout and process.stderr; the outcome is process.exitCode (undefined or 0, 1 findings, 2 fatal).
 */
export function main(argv: string[], io: CliIo = {}): void {
  const stopWatching = watchStdoutErrors();
  try {
    withStdinFd(io.stdinFd ?? 0, () => buildProgram(argv).parse(argv));
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return;
      process.exitCode = EXIT_FATAL; // the message was already printed by commander
      return;
    }
    const err = e as Error;
    if (!isUserError(err) && (process.env.COMPOSE_LINT_DEBUG || argv.includes('--debug'))) {
      process.stderr.write(`${err.stack}\n`);
      process.exitCode = EXIT_FATAL;
    } else fail(fatalMessage(err));
  } finally {
    stopWatching();
  }
}
