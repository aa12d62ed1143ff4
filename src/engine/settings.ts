/** Which rules run, at which severity and with which options. */
import type { Rule, RuleSeverity } from '../types';

export interface RuleSetting {
  severity: RuleSeverity;
  options: Record<string, unknown>;
}
export type RuleSettings = Map<string, RuleSetting>;

/** Every rule at its default severity with no options. */
export function defaultSettings(rules: readonly Rule[]): RuleSettings {
  return new Map(rules.map((r) => [r.id, { severity: r.severity, options: {} }]));
}
