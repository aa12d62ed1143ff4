import { defineRule } from '../src/define-rule';
import { keyOriginOf } from '../src/model/origin';
import { addListItem } from '../src/engine/service-edits';
import { CIS_5_3, OWASP_3 } from './_references';
import { capabilityName } from '../src/model/service';
import { stringList } from '../src/util/dict';
import { hardeningTargets, reachData } from './_security';

export default defineRule<Record<string, never>, 'missing' | 'partial'>({
  id: 'cap-drop-all',
  description: 'A service does not drop all capabilities with `cap_drop: [ALL]`.',
  category: 'security',
  severity: 'warning',
  securitySeverity: 4.5,
  fixable: false,
  recommended: false,
  messages: {
    missing: "`{{service}}`, {{reach}}, keeps Docker's default capabilities: drop them with `cap_drop: [ALL]` and add back only what it needs with `cap_add`",
    partial: '`{{service}}`, {{reach}}, drops only {{dropped}}: drop every capability with `cap_drop: [ALL]` and add back only what it needs',
  },
  docs: {
    why: [
      'Docker starts a container with a default set of Linux capabilities (`CHOWN`, `DAC_OVERRIDE`, `FOWNER`, `SETUID`, `SETGID`, `NET_RAW`, `NET_BIND_SERVICE`, `MKNOD`, `KILL`, ... 14 in all). Most services need none or one of them, and each is something an attacker who gets code running in the container can use: `NET_RAW` to forge packets on the container\'s networks, `DAC_OVERRIDE` to read any file, `SETUID` to switch users. `cap_drop: [ALL]` removes them all; `cap_add` then grants back exactly what the service needs (often only `NET_BIND_SERVICE`, or `CHOWN`/`SETUID`/`SETGID` for images that drop root themselves). Docker applies `cap_drop` before `cap_add`, so the two together mean "only these".',
      'The finding is a warning on a public service and info elsewhere. Test the service after the change: an image whose entrypoint switches users or changes file owners fails until the capabilities it uses are added back.',
      "Suggestion (applied only with `--fix --fix-rule cap-drop-all`, because it changes what runs): add `ALL` to the service's `cap_drop`, appended to the list where a file writes it, else as a new key at the end of the service.",
    ].join('\n\n'),
    bad: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n    cap_drop:\n      - ALL\n    cap_add:\n      - CHOWN\n      - SETGID\n      - SETUID\n      - NET_BIND_SERVICE\n',
    references: [CIS_5_3, OWASP_3],
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      const dropped = stringList(t.svc.cap_drop);
      if (dropped.some((c) => capabilityName(c.value) === 'ALL')) continue;
      const fix = addListItem(ctx.project, t.name, 'cap_drop', 'ALL');
      const suggestions = fix && [{ description: `add \`ALL\` to the \`cap_drop\` of ${t.name}`, fix }];
      if (dropped.length) {
        const list = dropped.map((c) => `\`${c.value}\``).join(', ');
        ctx.report({ messageId: 'partial', data: { ...reachData(t), dropped: list }, origin: keyOriginOf(t.svc, 'cap_drop'), service: t.name, severity: t.severity, suggestions });
      } else {
        ctx.report({ messageId: 'missing', data: reachData(t), origin: t.origin, service: t.name, severity: t.severity, suggestions });
      }
    }
  },
});
