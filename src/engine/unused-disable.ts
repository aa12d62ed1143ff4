/** Findings of the `unused-disable` rule: suppression comments that suppressed nothing, or name no rule. */
import type { Finding, Severity } from '../types';
import { lineCol } from '../model/source';
import { closestMatch } from '../schema/suggest';
import { renderMessage } from '../define-rule';
import { removeComment } from './line-edits';
import type { UnusedDirective } from './suppress';

export const UNUSED_DISABLE = 'unused-disable';

/** Whether an unused directive names a rule that does not exist (reported even while the rule is off). */
export function namesUnknownRule(u: UnusedDirective, knownRules: readonly string[]): boolean {
  return u.rule !== undefined && !knownRules.includes(u.rule);
}

/**
 * The finding for one unused directive (or one unused rule of its list).
 * @param messages the rule's message templates (rules/unused-disable.ts), by message id
 */
export function unusedDirectiveFinding(u: UnusedDirective, severity: Severity, knownRules: readonly string[], allUnused: boolean, messages: Record<string, string>): Finding {
  const d = u.directive;
  const end = lineCol(d.source, d.end);
  const [messageId, data] = messageOf(u, d.kind, knownRules);
  const finding: Finding = {
    rule: UNUSED_DISABLE,
    severity,
    message: renderMessage(UNUSED_DISABLE, messageId, messages[messageId], data),
    messageId,
    data,
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

function messageOf(u: UnusedDirective, kind: string, knownRules: readonly string[]): [string, Record<string, string>] {
  if (u.rule === undefined) return ['unused', { kind }];
  if (knownRules.includes(u.rule)) return ['unusedRule', { kind, rule: u.rule }];
  const suggestion = closestMatch(u.rule, knownRules);
  return suggestion ? ['unknownRuleSuggest', { kind, rule: u.rule, suggestion }] : ['unknownRule', { kind, rule: u.rule }];
}
