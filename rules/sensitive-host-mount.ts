import { defineRule } from '../src/define-rule';
import type { Severity } from '../src/types';
import { CIS_5_5, OWASP_8 } from './_references';
import { HostBind, hostBinds, runtimeSocket, socketMount, viaVolume } from './_mounts';
import { serviceEntries } from '../src/model/project';
import { exposureOf, reach, severityFor } from './_security';

/**
 * Sensitive host paths. CIS Docker Benchmark 5.5 names /, /boot, /dev, /etc, /lib, /proc, /sys and
 * /usr (the directories); the issue adds home directories, Docker's own state and credential
 * directories. Below /etc only what runs as root, grants it or holds the host's keys counts: an
 * application's own directory (`/etc/pihole`, `/etc/letsencrypt`) is that application's data.
 * Of /usr and /lib (and their siblings /bin, /sbin, /lib32, /lib64, /libx32) only the programs,
 * libraries and kernel modules count: `/usr/share/...` or `/usr/src` holds no code the host runs as
 * root by itself.
 * `tree`: subdirectories count too; otherwise only the path itself. `readLeaks`: reading it is a
 * leak too (password hashes, private keys), so a read-only bind of it below /etc is still reported.
 * `writeOnly`: world-readable on the host (programs, libraries), so only a writable bind is reported.
 * The first match names it.
 */
const SENSITIVE: { re: RegExp; what: string; tree: boolean; readLeaks?: boolean; writeOnly?: boolean }[] = [
  // Credentials first: `/root/.ssh` is reported as keys, not as root's home.
  { re: /^(~|\/root|\/home\/[^/]+|\/Users\/[^/]+)?\/\.(ssh|gnupg)(\/|$)/, what: 'SSH or GnuPG keys', tree: true },
  { re: /^(~|\/root|\/home\/[^/]+|\/Users\/[^/]+)?\/\.(aws|kube|docker|azure)(\/|$)/, what: 'cloud, Kubernetes or registry credentials', tree: true },
  { re: /^\/$/, what: "the host's whole filesystem", tree: false },
  { re: /^\/etc$/, what: "the host's configuration (/etc: users, sudoers, cron, systemd units)", tree: false },
  { re: /^\/etc\/(shadow|gshadow|sudoers|sudoers\.d)(\/|$)/, what: "the host's users, password hashes and sudo rights", tree: true, readLeaks: true },
  // World-readable on the host: only writing them matters.
  { re: /^\/etc\/(passwd|group|subuid|subgid)$/, what: "the host's users, password hashes and sudo rights", tree: false },
  { re: /^\/etc\/(crontab|anacrontab|cron\.[a-z]+|systemd|init\.d|init|rc\.local|rc[0-6S]\.d)(\/|$)/, what: "the host's cron jobs and services (they run as root)", tree: true },
  { re: /^\/etc\/ssh(\/|$)/, what: "the host's SSH server settings and host keys", tree: true, readLeaks: true },
  { re: /^\/etc\/(pam\.d|security)(\/|$)/, what: "the host's login rules (PAM)", tree: true },
  { re: /^\/etc\/(ld\.so\.preload|ld\.so\.conf|ld\.so\.conf\.d)(\/|$)/, what: "the host's dynamic linker settings (libraries loaded into every program)", tree: true },
  { re: /^\/etc\/(profile|profile\.d|bash\.bashrc|environment)(\/|$)/, what: "the host's login shell startup files", tree: true },
  { re: /^\/etc\/(docker|containerd|kubernetes)(\/|$)/, what: "the host's container runtime settings (daemon configuration, TLS keys)", tree: true, readLeaks: true },
  { re: /^\/etc\/(modprobe\.d|modules-load\.d|udev|sysctl\.conf|sysctl\.d)(\/|$)/, what: "the host's kernel module, device and sysctl settings", tree: true },
  {
    re: /^\/etc\/(hosts|hostname|resolv\.conf|nsswitch\.conf|localtime|timezone|machine-id|fstab)$/,
    what: 'a host system file (name resolution, host name, time zone, machine id or mounts)',
    tree: false,
  },
  { re: /^\/root(\/|$)/, what: "root's home directory", tree: true },
  // Monitoring and VPN images read /lib/modules (read-only is routine); writing it plants a module the host loads as root.
  { re: /^(\/usr)?\/lib\/modules(\/|$)/, what: "the host's kernel modules (the host loads them into its kernel)", tree: true, writeOnly: true },
  { re: /^\/usr$/, what: "the host's programs and libraries (/usr: the host runs them as root)", tree: false, writeOnly: true },
  {
    re: /^(\/usr(\/local)?)?\/(s?bin|lib|lib32|lib64|libx32|libexec)(\/|$)/,
    what: "the host's programs and libraries (the host runs them as root)",
    tree: true,
    writeOnly: true,
  },
  { re: /^\/boot(\/|$)/, what: "the host's kernel and boot loader", tree: true },
  { re: /^\/proc(\/|$)/, what: "the host's /proc (kernel tunables, every process's memory and environment)", tree: true },
  { re: /^\/sys(\/|$)/, what: "the host's /sys (kernel and device settings)", tree: true },
  { re: /^\/dev$/, what: 'every host device', tree: false },
  { re: /^\/var\/lib\/docker(\/|$)/, what: "Docker's own state (every container's filesystem and config)", tree: true },
  { re: /^\/home$/, what: 'every home directory on the host', tree: false },
];

/** Read-only mounts that only tell the container the host's time zone, CA roots or machine id. */
const HARMLESS_READ_ONLY = /^\/etc\/(localtime|timezone|machine-id|ssl\/certs|ca-certificates|pki\/ca-trust)(\/|$)/;

function sensitive(b: HostBind, socket: boolean): { what: string; base: Severity } | undefined {
  // docker-socket-mount tells the story of runtime sockets and the directories holding them (`/:/rootfs:ro`).
  if (b.type !== 'bind' || socket) return undefined;
  if (b.readOnly && HARMLESS_READ_ONLY.test(b.path)) return undefined;
  const hit = SENSITIVE.find((s) => s.re.test(b.path));
  if (!hit || (b.readOnly && hit.writeOnly)) return undefined;
  // A read-only file or subdirectory of /etc (a config file, certificates) is routine, unless reading it leaks keys.
  if (b.readOnly && b.path.startsWith('/etc/') && !hit.readLeaks) return undefined;
  return { what: hit.what, base: b.readOnly ? 'info' : 'warning' };
}

export default defineRule<Record<string, never>, 'writable' | 'readOnly'>({
  id: 'sensitive-host-mount',
  description:
    "A service mounts a sensitive host path: `/`, `/etc`, `/proc`, `/sys`, `/var/lib/docker`, home directories, SSH keys, cloud credentials, or (writable) the host's programs and libraries (`/usr`, `/lib`).",
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
      "A bind mount puts a host directory inside the container. For most paths that is the point; for some it hands the container the host: `/`, `/etc` itself, `/root`, `/boot`, `/proc`, `/sys`, `/dev`, `/var/lib/docker` (every other container), `/home`, and credential directories (`~/.ssh`, `~/.aws`, `~/.kube`, `~/.docker`, `~/.gnupg`, `~/.azure`). Below `/etc`, the parts that run as root, grant it or hold the host's keys: users and sudo rights (`passwd`, `shadow`, `group`, `sudoers`, `sudoers.d`), cron and services (`crontab`, `cron.*`, `systemd`, `init.d`, `rc.local`), `ssh`, PAM (`pam.d`, `security`), the dynamic linker (`ld.so.preload`, `ld.so.conf*`), shell startup files (`profile`, `profile.d`, `bash.bashrc`, `environment`), the container runtime (`docker`, `containerd`, `kubernetes`), kernel modules, udev and sysctl, and system files such as `hosts`, `resolv.conf` and `localtime`. An application's own directory below `/etc` (`/etc/pihole`, `/etc/letsencrypt`) is that application's data and is not reported. The host's programs, libraries and kernel modules (`/usr`, `/bin`, `/sbin`, `/lib`, `/lib32`, `/lib64`, `/libx32`, and `bin`, `sbin`, `lib*`, `libexec` below `/usr` and `/usr/local`) count when the bind is writable: code in the container can replace a binary or library the host runs as root, or plant a module in `/lib/modules` that the host loads into its kernel. Reading them leaks nothing (they are world-readable on the host), so read-only binds such as `/lib/modules:/lib/modules:ro` (VPN and monitoring images) are not reported, and neither is the rest of `/usr` (`/usr/share/zoneinfo`, `/usr/src`).",
      '',
      'A writable mount is a warning (an error on a public service); a read-only one is info (a warning on a public service): reading SSH keys or `/proc` is still a leak. Below `/etc` a read-only mount is reported only where reading leaks secrets (`shadow`, `sudoers`, `ssh`, `docker`, `containerd`, `kubernetes`...); read-only `/etc/localtime`, CA certificates or a config file are routine. The rule sees short and long syntax and named volumes that are binds. Runtime sockets and the directories that hold them (`/var/run`, and `/` as in `/:/rootfs:ro`) are left to `docker-socket-mount`, which reports them as control of the host.',
    ].join('\n'),
    bad: 'services:\n  backup:\n    image: example/backup:1.2\n    volumes:\n      - /etc:/host/etc\n      - ~/.ssh:/root/.ssh\n  vpn:\n    image: example/vpn:2.0\n    volumes:\n      - /lib/modules:/lib/modules\n',
    good: 'services:\n  backup:\n    image: example/backup:1.2\n    volumes:\n      - /etc/localtime:/etc/localtime:ro\n      - ./backup-key:/run/secrets/backup-key:ro\n  vpn:\n    image: example/vpn:2.0\n    volumes:\n      - /lib/modules:/lib/modules:ro\n',
    references: [CIS_5_5, OWASP_8],
  },
  check(ctx) {
    for (const [name, svc] of serviceEntries(ctx.project)) {
      const exposure = exposureOf(ctx.graph, name);
      for (const b of hostBinds(ctx.project, svc)) {
        const hit = sensitive(b, runtimeSocket(b) !== undefined || socketMount(svc.image, exposure, b) !== undefined);
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
