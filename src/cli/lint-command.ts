/** The default command: lint, format, exit code. */
import * as fs from 'fs';
import * as path from 'path';
import { effectiveConfig, fixSync, lintSync, withSuggestions, FixOptions, FixResult, LintOptions, LintResult, ruleCatalog, unifiedDiff } from '../api';
import { loadFormatter, DEFAULT_FORMAT, FormatContext, Formatter } from '../report';
import { describeFsError } from '../load/read';
import type { Finding } from '../types';
import { readStdin, toLintOptions, ProjectFlags } from './options';
import { EXIT_FINDINGS, EXIT_OK, fatalMessage, writeOut } from './exit';
import { UsageError } from './exit';
import { useColor, terminalWidth } from './color';
import { checkTargets } from './targets';
import { didYouMean } from '../schema/suggest';
import { VERSION } from '../util/version';
import { isGlobPattern } from '../util/glob';
import { codeStamp, ownFiles, SHELL_BOOKKEEPING, stdoutKind, withoutOwnFiles, type RunOutput, type RunRecord } from './replay';
import { cacheFileFor, environmentHash } from '../engine/cache-file';
import { makeDirectory } from '../util/make-directory';
import { formatRuleTimes, timingLimit } from '../report/timing';

export interface LintFlags extends ProjectFlags {
  format?: string;
  outputFile?: string;
  maxWarnings?: string;
  quiet?: boolean;
  color?: boolean;
  /** A path, or false for --no-config. */
  config?: string | false;
  rule?: string[];
  printConfig?: string;
  fix?: boolean;
  fixDryRun?: boolean;
  /** Rules whose suggestions --fix / --fix-dry-run apply (repeatable). */
  fixRule?: string[];
  reportUnusedDisableDirectives?: boolean;
  /** false for --no-ignore. */
  ignore?: boolean;
  /** false for --no-error-on-unmatched-pattern. */
  errorOnUnmatchedPattern?: boolean;
  stdinFilename?: string;
  debug?: boolean;
  cache?: boolean;
  cacheLocation?: string;
  cacheStrategy?: string;
  /** 'auto', 'off' or a number. */
  concurrency?: string;
}

/** `--debug` (or COMPOSE_LINT_DEBUG=1): one line per step on stderr. */
export function debugSink(flag: boolean | undefined): ((line: string) => void) | undefined {
  if (!flag && !process.env.COMPOSE_LINT_DEBUG) return undefined;
  return (line) => process.stderr.write(`compose-lint: debug: ${line}\n`);
}

/** Formats the report shape of which a diff may precede (plain text for people). */
const TEXT_FORMATS = ['stylish', 'compact'];

/**
 * The default command. `argv`: the arguments after the script, as given (for the record of a
 * `--cache` run, src/cli/replay.ts); without them no record is made.
 */
export function runLint(targets: string[], flags: LintFlags, argv?: readonly string[]): void {
  try {
    lintAndReport(targets, flags, argv);
  } catch (e) {
    writeFailureLog(e as Error, flags);
    throw e;
  }
}

/**
 * A run that fails (exit 2) with `--format sarif -o FILE` still leaves a valid SARIF log in FILE,
 * saying it failed and why: CI steps that upload FILE even after a failure (`if: always()`) would
 * otherwise fail on a missing file, or upload the stale log of an earlier run. Other formats write
 * nothing, as ESLint does. Best effort: when FILE cannot be written, the error already says so.
 */
function writeFailureLog(err: Error, flags: LintFlags): void {
  if (flags.format !== 'sarif' || flags.outputFile === undefined || flags.printConfig !== undefined) return;
  try {
    const { formatFailure } = require('../report/sarif') as typeof import('../report/sarif');
    writeReportFile(flags.outputFile, formatFailure(fatalMessage(err), { cwd: process.cwd(), version: VERSION, rules: ruleCatalog() }));
  } catch {
    // nothing more to say than the error itself
  }
}

/** The body of runLint: throws UsageError, LoadError, ConfigError for a run that cannot report. */
function lintAndReport(targets: string[], flags: LintFlags, argv?: readonly string[]): void {
  const started = Date.now();
  const formatName = flags.format ?? DEFAULT_FORMAT;
  const format = loadFormatter(formatName); // unknown format: fatal before any work
  const maxWarnings = flags.maxWarnings === undefined ? -1 : Number(flags.maxWarnings);
  if (!Number.isInteger(maxWarnings) || maxWarnings < -1) throw new UsageError(`--max-warnings takes a whole number, not "${flags.maxWarnings}"`);
  if (flags.fix && flags.fixDryRun) throw new UsageError('use either --fix or --fix-dry-run, not both');
  const fixRules = checkFixRules(flags);
  checkTargets(targets);
  const debug = debugSink(flags.debug);
  // TIMING (as in ESLint): the slowest rules' check times, a table on stderr after the report.
  const timing = timingLimit(process.env.TIMING);
  const options: LintOptions = {
    ...toLintOptions(flags, targets),
    config: flags.config,
    ruleFlags: flags.rule,
    reportUnusedDisableDirectives: flags.reportUnusedDisableDirectives,
    ignore: flags.ignore,
    errorOnUnmatchedPattern: flags.errorOnUnmatchedPattern,
    onDebug: debug,
    timing: timing !== undefined,
    concurrency: concurrencyOf(flags.concurrency),
    // --fix rewrites files from the findings of this run: it never takes them from the cache.
    cache: flags.cache && !flags.fix && !flags.fixDryRun ? { location: flags.cacheLocation } : undefined,
  };
  if (flags.stdinFilename !== undefined) {
    if (targets.some((t) => t !== '-') || flags.file?.length) throw new UsageError('--stdin-filename names the text read from stdin: give no other file (use - or no target)');
    options.text = { path: flags.stdinFilename, content: options.stdin ?? readStdin() };
    options.targets = [];
    options.stdin = undefined;
  }
  if (flags.printConfig !== undefined) {
    writeOut(JSON.stringify(effectiveConfig(options, flags.printConfig), null, 2) + '\n');
    return;
  }
  const fromStdin = options.text !== undefined || options.stdin !== undefined;
  if (fromStdin && (flags.fix || flags.fixDryRun) && (options.targets ?? []).some((t) => t !== '-')) {
    throw new UsageError(`${flags.fix ? '--fix' : '--fix-dry-run'} with stdin: give - as the only target`);
  }
  // A run that can be replayed whole next time (src/cli/replay.ts): not with --debug (its lines
  // time the run), stdin, --fix or globs (tinyglobby reads directories outside the run's view of the disk).
  const recording = argv !== undefined && options.cache !== undefined && !debug && timing === undefined && !fromStdin && !targets.some(isGlobPattern);
  if (recording) options.cache = { ...options.cache, deferSave: true };
  const out = new RunWriter(recording ? { stdout: '', stderr: '', file: null, exitCode: 0 } : undefined);
  debug?.(`compose-lint ${VERSION}, node ${process.version}, cwd ${process.cwd()}`);
  const ctx: FormatContext = {
    cwd: process.cwd(),
    version: VERSION,
    rules: ruleCatalog(),
    color: flags.outputFile ? false : useColor(flags.color),
    width: flags.outputFile ? undefined : terminalWidth(),
    files: [],
  };
  const report = (result: LintResult, findings: Finding[], extra: Partial<FormatContext> = {}, to: 'stdout' | 'stderr' = 'stdout'): void => {
    warnIgnored(result, out);
    if (result.cacheProblem) out.stderr(`compose-lint: warning: ${result.cacheProblem}\n`);
    const t = Date.now();
    const shown = flags.quiet ? findings.filter((f) => f.severity === 'error') : findings;
    const outcome = exitOutcome(findings, maxWarnings);
    // -q reports errors only, suppressed ones too (sarif lists them as dismissed results).
    const suppressed = flags.quiet ? result.suppressed.filter((f) => f.severity === 'error') : result.suppressed;
    const text = format(shown, { ...ctx, files: result.files, unparsed: result.unparsed, suppressed, exitCode: outcome.code, ...extra });
    debug?.(`format ${formatName} in ${Date.now() - t} ms`);
    out.report(text, flags.outputFile, to);
    if (timing !== undefined && result.ruleTimes) out.stderr(formatRuleTimes(result.ruleTimes, timing));
    setExitCode(outcome, out);
    debug?.(`total ${Date.now() - started} ms`);
  };
  if (flags.fixDryRun) {
    runFixDryRun({ ...options, fixRules }, formatName, format, flags, ctx, maxWarnings, timing);
    debug?.(`total ${Date.now() - started} ms`);
    return;
  }
  if (flags.fix && fromStdin) {
    // Like a formatter: the fixed text on stdout, the report of what is left on stderr.
    const result = fixSync({ ...options, fixRules });
    reportSkipped(result.skipped);
    const change = result.changes[0];
    process.stdout.write(change ? change.after : (options.text?.content ?? options.stdin ?? ''));
    report(result, result.findings, { color: false, width: undefined }, 'stderr');
    return;
  }
  const result = flags.fix ? fixed({ ...options, fixRules }) : lintSync(options);
  report(result, result.findings);
  if (result.saveCache) {
    const record = out.captured && result.runInputs && runRecord(argv ?? [], cacheFileFor(flags.cacheLocation, process.cwd()), result.runInputs, out.captured);
    const problem = result.saveCache(record || undefined);
    if (problem) process.stderr.write(`compose-lint: warning: ${problem}\n`);
  }
}

/** The record of this run, or undefined when the build cannot be told apart (codeStamp). */
function runRecord(argv: readonly string[], cacheFile: string, inputs: NonNullable<LintResult['runInputs']>, captured: RunOutput): RunRecord | undefined {
  const code = codeStamp();
  if (code === undefined) return undefined;
  const shellEnv: RunRecord['shellEnv'] = {};
  for (const [name, value] of Object.entries(inputs.env)) if (SHELL_BOOKKEEPING.has(name)) shellEnv[name] = value;
  const { env: _env, ...disk } = inputs;
  return {
    argv: [...argv],
    cwd: process.cwd(),
    env: environmentHash(process.env, SHELL_BOOKKEEPING),
    shellEnv,
    code,
    stdout: stdoutKind(captured.file !== null),
    inputs: withoutOwnFiles(disk, ownFiles(cacheFile, captured.file?.[0])),
    out: { ...captured, exitCode: typeof process.exitCode === 'number' ? process.exitCode : 0 },
  };
}

/** Worker threads from --concurrency: 'off' none; 'auto' as LintOptions.concurrency says. */
function concurrencyOf(value: string | undefined): number | 'auto' {
  if (value === undefined || value === 'auto') return 'auto';
  if (value === 'off') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--concurrency takes a whole number, 'auto' or 'off', not "${value}"`);
  return n;
}

/** How a run that reported its findings ends: exit 1 on an error, or on more warnings than --max-warnings allows (with the line saying so). */
function exitOutcome(findings: readonly Finding[], maxWarnings: number): { code: number; tooMany?: string } {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const tooMany = maxWarnings >= 0 && warnings > maxWarnings ? `compose-lint found too many warnings: ${warnings} (maximum: ${maxWarnings})\n` : undefined;
  return { code: errors > 0 || tooMany ? EXIT_FINDINGS : EXIT_OK, tooMany };
}

function setExitCode(outcome: { code: number; tooMany?: string }, out: RunWriter): void {
  if (outcome.tooMany) out.stderr(outcome.tooMany);
  if (outcome.code !== EXIT_OK) process.exitCode = outcome.code;
}

/** The run's warnings (a config file ignored beside the one used), and each file named on the command line that the config's `ignore` skips: say so, as ESLint does. */
function warnIgnored({ ignored, warnings }: Pick<LintResult, 'ignored' | 'warnings'>, out: RunWriter): void {
  for (const w of warnings) out.stderr(`compose-lint: warning: ${w}\n`);
  for (const file of ignored) out.stderr(`compose-lint: warning: ${file} is skipped: the config's \`ignore\` matches it (--no-ignore lints it)\n`);
}

/** Where a lint run writes; with `captured`, also what it wrote (for the record of the run, src/cli/replay.ts). */
class RunWriter {
  constructor(readonly captured?: RunOutput) {}

  stderr(text: string): void {
    process.stderr.write(text);
    if (this.captured) this.captured.stderr += text;
  }

  /** The report to stdout, stderr, or `-o FILE` (its directory is created; a directory or unwritable path is a usage error). */
  report(text: string, file: string | undefined, to: 'stdout' | 'stderr'): void {
    if (file === undefined) {
      if (to === 'stderr') this.stderr(text);
      else {
        writeOut(text);
        if (this.captured) this.captured.stdout += text;
      }
      return;
    }
    writeReportFile(file, text);
    if (this.captured) this.captured.file = [path.resolve(file), text];
  }
}

/** Write the report to `-o FILE`, creating its directory; a directory or an unwritable path is a usage error. */
function writeReportFile(file: string, text: string): void {
  try {
    if (fs.statSync(file, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--output-file ${file}: is a directory; name a file`);
    makeDirectory(path.dirname(path.resolve(file)));
    fs.writeFileSync(file, text);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`--output-file ${file}: cannot write: ${describeFsError(e as NodeJS.ErrnoException)}`);
  }
}

/** --fix-rule ids: known rules only, and only with --fix or --fix-dry-run. */
function checkFixRules(flags: LintFlags): string[] {
  const ids = flags.fixRule ?? [];
  if (ids.length && !flags.fix && !flags.fixDryRun) throw new UsageError('--fix-rule applies suggestions: use it with --fix or --fix-dry-run');
  const known = new Set(ruleCatalog().map((r) => r.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) {
    throw new UsageError(`--fix-rule: unknown rule "${unknown}"${didYouMean(unknown, [...known])}; \`compose-lint rules\` lists them`);
  }
  return ids;
}

/** --fix: write the fixes, then report what is left. */
function fixed(options: FixOptions): LintResult {
  const result = fixSync(options);
  reportSkipped(result.skipped);
  return result;
}

function reportSkipped(skipped: readonly { file: string; reason: string }[]): void {
  for (const s of skipped) process.stderr.write(`compose-lint: not fixing ${s.file}: ${s.reason}\n`);
}

/**
 * --fix-dry-run: what --fix would do, writing nothing. Text formats print the unified diff (with
 * the suggestions of --fix-rule rules), then the problems --fix would leave; `json` lists every
 * finding with the fix of each fixable one; other formats report the problems --fix would leave.
 * The other suggestions are listed on stderr, then the TIMING table when `timing` (its row limit) is
 * given. The exit code is the one --fix would give.
 */
function runFixDryRun(options: FixOptions, formatName: string, format: Formatter, flags: LintFlags, ctx: FormatContext, maxWarnings: number, timing: number | undefined): void {
  const fixRules = options.fixRules ?? [];
  const result: FixResult = fixSync({ ...options, dryRun: true });
  const out = new RunWriter();
  warnIgnored(result, out);
  reportSkipped(result.skipped);
  const fixedFiles = new Set(result.changes.map((c) => c.file));
  const findings = withSuggestions(result.findings, fixRules);
  const remaining = findings.filter((f) => !(f.fix && fixedFiles.has(f.fix.file)));
  for (const f of remaining) {
    if (fixRules.includes(f.rule)) continue;
    for (const s of f.suggestions ?? []) process.stderr.write(`${f.file}:${f.line}:${f.column}: suggestion (${f.rule}): ${s.description}; apply with --fix --fix-rule ${f.rule}\n`);
  }
  const shown = (list: Finding[]): Finding[] => (flags.quiet ? list.filter((f) => f.severity === 'error') : list);
  const outcome = exitOutcome(remaining, maxWarnings);
  const fctx = { ...ctx, files: result.files, unparsed: result.unparsed, exitCode: outcome.code };
  let text: string;
  if (formatName === 'json') text = format(shown(findings), { ...fctx, fixes: true });
  else if (TEXT_FORMATS.includes(formatName)) {
    const diff = result.changes.map((c) => unifiedDiff(c.file, c.before, c.after)).join('');
    const rest = format(shown(remaining), fctx);
    text = diff && rest ? `${diff}\n${rest}` : diff + rest;
  } else text = format(shown(remaining), fctx);
  out.report(text, flags.outputFile, 'stdout');
  if (timing !== undefined && result.ruleTimes) out.stderr(formatRuleTimes(result.ruleTimes, timing));
  setExitCode(outcome, out);
}
