/** Rule metadata without the checks: what formatters, `rules` and `explain` need. */
import { allRules } from '../../rules';
import type { RuleMeta } from '../report/types';

export function ruleMetas(): RuleMeta[] {
  return allRules.map(({ id, description, category, severity, fixable, recommended, docs }) => ({ id, description, category, severity, fixable, recommended, docs }));
}
