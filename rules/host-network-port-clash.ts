import { defineRule } from '../src/define-rule';
import { keyOriginOf } from '../src/model/origin';
import { networkMode, replicasOrigin } from '../src/model/service';
import { describePorts } from '../src/graph/ports';
import { PortEntry, RunnableService, canRunTogether, findClashes, hostPortLabel, listeningEntries, publishedEntries, publishesPorts, quotedList, runnableServices } from './_ports';

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

/** " (nginx listens on 80 by default)", " (PORT=3000 in its environment)", or nothing for declared ports. */
const how = (e: PortEntry): string => (e.how ? ` (${e.how})` : '');

type MessageId = 'listener' | 'publisher' | 'replicas';

export default defineRule<Record<string, never>, MessageId>({
  id: 'host-network-port-clash',
  description: 'Services on the host network must not listen on the same port as each other or as a published port.',
  category: 'network',
  severity: 'error',
  fixable: false,
  messages: {
    listener: 'this service uses the host network and listens on {{ports}}{{how}}, which is also bound on the host by {{others}}: only one of them can bind it',
    publisher: 'host port {{port}} is also bound by {{others}}: only one of them can bind it',
    replicas: 'this service uses the host network and runs {{replicas}} replicas: each listens on {{ports}}{{how}} on the host, so only one of them can bind it',
  },
  docs: {
    why: [
      "A service with `network_mode: host` shares the host's network stack: its processes bind host ports directly, and its own `ports` are ignored. Two such services listening on the same port and protocol, or one listening on a port another service publishes, cannot both start: the second one fails to bind. The same goes for several replicas (`deploy.replicas`, `scale`) of one host-network service. Give each service its own port, or leave the host network and publish ports instead.",
      "What a service listens on is known from, in order: its `ports` targets and `expose`; port settings it states itself (a `PORT` or `*_HTTP_PORT`/`*_SERVER_PORT`/`*_LISTEN_PORT`-style variable that names no peer host, flags such as `--port 8080`, `-p 8080`, `--web.listen-address=:9100`, `--entrypoints.web.address=:80`); and when neither says anything, the default port of a widely used image (nginx, httpd, traefik 80; caddy 80 and 443; postgres 5432; mysql and mariadb 3306; mongo 27017; redis and valkey 6379; memcached 11211; rabbitmq 5672; elasticsearch and opensearch 9200; prometheus 9090; grafana 3000; node-exporter 9100; cadvisor 8080; alertmanager 9093; fluentd 24224; kibana 5601; ...). The message says where the port comes from. A clash that rests on an image's default port is a warning, since a mounted configuration may move it.",
    ].join('\n\n'),
    bad: 'services:\n  web1:\n    image: nginx\n    network_mode: host\n  web2:\n    image: nginx\n    network_mode: host\n',
    good: 'services:\n  web1:\n    image: nginx\n    network_mode: host\n  web2:\n    image: nginx\n    ports:\n      - "8080:80"\n',
  },
  check(ctx) {
    const env = ctx.project.env;
    const services = runnableServices(ctx.project);
    const hostServices = services.filter(onHostNetwork);
    const listeners = hostServices.flatMap((s) => listeningEntries(s, ctx.project, ctx.graph));
    const publishers = services.filter((s) => publishesPorts(s.svc, ctx.graph)).flatMap((s) => publishedEntries(s, env, ctx.graph));
    const isListener = new Set(listeners);
    // A host-network process binds every address, so any published address of the port clashes with it.
    const clashes = findClashes([...listeners, ...publishers], (a, b) => a.service !== b.service && (isListener.has(a) || isListener.has(b)) && canRunTogether(a.service, b.service));

    for (const entry of [...listeners, ...publishers]) {
      const others = clashes.get(entry);
      if (!others) continue;
      const ports = [...new Set([...others.values()].flat())];
      const who = describeOthers(others.keys(), isListener);
      // An image's default port may be moved by a mounted configuration: a warning, not an error.
      const severity = entry.fromImage || [...others.keys()].some((o) => o.fromImage) ? 'warning' : undefined;
      const origin = entry.origin ?? keyOriginOf(entry.service.svc, 'ports');
      if (isListener.has(entry))
        ctx.report({ messageId: 'listener', data: { ports: describePorts(ports, entry.protocol), how: how(entry), others: who }, origin, service: entry.service.name, severity });
      else ctx.report({ messageId: 'publisher', data: { port: hostPortLabel(entry.hostIp, ports, entry.protocol), others: who }, origin, service: entry.service.name, severity });
    }

    for (const s of hostServices) {
      if (s.replicas <= 1) continue;
      const mine = listeners.filter((l) => l.service === s);
      if (!mine.length) continue; // nothing known to listen on: replicas of a worker are fine
      const ports = [...new Set(mine.map((l) => describePorts(l.ports, l.protocol)))].join(', ');
      const known = mine.find((l) => l.how);
      ctx.report({
        messageId: 'replicas',
        data: { replicas: s.replicas, ports, how: known ? how(known) : '' },
        origin: replicasOrigin(s.svc),
        service: s.name,
        severity: mine.every((l) => l.fromImage) ? 'warning' : undefined,
      });
    }
  },
});
