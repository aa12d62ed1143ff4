import type { Rule, RuleContext } from '../src/types';
import { keyOriginOf } from '../src/model/origin';
import { networkMode, replicasOrigin } from '../src/model/service';
import {
  PortEntry,
  RunnableService,
  canRunTogether,
  describePorts,
  findClashes,
  hostPortLabel,
  listeningEntries,
  publishedEntries,
  publishesPorts,
  quotedList,
  runnableServices,
} from './_ports';

const onHostNetwork = (s: RunnableService): boolean => networkMode(s.svc)?.kind === 'host';

/**
 * What each side of a clash is told: the other services, grouped by how they take the port
 * (a host-network service listens on it, any other service publishes it).
 */
function describeOthers(others: Iterable<PortEntry>, listeners: ReadonlySet<PortEntry>): string {
  const hosts = new Set<string>();
  const publishers = new Set<string>();
  for (const o of others) (listeners.has(o) ? hosts : publishers).add(o.service.name);
  const parts: string[] = [];
  if (hosts.size) parts.push(`${quotedList([...hosts])} (network_mode: host)`);
  if (publishers.size) parts.push(`${quotedList([...publishers])} (${publishers.size > 1 ? 'publish' : 'publishes'} it)`);
  return parts.join(' and ');
}

function check(ctx: RuleContext): void {
  const env = ctx.project.env;
  const services = runnableServices(ctx.project);
  const hostServices = services.filter(onHostNetwork);
  const listeners = hostServices.flatMap((s) => listeningEntries(s, env));
  const publishers = services.filter((s) => publishesPorts(s.svc)).flatMap((s) => publishedEntries(s, env));
  const isListener = new Set(listeners);
  // A host-network process binds every address, so any published address of the port clashes with it.
  const clashes = findClashes([...listeners, ...publishers], (a, b) => a.service !== b.service && (isListener.has(a) || isListener.has(b)) && canRunTogether(a.service, b.service));

  for (const entry of [...listeners, ...publishers]) {
    const others = clashes.get(entry);
    if (!others) continue;
    const ports = [...new Set([...others.values()].flat())];
    const who = describeOthers(others.keys(), isListener);
    const message = isListener.has(entry)
      ? `this service uses the host network and listens on ${describePorts(ports, entry.protocol)}, which is also bound on the host by ${who}: only one of them can bind it`
      : `host port ${hostPortLabel(entry.hostIp, ports, entry.protocol)} is also bound by ${who}: only one of them can bind it`;
    ctx.report({ message, origin: entry.origin ?? keyOriginOf(entry.service.svc, 'ports'), service: entry.service.name });
  }

  for (const s of hostServices) {
    if (s.replicas <= 1) continue;
    const mine = listeners.filter((l) => l.service === s);
    if (!mine.length) continue; // nothing known to listen on: replicas of a worker are fine
    const ports = [...new Set(mine.map((l) => describePorts(l.ports, l.protocol)))].join(', ');
    ctx.report({
      message: `this service uses the host network and runs ${s.replicas} replicas: each listens on ${ports} on the host, so only one of them can bind it`,
      origin: replicasOrigin(s.svc),
      service: s.name,
    });
  }
}

const rule: Rule = {
  id: 'host-network-port-clash',
  description: 'Services on the host network must not listen on the same port as each other or as a published port.',
  category: 'network',
  severity: 'error',
  fixable: false,
  docs: {
    why:
      'A service with `network_mode: host` shares the host\'s network stack: its processes bind host ports directly, and its own `ports` are ignored. Two such services listening on the same port and protocol (known from their `ports` targets and `expose`), or one listening on a port another service publishes, cannot both start: the second one fails to bind. The same goes for several replicas of one host-network service. Give each service its own port, or leave the host network and publish ports instead.',
    bad: 'services:\n  web1:\n    image: nginx\n    network_mode: host\n    expose:\n      - "80"\n  web2:\n    image: nginx\n    network_mode: host\n    expose:\n      - "80"\n',
    good: 'services:\n  web1:\n    image: nginx\n    network_mode: host\n    expose:\n      - "80"\n  web2:\n    image: nginx\n    ports:\n      - "8080:80"\n',
  },
  check,
};
export default rule;
