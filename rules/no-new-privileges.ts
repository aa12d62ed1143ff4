import { defineRule } from '../src/define-rule';
import { originOf } from '../src/model/origin';
import { addListItem } from '../src/engine/service-edits';
import { CIS_5_25, OWASP_4 } from './_references';
import { stringList } from '../src/util/dict';
import { hardeningTargets, reachData } from './_security';

/** `no-new-privileges`, `no-new-privileges:true`, `no-new-privileges=false`: Docker reads the value with Go's strconv.ParseBool; a bare key means true. */
const NNP = /^no-new-privileges(?:[:=](.*))?$/i;
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

export default defineRule<Record<string, never>, 'missing' | 'disabled'>({
  id: 'no-new-privileges',
  description: 'A service does not set `no-new-privileges:true` in `security_opt`.',
  category: 'security',
  severity: 'warning',
  securitySeverity: 5.0,
  fixable: false,
  recommended: false,
  messages: {
    missing: '`{{service}}`, {{reach}}, does not set `no-new-privileges:true` in `security_opt`: a setuid or file-capability binary in the container can raise its privileges',
    disabled: '`{{service}}`, {{reach}}, sets `{{value}}`: processes can raise their privileges through setuid binaries',
  },
  docs: {
    why: [
      "Without `no-new-privileges`, a process in the container can gain privileges it did not start with: a setuid-root binary (`su`, `sudo`, `ping` on older images) or a file with capabilities runs with them. After a remote code execution in a web app running as an unprivileged user, that is the step to root inside the container, and from there to whatever the container can reach. `no-new-privileges:true` makes the kernel ignore setuid bits and file capabilities for the container's processes; almost no service needs them.",
      'The finding is a warning on a public service (it publishes a port on a non-loopback address or uses the host network) and info elsewhere; the message says how the service is reached. A daemon-wide `"no-new-privileges": true` in the Docker daemon\'s `daemon.json` has the same effect; compose-lint cannot see it, so silence the rule in the config then.',
      "Suggestion (not applied by a plain `--fix`, because it changes what runs): add `no-new-privileges:true` to the service's `security_opt`, appended to the list where a file writes it, else as a new key at the end of the service. Preview with `--fix-dry-run --fix-rule no-new-privileges`, apply with `--fix --fix-rule no-new-privileges`.",
    ].join('\n\n'),
    bad: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n    security_opt:\n      - no-new-privileges:true\n',
    references: [CIS_5_25, OWASP_4],
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      const opts = stringList(t.svc.security_opt);
      const set = opts.filter((o) => NNP.test(o.value.trim())).pop();
      if (set) {
        const value = NNP.exec(set.value.trim())![1];
        if (value === undefined || !FALSE.has(value.trim())) continue;
        const origin = set.index === -1 ? originOf(t.svc, 'security_opt') : originOf(t.svc.security_opt, set.index);
        ctx.report({ messageId: 'disabled', data: { ...reachData(t), value: set.value }, origin, service: t.name, severity: t.severity, value: set.value });
        continue;
      }
      const fix = addListItem(ctx.project, t.name, 'security_opt', 'no-new-privileges:true');
      ctx.report({
        messageId: 'missing',
        data: reachData(t),
        origin: t.origin,
        service: t.name,
        severity: t.severity,
        suggestions: fix && [{ description: `add \`no-new-privileges:true\` to the \`security_opt\` of ${t.name}`, fix }],
      });
    }
  },
});
