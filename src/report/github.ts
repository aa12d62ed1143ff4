/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the PR diff.
 * Escaping follows actions/toolkit (command data vs. command properties).
 */
import type { Finding, Severity } from '../types';
import type { FormatContext } from './types';
import { countBySeverity } from './group';
import { relativePath, STDIN_PATH } from '../util/display-path';
import { neutralizeControls } from './control-chars';

/** GitHub keeps at most this many annotations of each kind (error/warning/notice) per step. */
export const ANNOTATIONS_PER_KIND = 10;

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(value: string): string {
  return value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(value: string): string {
  return escapeData(value).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/**
 * One workflow command. Text read from stdin without `--stdin-filename` is no file of the
 * repository: its annotation has no file or position (GitHub shows it on the run, not on a file).
 * Control characters are shown as U+FFFD (line breaks are escaped instead: they are allowed).
 */
function annotation(f: Finding, ctx: FormatContext): string {
  const where =
    f.file === STDIN_PATH ? [] : [`file=${escapeProperty(neutralizeControls(relativePath(ctx.cwd, f.file)))}`, `line=${f.line}`, `col=${f.column}`, `endLine=${f.endLine}`, `endColumn=${f.endColumn}`];
  const props = [...where, `title=${escapeProperty(f.rule)}`];
  return `::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(neutralizeControls(f.message, true))}\n`;
}

export function format(findings: Finding[], ctx: FormatContext): string {
  let out = findings.map((f) => annotation(f, ctx)).join('');
  const counts = countBySeverity(findings);
  if (Object.values(counts).some((n) => n > ANNOTATIONS_PER_KIND)) {
    // Workflow commands are hidden from the log, so the findings past the limit would be invisible.
    out +=
      `compose-lint: ${findings.length} findings, but GitHub shows only the first ${ANNOTATIONS_PER_KIND} ` +
      'annotations of each kind per step. To see the rest, upload --format sarif to code scanning, ' +
      'or use --format compact with the compose-lint problem matcher (every finding is printed in the log).\n';
  }
  return out;
}
