/** The default command: lint, format, exit code. */
import * as fs from 'fs';
import { effectiveConfig, fixSync, lintSync, FixOptions, LintOptions, LintResult, unifiedDiff } from '../api';
import { loadFormatter, DEFAULT_FORMAT } from '../report';
import { ruleMetas } from '../engine/catalog';
import { toLintOptions, ProjectFlags } from './options';
import { EXIT_FINDINGS, writeOut } from './exit';
import { UsageError } from './exit';
import { VERSION } from './version';

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
}

export function useColor(flag: boolean | undefined): boolean {
  if (flag === false || process.env.NO_COLOR) return false;
  if (flag === true || (process.env.FORCE_COLOR && process.env.FORCE_COLOR !== '0')) return true;
  return Boolean(process.stdout.isTTY);
}

export function runLint(targets: string[], flags: LintFlags): void {
  const format = loadFormatter(flags.format ?? DEFAULT_FORMAT); // unknown format: fatal before any work
  const maxWarnings = flags.maxWarnings === undefined ? -1 : Number(flags.maxWarnings);
  if (!Number.isInteger(maxWarnings)) throw new UsageError(`--max-warnings takes a whole number, not "${flags.maxWarnings}"`);
  if (flags.fix && flags.fixDryRun) throw new UsageError('use either --fix or --fix-dry-run, not both');
  const fixRules = checkFixRules(flags);
  const options: LintOptions = {
    ...toLintOptions(flags, targets),
    config: flags.config,
    ruleFlags: flags.rule,
    reportUnusedDisableDirectives: flags.reportUnusedDisableDirectives,
  };
  if (flags.printConfig !== undefined) {
    writeOut(JSON.stringify(effectiveConfig(options, flags.printConfig), null, 2) + '\n');
    return;
  }
  if (flags.fixDryRun) {
    runFixDryRun(options, fixRules);
    return;
  }
  const result = flags.fix ? fixed({ ...options, fixRules }) : lintSync(options);
  const shown = flags.quiet ? result.findings.filter((f) => f.severity === 'error') : result.findings;
  const text = format(shown, {
    cwd: process.cwd(),
    version: VERSION,
    rules: ruleMetas(),
    color: flags.outputFile ? false : useColor(flags.color),
    files: result.files,
  });
  if (flags.outputFile) fs.writeFileSync(flags.outputFile, text);
  else writeOut(text);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  const warnings = result.findings.filter((f) => f.severity === 'warning').length;
  if (errors > 0 || (maxWarnings >= 0 && warnings > maxWarnings)) process.exitCode = EXIT_FINDINGS;
}

/** --fix-rule ids: known rules only, and only with --fix or --fix-dry-run. */
function checkFixRules(flags: LintFlags): string[] {
  const ids = flags.fixRule ?? [];
  if (ids.length && !flags.fix && !flags.fixDryRun) throw new UsageError('--fix-rule applies suggestions: use it with --fix or --fix-dry-run');
  const known = new Set(ruleMetas().map((r) => r.id));
  const unknown = ids.find((id) => !known.has(id));
  if (unknown !== undefined) throw new UsageError(`--fix-rule: unknown rule "${unknown}"; \`compose-lint rules\` lists them`);
  return ids;
}

/** --fix: write the fixes, then report what is left. */
function fixed(options: FixOptions): LintResult {
  const result = fixSync(options);
  for (const s of result.skipped) process.stderr.write(`compose-lint: not fixing ${s.file}: ${s.reason}\n`);
  return result;
}

/**
 * --fix-dry-run: the diff on stdout (with the suggestions of --fix-rule rules); the other
 * suggestions listed on stderr, so stdout stays a patch. Exit 1 when there is something to fix.
 */
function runFixDryRun(options: LintOptions, fixRules: string[]): void {
  const { changes, findings } = fixSync({ ...options, dryRun: true, fixRules });
  writeOut(changes.map((c) => unifiedDiff(c.file, c.before, c.after)).join(''));
  for (const f of findings) {
    if (fixRules.includes(f.rule)) continue;
    for (const s of f.suggestions ?? []) process.stderr.write(`${f.file}:${f.line}:${f.column}: suggestion (${f.rule}): ${s.description}; apply with --fix --fix-rule ${f.rule}\n`);
  }
  if (changes.length) process.exitCode = EXIT_FINDINGS;
}
