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
    why: 'Docker Compose validates the interpolated, merged model against the Compose Specification JSON Schema and refuses the project on any violation. compose-lint reports every violation at the exact key or value, names it in plain words and suggests the nearest valid key for a typo. It also reports what compose-go refuses after the schema: a service with neither `image` nor `build` (often an override that still uses an old service name), a `container_name` used twice or with several replicas, `cpus`, `mem_limit`, `mem_reservation`, `pids_limit` or `scale` disagreeing with `deploy`, durations and byte sizes it cannot read (`interval: 5 seconds`, `mem_limit: 1x`), short volume entries with too many fields, and a project whose files are all empty. Two mounts on one container path are a warning: Compose keeps the last one and drops the other silently. Values Compose loads but Docker refuses when `docker compose up` runs them are errors too: an image reference with an empty tag or digest (`nginx:`, `nginx@`; one left so by an unset variable is reported by the `interpolation` rule) and a long-syntax port without `target`.',
    bad: 'services:\n  web:\n    imagee: nginx\n',
    good: 'services:\n  web:\n    image: nginx\n',
  },
  check: reportLoadProblems,
});
