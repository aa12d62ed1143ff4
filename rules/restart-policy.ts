import { defineRule } from '../src/define-rule';
import { dependsOn } from '../src/model/service';
import { servicesOf } from '../src/model/project';
import { isDict } from '../src/util/dict';
import { CIS_5_14 } from './_references';
import { hardeningTargets, reachData } from './_security';

/** Swarm job modes run to completion. */
const JOB_MODES = new Set(['replicated-job', 'global-job']);

export default defineRule<Record<string, never>, 'missing'>({
  id: 'restart-policy',
  description: 'A long-running public service has no restart policy.',
  category: 'security',
  severity: 'warning',
  securitySeverity: 2.0,
  fixable: false,
  recommended: false,
  messages: {
    missing: '`{{service}}`, {{reach}}, has no restart policy: after a crash or a host reboot it stays down; set `restart: unless-stopped` (or `on-failure`)',
  },
  docs: {
    why: [
      'Without a restart policy Docker leaves a container down after it exits, and after the Docker daemon or the host restarts. For a service that serves users, a crash or a kernel update then becomes an outage until someone notices. `restart: unless-stopped` (or `always`, or `on-failure[:N]`; `deploy.restart_policy` in Swarm) brings it back. The CIS benchmark prefers `on-failure` with a retry limit, so a service that crashes on start does not loop forever.',
      'Only public services are reported (those that publish a port on a non-loopback address or use the host network): they are the ones users reach. One-shot services are left alone: those others wait for with `condition: service_completed_successfully`, and Swarm jobs. An explicit `restart: "no"` is a decision and is not reported.',
    ].join('\n\n'),
    bad: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n',
    good: 'services:\n  web:\n    image: nginx:1.27\n    ports: ["8080:80"]\n    restart: unless-stopped\n',
    references: [CIS_5_14, { url: 'https://docs.docker.com/reference/compose-file/services/#restart', title: 'Compose file reference: restart' }],
  },
  check(ctx) {
    const oneShot = new Set(
      Object.values(servicesOf(ctx.project)).flatMap((svc) =>
        isDict(svc)
          ? dependsOn(svc)
              .filter((d) => d.condition === 'service_completed_successfully')
              .map((d) => d.name)
          : [],
      ),
    );
    for (const t of hardeningTargets(ctx)) {
      if (!t.isPublic || oneShot.has(t.name)) continue;
      const deploy = isDict(t.svc.deploy) ? t.svc.deploy : {};
      if (t.svc.restart !== undefined || deploy.restart_policy !== undefined || JOB_MODES.has(String(deploy.mode))) continue;
      ctx.report({ messageId: 'missing', data: reachData(t), origin: t.origin, service: t.name, severity: t.severity });
    }
  },
});
