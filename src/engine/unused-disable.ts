/** Findings of the `unused-disable` rule: suppression comments that suppressed nothing. */
import type { Finding, Severity } from '../types';
import { lineCol } from '../model/source';
import { closestMatch } from '../schema/suggest';
import { removeComment } from './line-edits';
import type { UnusedDirective } from './suppress';

export const UNUSED_DISABLE = 'unused-disable';

export function unusedDirectiveFinding(u: UnusedDirective, severity: Severity, knownRules: readonly string[], allUnused: boolean): Finding {
  const d = u.directive;
  const end = lineCol(d.source, d.end);
  const finding: Finding = {
    rule: UNUSED_DISABLE,
    severity,
    message: `unused compose-lint-${d.kind} directive: ${detail(u.rule, knownRules)}`,
    file: d.source.path,
    line: d.line,
    column: d.column,
    endLine: end.line,
    endColumn: end.column,
  };
  if (u.rule) finding.value = u.rule;
  // Removing the comment is safe only when none of it is in use.
  if (allUnused) finding.fix = { file: d.source.path, edits: [removeComment(d.source.text, d.start, d.end)] };
  return finding;
}

function detail(rule: string | undefined, knownRules: readonly string[]): string {
  if (rule === undefined) return 'no finding to suppress';
  if (knownRules.includes(rule)) return `no "${rule}" finding to suppress`;
  const near = closestMatch(rule, knownRules);
  return `"${rule}" is not a rule${near ? ` (did you mean "${near}"?)` : ''}`;
}
