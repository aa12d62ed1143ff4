/** Which rules run, at which severity and with which options. */
import type { Rule, RuleSeverity, SharedSettings } from '../types';

export interface RuleSetting {
  severity: RuleSeverity;
  options: Record<string, unknown>;
  /** Findings about these services are dropped (service name -> the reason given in the config). */
  exclude?: Record<string, string>;
  /**
   * True when a config file or `--rule` set the severity (even to the rule's default): then it
   * applies to every finding of the rule, including those a rule reports with a softer severity
   * of their own (e.g. an unset variable, a warning, under `interpolation: error`). A preset's
   * severity is a default, never explicit: under `extends: strict` a finding that carries its own
   * severity (e.g. a warning on a public service, info elsewhere) keeps it. Neither is `on` in a
   * config or `--rule`: it turns the rule on at its preset's (else its own) default severity.
   */
  explicit?: boolean;
}
export type RuleSettings = Map<string, RuleSetting>;

/** The `recommended` preset: every recommended rule at its default severity, no options. */
export function defaultSettings(rules: readonly Rule[]): RuleSettings {
  return new Map(rules.map((r) => [r.id, { severity: r.recommended === false ? 'off' : r.severity, options: {} }]));
}

export const NO_SHARED_SETTINGS: SharedSettings = { frontends: [], datastores: [] };
