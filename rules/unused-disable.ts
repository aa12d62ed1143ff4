import type { Rule } from '../src/types';

/**
 * The findings of this rule come from the suppression pass (src/engine/suppression-pass.ts), after
 * every other rule has run: only then is it known which comments suppressed something.
 */
const rule: Rule = {
  id: 'unused-disable',
  description: 'A `# compose-lint-disable...` comment must suppress something.',
  category: 'style',
  severity: 'warning',
  fixable: true,
  recommended: false,
  docs: {
    why: 'A suppression comment that suppresses nothing is left over from a finding that was fixed, or names the wrong rule (a typo silences nothing). Either way it misleads the next reader and would hide a future finding it was never meant for. This rule is off by default: turn it on with `--report-unused-disable-directives`, in the config (`unused-disable: warning`), or with the `all` or `strict` preset. The fix removes a comment none of whose rules suppressed anything.',
    bad: 'services:\n  web:\n    # compose-lint-disable-next-line obsolete-version -- left over\n    image: nginx\n',
    good: 'services:\n  web:\n    image: nginx\n',
  },
  check() {
    // Reported by the engine: see the comment above.
  },
};
export default rule;
