import type { Rule } from '../src/types';
import { reportLoadProblems } from './_load-problems';

const rule: Rule = {
  id: 'schema',
  description: 'The resolved model must follow the Compose Specification schema.',
  category: 'correctness',
  severity: 'error',
  fixable: false,
  docs: {
    why: 'Docker Compose validates the interpolated, merged model against the Compose Specification JSON Schema and refuses the project on any violation. compose-lint reports every violation at the exact key or value, names it in plain words and suggests the nearest valid key for a typo.',
    bad: 'services:\n  web:\n    imagee: nginx\n',
    good: 'services:\n  web:\n    image: nginx\n',
  },
  check: reportLoadProblems,
};
export default rule;
