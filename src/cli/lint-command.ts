/** The default command: lint, format, exit code. */
import * as fs from 'fs';
import { lintSync } from '../api';
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
  const result = lintSync(toLintOptions(flags, targets));
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
