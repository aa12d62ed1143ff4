import { defineRule } from '../src/define-rule';
import { LOAD_PROBLEM_MESSAGE, reportLoadProblems } from './_load-problems';

export default defineRule<Record<string, never>, 'loadProblem'>({
  id: 'interpolation',
  description: 'Variables must be set or have a default; required variables and templates must be valid.',
  category: 'correctness',
  severity: 'error',
  fixable: false,
  messages: LOAD_PROBLEM_MESSAGE,
  docs: {
    why: 'An unset variable without a default silently becomes an empty string: `image: ${USERNAME}/ui:1.0` turns into `/ui:1.0`. compose-lint warns about each unset variable where it is used, reports `${X:?message}` with its message when X is unset, and reports invalid templates as errors. Set the variable in the environment or `.env`, or give it a default (`${X:-value}`).',
    bad: 'services:\n  ui:\n    image: ${COMPOSE_LINT_DOCS_UNSET_USER}/ui:1.0\n',
    good: 'services:\n  ui:\n    image: ${COMPOSE_LINT_DOCS_UNSET_USER:-reddit}/ui:1.0\n',
  },
  check: reportLoadProblems,
});
