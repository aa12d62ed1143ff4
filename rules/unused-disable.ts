import { defineRule } from '../src/define-rule';

/**
 * The findings of this rule come from the suppression pass (src/engine/suppression-pass.ts), after
 * every other rule has run: only then is it known which comments suppressed something. The pass
 * renders these message templates (src/engine/unused-disable.ts).
 */
export type UnusedDisableMessageId = 'unused' | 'unusedRule' | 'unknownRule' | 'unknownRuleSuggest';

export default defineRule<Record<string, never>, UnusedDisableMessageId>({
  id: 'unused-disable',
  description: 'A `# compose-lint-disable...` comment must suppress something and name only existing rules.',
  category: 'style',
  severity: 'warning',
  fixable: true,
  recommended: false,
  messages: {
    unused: 'unused compose-lint-{{kind}} directive: no finding to suppress',
    unusedRule: 'unused compose-lint-{{kind}} directive: no "{{rule}}" finding to suppress',
    unknownRule: 'compose-lint-{{kind}} names "{{rule}}", which is not a rule',
    unknownRuleSuggest: 'compose-lint-{{kind}} names "{{rule}}", which is not a rule (did you mean "{{suggestion}}"?)',
  },
  docs: {
    why: 'A suppression comment that suppresses nothing is left over from a finding that was fixed, or names the wrong rule (a typo silences nothing). Either way it misleads the next reader and would hide a future finding it was never meant for. A comment naming a rule that does not exist is always reported (with the nearest rule id), unless this rule is turned `off` in the config; comments that merely suppress nothing are reported only when the rule is on: with `--report-unused-disable-directives`, in the config (`unused-disable: warning`), or with the `all` or `strict` preset. The fix removes a comment none of whose rules suppressed anything.',
    bad: 'services:\n  web:\n    # compose-lint-disable-next-line obsolete-version -- left over\n    image: nginx\n',
    good: 'services:\n  web:\n    image: nginx\n',
  },
  check() {
    // Reported by the engine: see the comment above.
  },
});
