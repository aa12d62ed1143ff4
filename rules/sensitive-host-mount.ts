import { defineRule } from '../src/define-rule';
import type { Severity } from '../src/types';
import { CIS_5_5, OWASP_8 } from './_references';
import { HostBind, hostBinds, runtimeSocket, viaVolume } from './_mounts';
import { serviceEntries } from '../src/model/project';
import { exposureOf, reach, severityFor } from './_security';

/**
 * Sensitive host paths (CIS Docker Benchmark 5.5 lists /, /boot, /dev, /etc, /lib, /proc, /sys,
 * /usr; the issue adds home directories, Docker's own state and credential directories).
 * `tree`: subdirectories count too; otherwise only the directory itself. The first match names it.
 */
const SENSITIVE: { re: RegExp; what: string; tree: boolean }[] = [
  // Credentials first: `/root/.ssh` is reported as keys, not as root's home.
  { re: /^(~|\/root|\/home\/[^/]+|\/Users\/[^/]+)?\/\.(ssh|gnupg)(\/|$)/, what: 'SSH or GnuPG keys', tree: true },
  { re: /^(~|\/root|\/home\/[^/]+|\/Users\/[^/]+)?\/\.(aws|kube|docker|azure)(\/|$)/, what: 'cloud, Kubernetes or registry credentials', tree: true },
  { re: /^\/$/, what: "the host's whole filesystem", tree: false },
  { re: /^\/etc(\/|$)/, what: "the host's configuration (/etc: users, sudoers, cron, systemd units)", tree: true },
  { re: /^\/root(\/|$)/, what: "root's home directory", tree: true },
  { re: /^\/boot(\/|$)/, what: "the host's kernel and boot loader", tree: true },
  { re: /^\/proc(\/|$)/, what: "the host's /proc (kernel tunables, every process's memory and environment)", tree: true },
  { re: /^\/sys(\/|$)/, what: "the host's /sys (kernel and device settings)", tree: true },
  { re: /^\/dev$/, what: 'every host device', tree: false },
  { re: /^\/var\/lib\/docker(\/|$)/, what: "Docker's own state (every container's filesystem and config)", tree: true },
  { re: /^\/home$/, what: 'every home directory on the host', tree: false },
];

/** Read-only mounts that only tell the container the host's time zone, CA roots or machine id. */
const HARMLESS_READ_ONLY = /^\/etc\/(localtime|timezone|machine-id|ssl\/certs|ca-certificates|pki\/ca-trust)(\/|$)/;

function sensitive(b: HostBind): { what: string; base: Severity } | undefined {
  if (b.type !== 'bind' || runtimeSocket(b) !== undefined) return undefined; // docker-socket-mount reports those
  if (b.readOnly && HARMLESS_READ_ONLY.test(b.path)) return undefined;
  const hit = SENSITIVE.find((s) => s.re.test(b.path));
  if (!hit) return undefined;
  // A read-only file or subdirectory of /etc (a config file, certificates) is routine.
  if (b.readOnly && hit.tree && b.path.startsWith('/etc/')) return undefined;
  return { what: hit.what, base: b.readOnly ? 'info' : 'warning' };
}

export default defineRule<Record<string, never>, 'writable' | 'readOnly'>({
  id: 'sensitive-host-mount',
  description: 'A service mounts a sensitive host path: `/`, `/etc`, `/proc`, `/sys`, `/var/lib/docker`, home directories, SSH keys or cloud credentials.',
  category: 'security',
  severity: 'warning',
  securitySeverity: 6.0,
  fixable: false,
  messages: {
    writable: 'bind of `{{path}}`{{via}}, {{what}}, writable: code in the container can change the host; mount only what it needs, read-only (`:ro`) ({{exposure}})',
    readOnly: 'bind of `{{path}}`{{via}}, {{what}}, read-only: code in the container can still read it; mount only what it needs ({{exposure}})',
  },
  docs: {
    why: [
      'A bind mount puts a host directory inside the container. For most paths that is the point; for some it hands the container the host: `/` and `/etc` (users, sudoers, cron), `/root`, `/boot`, `/proc`, `/sys`, `/dev`, `/var/lib/docker` (every other container), `/home`, and credential directories (`~/.ssh`, `~/.aws`, `~/.kube`, `~/.docker`, `~/.gnupg`, `~/.azure`).',
      '',
      'A writable mount is a warning (an error on a public service); a read-only one is info (a warning on a public service): reading SSH keys or `/proc` is still a leak. Read-only mounts of `/etc/localtime`, `/etc/timezone`, `/etc/machine-id`, CA certificates or any other file below `/etc` are not reported. The rule sees short and long syntax and named volumes that are binds. Runtime sockets are left to `docker-socket-mount`.',
    ].join('\n'),
    bad: 'services:\n  backup:\n    image: example/backup:1.2\n    volumes:\n      - /etc:/host/etc\n      - ~/.ssh:/root/.ssh\n',
    good: 'services:\n  backup:\n    image: example/backup:1.2\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - ./backup-key:/run/secrets/backup-key:ro\n',
    references: [CIS_5_5, OWASP_8],
  },
  check(ctx) {
    for (const [name, svc] of serviceEntries(ctx.project)) {
      const exposure = exposureOf(ctx.graph, name);
      for (const b of hostBinds(ctx.project, svc)) {
        const hit = sensitive(b);
        if (!hit) continue;
        ctx.report({
          messageId: b.readOnly ? 'readOnly' : 'writable',
          data: { path: b.source, via: viaVolume(b), what: hit.what, exposure: reach(exposure) },
          origin: b.origin,
          service: name,
          value: b.path,
          severity: severityFor(hit.base, exposure),
        });
      }
    }
  },
});
