import { defineRule } from '../src/define-rule';
import type { Severity } from '../src/types';
import { originOf } from '../src/model/origin';
import { datastoreOf, isEngineItself } from '../src/graph/datastores';
import { CIS_5_9, CIS_5_15, CIS_5_16, CIS_5_20, CIS_5_30 } from './_references';
import { serviceEntries } from '../src/model/project';
import { imageForMessage } from '../src/model/image';
import { listOf } from '../src/util/dict';
import { exposureOf, reach, severityFor } from './_security';

/** Namespace keys whose `host` value shares the host's namespace, with what that gives away. */
const SHARED: { key: 'pid' | 'ipc' | 'userns_mode' | 'uts' | 'cgroup'; base: Severity; effect: string }[] = [
  { key: 'pid', base: 'warning', effect: 'sees every process of the host, and can signal or (with SYS_PTRACE) trace them' },
  { key: 'ipc', base: 'warning', effect: "shares the host's shared memory and semaphores: it reads and writes other processes' IPC" },
  { key: 'userns_mode', base: 'warning', effect: 'turns off user namespace remapping: root in the container is root on the host' },
  { key: 'uts', base: 'info', effect: "shares the host's hostname and domain name (with SYS_ADMIN it can change them)" },
  // Info like uts: it reveals (other containers' and host services' cgroups, their limits) but the
  // cgroup filesystem stays read-only without privileges, and it was Docker's default on cgroup v1.
  { key: 'cgroup', base: 'info', effect: "sees the host's whole cgroup hierarchy: the cgroups of the host's services and other containers, and their limits" },
];

export default defineRule<Record<string, never>, 'shared' | 'hostNetwork'>({
  id: 'host-namespace',
  description: 'A service shares a namespace of the host: `pid`, `ipc`, `userns_mode`, `uts` or `cgroup: host`, or `network_mode: host` where it is not needed.',
  category: 'security',
  severity: 'warning',
  securitySeverity: 6.0,
  fixable: false,
  messages: {
    shared: '`{{key}}: host`: the container {{effect}} ({{exposure}})',
    hostNetwork: "`network_mode: host` on {{what}}: it binds every port on every host interface and reaches services listening on the host's loopback; {{instead}} ({{exposure}})",
  },
  docs: {
    why: [
      "Namespaces are what make a container a container. `pid: host` shows it every process on the host; `ipc: host` shares the host's shared memory; `userns_mode: host` turns off user namespace remapping where the daemon has it on; `uts: host` shares the hostname; `cgroup: host` (`docker run --cgroupns=host`) shows it the host's cgroup hierarchy, with the cgroups and limits of the host's services and of other containers. Each is reported where it is written: a warning (`uts` and `cgroup`: info), one level higher on a public service. `cgroup: host` is info because it reveals rather than controls: without privileges the cgroup filesystem is mounted read-only, and host was Docker's default cgroup namespace on cgroup v1 hosts (the daemon's `default-cgroupns-mode`).",
      '',
      "`network_mode: host` puts the container on the host's network stack: every port it opens is open on every interface of the host, and it reaches whatever listens on the host's loopback. Some services need it (network discovery, DHCP, many dynamic ports); the rule reports it only where it is not needed: on a datastore (as the graph recognises them, like `frontend-reaches-database`), and on a service that lists `ports` (which host networking ignores): publishing those ports from a bridge network does the same job.",
    ].join('\n'),
    bad: 'services:\n  agent:\n    image: example/agent:3\n    pid: host\n  db:\n    image: postgres:16\n    network_mode: host\n',
    good: 'services:\n  agent:\n    image: example/agent:3\n  db:\n    image: postgres:16\n    ports:\n      - "127.0.0.1:5432:5432"\n',
    references: [CIS_5_9, CIS_5_15, CIS_5_16, CIS_5_20, CIS_5_30],
  },
  check(ctx) {
    for (const [name, svc] of serviceEntries(ctx.project)) {
      const exposure = exposureOf(ctx.graph, name);
      for (const { key, base, effect } of SHARED) {
        if (svc[key] !== 'host') continue;
        ctx.report({ messageId: 'shared', data: { key, effect, exposure: reach(exposure) }, origin: originOf(svc, key), service: name, value: key, severity: severityFor(base, exposure) });
      }
      if (svc.network_mode !== 'host') continue;
      const node = ctx.graph.services.get(name);
      const datastore = node !== undefined && isEngineItself(datastoreOf(node, ctx.settings?.datastores ?? []));
      const ports = listOf(svc.ports);
      if (!datastore && !ports.length) continue;
      ctx.report({
        messageId: 'hostNetwork',
        data: {
          what: datastore ? `the datastore ${node.image ? imageForMessage(node.image) : name}` : 'a service that lists its `ports`',
          instead: datastore ? 'attach it to a network and publish its port on 127.0.0.1 if the host needs it' : 'drop `network_mode: host` and publish those ports instead',
          exposure: reach(exposure),
        },
        origin: originOf(svc, 'network_mode'),
        service: name,
        value: 'network_mode',
        severity: severityFor('warning', exposure),
      });
    }
  },
});
