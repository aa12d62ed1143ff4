import { defineRule } from '../src/define-rule';
import { LOAD_PROBLEM_MESSAGE, reportLoadProblems } from './_load-problems';

export default defineRule<Record<string, never>, 'loadProblem'>({
  id: 'load-error',
  description: 'Included and extended files must exist, load, and not form cycles.',
  category: 'correctness',
  severity: 'error',
  fixable: false,
  messages: LOAD_PROBLEM_MESSAGE,
  docs: {
    why: 'Docker Compose stops when an `include` or `extends` names a file that does not exist or cannot be read, when includes or extends form a cycle, or when an included file defines a resource the including file also defines. compose-lint reports these at the `include`/`extends` entry and still lints the rest of the project.',
    bad: 'include:\n  - ./compose-lint-docs-missing.yaml\nservices:\n  web:\n    image: nginx\n',
    good: 'services:\n  web:\n    image: nginx\n',
  },
  check: reportLoadProblems,
});
