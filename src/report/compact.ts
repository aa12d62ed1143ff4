/**
 * One line per finding, `path:line:col: severity: message [rule]`: the shape editors and CI
 * problem matchers read (see compose-lint-matcher.json).
 */
import type { Finding } from '../types';
import type { FormatContext } from './types';
import { oneLine } from './group';
import { neutralizeControls } from './control-chars';
import { relativePath } from '../util/display-path';

export function format(findings: Finding[], ctx: FormatContext): string {
  return findings.map((f) => `${neutralizeControls(relativePath(ctx.cwd, f.file))}:${f.line}:${f.column}: ${f.severity}: ${neutralizeControls(oneLine(f.message))} [${f.rule}]\n`).join('');
}
