import type { Rule, RuleContext } from '../src/types';
import { keyOriginOf } from '../src/model/origin';
import {
  PortEntry,
  canRunTogether,
  hostAddressesOverlap,
  hostPortLabel,
  findClashes,
  publishedEntries,
  publishesPorts,
  quotedList,
  runnableServices,
} from './_ports';

function clash(a: PortEntry, b: PortEntry): boolean {
  if (!hostAddressesOverlap(a.hostIp, b.hostIp)) return false;
  return a.service === b.service || canRunTogether(a.service, b.service);
}

/** `service "api"`, `services "api" and "web"`, `another entry of this service`, or both. */
function describeOthers(entry: PortEntry, others: Iterable<PortEntry>): string {
  const names = [...new Set([...others].map((o) => o.service.name))];
  const elsewhere = names.filter((n) => n !== entry.service.name);
  const parts: string[] = [];
  if (elsewhere.length) parts.push(`${elsewhere.length === 1 ? 'service' : 'services'} ${quotedList(elsewhere)}`);
  if (elsewhere.length < names.length) parts.push('another entry of this service');
  return parts.join(' and ');
}

function check(ctx: RuleContext): void {
  const services = runnableServices(ctx.project).filter((s) => publishesPorts(s.svc));
  const entries = services.flatMap((s) => publishedEntries(s, ctx.project.env));
  const clashes = findClashes(entries, clash);
  for (const entry of entries) {
    const service = entry.service.name;
    const origin = entry.origin ?? keyOriginOf(entry.service.svc, 'ports');
    const others = clashes.get(entry);
    if (others) {
      const ports = [...new Set([...others.values()].flat())];
      const label = hostPortLabel(entry.hostIp, ports, entry.protocol);
      ctx.report({
        message: `${ports.length > 1 ? 'host ports' : 'host port'} ${label} ${ports.length > 1 ? 'are' : 'is'} also published by ${describeOthers(entry, others.keys())}: whichever container starts second fails with "port is already allocated"`,
        origin,
        service,
      });
    }
    if (entry.service.replicas > 1) {
      const label = hostPortLabel(entry.hostIp, entry.ports, entry.protocol);
      ctx.report({
        message: `host port ${label} is fixed, but the service runs ${entry.service.replicas} replicas: only one of them can bind it (leave out the host port, or publish a host range with a port per replica)`,
        origin,
        service,
      });
    }
  }
}

const rule: Rule = {
  id: 'published-port-conflict',
  description: 'Two services must not publish the same host port, protocol and address.',
  category: 'network',
  severity: 'error',
  fixable: false,
  docs: {
    why:
      'A host port can be bound once per protocol and address. When two services publish the same one, the second container to start fails with "port is already allocated". `0.0.0.0` (or no address) overlaps every IPv4 address and `::` every IPv6 one, while `127.0.0.1:80` and `127.0.0.2:80`, or `80/tcp` and `80/udp`, live side by side. Services whose profiles never run together (say `cpu` and `gpu`) do not clash, and a fixed host port clashes with itself when the service runs several replicas. Host ports that are still unknown after interpolation (an unset variable) are not guessed.',
    bad: 'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n  api:\n    image: node\n    ports:\n      - "8080:3000"\n',
    good: 'services:\n  web:\n    image: nginx\n    ports:\n      - "8080:80"\n  api:\n    image: node\n    ports:\n      - "8081:3000"\n',
  },
  check,
};
export default rule;
