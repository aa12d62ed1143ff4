import { defineRule } from '../src/define-rule';
import { volumeMounts } from '../src/model/service';
import { CIS_5_19 } from './_references';
import { hardeningTargets, reachData } from './_security';

const SHARED = new Set(['shared', 'rshared']);

/** `` `/srv` ``; a long-syntax entry without `source` (Docker refuses a bind without one) by its target. */
function mountText(source: string, target: string): string {
  if (source) return `\`${source}\``;
  return target ? `an entry without \`source\` (target \`${target}\`)` : 'an entry without `source`';
}

export default defineRule<Record<string, never>, 'shared'>({
  id: 'mount-propagation',
  description: 'A bind mount uses `shared` or `rshared` propagation.',
  category: 'security',
  severity: 'warning',
  securitySeverity: 5.5,
  fixable: false,
  recommended: false,
  messages: {
    shared: '`{{service}}`, {{reach}}, mounts {{mount}} with `{{mode}}` propagation: mounts made inside the container appear on the host and in every container sharing the mount',
  },
  docs: {
    why: [
      "With `shared` or `rshared` propagation a bind mount is a two-way street: a mount made inside the container (by a process with `SYS_ADMIN`, or a volume plugin) appears on the host and in every other container that shares the mount, and the container sees mounts the host makes later. Docker's default, `rprivate`, keeps the container's mounts to itself. Only storage drivers and a few system agents need shared propagation; give it to those alone and say why in a comment.",
      'Both syntaxes are checked: `./data:/data:rshared` and `bind: {propagation: rshared}`. The finding is a warning on a public service and info elsewhere.',
    ].join('\n\n'),
    bad: 'services:\n  agent:\n    image: example/agent:1.0\n    volumes:\n      - /mnt/data:/data:rshared\n',
    good: 'services:\n  agent:\n    image: example/agent:1.0\n    volumes:\n      - /mnt/data:/data:ro\n',
    references: [CIS_5_19],
  },
  check(ctx) {
    for (const t of hardeningTargets(ctx)) {
      // The propagation as the model reads it: a short entry's last propagation option (compose-go keeps the last one), or `bind.propagation`.
      for (const m of volumeMounts(t.svc)) {
        const mode = m.propagation?.trim();
        if (mode === undefined || !SHARED.has(mode)) continue;
        ctx.report({
          messageId: 'shared',
          data: { ...reachData(t), mount: mountText(m.source, m.target), mode },
          origin: m.propagationOrigin,
          service: t.name,
          severity: t.severity,
          value: m.spec ?? m.propagation,
        });
      }
    }
  },
});
