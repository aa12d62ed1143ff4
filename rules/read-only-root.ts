import { defineRule } from '../src/define-rule';
import { originOf } from '../src/model/origin';
import { CIS_5_12, OWASP_8 } from './_references';
import { hardeningTargets, reachData } from './_security';

export default defineRule<Record<string, never>, 'missing' | 'disabled'>({
  id: 'read-only-root',
  description: "A service's root filesystem is writable (no `read_only: true`).",
  category: 'security',
  severity: 'warning',
  securitySeverity: 4.0,
  fixable: false,
  recommended: false,
  messages: {
    missing: '`{{service}}`, {{reach}}, has a writable root filesystem: set `read_only: true` and give it `tmpfs` or volumes for the paths it writes',
    disabled: '`{{service}}`, {{reach}}, sets `read_only: false`: its root filesystem is writable',
  },
  docs: {
    why: [
      "A writable root filesystem lets an attacker who gets code running in the container change its programs and configuration: drop a web shell next to the app, replace a binary, add a cron job. With `read_only: true` the image's files cannot change; what the service must write (a cache, `/tmp`, a pid file) goes to a `tmpfs` or a volume, which also documents where the service keeps state.",
      'The finding is a warning on a public service and info elsewhere. Try it: many images work read-only with `tmpfs: [/tmp, /run]`; some write elsewhere at start and need one more volume.',
    ].join('\n\n'),
    bad: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n    read_only: true\n    tmpfs:\n      - /var/cache/nginx\n      - /var/run\n',
    references: [CIS_5_12, OWASP_8],
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      const ro = t.svc.read_only;
      if (ro === true || ro === 'true') continue;
      if (ro === false || ro === 'false') {
        ctx.report({ messageId: 'disabled', data: reachData(t), origin: originOf(t.svc, 'read_only'), service: t.name, severity: t.severity });
      } else {
        ctx.report({ messageId: 'missing', data: reachData(t), origin: t.origin, service: t.name, severity: t.severity });
      }
    }
  },
});
