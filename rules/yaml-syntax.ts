import { defineRule } from '../src/define-rule';
import { LOAD_PROBLEM_MESSAGE, reportLoadProblems } from './_load-problems';

export default defineRule<Record<string, never>, 'loadProblem'>({
  id: 'yaml-syntax',
  description: 'The file must be valid YAML: no syntax errors, duplicate keys, unknown aliases or alias bombs.',
  category: 'correctness',
  severity: 'error',
  fixable: false,
  messages: LOAD_PROBLEM_MESSAGE,
  docs: {
    why: 'Docker Compose refuses a file that is not valid YAML. Every syntax error is reported at its line and column, duplicate keys included (YAML forbids them and compose-go rejects them), and a file whose aliases expand beyond a sane bound is refused. The other checks of a file with syntax errors are skipped; other files are still linted.',
    bad: 'services:\n  web:\n    image: nginx\n    image: httpd\n',
    good: 'services:\n  web:\n    image: nginx\n',
  },
  check: reportLoadProblems,
});
