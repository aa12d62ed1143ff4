import { defineRule } from '../src/define-rule';
import { fileLine, originOf, Origin } from '../src/model/origin';
import { serviceEntries } from '../src/model/project';
import { parsePortRange } from '../src/model/ports';
import type { Graph, ServiceNode } from '../src/graph/types';
import { isLoopbackAddress, publishesPorts } from '../src/graph/exposure';
import { listNames } from '../src/graph/describe';
import { isDict } from '../src/util/dict';

/**
 * Logging options that hold a collector's address, with the port used when none is written.
 * Sources: Docker docs, logging drivers fluentd (default localhost:24224), gelf, syslog (514),
 * splunk, and the Grafana Loki Docker driver (loki-url).
 */
const ADDRESS_KEYS: Record<string, { defaultPort?: number }> = {
  'fluentd-address': { defaultPort: 24224 },
  'gelf-address': {},
  'syslog-address': { defaultPort: 514 },
  'splunk-url': {},
  'loki-url': {},
};
const SCHEME_PORTS: Record<string, number> = { http: 80, https: 443 };

interface Address {
  host: string;
  port?: number;
  protocol: 'tcp' | 'udp';
}

/** scheme://, user@, host ([v6] or name), :port, rest (path, query): the parts of a logging address. */
const ADDRESS = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^@/]*@)?(\[[^\]]+\]|[^:/?#]+)(?::(\d{1,5}))?([/?#].*)?$/i;

/** `tcp://fluentd:24224`, `fluentd:24224`, `udp://[::1]:12201`, `https://user@splunk:8088/path`; unix sockets give nothing. */
export function parseLogAddress(key: string, value: string): Address | undefined {
  const m = ADDRESS.exec(value.trim());
  if (!m) return undefined;
  const scheme = (m[1] ?? '').toLowerCase();
  if (scheme === 'unix' || scheme === 'unixgram' || value.startsWith('/')) return undefined;
  const port = m[4] ? Number(m[4]) : (SCHEME_PORTS[scheme] ?? ADDRESS_KEYS[key]?.defaultPort);
  const address: Address = { host: m[3].replace(/^\[(.*)\]$/, '$1'), protocol: scheme.startsWith('udp') ? 'udp' : 'tcp' };
  if (port !== undefined) address.port = port;
  return address;
}

/**
 * The address with another host and port, keeping everything else as written (scheme such as
 * `udp://` or `tcp+tls://`, user, path): `udp://graylog:12201` -> `udp://localhost:12201`. A port
 * left unwritten stays so when it is the one implied (`port` undefined keeps the written one).
 */
export function withHost(key: string, value: string, host: string, port?: number): string {
  const m = ADDRESS.exec(value.trim());
  if (!m) return value;
  const implied = parseLogAddress(key, value)?.port;
  const written = m[4] === undefined && (port === undefined || port === implied) ? '' : `:${port ?? m[4]}`;
  return `${m[1] ? `${m[1]}://` : ''}${m[2] ?? ''}${host}${written}${m[5] ?? ''}`;
}

/** The project's services a name belongs to (service name, container_name, alias, hostname), if any. */
function composeName(graph: Graph, host: string): string | undefined {
  const lower = host.toLowerCase();
  const holder = graph.serviceNames.get(lower)?.[0] ?? graph.names.get(lower)?.[0]?.service ?? graph.hostnames.get(lower)?.[0];
  if (holder) return holder;
  return graph.disabledNames.has(lower) ? host : undefined;
}

/** Whether the node's `ports` are published on the host: its own stack (with a network that is not internal) or the default bridge. */
function publishesOnHost(graph: Graph, node: ServiceNode): boolean {
  return (node.namespace.kind === 'own' || node.namespace.kind === 'bridge') && publishesPorts(graph, node);
}

/** A service binding a port on the host, and where the binding is written. */
interface HostBinding {
  service: string;
  origin?: Origin;
}

/** The first service that binds `port` on the host: publishes it (any address), or listens on it on the host network. */
function boundOnHost(graph: Graph, port: number, protocol: string): HostBinding | undefined {
  for (const node of graph.services.values()) {
    const listening = node.namespace.kind === 'host' ? node.listening.find((l) => l.port === port && l.protocol === protocol) : undefined;
    if (listening) return { service: node.name, origin: listening.origin ?? node.origin };
    if (!publishesOnHost(graph, node)) continue;
    for (const p of node.published) {
      if (p.protocol !== protocol) continue;
      const range = parsePortRange(p.published);
      if (range && port >= range.start && port <= range.end) return { service: node.name, origin: p.origin ?? node.origin };
    }
  }
  return undefined;
}

/** How the daemon reaches a host address a port is bound on: localhost for every address or loopback. */
function hostFor(hostIp: string): string {
  if (hostIp === '' || hostIp === '0.0.0.0' || /^127\./.test(hostIp)) return 'localhost';
  if (hostIp === '::' || isLoopbackAddress(hostIp)) return '[::1]';
  return hostIp.includes(':') ? `[${hostIp}]` : hostIp;
}

/**
 * Where the host reaches the collector service's `port`/`protocol` when the service already makes
 * it reachable there: a published port (any host port and address: `24225:24224` gives
 * localhost:24225) or, on the host network, the port itself.
 */
function targetOnHost(graph: Graph, target: string, port: number, protocol: string): { host: string; port: number; how: string } | undefined {
  const node = graph.services.get(target);
  if (!node) return undefined;
  if (node.namespace.kind === 'host') return { host: 'localhost', port, how: 'listens on the host network' };
  if (!publishesOnHost(graph, node)) return undefined;
  const p = node.published.find((e) => e.target === port && e.protocol === protocol && /^\d+$/.test(e.published));
  return p && { host: hostFor(p.hostIp), port: Number(p.published), how: `publishes it as host port ${p.published}${p.protocol === 'udp' ? '/udp' : ''}` };
}

/**
 * The first neighbouring compose file (Project.neighbours, in name order) that binds the port on
 * the host. Host ports are the host's, whatever the networks: a collector started from that file
 * beside this project answers on localhost.
 */
function boundByNeighbour(graph: Graph, port: number, protocol: string): (HostBinding & { file: string }) | undefined {
  for (const peer of graph.peerFiles) {
    const other = peer.graph();
    const binding = other && boundOnHost(other, port, protocol);
    if (binding) return { ...binding, file: peer.path };
  }
  return undefined;
}

type MessageId = 'serviceName' | 'serviceNamePublished' | 'notPublished' | 'notPublishedPeer';

interface Problem {
  messageId: MessageId;
  data: Record<string, string | number>;
  origin?: Origin;
  services: string[];
  severity?: 'warning' | 'info';
}

export default defineRule<Record<string, never>, MessageId>({
  id: 'logging-address',
  description: 'Logging driver addresses are resolved by the Docker daemon on the host, not on the compose network.',
  category: 'network',
  severity: 'error',
  fixable: false,
  messages: {
    serviceName:
      '`{{key}}: {{value}}` names the service {{target}}, but the Docker daemon connects to logging addresses from the host, where compose names do not resolve ({{services}}); publish {{spec}} on {{target}} and use `{{address}}`',
    serviceNamePublished:
      '`{{key}}: {{value}}` names the service {{target}}, but the Docker daemon connects to logging addresses from the host, where compose names do not resolve ({{services}}); {{target}} already {{how}}: use `{{address}}`',
    notPublished: '`{{key}}: {{value}}` points at the host, but no service of this project binds {{port}}/{{protocol}} there ({{services}}); publish {{spec}} on the log collector',
    notPublishedPeer:
      '`{{key}}: {{value}}` points at the host, where no service of this project binds {{port}}/{{protocol}} ({{services}}); {{publisher}} at {{where}}, a compose file beside it, publishes that port: start it first, on its own or with `-f {{file}}`, or the daemon has nowhere to send these logs',
  },
  docs: {
    why: [
      "The logging driver runs in the Docker daemon, on the host, not in the container: `fluentd-address`, `gelf-address`, `syslog-address`, `splunk-url` and `loki-url` are resolved and connected to from the host's network. A compose service name (`fluentd:24224`) does not resolve there, and the container fails to start (or loses its logs). Publish the collector's port (for the protocol the driver uses: `12201/udp` for `udp://`) and point the driver at `localhost` and the published host port, keeping the rest of the address as written (`udp://localhost:12201`, `https://localhost:8088/services/collector`); when the collector already publishes the port, or listens on the host network, the message says only which address to use.",
      'A service-name address is an error. A `localhost` (or 127.0.0.1, ::1) address whose port no service of the project publishes (or listens on with `network_mode: host`) is a warning: the collector may run elsewhere on the host, or be started from another compose file. When a compose file beside it really publishes that port (or listens on it with `network_mode: host`), the finding is info naming that file and line: such a logging stack is often a project of its own, which the daemon reaches on the loopback of the host all the same, as long as it is started first (the fluentd driver, without `fluentd-async`, stops a container it cannot connect to). Ports default to fluentd 24224, syslog 514, http 80, https 443. Unix sockets and outside hosts are not checked.',
    ].join('\n\n'),
    bad: [
      'services:',
      '  web:',
      '    image: nginx',
      '    logging:',
      '      driver: fluentd',
      '      options:',
      '        fluentd-address: fluentd:24224',
      '  fluentd:',
      '    image: fluent/fluentd:v1.17',
      '',
    ].join('\n'),
    good: [
      'services:',
      '  web:',
      '    image: nginx',
      '    logging:',
      '      driver: fluentd',
      '      options:',
      '        fluentd-address: localhost:24224',
      '  fluentd:',
      '    image: fluent/fluentd:v1.17',
      '    ports:',
      '      - "127.0.0.1:24224:24224"',
      '',
    ].join('\n'),
  },
  check(ctx) {
    const { graph } = ctx;
    // Services sharing one `x-logging` anchor share its lines: one finding per place, naming them all.
    const byPlace = new Map<string, Problem>();
    for (const [name, svc] of serviceEntries(ctx.project)) {
      const logging = svc.logging;
      const options = isDict(logging) ? logging.options : undefined;
      if (!isDict(options)) continue;
      for (const key of Object.keys(ADDRESS_KEYS)) {
        const value = options[key];
        if (typeof value !== 'string' || value === '') continue;
        const address = parseLogAddress(key, value);
        if (!address) continue;
        const origin = originOf(options, key);
        const problem = explain(graph, key, value, address);
        if (!problem) continue;
        const place = origin ? `${origin.source.path}\0${origin.start}` : `${name}\0${key}`;
        const known = byPlace.get(place);
        if (known) known.services.push(name);
        else byPlace.set(place, { ...problem, origin, services: [name] });
      }
    }
    for (const p of byPlace.values()) {
      ctx.report({ messageId: p.messageId, data: { ...p.data, services: `for ${listNames(p.services)}` }, origin: p.origin, service: p.services[0], severity: p.severity });
    }
  },
});

function explain(graph: Graph, key: string, value: string, address: Address): Omit<Problem, 'origin' | 'services'> | undefined {
  const target = composeName(graph, address.host);
  if (target) {
    if (address.port === undefined) return { messageId: 'serviceName', data: { key, value, target, spec: 'its port', address: withHost(key, value, 'localhost') } };
    const reached = targetOnHost(graph, target, address.port, address.protocol);
    if (reached) return { messageId: 'serviceNamePublished', data: { key, value, target, how: reached.how, address: withHost(key, value, reached.host, reached.port) } };
    return { messageId: 'serviceName', data: { key, value, target, spec: portSpec(address.port, address.protocol), address: withHost(key, value, 'localhost', address.port) } };
  }
  if (!isLoopbackAddress(address.host) || address.port === undefined || boundOnHost(graph, address.port, address.protocol)) return undefined;
  const data = { key, value, port: address.port, protocol: address.protocol };
  const peer = boundByNeighbour(graph, address.port, address.protocol);
  if (peer) return { messageId: 'notPublishedPeer', data: { ...data, where: peer.origin ? fileLine(peer.origin) : peer.file, publisher: peer.service, file: peer.file }, severity: 'info' };
  return { messageId: 'notPublished', data: { ...data, spec: portSpec(address.port, address.protocol) }, severity: 'warning' };
}

/** A port as a `ports` entry names it: `24224` (tcp, Compose's default), `12201/udp`. */
function portSpec(port: number, protocol: string): string {
  return protocol === 'udp' ? `${port}/udp` : String(port);
}
