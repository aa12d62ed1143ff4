/** Rule metadata without the checks: what formatters, `rules` and `explain` need. */
import type { RuleMeta } from '../report/types';
import type { Rule } from '../types';

/** The catalog's rules (handed in by the API: the engine does not import rules/) as metadata. */
export function ruleMetas(rules: readonly Rule[]): RuleMeta[] {
  return rules.map(({ id, description, category, severity, fixable, recommended, securitySeverity, docs }) => ({ id, description, category, severity, fixable, recommended, securitySeverity, docs }));
}
