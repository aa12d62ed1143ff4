import { defineRule } from '../src/define-rule';
import { originOf } from '../src/model/origin';
import { CIS_5_1, CIS_5_2, CIS_5_21, OWASP_6 } from './_references';
import { serviceEntries } from '../src/model/project';
import { listOf } from '../src/util/dict';
import { exposureOf, reach, severityFor } from './_security';

/**
 * `security_opt` values that switch a protection off, by their key (Docker docs, "docker run
 * --security-opt"; the `:` and `=` separators are both accepted).
 */
const DISABLED: Record<string, { value: string; what: string }> = {
  seccomp: { value: 'unconfined', what: 'the seccomp filter: every system call of the host kernel is open to the container' },
  apparmor: { value: 'unconfined', what: 'the AppArmor profile that keeps the container away from /proc, /sys and mount' },
  label: { value: 'disable', what: 'SELinux labelling: the container is no longer kept to its own files' },
  systempaths: { value: 'unconfined', what: 'the masking of /proc and /sys paths that expose the host kernel' },
};

export default defineRule<Record<string, never>, 'disabled'>({
  id: 'security-profile-disabled',
  description: 'A service turns off seccomp, AppArmor, SELinux labelling or /proc masking (`security_opt: [seccomp:unconfined]`, ...).',
  category: 'security',
  severity: 'warning',
  securitySeverity: 6.5,
  fixable: false,
  messages: {
    disabled: '`{{option}}` turns off {{what}} ({{exposure}})',
  },
  docs: {
    why: [
      "Docker confines every container with a seccomp filter (it blocks about 44 system calls that containers have no business making), an AppArmor profile or SELinux labels, and masked `/proc` and `/sys` paths. `security_opt` entries `seccomp:unconfined`, `apparmor:unconfined`, `label:disable` and `systempaths=unconfined` (with `:` or `=`) turn these off, leaving the host kernel's whole surface to whoever runs code in the container.",
      '',
      'If a service needs one more system call, give it a custom seccomp profile (`seccomp:./profile.json`) that adds just that call. The finding is an error on a public service and a warning otherwise.',
    ].join('\n'),
    bad: 'services:\n  browser:\n    image: example/headless-chrome:120\n    security_opt:\n      - seccomp:unconfined\n',
    good: 'services:\n  browser:\n    image: example/headless-chrome:120\n    security_opt:\n      - seccomp:./chrome-seccomp.json\n',
    references: [CIS_5_21, CIS_5_1, CIS_5_2, OWASP_6],
  },
  check(ctx) {
    for (const [name, svc] of serviceEntries(ctx.project)) {
      const opts = listOf(svc.security_opt);
      const exposure = exposureOf(ctx.graph, name);
      opts.forEach((entry, i) => {
        const m = /^\s*([a-z]+)\s*[:=]\s*(.*?)\s*$/i.exec(String(entry));
        const known = m ? DISABLED[m[1].toLowerCase()] : undefined;
        if (!m || !known || m[2].toLowerCase() !== known.value) return;
        ctx.report({
          messageId: 'disabled',
          data: { option: String(entry), what: known.what, exposure: reach(exposure) },
          origin: originOf(opts, i),
          service: name,
          value: m[1].toLowerCase(),
          severity: severityFor('warning', exposure),
        });
      });
    }
  },
});
