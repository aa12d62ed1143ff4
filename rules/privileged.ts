import { defineRule } from '../src/define-rule';
import { originOf } from '../src/model/origin';
import { CIS_5_4, CWE_250, OWASP_3 } from './_references';
import { serviceEntries } from '../src/model/project';
import { exposureOf, reach, severityFor } from './_security';

export default defineRule<Record<string, never>, 'privileged'>({
  id: 'privileged',
  description: 'A service runs privileged (`privileged: true`): every capability, every host device, no seccomp or AppArmor confinement.',
  category: 'security',
  severity: 'warning',
  securitySeverity: 7.5,
  fixable: false,
  messages: {
    privileged:
      '`privileged: true` gives the container every capability and every host device without seccomp or AppArmor: whoever runs code in it controls the host; grant only the capabilities and devices it needs ({{exposure}})',
  },
  docs: {
    why: [
      'A privileged container gets every Linux capability, sees every host device and runs without the default seccomp and AppArmor profiles. Escaping it to the host takes one command (mount the host disk, load a kernel module), so any flaw in the service is a flaw in the host.',
      '',
      'Grant what the service really needs instead: a few `cap_add` entries, one `devices` entry. The finding is an error when the service is public (a published port on every interface, or the host network) and a warning otherwise; the message says how the service is reached.',
    ].join('\n'),
    bad: 'services:\n  vpn:\n    image: example/vpn:1.4\n    privileged: true\n    ports:\n      - "51820:51820/udp"\n',
    good: 'services:\n  vpn:\n    image: example/vpn:1.4\n    cap_add:\n      - NET_ADMIN\n    devices:\n      - /dev/net/tun\n    ports:\n      - "51820:51820/udp"\n',
    references: [CIS_5_4, OWASP_3, CWE_250],
  },
  check(ctx) {
    for (const [name, svc] of serviceEntries(ctx.project)) {
      if (svc.privileged !== true) continue; // the loader casts `privileged: "${P}"` to a boolean, as compose-go does
      const exposure = exposureOf(ctx.graph, name);
      ctx.report({
        messageId: 'privileged',
        data: { exposure: reach(exposure) },
        origin: originOf(svc, 'privileged'),
        service: name,
        value: 'privileged',
        severity: severityFor('warning', exposure),
      });
    }
  },
});
