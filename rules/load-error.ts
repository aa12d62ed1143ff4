import { defineRule } from '../src/define-rule';
import { LOAD_PROBLEM_MESSAGE, reportLoadProblems } from './_load-problems';

export default defineRule<Record<string, never>, 'loadProblem'>({
  id: 'load-error',
  description: 'Included and extended files, env files and label files must exist, load, and not form cycles.',
  category: 'correctness',
  severity: 'error',
  fixable: false,
  messages: LOAD_PROBLEM_MESSAGE,
  docs: {
    why: 'Docker Compose stops when an `include` or `extends` names a file that does not exist or cannot be read, when includes or extends form a cycle, or when an included file defines a resource the including file also defines. compose-lint reports these at the `include`/`extends` entry and still lints the rest of the project. The same goes for the `env_file` of a service (unless the entry says `required: false`) and `label_file`: a missing file is reported at its entry, a line the env file parser rejects at that line of the file.',
    bad: 'include:\n  - ./compose-lint-docs-missing.yaml\nservices:\n  web:\n    image: nginx\n',
    good: 'services:\n  web:\n    image: nginx\n',
  },
  check: reportLoadProblems,
});
