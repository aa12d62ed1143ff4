import { defineRule } from '../src/define-rule';
import { originOf } from '../src/model/origin';
import { scalarText } from '../src/util/dict';
import { CIS_4_1, OWASP_2 } from './_references';
import { hardeningTargets, reachData } from './_security';

/** `root`, `0`, and either with a group (`root:root`, `0:0`, `0:1000`). */
const ROOT = /^(root|0+)(:.*)?$/;

export default defineRule<Record<string, never>, 'unset' | 'root'>({
  id: 'run-as-root',
  description: "A service runs as root: `user` is root or 0, or not set (the image's default user, root unless its Dockerfile says otherwise).",
  category: 'security',
  severity: 'warning',
  securitySeverity: 5.0,
  fixable: false,
  recommended: false,
  messages: {
    unset: "`{{service}}`, {{reach}}, sets no `user`: it runs as the image's default user, which is root unless the image sets USER",
    root: '`{{service}}`, {{reach}}, runs as root (`user: {{user}}`)',
  },
  docs: {
    why: [
      'Root in a container is root on the host kernel, held back only by capabilities, seccomp and namespaces: a kernel bug or one careless mount away from the host. A service that runs as an unprivileged user turns a remote code execution into a much smaller problem. Set `user` to a UID (and GID) the image\'s files allow, e.g. `user: "1000:1000"`, or use an image built with a `USER` line.',
      'Without `user`, compose-lint cannot know whether the image sets `USER` (it does not pull images), so it reports the service and says so; silence the finding on the line before the service, with the reason, when the image runs unprivileged. The finding is a warning on a public service and info elsewhere.',
    ].join('\n\n'),
    bad: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n    user: root\n',
    good: 'services:\n  web:\n    image: nginxinc/nginx-unprivileged:1.27\n    ports: ["8080:8080"]\n    user: "101:101"\n',
    references: [CIS_4_1, OWASP_2],
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      const user = t.svc.user === undefined || t.svc.user === null ? '' : scalarText(t.svc.user).trim();
      if (user === '') {
        ctx.report({ messageId: 'unset', data: reachData(t), origin: t.origin, service: t.name, severity: t.severity });
      } else if (ROOT.test(user)) {
        ctx.report({ messageId: 'root', data: { ...reachData(t), user }, origin: originOf(t.svc, 'user'), service: t.name, severity: t.severity, value: user });
      }
    }
  },
});
