/**
 * Exposure: how far from the outside world each service is, computed once per graph so that
 * security and network rules read one answer instead of re-deriving "is it published?".
 *
 * - `public`: publishes a port on a non-loopback host address (no host IP, `0.0.0.0`, `::`, a LAN
 *   IP; a port with no host side is an ephemeral port on every interface), or uses the host's
 *   network stack (`network_mode: host`).
 * - `adjacent`: not public, but sits on a network with a public service, or shares the network,
 *   pid or ipc namespace of one (`network_mode`/`pid`/`ipc: service:X`).
 * - `internal`: everything else, including services published only on loopback (127.0.0.0/8, ::1).
 *
 * Facts: Docker publishes a port without a host IP on every interface (0.0.0.0 and ::), and an
 * empty host port picks an ephemeral one (Docker docs, "Published ports"; docker/go-connections nat).
 */
import type { ComposeDict } from '../model/project';
import type { Exposure, ExposureLevel, Graph, PublishedPort, ServiceNode } from './types';
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

/** What makes a service public on its own, or undefined. */
function ownExposure(node: ServiceNode): Exposure | undefined {
  if (node.namespace.kind === 'host') {
    return { level: 'public', reason: 'on the host network (network_mode: host)', origin: node.namespace.origin };
  }
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
    const own = ownExposure(node);
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
    out.set(node.name, adjacency(graph, node, out, publicOn, services[node.name] as ComposeDict | undefined) ?? { level: 'internal', reason: 'not published' });
  }
  return out;
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
