/** `compose-lint config`: the project as `docker compose config` prints it (through configOf in the API). */
import * as fs from 'fs';
import { configOf, ConfigResult, LoadProblem } from '../api';
import { lineCol } from '../model/source';
import { didYouMean } from '../schema/suggest';
import { toLintOptions, ProjectFlags } from './options';
import { EXIT_FINDINGS, UsageError, writeOut } from './exit';

export interface ConfigFlags extends ProjectFlags {
  format?: string;
  interpolate?: boolean;
  services?: boolean;
  volumes?: boolean;
  networks?: boolean;
  profiles?: boolean;
  images?: boolean;
  quiet?: boolean;
  output?: string;
  allResources?: boolean;
}

/** The listing flags, in the order docker compose checks them (the first one given wins). */
const LISTINGS = ['services', 'volumes', 'networks', 'profiles', 'images'] as const;

/**
 * Load problems go to stderr; an error means Compose would refuse the project: nothing is printed
 * and the exit code is 1. `-q` prints nothing either way (validation by exit code).
 */
export function runConfig(targets: string[], flags: ConfigFlags): void {
  const format = flags.format ?? 'yaml';
  if (format !== 'yaml' && format !== 'json') throw new UsageError(`unknown format "${format}"${didYouMean(format, ['yaml', 'json'])}; use yaml or json`);
  const result = configOf({ ...toLintOptions(flags, targets), format, interpolate: flags.interpolate !== false, allResources: flags.allResources });
  for (const p of result.problems) process.stderr.write(`${where(p)}: ${p.severity}: ${p.message} [${p.rule}]\n`);
  if (result.problems.some((p) => p.severity === 'error')) {
    process.exitCode = EXIT_FINDINGS;
    return;
  }
  if (flags.quiet) return;
  const text = listing(result, flags) ?? result.text;
  if (flags.output && text) fs.writeFileSync(flags.output, text);
  else writeOut(text);
}

function listing(result: ConfigResult, flags: ConfigFlags): string | undefined {
  const kind = LISTINGS.find((k) => flags[k]);
  if (!kind) return undefined;
  return result[kind].map((n) => `${n}\n`).join('');
}

function where(p: LoadProblem): string {
  return p.origin ? `${p.origin.source.path}:${lineCol(p.origin.source, p.origin.start).line}` : (p.file ?? '');
}
