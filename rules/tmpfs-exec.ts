import { defineRule } from '../src/define-rule';
import { originOf } from '../src/model/origin';
import { OWASP_8 } from './_references';
import { stringList } from '../src/util/dict';
import { hardeningTargets, reachData } from './_security';

/** Mount options that undo Docker's default `noexec,nosuid,nodev` for `tmpfs` entries. */
const REENABLING = ['exec', 'suid', 'dev'];

export default defineRule<Record<string, never>, 'reenabled'>({
  id: 'tmpfs-exec',
  description: 'A `tmpfs` mount re-enables `exec`, `suid` or `dev`.',
  category: 'security',
  severity: 'warning',
  securitySeverity: 3.5,
  fixable: false,
  recommended: false,
  messages: {
    reenabled:
      "`{{service}}`, {{reach}}, mounts a tmpfs {{where}} with {{options}}, undoing Docker's default `noexec,nosuid,nodev`: a writable scratch directory becomes a place to run dropped payloads",
  },
  docs: {
    why: [
      'Docker mounts the entries of a service\'s `tmpfs` with `noexec,nosuid,nodev` (Docker docs, "tmpfs mounts"; docker/compose#3425): a process can write there but cannot run what it wrote, honour setuid bits or open device nodes. Those defaults matter most on a read-only container, where the tmpfs is the only writable place an attacker has. The `exec`, `suid` and `dev` options turn each default off again. Some tools do need to run files from a scratch directory (a JIT cache, a build step); give them their own path and keep `/tmp` and `/run` on the defaults. Images built on s6-overlay need `exec` on `/run` (it runs its service scripts from there): silence the finding with that reason.',
      "Entries of `tmpfs` are checked (`/tmp:exec,size=64m`). Long-syntax `volumes` of `type: tmpfs` take only `size` and `mode` in the Compose file format, so they keep Docker's defaults and need no check. The finding is a warning on a public service and info elsewhere.",
    ].join('\n\n'),
    bad: 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs:\n      - /tmp:exec,size=64m\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    read_only: true\n    tmpfs:\n      - /tmp:size=64m\n',
    references: [OWASP_8, { url: 'https://docs.docker.com/engine/storage/tmpfs/', title: 'Docker docs: tmpfs mounts' }],
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      for (const { value, index } of stringList(t.svc.tmpfs)) {
        const colon = value.indexOf(':');
        if (colon === -1) continue;
        const found = value
          .slice(colon + 1)
          .split(',')
          .map((o) => o.trim())
          .filter((o) => REENABLING.includes(o));
        if (!found.length) continue;
        const origin = index === -1 ? originOf(t.svc, 'tmpfs') : originOf(t.svc.tmpfs, index);
        const options = found.map((o) => `\`${o}\``).join(', ');
        ctx.report({
          messageId: 'reenabled',
          data: { ...reachData(t), where: colon ? `at \`${value.slice(0, colon)}\`` : 'without a path', options },
          origin,
          service: t.name,
          severity: t.severity,
          value,
        });
      }
    }
  },
});
