/**
 * What `compose-lint graph` prints, independent of the output format: networks, services with
 * their ports, and who reaches whom (each edge with the kinds of reference that make it).
 */
import { isHostnameReference, resolveName } from '../query';
import { internalOnly, networksPhrase } from '../exposure';
import type { Graph, HostReference, ReferenceKind, ServiceNode } from '../types';

export interface NetworkView {
  name: string;
  declared: boolean;
  internal: boolean;
  external: boolean;
  driver: string;
  members: string[];
  /** DNS name -> services it resolves to on this network. */
  names: Record<string, string[]>;
}

export interface PortView {
  hostIp: string;
  published: string;
  target: number;
  protocol: string;
}

export interface ServiceView {
  name: string;
  /** `own`, or the network_mode value (host, none, bridge, service:X, container:X). */
  namespace: string;
  networks: string[];
  datastore: boolean;
  published: PortView[];
  /**
   * Set when the service has `ports` but Docker publishes none of them because every network of
   * the service is internal: "only on internal network data" (absent otherwise).
   */
  unpublished?: string;
  listening: string[];
}

export interface EdgeView {
  from: string;
  /** A service, or for an unresolved edge the name that does not resolve. */
  to: string;
  kinds: ReferenceKind[];
  /** The names `from` uses for `to` (service name, aliases, ...). */
  via: string[];
  resolved: boolean;
}

export interface GraphView {
  project: string;
  networks: NetworkView[];
  services: ServiceView[];
  edges: EdgeView[];
}

const KIND_ORDER: ReferenceKind[] = ['depends_on', 'links', 'external_links', 'network_mode', 'environment', 'env_file', 'command', 'entrypoint'];

export function graphView(graph: Graph, project: string): GraphView {
  const networks = [...graph.networks.values()].map((n) => ({
    name: n.name,
    declared: n.declared,
    internal: n.internal,
    external: n.external,
    driver: n.driver,
    members: n.members,
    names: Object.fromEntries([...n.dnsNames].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
  }));
  const services = [...graph.services.values()].map((s) => serviceView(graph, s));
  const edges: EdgeView[] = [];
  for (const node of graph.services.values()) for (const item of edgesFrom(graph, node)) edges.push(item);
  return { project, networks, services, edges };
}

function serviceView(graph: Graph, s: ServiceNode): ServiceView {
  const listening = [...new Set(s.listening.map((l) => `${l.port}/${l.protocol}`))];
  const internal = s.published.length && s.namespace.kind === 'own' ? internalOnly(graph, s.networks) : undefined;
  const view: ServiceView = {
    name: s.name,
    namespace: s.namespace.kind === 'own' ? 'own' : (s.namespace.raw ?? s.namespace.kind),
    networks: s.networks,
    datastore: s.datastore !== undefined,
    published: s.published.map(({ hostIp, published, target, protocol }) => ({ hostIp, published, target, protocol })),
    listening,
  };
  if (internal) view.unpublished = `only on internal ${networksPhrase(internal)}`;
  return view;
}

/** One edge per (from, to), its kinds in a fixed order. */
function edgesFrom(graph: Graph, node: ServiceNode): EdgeView[] {
  const byTarget = new Map<string, EdgeView>();
  const add = (to: string, ref: HostReference, resolved: boolean): void => {
    let e = byTarget.get(to);
    if (!e) {
      e = { from: node.name, to, kinds: [], via: [], resolved };
      byTarget.set(to, e);
    }
    if (!e.kinds.includes(ref.kind)) e.kinds.push(ref.kind);
    if (!e.via.includes(ref.host)) e.via.push(ref.host);
  };
  for (const ref of node.references) {
    if (!isHostnameReference(ref)) {
      if (ref.kind === 'external_links') continue; // a container outside the project
      add(ref.host, ref, graph.services.has(ref.host));
      continue;
    }
    const r = resolveName(graph, node.name, ref.host);
    if (r.status === 'resolved') r.targets.filter((t) => t !== node.name).forEach((t) => add(t, ref, true));
    else if (r.status === 'unresolved' && !ref.usageOnly && !graph.disabledNames.has(ref.host.toLowerCase())) add(ref.host, ref, false);
  }
  const edges = [...byTarget.values()];
  for (const e of edges) e.kinds.sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b));
  return edges;
}

/** `127.0.0.1:8080->80/tcp`, `8080->80/tcp`, `->80/tcp` (a port Docker picks). */
export function portLabel(p: PortView): string {
  const host = p.hostIp ? `${p.hostIp.includes(':') ? `[${p.hostIp}]` : p.hostIp}:${p.published}` : p.published;
  return `${host}->${p.target}/${p.protocol}`;
}

/** What sets a network apart from a plain project bridge: external, internal, another driver. */
export function networkTraits(n: NetworkView): string[] {
  return [n.external ? 'external' : '', n.internal ? 'internal' : '', n.driver !== 'bridge' ? n.driver : ''].filter(Boolean);
}
