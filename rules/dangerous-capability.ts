import { defineRule } from '../src/define-rule';
import type { Severity } from '../src/types';
import type { Graph } from '../src/graph/types';
import { originOf } from '../src/model/origin';
import { reachableNetworks } from '../src/graph/query';
import { CIS_5_3, CWE_250, OWASP_3 } from './_references';
import { serviceEntries } from '../src/model/project';
import { listOf } from '../src/util/dict';
import { capabilityName } from '../src/model/service';
import { exposureOf, raise, reach, severityFor } from './_security';

/**
 * Capabilities by tier (capabilities(7); container-escape write-ups for SYS_ADMIN, SYS_MODULE,
 * SYS_RAWIO and DAC_READ_SEARCH, the "shocker" open_by_handle_at escape). Docker's default set
 * (moby oci/caps/defaults.go: CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID,
 * SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE) is not reported, except
 * NET_RAW: adding it by name says the service means to use raw sockets on shared networks.
 */
const HIGH: Record<string, string> = {
  ALL: 'every capability: the container is nearly as strong as a privileged one',
  SYS_ADMIN: 'mount, namespaces, BPF and much more: the classic container escape',
  SYS_MODULE: 'loads kernel modules: code in the host kernel',
  SYS_RAWIO: 'raw I/O ports and /dev/mem: reads and writes host memory and disks',
  DAC_READ_SEARCH: 'open_by_handle_at: reads any file of the host\'s filesystem (the "shocker" escape)',
};
const MEDIUM: Record<string, string> = {
  NET_ADMIN: 'reconfigures interfaces, routes and firewall rules of its network namespace',
  NET_RAW: 'raw sockets: spoofs ARP and sniffs traffic on shared networks',
  BPF: 'loads BPF programs (with the host kernel as the attack surface)',
  SYS_BOOT: 'reboots the host',
  SYS_TIME: "sets the host's clock (it is not namespaced)",
  SYS_PTRACE: 'traces and injects code into processes it can see',
  MAC_ADMIN: 'changes the mandatory access control (AppArmor, SELinux) policy',
  MAC_OVERRIDE: 'overrides the mandatory access control (AppArmor, SELinux) policy',
};

/** Other services on the networks the service's namespace joins, or undefined on the host network. */
function neighbours(graph: Graph, name: string): string[] | undefined {
  if (graph.services.get(name)?.namespace.kind === 'host') return undefined;
  const out = new Set<string>();
  for (const net of reachableNetworks(graph, name)) {
    for (const m of graph.networks.get(net)?.members ?? []) if (m !== name) out.add(m);
  }
  return [...out];
}

function namesList(names: string[]): string {
  const shown = names.slice(0, 5).join(', ');
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

/** What NET_ADMIN / NET_RAW reach: the host's interfaces, the services on shared networks, or no one. */
function networkReach(graph: Graph, name: string): string {
  const peers = neighbours(graph, name);
  if (peers === undefined) return "; on the host network it acts on the host's own interfaces";
  return peers.length ? `; it shares networks with ${namesList(peers)}` : '; no other service shares its networks';
}

export default defineRule<Record<string, never>, 'capability'>({
  id: 'dangerous-capability',
  description: 'A service adds a Linux capability that lets it escape or disturb the host or its neighbours (`cap_add`: SYS_ADMIN, NET_ADMIN, ALL, ...).',
  category: 'security',
  severity: 'warning',
  securitySeverity: 6.5,
  fixable: false,
  messages: {
    capability: '`cap_add: {{cap}}`: {{effect}}{{detail}} ({{exposure}})',
  },
  docs: {
    why: [
      'Docker starts containers with a small set of capabilities. Each one added with `cap_add` takes away part of the isolation, and some take away all of it. The rule reports them by tier, spelled with or without `CAP_` and in any case:',
      '',
      '- high (a warning, an error on a public service): `ALL`, `SYS_ADMIN`, `SYS_MODULE`, `SYS_RAWIO`, `DAC_READ_SEARCH`: each is a known way out of the container;',
      "- medium (info, a warning on a public service): `NET_ADMIN` and `NET_RAW` (the message names the services on shared networks it can then spoof or sniff), `BPF`, `SYS_BOOT`, `SYS_TIME`, `SYS_PTRACE` (raised one level with `pid: host` or `pid: service:X`, where it can trace the host's or that service's processes), `MAC_ADMIN`, `MAC_OVERRIDE`.",
      '',
      "Capabilities in Docker's default set (`CHOWN`, `DAC_OVERRIDE`, `MKNOD`, ...) are not reported. Prefer `cap_drop: [ALL]` with only the capabilities the service needs added back.",
    ].join('\n'),
    bad: 'services:\n  monitor:\n    image: example/monitor:2.0\n    cap_add:\n      - SYS_ADMIN\n',
    good: 'services:\n  monitor:\n    image: example/monitor:2.0\n    cap_drop:\n      - ALL\n    cap_add:\n      - NET_BIND_SERVICE\n',
    references: [CIS_5_3, OWASP_3, CWE_250],
  },
  check(ctx) {
    for (const [name, svc] of serviceEntries(ctx.project)) {
      const caps = listOf(svc.cap_add);
      const exposure = exposureOf(ctx.graph, name);
      const pid = typeof svc.pid === 'string' ? svc.pid : '';
      caps.forEach((entry, i) => {
        const cap = capabilityName(String(entry));
        const high = HIGH[cap];
        const medium = MEDIUM[cap];
        if (!high && !medium) return;
        let base: Severity = high ? 'warning' : 'info';
        let detail = '';
        if (cap === 'NET_ADMIN' || cap === 'NET_RAW') detail = networkReach(ctx.graph, name);
        if (cap === 'SYS_PTRACE' && (pid === 'host' || pid.startsWith('service:'))) {
          base = raise(base);
          detail = pid === 'host' ? '; with `pid: host` that is every process of the host' : `; with \`pid: ${pid}\` that is every process of ${pid.slice('service:'.length)}`;
        }
        ctx.report({
          messageId: 'capability',
          data: { cap, effect: high ?? medium, detail, exposure: reach(exposure) },
          origin: originOf(caps, i),
          service: name,
          value: cap,
          severity: severityFor(base, exposure),
        });
      });
    }
  },
});
