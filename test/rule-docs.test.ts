/**
 * Each rule's documented examples are linted: the bad one must produce the rule, the good one must
 * not. Every rule is on (the `all` preset), no config file is read, and the environment is empty so
 * variables on the machine running the tests cannot change the outcome.
 */
import { lintSync } from '../src/api';
import { allRules } from '../rules';
import { presetSettings } from '../src/engine/presets';
import { makeTree } from './engine-helpers';

const settings = presetSettings('all', allRules);

function rulesFound(example: string): string[] {
  const cwd = makeTree({ 'compose.yaml': example });
  return [...new Set(lintSync({ cwd, env: {}, settings }).findings.map((f) => f.rule))].sort();
}

describe.each(allRules.map((r) => [r.id, r] as const))('%s', (id, rule) => {
  test('the bad example produces the rule', () => {
    expect(rulesFound(rule.docs.bad)).toContain(id);
  });
  test('the good example does not', () => {
    expect(rulesFound(rule.docs.good)).not.toContain(id);
  });
});
