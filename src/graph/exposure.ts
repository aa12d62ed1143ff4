/**
 * Exposure: how far from the outside world each service is, computed once per graph so that
 * security and network rules read one answer instead of re-deriving "is it published?".
 *
 * - `public`: publishes a port on a non-loopback host address (no host IP, `0.0.0.0`, `::`, a LAN
 *   IP; a port with no host side is an ephemeral port on every interface), or uses the host's
 *   network stack (`network_mode: host`).
 * - `adjacent`: not public, but sits on a network with a public service, or shares the network,
 *   pid or ipc namespace of one (`network_mode`/`pid`/`ipc: service:X`).
 * - `internal`: everything else, including services published only on loopback (127.0.0.0/8, ::1)
 *   and services whose every network is `internal: true`, whose `ports` Docker does not publish.
 *
 * Facts: Docker publishes a port without a host IP on every interface (0.0.0.0 and ::), and an
 * empty host port picks an ephemeral one (Docker docs, "Published ports"; docker/go-connections nat).
 * Port mappings are programmed only on the endpoint that gives the container its default gateway,
 * and an internal network gives none: moby libnetwork/drivers/bridge/bridge_linux.go (`Join` sets
 * the gateway only when the network is not internal), libnetwork/default_gateway.go
 * (`needDefaultGW` skips internal networks, so no docker_gwbridge either); reported as
 * moby/moby#36174 and docker/compose#6534. One non-internal network is enough to publish them.
 */
import type { ComposeDict } from '../model/project';
import type { Exposure, ExposureLevel, Graph, NamespaceKind, NetworkNode, PublishedPort, ServiceNode } from './types';
import { reachableNetworks } from './query';

export type { Exposure, ExposureLevel };

/** True for host addresses only the host itself can reach: 127.0.0.0/8, ::1 (bracketed or not), localhost. */
export function isLoopbackAddress(hostIp: string): boolean {
  const ip = hostIp.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(ip) || ip === '::1' || ip === '0:0:0:0:0:0:0:1' || ip === 'localhost';
}

/** True when the port is published on an address other machines can reach. */
export function isPubliclyPublished(p: PublishedPort): boolean {
  return !isLoopbackAddress(p.hostIp);
}

/** "0.0.0.0:8080", "[::]:443", "192.168.1.5:80", "0.0.0.0 (an ephemeral port for 8080)". */
export function publishedAddress(p: PublishedPort): string {
  const host = p.hostIp === '' ? '0.0.0.0' : p.hostIp.includes(':') && !p.hostIp.startsWith('[') ? `[${p.hostIp}]` : p.hostIp;
  return p.published === '' ? `${host} (an ephemeral port for ${p.target})` : `${host}:${p.published}`;
}

/**
 * The networks, when every one of them is `internal: true`: Docker then publishes none of the
 * service's `ports` (see the module comment). Undefined when one network is not internal, when the
 * list is empty, or when one is external (its flags are the existing network's, not the file's).
 * @param networks network keys of the project (a service's attachments, `default` for the implicit one)
 */
export function internalOnly(graph: Graph, networks: readonly string[]): NetworkNode[] | undefined {
  const nets: NetworkNode[] = [];
  for (const name of networks) {
    const net = graph.networks.get(name);
    if (!net?.internal || net.external) return undefined;
    nets.push(net);
  }
  return nets.length ? nets : undefined;
}

/**
 * Whether Docker publishes the service's `ports` on the host: on its own network stack with a
 * network that is not internal, on the default bridge (`network_mode: bridge`), or on a network
 * outside the project (`network_mode: <name>`, which compose-lint cannot see into). Not under
 * `host` (the process binds host ports itself), `none`, `service:X` or `container:X`.
 */
export function publishesPorts(graph: Graph, node: ServiceNode): boolean {
  return publishesPortsOn(graph, node.namespace.kind, node.networks);
}

/**
 * publishesPorts for a service given by its namespace kind (`own`, or its `network_mode` kind) and
 * network keys: also for services the graph does not hold (disabled by profiles).
 */
export function publishesPortsOn(graph: Graph, kind: NamespaceKind, networks: readonly string[]): boolean {
  if (kind === 'own') return internalOnly(graph, networks) === undefined;
  return kind === 'bridge' || kind === 'other';
}

/** `network data`, `networks data and cache`: for messages. */
export function networksPhrase(nets: readonly NetworkNode[]): string {
  const names = nets.map((n) => n.name);
  return names.length === 1 ? `network ${names[0]}` : `networks ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What makes a service public on its own, or undefined. */
function ownExposure(graph: Graph, node: ServiceNode): Exposure | undefined {
  if (node.namespace.kind === 'host') {
    return { level: 'public', reason: 'on the host network (network_mode: host)', origin: node.namespace.origin };
  }
  if (!publishesPorts(graph, node)) return undefined;
  const port = node.published.find(isPubliclyPublished);
  return port ? { level: 'public', reason: `published on ${publishedAddress(port)}`, origin: port.origin } : undefined;
}

/** `service:X` values of pid and ipc: namespaces shared with X besides the network one. */
function sharedProcessNamespaces(svc: ComposeDict | undefined): { key: 'pid' | 'ipc'; target: string }[] {
  const out: { key: 'pid' | 'ipc'; target: string }[] = [];
  for (const key of ['pid', 'ipc'] as const) {
    const v = svc?.[key];
    if (typeof v === 'string' && v.startsWith('service:')) out.push({ key, target: v.slice('service:'.length) });
  }
  return out;
}

/**
 * Compute every service's exposure. Cost: one pass over services and one over network members.
 * @param services the merged model's services (for `pid`/`ipc`), by name
 */
export function computeExposure(graph: Graph, services: Record<string, unknown>): Map<string, Exposure> {
  const out = new Map<string, Exposure>();
  for (const node of graph.services.values()) {
    const own = ownExposure(graph, node);
    if (own) out.set(node.name, own);
  }
  // The first public member of each network, in model order.
  const publicOn = new Map<string, string>();
  for (const net of graph.networks.values()) {
    const pub = net.members.find((m) => out.get(m)?.level === 'public');
    if (pub) publicOn.set(net.name, pub);
  }
  for (const node of graph.services.values()) {
    if (out.has(node.name)) continue;
    out.set(node.name, adjacency(graph, node, out, publicOn, services[node.name] as ComposeDict | undefined) ?? notPublished(graph, node));
  }
  return out;
}

/** The `internal` exposure, saying why `ports` do not count when the service has public ones. */
function notPublished(graph: Graph, node: ServiceNode): Exposure {
  const nets = node.namespace.kind === 'own' && node.published.some(isPubliclyPublished) ? internalOnly(graph, node.networks) : undefined;
  return nets ? { level: 'internal', reason: `not published: only on internal ${networksPhrase(nets)}` } : { level: 'internal', reason: 'not published' };
}

function adjacency(graph: Graph, node: ServiceNode, known: Map<string, Exposure>, publicOn: Map<string, string>, svc: ComposeDict | undefined): Exposure | undefined {
  const isPublic = (name: string): boolean => known.get(name)?.level === 'public';
  if (node.namespace.kind === 'service' && node.namespace.target && isPublic(node.namespace.target)) {
    const via = node.namespace.target;
    return { level: 'adjacent', reason: `in the network namespace of public service ${via}`, via };
  }
  for (const { key, target } of sharedProcessNamespaces(svc)) {
    if (isPublic(target)) return { level: 'adjacent', reason: `in the ${key} namespace of public service ${target}`, via: target };
  }
  for (const net of reachableNetworks(graph, node.name)) {
    const via = publicOn.get(net);
    if (via && via !== node.name) return { level: 'adjacent', reason: `on ${net} with public service ${via}`, via };
  }
  return undefined;
}
