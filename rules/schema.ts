import { defineRule } from '../src/define-rule';
import { LOAD_PROBLEM_MESSAGE, reportLoadProblems } from './_load-problems';

export default defineRule<Record<string, never>, 'loadProblem'>({
  id: 'schema',
  description: 'The resolved model must follow the Compose Specification schema.',
  category: 'correctness',
  severity: 'error',
  fixable: false,
  messages: LOAD_PROBLEM_MESSAGE,
  docs: {
    why: 'Docker Compose validates the interpolated, merged model against the Compose Specification JSON Schema and refuses the project on any violation. compose-lint reports every violation at the exact key or value, names it in plain words and suggests the nearest valid key for a typo.',
    bad: 'services:\n  web:\n    imagee: nginx\n',
    good: 'services:\n  web:\n    image: nginx\n',
  },
  check: reportLoadProblems,
});
