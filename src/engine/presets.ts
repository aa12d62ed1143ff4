/**
 * The built-in presets a config can `extends`. Each assigns every rule a severity and options:
 *
 * - `recommended` (the default): each rule at its declared severity, without options; rules that
 *   declare `recommended: false` (e.g. `unused-disable`) are off.
 * - `all`: every rule on at its declared severity, without options.
 * - `strict`: every rule on and at least a warning (`info` rules become warnings), and every
 *   boolean option named `strict` in a rule's options schema turned on.
 *
 * A preset's severities are defaults, not the user's word (RuleSetting.explicit stays unset): a
 * finding that carries its own severity (a security rule's info on an internal service, warning
 * on a public one) keeps it; the preset's severity applies to the findings that carry none.
 */
import type { Rule, Severity } from '../types';
import { defaultSettings, RuleSettings } from './settings';

export const PRESET_NAMES = ['recommended', 'strict', 'all'] as const;
export type PresetName = (typeof PRESET_NAMES)[number];

export const PRESET_SUMMARIES: Record<PresetName, string> = {
  recommended: 'each rule at its default severity; rules marked not recommended are off (the default)',
  all: 'every rule on at its default severity',
  strict: "every rule on, `info` raised to `warning`, and each rule's `strict` option turned on",
};

export function presetSettings(name: PresetName, rules: readonly Rule[]): RuleSettings {
  if (name === 'recommended') return defaultSettings(rules);
  return new Map(
    rules.map((r) => {
      if (name === 'all') return [r.id, { severity: r.severity, options: {} }];
      const severity: Severity = r.severity === 'info' ? 'warning' : r.severity;
      return [r.id, { severity, options: hasStrictOption(r) ? { strict: true } : {} }];
    }),
  );
}

function hasStrictOption(rule: Rule): boolean {
  const props = rule.options?.properties as Record<string, { type?: unknown }> | undefined;
  return props?.strict?.type === 'boolean';
}

/** The presets a rule is on in, for its docs. */
export function presetsEnabling(rule: Pick<Rule, 'recommended'>): PresetName[] {
  return rule.recommended === false ? ['all', 'strict'] : ['recommended', 'all', 'strict'];
}
